//! `beredd serve`: run on an empty or existing database.

use super::{ServeFn, ServeOptions};

#[derive(clap::Args, Debug)]
pub struct Serve {
    #[command(flatten)]
    db: super::DbOptions,
    #[command(flatten)]
    serve: ServeOptions,
}

impl Serve {
    pub async fn run(self, serve: ServeFn) -> anyhow::Result<()> {
        let db = self.db.connect().await?;
        db.migrate().await?;
        serve(db, self.serve.listen()).await
    }
}
