//! Backups taken while Beredd serves (`beredd serve --backup-dir … --backup-recipient age1…`):
//! every so often the whole organisation is encrypted to the public keys given, so the server
//! never holds what opens its backups, and written to the folder, keeping the last N. The last
//! successful backup (from here or from `beredd backup`) is remembered in the database for the
//! administrator's pages; a failure is logged without any secret.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{ArchiveError, backup};
use crate::platform::db::{Db, DbError};
use crate::store::orgs;

const LAST: &str = "backup_last";
const PLAN: &str = "backup_schedule";
/// A backup older than this is a warning on the administrator's start page.
pub const STALE_AFTER_SECS: i64 = 2 * 24 * 3600;
/// The file names this module writes and prunes; nothing else in the folder is touched.
const PREFIX: &str = "beredd-";
const SUFFIX: &str = ".beredd";

#[derive(Debug, Clone)]
pub struct Schedule {
    pub dir: std::path::PathBuf,
    pub every: Duration,
    pub keep: usize,
    pub recipients: Vec<String>,
}

/// The last backup that was written, as remembered in the database.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Last {
    /// When it was written; kept as the stored text (UTC, RFC 3339) and read back into a stamp
    /// once, with the rest of the note (a note that cannot be read is as if there were none).
    pub at: crate::platform::clock::Stamp,
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
    /// `schedule` or `command`.
    pub by: String,
}

/// What the server was started with, remembered so that the pages can say it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Plan {
    pub dir: String,
    pub every_hours: f64,
    pub keep: usize,
}

/// Reads an interval as people write it: `24h`, `6h`, `30m`, `2d`, or a number of hours.
pub fn parse_every(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = match s.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => (&s[..i], &s[i..]),
        None => (s, "h"),
    };
    let n: u64 = num
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} är inget intervall: skriv till exempel 24h, 6h, 30m eller 2d"))?;
    let secs = match unit {
        "m" | "min" => n * 60,
        "h" => n * 3600,
        "d" => n * 86_400,
        _ => return Err(format!("{s:?}: enheten ska vara m, h eller d")),
    };
    if !(15 * 60..=31 * 86_400).contains(&secs) {
        return Err("intervallet ska vara mellan 15 minuter och 31 dagar".into());
    }
    Ok(Duration::from_secs(secs))
}

pub async fn last(pool: &sqlx::AnyPool) -> Result<Option<Last>, DbError> {
    Ok(orgs::meta(pool, LAST).await?.and_then(|v| serde_json::from_str(&v).ok()))
}

pub async fn plan(pool: &sqlx::AnyPool) -> Result<Option<Plan>, DbError> {
    Ok(orgs::meta(pool, PLAN).await?.and_then(|v| serde_json::from_str(&v).ok()))
}

/// Remembers a backup just written.
pub async fn remember(pool: &sqlx::AnyPool, last: &Last) -> Result<(), DbError> {
    orgs::set_meta(pool, LAST, &serde_json::to_string(last).unwrap_or_default()).await
}

