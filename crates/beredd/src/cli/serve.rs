//! `beredd serve`: run on an empty or existing database.

use crate::platform::db::Db;
use crate::server::{self, ServeOptions};

#[derive(clap::Args, Debug)]
pub struct Serve {
    #[command(flatten)]
    db: super::DbOptions,
    #[command(flatten)]
    serve: ServeOptions,
}

impl Serve {
    pub async fn run(self) -> anyhow::Result<()> {
        let db = Db::connect(&self.db.url).await?;
        db.migrate().await?;
        server::run(db, &self.serve).await
    }
}
