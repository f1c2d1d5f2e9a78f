//! Use cases: what a page handler or a command asks for, built from the store, the domain, the
//! content and the platform. Nothing here knows of HTTP, templates or `web`.

pub mod attention;
pub mod batch;
pub mod catalogue;
pub mod classification;
pub mod continuity;
pub mod crisis;
pub mod cycle;
pub mod frameworks;
pub mod invalid;
pub mod risks;
pub mod setup;
