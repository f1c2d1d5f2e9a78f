//! Beredd's integration tests, in one binary to keep builds short. Each test starts the real
//! server on a free port against a fresh database (a temporary SQLite file, and PostgreSQL too
//! when BEREDD_TEST_POSTGRES_URL is set) and acts as a user over HTTP. The files follow the
//! application's areas, as in `src/web/`.

mod harness;

mod accounts;
mod architecture;
mod classification;
mod cli;
mod continuity;
mod crisis;
mod cycle;
mod frameworks;
mod governance;
mod hostile;
mod organisation;
mod risks;
mod sharing;
mod storage;
mod upgrades;
