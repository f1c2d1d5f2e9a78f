//! The offline crisis kit: one self-contained HTML file holding the approved continuity plans of
//! the chosen units (or all), their call lists, contacts, prepared texts, paper forms and what
//! still works when the municipal network is down. The content is encrypted with AES-256-GCM
//! under a key derived from a passphrase with PBKDF2-SHA-256 (600 000 iterations, random salt),
//! and decrypted in the browser with WebCrypto by `kit/kit.js`. Beredd never stores the passphrase;
//! it records each kit made with its fingerprints (`seal`), which `verify` checks a copy against.

mod passphrase;
mod seal;
mod verify;

use serde_json::{Value, json};

pub use passphrase::{Rule, SUGGESTED_WORDS, suggest, suggestion_bits};
pub use seal::{ITERATIONS, OpenError, Parts, Sealed, open, pack, parts, seal, seal_packed, sha256_hex, short};
pub use verify::{NotAKit, PageCheck, Verdict, Verification, page_check, verify};

use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::services::continuity::binder::{self, Scope};
use crate::services::continuity::outage::{Category, Model};
use crate::store::{activities, audit, kits, orgs, units};

/// What a kit holds before it is sealed.
pub struct Content {
    pub value: Value,
    /// (plan id, version) of every plan in it.
    pub plans: Vec<(i64, i64)>,
    pub scope_name: String,
    pub org: String,
}

/// The UI texts the kit needs after it is opened: (key in the kit, Fluent id).
const LABELS: &[(&str, &str)] = &[
    ("version", "kit-version"),
    ("approved", "kit-approved"),
    ("versions", "kit-versions"),
    ("lead", "plan-lead"),
    ("trigger", "plan-trigger"),
    ("steps", "plan-steps"),
    ("resources", "plan-resources"),
    ("switch_back", "plan-switch-back"),
    ("reentry", "plan-reentry"),
    ("calls", "plan-col-calls"),
    ("calls_intro", "kit-calls-intro"),
    ("externals", "plan-externals"),
    ("hotline", "plan-hotline"),
    ("hotline_hours", "plan-hotline-hours"),
    ("hotline_answered_by", "plan-hotline-answered-by"),
    ("hotline_script", "plan-hotline-script"),
    ("comm_spokesperson", "plan-comm-spokesperson"),
    ("comm_web", "plan-comm-web"),
    ("comm_hotline", "plan-comm-hotline"),
    ("comm_media", "plan-comm-media"),
    ("done_at", "kit-done-at"),
    ("no_plans", "binder-no-plans"),
    ("too_old", "kit-too-old"),
    ("nav_label", "kit-nav-label"),
    ("works_intro", "kit-works-intro"),
    ("works_down", "kit-works-down"),
    ("works_degraded", "kit-works-degraded"),
    ("works_working", "kit-works-working"),
    ("print", "kit-print"),
    ("forms_intro", "binder-forms-intro"),
    ("log_intro", "kit-log-intro"),
    ("log_kind", "kit-log-kind"),
    ("log_text", "kit-log-text"),
    ("log_author", "kit-log-author"),
    ("log_decided_by", "kit-log-decided-by"),
    ("log_grounds", "kit-log-grounds"),
    ("log_add", "kit-log-add"),
    ("log_saved", "kit-log-saved"),
    ("log_need_text", "kit-log-need-text"),
    ("log_need_author", "kit-log-need-author"),
    ("log_not_saved", "kit-log-not-saved"),
    ("log_entries", "kit-log-entries"),
    ("log_export", "kit-log-export"),
    ("log_count", "kit-log-count"),
    ("log_count_one", "kit-log-count-one"),
    ("search_label", "kit-search-label"),
    ("search_count", "kit-search-count"),
    ("search_count_one", "kit-search-count-one"),
    ("log_merged", "kit-log-merged"),
    ("log_merged_one", "kit-log-merged-one"),
    ("log_foreign", "kit-log-foreign"),
    ("log_foreign_one", "kit-log-foreign-one"),
    ("store_failed", "kit-store-failed"),
];
const FORM_LABELS: &[(&str, &str)] = &[
    ("visit", "form-visit"),
    ("visit_note", "form-visit-note"),
    ("meeting", "form-meeting"),
    ("meeting_note", "form-meeting-note"),
    ("decisions", "form-decisions"),
    ("decisions_note", "form-decisions-note"),
    ("calls", "form-calls"),
    ("calls_note", "form-calls-note"),
    ("protected", "form-protected"),
    ("client", "form-f-client"),
    ("time", "form-f-time"),
    ("done", "form-f-done"),
    ("signature", "form-f-signature"),
    ("entered", "form-f-entered"),
    ("area", "form-f-area"),
    ("state", "form-f-state"),
    ("comment", "form-f-comment"),
    ("decision", "form-f-decision"),
    ("decided_by", "form-f-decided-by"),
    ("grounds", "form-f-grounds"),
    ("caller", "form-f-caller"),
    ("errand", "form-f-errand"),
    ("answer", "form-f-answer"),
    ("callback", "form-f-callback"),
];
const KIND_LABELS: &[(&str, &str)] = &[
    ("event", "kit-kind-event"),
    ("decision", "kit-kind-decision"),
    ("information", "kit-kind-information"),
    ("task", "kit-kind-task"),
];
const NAV_LABELS: &[(&str, &str)] = &[
    ("plans", "kit-nav-plans"),
    ("calls", "kit-nav-calls"),
    ("contacts", "kit-nav-contacts"),
    ("comm", "kit-nav-comm"),
    ("works", "kit-nav-works"),
    ("forms", "kit-nav-forms"),
    ("log", "kit-nav-log"),
    ("search", "kit-nav-search"),
];

