//! Beredd's application: storage, use cases, web interface and command line.
//!
//! The layers, from the bottom: `platform` (database, clock, translations, passwords, mail) and
//! `content` (the files under `library/`); `store` (SQL only); `services` (use cases, never
//! `web`); `web` (HTTP only) and `cli` (commands). See README.md, "How the code is laid out".

pub mod cli;
pub mod content;
pub mod platform;
pub mod services;
pub mod store;
pub mod web;
