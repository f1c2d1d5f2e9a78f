//! `beredd serve`: run on an empty or existing database.

use super::{ServeFn, ServeOptions};
use crate::platform::db::Db;

#[derive(clap::Args, Debug)]
pub struct Serve {
    #[command(flatten)]
    db: super::DbOptions,
    #[command(flatten)]
    serve: ServeOptions,
}

impl Serve {
    pub async fn run(self, serve: ServeFn) -> anyhow::Result<()> {
        let db = Db::connect(&self.db.url).await?;
        db.migrate().await?;
        serve(db, self.serve.listen()).await
    }
}
