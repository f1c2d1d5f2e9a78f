//! Beredd's integration tests, in one binary to keep builds short. Each test starts the real
//! server on a free port against a fresh database (a temporary SQLite file, and PostgreSQL too
//! when BEREDD_TEST_POSTGRES_URL is set) and acts as a user over HTTP.

mod harness;

mod auth;
mod cli;
mod frameworks;
mod incidents;
mod outputs;
mod plans;
mod registers;
mod risks;
mod storage;
