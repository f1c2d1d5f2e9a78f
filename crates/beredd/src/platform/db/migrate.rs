//! Append-only migrations, embedded in the binary and applied at start, each in a transaction.

use sqlx::{Executor, Row};

use super::{Backend, Db, DbError};

/// One migration: its version, what it does, its file under `migrations/` and the file's text.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub file: &'static str,
    pub sql: &'static str,
}

impl Migration {
    /// SHA-256 of the file as embedded (before the backend's tokens are filled in, so that both
    /// databases record the same value), in hex.
    pub fn checksum(&self) -> String {
        use sha2::Digest;
        sha2::Sha256::digest(self.sql.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
    }
}

macro_rules! migration {
    ($version:literal, $name:literal, $file:literal) => {
        Migration {
            version: $version,
            name: $name,
            file: $file,
            sql: include_str!(concat!("../../../migrations/", $file)),
        }
    };
}

/// Every migration, in order. Never edit one that has shipped (Beredd refuses to start on a
/// database whose recorded checksum differs); add a new one.
pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "foundation", "0001_foundation.sql"),
    migration!(2, "dependencies", "0002_dependencies.sql"),
    migration!(3, "bia", "0003_bia.sql"),
    migration!(4, "scenarios", "0004_scenarios.sql"),
    migration!(5, "system provides", "0005_system_provides.sql"),
    migration!(6, "assets", "0006_assets.sql"),
    migration!(7, "assessments and actions", "0007_assessments.sql"),
    migration!(8, "evidence files", "0008_evidence.sql"),
    migration!(9, "local requirements", "0009_local_requirements.sql"),
    migration!(10, "continuity plans", "0010_plans.sql"),
    migration!(11, "offline kits", "0011_kits.sql"),
    migration!(12, "incidents", "0012_incidents.sql"),
    migration!(13, "incident reporting and communication", "0013_incident_comms.sql"),
    migration!(14, "meetings and bundles", "0014_meetings_bundles.sql"),
    migration!(15, "exercises and lessons", "0015_exercises_lessons.sql"),
    migration!(16, "recovery backlog", "0016_recovery.sql"),
    migration!(17, "yearly cycle", "0017_cycle.sql"),
    migration!(18, "reminders", "0018_reminders.sql"),
    migration!(19, "lesson targets", "0019_lesson_targets.sql"),
    migration!(20, "risk analysis", "0020_risks.sql"),
    migration!(21, "users as people", "0021_user_person.sql"),
    migration!(22, "frameworks and assessments", "0022_frameworks.sql"),
    migration!(23, "risk scope, assets and scales", "0023_risk_scope_scales.sql"),
    migration!(24, "framework evidence files", "0024_framework_evidence.sql"),
    migration!(25, "session last seen", "0025_session_last_seen.sql"),
    migration!(26, "swedish time", "0026_swedish_time.sql"),
    migration!(27, "bia after a shift and three days", "0027_bia_shift_three_days.sql"),
    migration!(28, "incident assessments", "0028_incident_assessments.sql"),
    migration!(29, "calendar tokens hashed", "0029_calendar_token_hash.sql"),
    migration!(30, "signing keys", "0030_signing_keys.sql"),
    migration!(31, "kit fingerprints", "0031_kit_fingerprints.sql"),
    migration!(32, "message drafts", "0032_message_drafts.sql"),
    migration!(33, "record of processing", "0033_record_of_processing.sql"),
    migration!(34, "api tokens", "0034_api_tokens.sql"),
    migration!(35, "register import", "0035_register_import.sql"),
    migration!(36, "single sign-on", "0036_single_sign_on.sql"),
    migration!(37, "passkeys", "0037_passkeys.sql"),
    migration!(38, "links with keys", "0038_links_with_keys.sql"),
    migration!(39, "steering documents", "0039_steering_documents.sql"),
    migration!(40, "training", "0040_training.sql"),
    migration!(41, "management review", "0041_management_review.sql"),
    migration!(42, "protected people and retention", "0042_protected_people_retention.sql"),
    migration!(43, "classifications from KLASSA", "0043_klassa_import.sql"),
    migration!(44, "many organisations", "0044_many_organisations.sql"),
    migration!(45, "jobs in the background", "0045_jobs.sql"),
    migration!(46, "plan approver", "0046_plan_approver.sql"),
    migration!(47, "society critical", "0047_society_critical.sql"),
    migration!(48, "register versions", "0048_register_versions.sql"),
    migration!(49, "binder parts", "0049_binder_parts.sql"),
    migration!(50, "login limits shared by processes", "0050_login_limits.sql"),
    migration!(51, "platform administrators", "0051_platform_admins.sql"),
    migration!(52, "shared library between organisations", "0052_shared_library.sql"),
    migration!(53, "platform administrator's second factor", "0053_platform_second_factor.sql"),
    migration!(54, "data versions", "0054_data_versions.sql"),
];