/// Every Fluent id the kit uses, so a test can check both languages have them.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    LABELS.iter().chain(FORM_LABELS).chain(KIND_LABELS).chain(NAV_LABELS).map(|(_, id)| *id)
}

fn label_map(tr: &Tr, pairs: &[(&str, &str)]) -> serde_json::Map<String, Value> {
    pairs.iter().map(|(k, id)| ((*k).to_owned(), json!(tr.t(id)))).collect()
}

fn labels(tr: &Tr) -> Value {
    let mut m = label_map(tr, LABELS);
    m.insert("forms".into(), Value::Object(label_map(tr, FORM_LABELS)));
    m.insert("log_kinds".into(), Value::Object(label_map(tr, KIND_LABELS)));
    m.insert("nav".into(), Value::Object(label_map(tr, NAV_LABELS)));
    Value::Object(m)
}

/// What still works when everything inside the municipal network is down, for the activities
/// of the kit's units, and the systems that keep running.
async fn works(pool: &sqlx::AnyPool, org: i64, unit_ids: Option<&[i64]>, tr: &Tr) -> Result<Value, DbError> {
    let model = Model::load(pool, org).await?;
    let failed = model.category(Category::InsideNetwork).to_vec();
    let acts = activities::list(pool, org).await?;
    let (mut down, mut degraded, mut working) = (Vec::new(), Vec::new(), Vec::new());
    for f in model.run(&failed) {
        let n = &model.nodes[f.node];
        let in_scope = match n.kind {
            beredd_domain::NodeKind::Activity => {
                acts.iter().find(|a| a.id == n.id).is_some_and(|a| unit_ids.is_none_or(|u| u.contains(&a.unit_id)))
            }
            beredd_domain::NodeKind::System => f.state == beredd_domain::graph::State::Working,
            _ => false,
        };
        if !in_scope {
            continue;
        }
        let mut detail = Vec::new();
        if f.chain.len() > 1 {
            detail.push(tr.ts("kit-works-because", "chain", &f.chain[1..].join(" → ")));
        }
        if !f.fallbacks.is_empty() {
            detail.push(tr.ts("kit-works-fallback", "fallback", &f.fallbacks.join(" ")));
        }
        let row = json!({ "name": n.name, "detail": detail.join(" ") });
        match f.state {
            beredd_domain::graph::State::Down => down.push(row),
            beredd_domain::graph::State::Degraded => degraded.push(row),
            beredd_domain::graph::State::Working => working.push(row),
        }
    }
    Ok(json!({ "down": down, "degraded": degraded, "working": working }))
}

/// Gathers the kit's content for the given units (empty: the whole organisation). `None` when a
/// unit does not exist.
pub async fn content(
    pool: &sqlx::AnyPool,
    tr: &Tr,
    org: i64,
    unit_ids: &[i64],
    by: &str,
    today: &str,
) -> Result<Option<Content>, DbError> {
    let scope = if unit_ids.is_empty() { Scope::All } else { Scope::Units(unit_ids.to_vec()) };
    let Some(b) = binder::prepare(pool, tr, org, scope, by, today).await? else { return Ok(None) };
    let org_name = orgs::get(pool, org).await?.map(|o| o.name).unwrap_or_default();
    let all_units = units::list(pool, org).await?;
    let subtree: Vec<i64> = unit_ids.iter().flat_map(|u| binder::subtree(&all_units, *u)).collect();
    let works = works(pool, org, (!unit_ids.is_empty()).then_some(subtree.as_slice()), tr).await?;
    let value = json!({
        "title": tr.ts("kit-title", "scope", &b.scope_name),
        "org": org_name,
        "scope": b.scope_name,
        "exported_by": by,
        "plans": b.data["plans"],
        "forms": b.data["forms"],
        "works": works,
        "labels": labels(tr),
    });
    Ok(Some(Content { value, plans: b.plans, scope_name: b.scope_name, org: org_name }))
}

/// What is asked for when a kit is made. The passphrase has passed `Rule::check`.
pub struct Request<'a> {
    /// The units (empty: the whole organisation).
    pub units: &'a [i64],
    pub passphrase: String,
    pub max_age_days: u32,
    /// Who makes it, as the kit and the record name them.
    pub by: &'a str,
    /// Who receives the file, one a line (for the impact assessment of the kit).
    pub recipients: Option<&'a str>,
}

