//! Reading into an incident what was written elsewhere: an offline kit's log and another
//! Beredd's bundle, each in one write transaction with its record in the audit trail.

use serde_json::json;

use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::services::Failure;
use crate::services::crisis::bundle::{self, Bundle, ImportError};
use crate::services::crisis::kit_import::{self, KitLog};
use crate::store::audit::{self, Actor};
use crate::store::incidents::Incident;

/// The record of an import in the audit trail.
async fn audited(
    conn: &mut sqlx::AnyConnection,
    actor: &Actor,
    incident: i64,
    summary: &str,
    record: &serde_json::Value,
) -> Result<(), DbError> {
    let change = audit::Change {
        action: "import",
        entity: "incident",
        entity_id: Some(incident),
        summary,
        before: None::<&serde_json::Value>,
        after: Some(record),
    };
    audit::record(conn, actor, change).await
}

/// Reads a kit's log into the incident; the report says how many entries were read and skipped.
pub async fn kit_log(
    db: &Db,
    actor: &Actor,
    tr: &Tr,
    i: &Incident,
    log: &KitLog,
    by: &str,
) -> Result<kit_import::Report, Failure> {
    let mut tx = db.begin_write().await?;
    let note = |r: kit_import::Report| {
        tr.ts("incident-log-imported", "counts", &format!("{}/{}", r.imported, r.imported + r.skipped))
    };
    let report = kit_import::import(&mut tx, &db.keys, actor.org_id, i.key(), log, by, note).await?;
    let record = json!({ "imported": report.imported, "skipped": report.skipped, "kit_id": log.kit_id });
    audited(&mut tx, actor, i.id, &i.title, &record).await?;
    tx.commit().await?;
    Ok(report)
}

/// Reads another Beredd's bundle in; a closed incident refuses it and nothing is written.
pub async fn bundle(db: &Db, actor: &Actor, tr: &Tr, b: &Bundle, by: &str) -> Result<bundle::Report, ImportError> {
    let mut tx = db.begin_write().await?;
    let note = |r: &bundle::Report| bundle::note_text(tr, b, r);
    let report = bundle::import(&mut tx, &db.keys, actor.org_id, b, by, note).await?;
    let record = json!({ "uid": b.incident.uid, "instance": b.instance, "created": report.created, "imported": report.imported, "skipped": report.skipped });
    audited(&mut tx, actor, report.incident, &b.incident.title, &record).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(report)
}