/// Migrations that rebuild a table other tables refer to: on SQLite they run with foreign keys
/// off (a dropped table would otherwise take its referrers' rows with it), and the references
/// are checked before they are committed.
const REBUILDS: &[i64] = &[44];

/// What a migration's SQL cannot do on both databases, done in its transaction after its
/// statements. Migration 29: the calendar tokens kept in clear become their SHA-256. Migration
/// 44: organisations get short names, and log-in names become unique per organisation.
async fn after(version: i64, backend: Backend, tx: &mut sqlx::AnyConnection) -> Result<(), DbError> {
    match version {
        29 => hash_calendar_tokens(tx).await,
        44 => {
            super::organisations::name_existing(tx).await?;
            super::organisations::usernames_per_organisation(backend, tx).await
        }
        _ => Ok(()),
    }
}

async fn hash_calendar_tokens(tx: &mut sqlx::AnyConnection) -> Result<(), DbError> {
    let clear: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, calendar_token FROM users WHERE calendar_token IS NOT NULL")
            .fetch_all(&mut *tx)
            .await?;
    for (id, token) in clear {
        use sha2::Digest;
        let hash: String = sha2::Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        sqlx::query("UPDATE users SET calendar_token_hash = $1, calendar_token = NULL WHERE id = $2")
            .bind(hash)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Splits a migration into statements: they end with `;` at the end of a line. A PostgreSQL
/// function or trigger body (with `;` inside) would need more than this; none exists yet.
fn statements(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in sql.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("--") || trimmed.is_empty() {
            continue;
        }
        cur.push_str(line);
        cur.push('\n');
        if trimmed.ends_with(';') {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// The checksum column came after the first release: add it to a table made before it.
async fn ensure_checksum_column(db: &Db) -> Result<(), DbError> {
    if sqlx::query("SELECT checksum FROM schema_migrations WHERE version = 0").fetch_optional(&db.pool).await.is_err() {
        db.pool.execute("ALTER TABLE schema_migrations ADD COLUMN checksum TEXT").await?;
    }
    Ok(())
}

/// Applies the migrations the database lacks. Before that, refuses a database that has a
/// migration this program does not know (it was made by a newer Beredd) or one whose file has
/// changed since it was applied; a migration recorded before checksums existed gets its checksum.
pub async fn run(db: &Db) -> Result<usize, DbError> {
    run_to(db, None).await
}

/// The version of the schema this program makes: its last migration's.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// As [`run`], but stops after migration `last` when given: an export made by an older Beredd is
/// read into the schema it was written from, and the remaining migrations then carry it forward.
pub async fn run_to(db: &Db, last: Option<i64>) -> Result<usize, DbError> {
    db.pool
        .execute("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL, checksum TEXT)")
        .await?;
    ensure_checksum_column(db).await?;
    let applied: Vec<(i64, Option<String>)> =
        sqlx::query("SELECT version, checksum FROM schema_migrations ORDER BY version")
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get::<i64, _>(0)?, r.try_get::<Option<String>, _>(1)?)))
            .collect::<Result<_, sqlx::Error>>()?;
    for (version, recorded) in &applied {
        let Some(m) = MIGRATIONS.iter().find(|m| m.version == *version) else {
            return Err(DbError::UnknownMigration { version: *version });
        };
        match recorded {
            Some(sum) if *sum != m.checksum() => return Err(DbError::ChangedMigration { file: m.file }),
            Some(_) => {}
            None => {
                sqlx::query("UPDATE schema_migrations SET checksum = $1 WHERE version = $2")
                    .bind(m.checksum())
                    .bind(*version)
                    .execute(&db.pool)
                    .await?;
            }
        }
    }
    let mut count = 0;
    for m in MIGRATIONS {
        if applied.iter().any(|(v, _)| *v == m.version) || last.is_some_and(|l| m.version > l) {
            continue;
        }
        if db.backend == Backend::Sqlite && REBUILDS.contains(&m.version) {
            apply_without_foreign_keys(db, m).await?;
        } else {
            let mut tx = db.begin_write().await?;
            apply(db, m, &mut tx).await?;
            tx.commit().await?;
        }
        count += 1;
    }
    Ok(count)
}

/// A migration's statements, what follows them, and its record, in the caller's transaction.
async fn apply(db: &Db, m: &Migration, tx: &mut sqlx::AnyConnection) -> Result<(), DbError> {
    // Our own files, embedded at build time: no user input reaches these statements.
    for stmt in statements(&m.sql.replace("{{id}}", db.id_column()).replace("{{blob}}", db.blob_column())) {
        tx.execute(sqlx::AssertSqlSafe(stmt))
            .await
            .map_err(|source| DbError::Migration { version: m.version, source })?;
    }
    after(m.version, db.backend, &mut *tx).await?;
    sqlx::query("INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES ($1, $2, $3, $4)")
        .bind(m.version)
        .bind(m.name)
        .bind(crate::platform::clock::stamp())
        .bind(m.checksum())
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// On SQLite, a migration that rebuilds a table runs on a connection with foreign keys off (the
/// pragma is ignored inside a transaction, so it is set before), and commits only when SQLite's
/// own check finds every reference whole. The connection is closed afterwards rather than handed
/// back to the pool with its foreign keys off.
async fn apply_without_foreign_keys(db: &Db, m: &Migration) -> Result<(), DbError> {
    use sqlx::Connection;
    let mut conn = db.pool.acquire().await?;
    conn.execute("PRAGMA foreign_keys = OFF").await?;
    let done = async {
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        apply(db, m, &mut tx).await?;
        let broken: Vec<(String, String)> =
            sqlx::query_as("SELECT \"table\", parent FROM pragma_foreign_key_check").fetch_all(&mut *tx).await?;
        if let Some((table, parent)) = broken.first() {
            return Err(DbError::Corrupt(format!(
                "migration {}: {} broken references, the first from {table} to {parent}",
                m.version,
                broken.len()
            )));
        }
        tx.commit().await?;
        Ok(())
    }
    .await;
    conn.close().await?;
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_split_at_line_ending_semicolons_and_comments_dropped() {
        let s = statements("-- c\nCREATE TABLE a (\n x TEXT\n);\nCREATE INDEX i ON a(x);\n");
        assert_eq!(s.len(), 2);
        assert!(s[0].starts_with("CREATE TABLE a"));
    }

    #[test]
    fn the_migration_list_and_the_files_agree() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<&str> = MIGRATIONS.iter().map(|m| m.file).collect();
        assert_eq!(files, listed, "every file in migrations/ is listed, in order, and nothing else");
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "versions run 1, 2, 3… without a gap");
            assert_eq!(m.file[..4].parse::<i64>().ok(), Some(m.version), "{} starts with its version", m.file);
            assert_eq!(m.checksum().len(), 64);
        }
        assert!(MIGRATIONS.len() >= 24);
    }
}