/// A kit made and recorded.
pub struct Made {
    pub html: String,
    /// `krisparm-<units>-<date>.html`
    pub file_name: String,
    pub scope_name: String,
    pub plans: usize,
    pub fingerprint: String,
    pub file_sha256: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MakeError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("sealing the kit failed: {0}")]
    Seal(String),
}

/// Makes a kit: gathers the content, seals it (off the async workers), and records it with its
/// fingerprints and plan versions in the kits' list and the audit trail. `None` when a unit does
/// not exist.
pub async fn make(db: &Db, tr: &Tr, actor: &audit::Actor, req: Request<'_>) -> Result<Option<Made>, MakeError> {
    make_with(db, tr, actor, req, &crate::platform::progress::Silent).await
}

/// As [`make`], telling `progress` each of its three steps: gathering the plans and registers,
/// packing them, sealing (the key derivation, the encryption, the page; the kit is recorded at
/// the end of it).
pub async fn make_with(
    db: &Db,
    tr: &Tr,
    actor: &audit::Actor,
    req: Request<'_>,
    progress: &dyn crate::platform::progress::Progress,
) -> Result<Option<Made>, MakeError> {
    use beredd_domain::job::JobStep;
    let today = crate::platform::clock::today_text();
    progress.report(JobStep::Gather, 0, 3);
    let Some(content) = content(&db.pool, tr, actor.org_id, req.units, req.by, &today).await? else {
        return Ok(None);
    };
    progress.report(JobStep::Pack, 1, 3);
    let plain = pack(&content);
    progress.report(JobStep::Seal, 2, 3);
    let (tr2, exported, pass, max_age) = (tr.clone(), today.clone(), req.passphrase, req.max_age_days);
    let org = content.org.clone();
    let sealed =
        tokio::task::spawn_blocking(move || seal_packed(&plain, &org, &pass, &tr2, &exported, max_age, ITERATIONS))
            .await
            .map_err(|e| MakeError::Seal(e.to_string()))?;
    let mut tx = db.begin_write().await?;
    let new = kits::NewKit {
        kit_id: &sealed.kit_id,
        scope_name: &content.scope_name,
        max_age_days: i64::from(max_age),
        by: req.by,
        plans: &content.plans,
        fingerprint: &sealed.fingerprint,
        file_sha256: &sealed.file_sha256,
        recipients: req.recipients,
    };
    let id = kits::record(&mut tx, actor.org_id, &new).await?;
    let record = json!({
        "scope": content.scope_name, "plans": content.plans, "kit_id": sealed.kit_id, "max_age_days": max_age,
        "fingerprint": sealed.fingerprint, "file_sha256": sealed.file_sha256, "recipients": req.recipients,
    });
    let change = audit::Change {
        action: "export",
        entity: "kit",
        entity_id: Some(id),
        summary: &content.scope_name,
        before: None::<&Value>,
        after: Some(&record),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await.map_err(DbError::from)?;
    progress.report(JobStep::Finished, 3, 3);
    Ok(Some(Made {
        file_name: format!("krisparm-{}-{today}.html", beredd_domain::text::file_stem(&content.scope_name)),
        scope_name: content.scope_name,
        plans: content.plans.len(),
        fingerprint: sealed.fingerprint,
        file_sha256: sealed.file_sha256,
        html: sealed.html,
    }))
}

/// What a kit made in the background is asked for: as [`Request`], owned by the job.
pub struct Order {
    pub units: Vec<i64>,
    /// Lives only in the job's memory: never written to its row, its scope or a log.
    pub passphrase: String,
    pub max_age_days: u32,
    pub by: String,
    pub recipients: Option<String>,
    /// What the kit holds, in words, for the job's page ("Björkbackens särskilda boende").
    pub scope: String,
}

/// Starts making a kit in the background as `actor` (who must be a user); gives the job's id. The
/// job keeps the sealed file for its user to download; the kit is recorded as [`make`] records it.
/// Every order is a job of its own: two kits of the same units may have different passphrases.
pub async fn start(db: &Db, actor: audit::Actor, tr: Tr, order: Order) -> Result<i64, DbError> {
    use crate::services::jobs;
    let user = actor.user_id.ok_or_else(|| DbError::Corrupt("a job needs a user".into()))?;
    let kind = beredd_domain::job::JobKind::Kit;
    let req = jobs::Request { org: actor.org_id, user, kind, scope: order.scope.clone() };
    jobs::start_new(db, req, move |db, progress| async move {
        let Order { units, passphrase, max_age_days, by, recipients, .. } = order;
        let req = Request { units: &units, passphrase, max_age_days, by: &by, recipients: recipients.as_deref() };
        match make_with(&db, &tr, &actor, req, &*progress).await {
            Ok(Some(made)) => Ok(jobs::Made::File {
                name: made.file_name,
                content_type: "text/html; charset=utf-8",
                bytes: made.html.into_bytes(),
            }),
            Ok(None) => Err(tr.t("job-failed-error")),
            Err(e) => {
                // The error names the database or the sealing, never the passphrase.
                tracing::error!("the kit could not be made: {e}");
                Err(tr.t("job-failed-error"))
            }
        }
    })
    .await
}
