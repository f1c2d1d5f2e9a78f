//! Append-only migrations, embedded in the binary and applied at start, each in a transaction.

use sqlx::{Executor, Row};

// Migrations are our own files, embedded at build time: no user input reaches them.

use super::{Db, DbError};

/// (version, name, SQL). Never edit a migration that has shipped; add a new one.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "foundation", include_str!("../../../migrations/0001_foundation.sql")),
    (2, "dependencies", include_str!("../../../migrations/0002_dependencies.sql")),
    (3, "bia", include_str!("../../../migrations/0003_bia.sql")),
    (4, "scenarios", include_str!("../../../migrations/0004_scenarios.sql")),
    (5, "system provides", include_str!("../../../migrations/0005_system_provides.sql")),
    (6, "assets", include_str!("../../../migrations/0006_assets.sql")),
    (7, "assessments and actions", include_str!("../../../migrations/0007_assessments.sql")),
    (8, "evidence files", include_str!("../../../migrations/0008_evidence.sql")),
    (9, "local requirements", include_str!("../../../migrations/0009_local_requirements.sql")),
    (10, "continuity plans", include_str!("../../../migrations/0010_plans.sql")),
    (11, "offline kits", include_str!("../../../migrations/0011_kits.sql")),
    (12, "incidents", include_str!("../../../migrations/0012_incidents.sql")),
    (13, "incident reporting and communication", include_str!("../../../migrations/0013_incident_comms.sql")),
    (14, "meetings and bundles", include_str!("../../../migrations/0014_meetings_bundles.sql")),
    (15, "exercises and lessons", include_str!("../../../migrations/0015_exercises_lessons.sql")),
    (16, "recovery backlog", include_str!("../../../migrations/0016_recovery.sql")),
    (17, "yearly cycle", include_str!("../../../migrations/0017_cycle.sql")),
    (18, "reminders", include_str!("../../../migrations/0018_reminders.sql")),
    (19, "lesson targets", include_str!("../../../migrations/0019_lesson_targets.sql")),
    (20, "risk analysis", include_str!("../../../migrations/0020_risks.sql")),
    (21, "users as people", include_str!("../../../migrations/0021_user_person.sql")),
    (22, "frameworks and assessments", include_str!("../../../migrations/0022_frameworks.sql")),
    (23, "risk scope, assets and scales", include_str!("../../../migrations/0023_risk_scope_scales.sql")),
    (24, "framework evidence files", include_str!("../../../migrations/0024_framework_evidence.sql")),
];

/// Splits a migration into statements: they end with `;` at the end of a line.
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

pub async fn run(db: &Db) -> Result<usize, DbError> {
    db.pool
        .execute("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        .await?;
    let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>(0))
        .collect::<Result<_, _>>()?;
    let mut count = 0;
    for (version, name, sql) in MIGRATIONS {
        if applied.contains(version) {
            continue;
        }
        let mut tx = db.begin_write().await?;
        for stmt in statements(&sql.replace("{{id}}", db.id_column()).replace("{{blob}}", db.blob_column())) {
            tx.execute(sqlx::AssertSqlSafe(stmt))
                .await
                .map_err(|source| DbError::Migration { version: *version, source })?;
        }
        sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
            .bind(*version)
            .bind(*name)
            .bind(crate::platform::clock::stamp())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        count += 1;
    }
    Ok(count)
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
}
