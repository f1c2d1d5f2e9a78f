//! `beredd keys`: the keys that sign the organisation's incident logs, outside the database.
//! `show` prints the public half to put in the binder; `rotate` replaces the key (a yearly-cycle
//! task), keeping the old public half so that what it signed can still be checked.

use crate::platform::keys::grouped;
use crate::store::signing;

#[derive(clap::Subcommand, Debug)]
pub enum Keys {
    /// Prints where the key is kept and its public half, made the first time it is asked for.
    Show {
        #[command(flatten)]
        db: super::DbOptions,
    },
    /// Replaces the key with a new one. Entries signed before stay verifiable: the old key's
    /// public half is kept in the key folder and in the database.
    Rotate {
        #[command(flatten)]
        db: super::DbOptions,
    },
}

impl Keys {
    pub async fn run(self) -> anyhow::Result<()> {
        let (Keys::Show { db } | Keys::Rotate { db }) = &self;
        let db = db.connect().await?;
        db.migrate().await?;
        let org = super::organisation(&db).await?;
        let mut conn = db.pool.acquire().await?;
        let uid = signing::org_uid(&mut conn, org.id).await?;
        let key = match self {
            Keys::Show { .. } => db.keys.for_org(&uid)?,
            Keys::Rotate { .. } => {
                let (old, new) = db.keys.rotate(&uid)?;
                if let Some(old) = old {
                    println!("Den tidigare nyckeln {} signerar inte längre.", grouped(&old.key_id()));
                }
                new
            }
        };
        let public = key.public().to_hex();
        let key_id = key.key_id();
        let own = signing::NewKey {
            key_id: &key_id,
            public_key: &public,
            origin: signing::OWN,
            label: &db.keys.dir().display().to_string(),
            made_at: &key.created.to_string(),
            added_by: "(kommandorad)",
        };
        signing::record(&mut *conn, org.id, &own).await?;
        println!("Organisation: {}", org.name);
        println!("Nyckelmapp: {} (hemlig: kopiera den aldrig till databasen eller en pärm)", db.keys.dir().display());
        println!("Nyckel: {}, gjord {}", grouped(&key_id), key.created.shown_minute());
        println!("Offentlig nyckel (till pärmen): {}", grouped(&public));
        Ok(())
    }
}