/// Writes one backup into the folder and removes the oldest beyond `keep`.
pub async fn take(db: &Db, s: &Schedule) -> Result<Last, ArchiveError> {
    std::fs::create_dir_all(&s.dir)?;
    let stamp = crate::platform::clock::now();
    let name = format!(
        "{PREFIX}{:04}{:02}{:02}-{:02}{:02}{:02}{SUFFIX}",
        stamp.year(),
        u8::from(stamp.month()),
        stamp.day(),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    let path = s.dir.join(&name);
    super::note(db, "backup", "(schemalagd säkerhetskopia)", &path.display().to_string()).await?;
    let mut export = std::io::Cursor::new(Vec::new());
    super::write(db, &mut export).await?;
    let sealed = backup::seal(export.get_ref(), &backup::Key::Recipients(s.recipients.clone()))?;
    write_private(&path, &sealed)?;
    let last = Last {
        at: crate::platform::clock::now_stamp(),
        file: path.display().to_string(),
        bytes: sealed.len() as u64,
        sha256: super::sha256_hex(&sealed),
        by: "schedule".into(),
    };
    remember(&db.pool, &last).await?;
    prune(&s.dir, s.keep)?;
    Ok(last)
}

fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Removes the oldest of this module's files beyond the newest `keep`.
fn prune(dir: &std::path::Path, keep: usize) -> std::io::Result<()> {
    let mut ours: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        .collect();
    ours.sort();
    let excess = ours.len().saturating_sub(keep.max(1));
    for old in &ours[..excess] {
        std::fs::remove_file(dir.join(old))?;
    }
    Ok(())
}

/// Starts the schedule beside the server: the first backup when the last one is older than the
/// interval (at once on a first start), then one per interval. Records the plan for the pages.
pub async fn start(db: Db, s: Schedule) -> Result<tokio::task::JoinHandle<()>, ArchiveError> {
    // Refuse a wrong public key when the server starts, not at the first backup.
    backup::seal(b"", &backup::Key::Recipients(s.recipients.clone()))?;
    let plan = Plan { dir: s.dir.display().to_string(), every_hours: s.every.as_secs_f64() / 3600.0, keep: s.keep };
    orgs::set_meta(&db.pool, PLAN, &serde_json::to_string(&plan).unwrap_or_default()).await?;
    let since = match last(&db.pool).await? {
        Some(l) => l.at.seconds_since(),
        None => i64::MAX,
    };
    let first = Duration::from_secs(u64::try_from(s.every.as_secs() as i64 - since).unwrap_or(0));
    // Several processes on one database: the one that claims the turn takes the backup, and a
    // process whose turn comes while another's backup is newer than the interval waits.
    let me = crate::store::sessions::random_token()[..12].to_owned();
    Ok(tokio::spawn(async move {
        tokio::time::sleep(first).await;
        loop {
            if due(&db, &s, &me).await {
                match take(&db, &s).await {
                    Ok(l) => tracing::info!(file = %l.file, bytes = l.bytes, "backup written"),
                    Err(e) => tracing::error!(error = %e, "the scheduled backup failed"),
                }
            }
            tokio::time::sleep(s.every).await;
        }
    }))
}

/// Whether this process (`me`) takes the backup now: no other process's backup is younger than
/// nine tenths of the interval, and this one claimed the turn.
async fn due(db: &Db, s: &Schedule, me: &str) -> bool {
    let every = s.every.as_secs() as i64;
    let recent = match last(&db.pool).await {
        Ok(Some(l)) => l.at.seconds_since() < every * 9 / 10,
        _ => false,
    };
    !recent && orgs::claim(&db.pool, "backup", me, (every / 2).max(60)).await.unwrap_or(false)
}

/// The plan is forgotten when the server starts without one, so the pages do not claim it.
pub async fn forget_plan(pool: &sqlx::AnyPool) -> Result<(), DbError> {
    sqlx::query("DELETE FROM meta WHERE key = $1").bind(PLAN).execute(pool).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_are_read_as_people_write_them_and_absurd_ones_refused() {
        assert_eq!(parse_every("24h"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_every("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_every("2d"), Ok(Duration::from_secs(172_800)));
        assert_eq!(parse_every("6"), Ok(Duration::from_secs(21_600)));
        assert!(parse_every("1m").is_err());
        assert!(parse_every("40d").is_err());
        assert!(parse_every("ofta").is_err());
        assert!(parse_every("3w").is_err());
    }

    #[test]
    fn pruning_keeps_the_newest_of_its_own_files_only() {
        let dir = tempfile::tempdir().unwrap();
        for n in [
            "beredd-20261201-000000.beredd",
            "beredd-20261202-000000.beredd",
            "beredd-20261203-000000.beredd",
            "annat.txt",
        ] {
            std::fs::write(dir.path().join(n), b"x").unwrap();
        }
        prune(dir.path(), 2).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["annat.txt", "beredd-20261202-000000.beredd", "beredd-20261203-000000.beredd"]);
    }
}
