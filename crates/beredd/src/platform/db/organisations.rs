//! Migration 44's work that its SQL cannot do on both databases: short names for the
//! organisations there are, and log-in names unique per organisation instead of per installation.

use sqlx::Executor;

use super::{Backend, DbError};

/// Gives every organisation without a short name one made from its name.
pub(super) async fn name_existing(tx: &mut sqlx::AnyConnection) -> Result<(), DbError> {
    let orgs: Vec<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, name, slug FROM organisations ORDER BY id").fetch_all(&mut *tx).await?;
    let mut taken: Vec<String> = orgs.iter().filter_map(|o| o.2.clone()).collect();
    for (id, name, slug) in orgs {
        if slug.is_some() {
            continue;
        }
        let slug = beredd_domain::hosting::free_slug(&name, &taken);
        sqlx::query("UPDATE organisations SET slug = $1 WHERE id = $2").bind(&slug).bind(id).execute(&mut *tx).await?;
        taken.push(slug);
    }
    Ok(())
}

/// The column `users.username` was declared UNIQUE; it becomes unique together with `org_id`.
/// PostgreSQL drops the constraint. SQLite cannot drop a column's constraint: the table is made
/// again from its own recorded definition without it, its rows copied, and its indexes made
/// again (the caller has turned foreign keys off and checks them before committing).
pub(super) async fn usernames_per_organisation(backend: Backend, tx: &mut sqlx::AnyConnection) -> Result<(), DbError> {
    match backend {
        Backend::Postgres => {
            tx.execute("ALTER TABLE users DROP CONSTRAINT IF EXISTS users_username_key").await?;
        }
        Backend::Sqlite => rebuild_sqlite_users(tx).await?,
    }
    tx.execute("CREATE UNIQUE INDEX users_org_username ON users (org_id, username)").await?;
    Ok(())
}

async fn rebuild_sqlite_users(tx: &mut sqlx::AnyConnection) -> Result<(), DbError> {
    let (definition,): (String,) =
        sqlx::query_as("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'")
            .fetch_one(&mut *tx)
            .await?;
    let indexes: Vec<(String,)> =
        sqlx::query_as("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'users' AND sql IS NOT NULL")
            .fetch_all(&mut *tx)
            .await?;
    let rebuilt = without_unique_username(&definition)?;
    // Our own schema's text, read back from SQLite and changed above: no user input.
    tx.execute(sqlx::AssertSqlSafe(rebuilt)).await?;
    tx.execute("INSERT INTO users_rebuilt SELECT * FROM users").await?;
    tx.execute("DROP TABLE users").await?;
    tx.execute("ALTER TABLE users_rebuilt RENAME TO users").await?;
    for (index,) in indexes {
        tx.execute(sqlx::AssertSqlSafe(index)).await?;
    }
    Ok(())
}

/// The users table's definition as SQLite recorded it, named `users_rebuilt` and with the
/// username's UNIQUE taken away.
fn without_unique_username(definition: &str) -> Result<String, DbError> {
    let open = definition.find('(').ok_or_else(|| DbError::Schema("users: no column list".into()))?;
    let columns = &definition[open..];
    let unique = "username TEXT NOT NULL UNIQUE";
    if columns.matches(unique).count() != 1 {
        return Err(DbError::Schema(format!("users: expected one `{unique}`")));
    }
    Ok(format!("CREATE TABLE users_rebuilt {}", columns.replacen(unique, "username TEXT NOT NULL", 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_username_loses_its_own_uniqueness_and_nothing_else() {
        let def = "CREATE TABLE users (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    org_id BIGINT NOT NULL REFERENCES organisations(id),\n    username TEXT NOT NULL UNIQUE,\n    display_name TEXT NOT NULL, sso_subject TEXT)";
        let out = without_unique_username(def).unwrap();
        assert!(out.starts_with("CREATE TABLE users_rebuilt ("));
        assert!(out.contains("username TEXT NOT NULL,"));
        assert!(!out.contains("UNIQUE"));
        assert!(out.contains("REFERENCES organisations(id)"));
        assert!(without_unique_username("CREATE TABLE users (username TEXT NOT NULL)").is_err());
    }
}
