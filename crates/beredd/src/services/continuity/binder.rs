//! The printed binder (pärmen): the approved continuity plans of one unit (and the units below
//! it), of one plan, or of the whole organisation, typeset by `beredd-render`. Every print is
//! recorded with the plan versions it held, so a binder older than its plan shows. A unit in two
//! plans has each of its routines once (`overlap`); the other plan says where it is. A person
//! with protected personal data on a call list is printed as a stand-in naming whom to contact
//! (`organisation::protection`).

use std::collections::HashMap;

use beredd_domain::job::{JobKind, JobStep};
use beredd_domain::plan::PlanContent;
use serde_json::{Value, json};

use crate::content::plan_templates::step_parts;
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::platform::progress::{Progress, Silent};
use crate::platform::typeset::TypesetError;
use crate::services::continuity::overlap;
use crate::services::jobs;
use crate::services::organisation::protection;
use crate::store::{audit, bia, dependencies, orgs, people, plans, systems, units};

mod parts;
pub use parts::Rendered;

/// What a binder holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    /// A unit and every unit below it.
    Unit(i64),
    /// Several units and every unit below them (the offline kit).
    Units(Vec<i64>),
    Plan(i64),
}

/// A binder ready to typeset.
pub struct Binder {
    pub data: Value,
    /// (plan id, version number) of every plan in it.
    pub plans: Vec<(i64, i64)>,
    pub scope_name: String,
    pub unit_id: Option<i64>,
    /// A file name for it, without the extension.
    pub file_stem: String,
}

/// The unit and every unit below it.
pub fn subtree(all: &[units::Unit], root: i64) -> Vec<i64> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let id = out[i];
        out.extend(all.iter().filter(|u| u.parent_id == Some(id)).map(|u| u.id));
        i += 1;
    }
    out
}

const LABELS: &[(&str, &str)] = &[
    ("page", "pdf-page"),
    ("of", "pdf-of"),
    ("contents", "pdf-contents"),
    ("binder", "binder-title"),
    ("no_plans", "binder-no-plans"),
    ("plan", "binder-plan"),
    ("version", "binder-version"),
    ("approved", "binder-approved"),
    ("how_to_use", "binder-how-to-use"),
    ("units", "binder-units"),
    ("review_due", "plan-review-due"),
    ("lead", "plan-lead"),
    ("routines", "plan-routines"),
    ("trigger", "plan-trigger"),
    ("steps", "plan-steps"),
    ("resources", "plan-resources"),
    ("switch_back", "plan-switch-back"),
    ("reentry", "plan-reentry"),
    ("call_list", "plan-call-list"),
    ("name", "plan-col-name"),
    ("role", "plan-col-role"),
    ("phone", "plan-col-phone"),
    ("calls", "plan-col-calls"),
    ("reached", "binder-reached"),
    ("time", "binder-time"),
    ("externals", "plan-externals"),
    ("purpose", "plan-col-purpose"),
    ("hotline", "plan-hotline"),
    ("hotline_number", "plan-hotline-number"),
    ("hotline_hours", "plan-hotline-hours"),
    ("hotline_answered_by", "plan-hotline-answered-by"),
    ("hotline_script", "plan-hotline-script"),
    ("communication", "plan-communication"),
    ("comm_web", "plan-comm-web"),
    ("comm_hotline", "plan-comm-hotline"),
    ("comm_media", "plan-comm-media"),
    ("comm_spokesperson", "plan-comm-spokesperson"),
    ("checklists", "plan-checklists"),
    ("forms", "binder-forms"),
    ("forms_intro", "binder-forms-intro"),
    ("protected", "form-protected"),
    ("form_visit", "form-visit"),
    ("form_visit_note", "form-visit-note"),
    ("form_meeting", "form-meeting"),
    ("form_meeting_note", "form-meeting-note"),
    ("form_decisions", "form-decisions"),
    ("form_decisions_note", "form-decisions-note"),
    ("form_calls", "form-calls"),
    ("form_calls_note", "form-calls-note"),
    ("f_client", "form-f-client"),
    ("f_date", "form-f-date"),
    ("f_time", "form-f-time"),
    ("f_by", "form-f-by"),
    ("f_title", "form-f-title"),
    ("f_unit", "form-f-unit"),
    ("f_done", "form-f-done"),
    ("f_observed", "form-f-observed"),
    ("f_deviation", "form-f-deviation"),
    ("f_nurse", "form-f-nurse"),
    ("f_signature", "form-f-signature"),
    ("f_entered", "form-f-entered"),
    ("f_place", "form-f-place"),
    ("f_present", "form-f-present"),
    ("f_status", "form-f-status"),
    ("f_area", "form-f-area"),
    ("f_state", "form-f-state"),
    ("f_comment", "form-f-comment"),
    ("f_decisions", "form-f-decisions"),
    ("f_tasks", "form-f-tasks"),
    ("f_what", "form-f-what"),
    ("f_who", "form-f-who"),
    ("f_when", "form-f-when"),
    ("f_next_meeting", "form-f-next-meeting"),
    ("f_keeper", "form-f-keeper"),
    ("f_decision", "form-f-decision"),
    ("f_decided_by", "form-f-decided-by"),
    ("f_grounds", "form-f-grounds"),
    ("f_caller", "form-f-caller"),
    ("f_errand", "form-f-errand"),
    ("f_answer", "form-f-answer"),
    ("f_callback", "form-f-callback"),
    ("f_answered_by", "form-f-answered-by"),
];

/// The Fluent ids the binder uses, so a test can check that both languages have them.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    LABELS.iter().map(|(_, id)| *id).chain(super::forms::label_ids())
}

/// One line under a routine's heading: how long the activity can be down and what it needs.
pub fn facts(
    tr: &Tr,
    activity: Option<i64>,
    bias: &HashMap<i64, bia::Bia>,
    deps: &[dependencies::Dependency],
    system_names: &HashMap<i64, String>,
) -> String {
    let Some(a) = activity else { return String::new() };
    let mut parts = Vec::new();
    if let Some(b) = bias.get(&a) {
        if let Some(h) = b.mtpd_hours {
            parts.push(tr.tn("binder-fact-mtpd", h));
        }
        if let Some(h) = b.rto_hours {
            parts.push(tr.tn("binder-fact-rto", h));
        }
    }
    let needs: Vec<&str> = deps
        .iter()
        .filter(|d| {
            d.from_kind == beredd_domain::NodeKind::Activity
                && d.from_id == a
                && d.to_kind == beredd_domain::NodeKind::System
        })
        .filter_map(|d| system_names.get(&d.to_id).map(String::as_str))
        .collect();
    if !needs.is_empty() {
        parts.push(tr.ts("binder-fact-systems", "systems", &needs.join(", ")));
    }
    parts.join(" · ")
}

/// Gathers what a binder of `scope` holds. `None` when the unit or plan does not exist.
pub async fn prepare(
    pool: &sqlx::AnyPool,
    tr: &Tr,
    org: i64,
    scope: Scope,
    printed_by: &str,
    today: &str,
) -> Result<Option<Binder>, DbError> {
    let mut conn = pool.acquire().await?;
    let Some(organisation) = orgs::get(&mut *conn, org).await? else { return Ok(None) };
    let all_units = units::list(&mut *conn, org).await?;
    let all_plans = plans::list(&mut conn, org).await?;
    let approved: HashMap<i64, plans::Version> =
        plans::approved_all(&mut *conn, org).await?.into_iter().map(|v| (v.plan_id, v)).collect();
    let bias: HashMap<i64, bia::Bia> =
        bia::list(&mut *conn, org).await?.into_iter().map(|b| (b.activity_id, b)).collect();
    let deps = dependencies::list(&mut *conn, org).await?;
    let everyone = people::list(&mut *conn, org).await?;
    drop(conn);
    let (stand_in, via, switchboard) = (
        tr.t("protected-person"),
        tr.ts("protected-contact-via", "name", "{name}"),
        tr.t("protected-contact-switchboard"),
    );
    let words = protection::Words { name: &stand_in, via: &via, switchboard: &switchboard };
    let system_names: HashMap<i64, String> =
        systems::list(pool, org).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let unit_name = |id: i64| all_units.iter().find(|u| u.id == id).map(|u| u.name.clone()).unwrap_or_default();

    let (scope_name, unit_id, chosen): (String, Option<i64>, Vec<&plans::Plan>) = match scope {
        Scope::All => (organisation.name.clone(), None, all_plans.iter().collect()),
        Scope::Unit(u) => {
            if !all_units.iter().any(|x| x.id == u) {
                return Ok(None);
            }
            let ids = subtree(&all_units, u);
            (unit_name(u), Some(u), all_plans.iter().filter(|p| p.unit_ids.iter().any(|x| ids.contains(x))).collect())
        }
        Scope::Units(ref chosen) => {
            if chosen.is_empty() || chosen.iter().any(|u| !all_units.iter().any(|x| x.id == *u)) {
                return Ok(None);
            }
            let ids: Vec<i64> = chosen.iter().flat_map(|u| subtree(&all_units, *u)).collect();
            let name = chosen.iter().map(|u| unit_name(*u)).collect::<Vec<_>>().join(", ");
            (
                name,
                chosen.first().copied(),
                all_plans.iter().filter(|p| p.unit_ids.iter().any(|x| ids.contains(x))).collect(),
            )
        }
        Scope::Plan(p) => {
            let Some(plan) = all_plans.iter().find(|x| x.id == p) else { return Ok(None) };
            (plan.name.clone(), plan.unit_ids.first().copied(), vec![plan])
        }
    };

    let printed = tr.ts("binder-printed", "date", today);
    let mut plan_values = Vec::new();
    let mut held = Vec::new();
    let mut any_personal = false;
    let mut with_content: Vec<(&plans::Plan, &plans::Version, PlanContent)> = Vec::new();
    for p in chosen {
        let Some(v) = approved.get(&p.id) else { continue };
        with_content.push((p, v, v.content()?));
    }
    // A unit in two plans: each of its routines once, from the plan that is written for it.
    let together: Vec<overlap::Held> = with_content
        .iter()
        .map(|(p, v, c)| overlap::Held { plan: p, approved_at: v.approved_at, content: c })
        .collect();
    let places = overlap::places(&together);
    for ((p, v, content), places) in with_content.iter().zip(places) {
        let (p, v) = (*p, *v);
        let elsewhere: Vec<String> = content
            .routines
            .iter()
            .zip(&places)
            .filter_map(|(r, place)| match place {
                overlap::Place::Here => None,
                overlap::Place::Elsewhere(k) => Some(tr.args(
                    "binder-routine-elsewhere",
                    &[("activity", &r.activity), ("plan", &with_content[*k].0.name)],
                )),
            })
            .collect();
        let approved_at = v.approved_at.map(|t| t.shown_day()).unwrap_or_default();
        let personal = !content.call_list.is_empty();
        any_personal |= personal;
        let stamp = format!("{} · {} · {}", p.name, tr.tn("binder-version-n", v.number), printed);
        let routines: Vec<Value> = content
            .routines
            .iter()
            .zip(&places)
            .filter(|(_, place)| **place == overlap::Place::Here)
            .map(|(r, _)| {
                json!({
                    "activity": r.activity,
                    "facts": facts(tr, r.activity_id, &bias, &deps, &system_names),
                    "trigger": r.trigger,
                    "switch_back": r.switch_back,
                    "steps": r.steps.iter().map(|s| { let (role, text) = step_parts(s); json!({"role": role.unwrap_or(""), "text": text}) }).collect::<Vec<_>>(),
                    "resources": r.resources,
                    "reentry": r.reentry,
                })
            })
            .collect();
        plan_values.push(json!({
            "id": p.id,
            "name": p.name,
            "units": p.unit_ids.iter().map(|u| unit_name(*u)).collect::<Vec<_>>().join(", "),
            "version": v.number.to_string(),
            "approved_at": approved_at,
            "approved_by": v.approved_by.clone().unwrap_or_default(),
            "review_due": p.review_due.map(String::from).unwrap_or_default(),
            "stamp": stamp,
            "marking": if personal { tr.t("binder-marking") } else { String::new() },
            "lead": content.lead,
            "routines": routines,
            "elsewhere": elsewhere,
            "call_list": protection::call_list_out(&content.call_list, &all_units, &everyone, &words),
            "externals": content.externals,
            "hotline": content.hotline,
            "communication": content.communication,
            "checklists": content.checklists,
        }));
        held.push((p.id, v.number));
    }

    let mut labels = serde_json::Map::new();
    for (k, id) in LABELS {
        labels.insert((*k).to_owned(), json!(tr.t(id)));
    }
    // The paper forms the plans' templates bring, each once.
    let forms = super::forms::chosen(with_content.iter().map(|(p, _, _)| p.template_id.as_deref()));
    let title = tr.ts("binder-doc-title", "scope", &scope_name);
    let data = json!({
        "title": title,
        "lang": tr.lang_code(),
        "labels": labels,
        "org": organisation.name,
        "scope": scope_name,
        "stamp": format!("{} · {}", tr.t("binder-title"), printed),
        "forms_stamp": format!("{} · {}", tr.t("binder-forms"), printed),
        "forms_marking": tr.t("form-marking"),
        "forms": super::forms::values(tr, &forms),
        "marking": if any_personal { tr.t("binder-marking") } else { String::new() },
        "cover_lines": [printed, tr.ts("binder-printed-by", "name", printed_by)],
        "plans": plan_values,
    });
    let file_stem = format!("parm-{}-{}", beredd_domain::text::file_stem(&scope_name), today);
    Ok(Some(Binder { data, plans: held, scope_name, unit_id, file_stem }))
}

/// Adds the page of keys to a whole-organisation binder: the public key that checks every
/// incident log, read from this instance's key file (never from the database, which someone
/// could change before printing), and where the key folder, the backup passphrase and the
/// break-glass accounts are kept. Never a secret. Makes the key if the organisation has none yet.
pub async fn add_keys_page(
    b: &mut Binder,
    conn: &mut sqlx::AnyConnection,
    keys: &crate::platform::keys::Keyring,
    org: i64,
    tr: &Tr,
) -> Result<(), DbError> {
    use crate::platform::keys::grouped;
    let Some(o) = orgs::get(&mut *conn, org).await? else { return Ok(()) };
    let uid = crate::store::signing::org_uid(&mut *conn, org).await?;
    let key = keys.for_org(&uid)?;
    let public = grouped(&key.public().to_hex());
    let missing = tr.t("binder-keys-not-given");
    let kept = |v: Option<String>| v.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| missing.clone());
    let rows = json!([
        { "label": tr.t("binder-keys-public"), "value": public, "mono": true },
        { "label": tr.t("binder-keys-id"), "value": tr.args("binder-keys-id-value", &[("key", &grouped(&key.key_id())), ("made", &key.created.shown_day())]) },
        { "label": tr.t("field-keys-kept"), "value": kept(o.keys_kept) },
        { "label": tr.t("field-backup-kept"), "value": kept(o.backup_kept) },
        { "label": tr.t("field-break-glass-kept"), "value": kept(o.break_glass_kept) },
    ]);
    b.data["keys"] = json!({
        "title": tr.t("binder-keys-title"),
        "intro": tr.t("binder-keys-intro"),
        "rows": rows,
        "verify": tr.ts("binder-keys-verify", "key", &public),
    });
    Ok(())
}

/// Typesets the binder of organisation `org`: the plan sections kept from earlier prints, the
/// others typeset now (and kept), joined with the cover, the contents and the forms (`parts`).
pub async fn render(db: &Db, org: i64, b: &Binder) -> Result<Rendered, PrintError> {
    parts::render(db, org, b).await
}

/// Records that the binder was printed, with the plan versions it held.
pub async fn record(conn: &mut sqlx::AnyConnection, org: i64, b: &Binder, by: &str) -> Result<i64, DbError> {
    plans::record_print(conn, org, b.unit_id, &b.scope_name, by, &b.plans).await
}

/// Why a binder was not printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Typeset(#[from] TypesetError),
}

/// Typesets the binder of `scope` printed by `by` today, and records the print with the plan
/// versions it held (and in the audit trail). `None` when the unit or plan does not exist.
pub async fn print(
    db: &Db,
    actor: &audit::Actor,
    tr: &Tr,
    scope: Scope,
    by: &str,
) -> Result<Option<(Binder, Vec<u8>)>, PrintError> {
    print_with(db, actor, tr, scope, by, &Silent).await
}

/// As [`print`], telling `progress` each of its three steps (gathering, typesetting, recording).
pub async fn print_with(
    db: &Db,
    actor: &audit::Actor,
    tr: &Tr,
    scope: Scope,
    by: &str,
    progress: &dyn Progress,
) -> Result<Option<(Binder, Vec<u8>)>, PrintError> {
    let today = crate::platform::clock::today_text();
    let whole = matches!(scope, Scope::All);
    progress.report(JobStep::Gather, 0, 3);
    let Some(mut b) = prepare(&db.pool, tr, actor.org_id, scope, by, &today).await? else { return Ok(None) };
    if whole {
        let mut conn = db.pool.acquire().await.map_err(DbError::from)?;
        add_keys_page(&mut b, &mut conn, &db.keys, actor.org_id, tr).await?;
    }
    progress.report(JobStep::Typeset, 1, 3);
    let pdf = render(db, actor.org_id, &b).await?.pdf;
    progress.report(JobStep::Record, 2, 3);
    let mut tx = db.begin_write().await?;
    let print = record(&mut tx, actor.org_id, &b, by).await?;
    let after = json!({ "scope": b.scope_name, "plans": b.plans });
    let change = audit::Change {
        action: "print",
        entity: "binder",
        entity_id: Some(print),
        summary: &b.scope_name,
        before: None::<&Value>,
        after: Some(&after),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await.map_err(DbError::from)?;
    progress.report(JobStep::Finished, 3, 3);
    Ok(Some((b, pdf)))
}

/// Starts printing the whole organisation's binder in the background, as `actor` (who must be a
/// user); gives the job's id. The job keeps the PDF for its user to download.
pub async fn start_whole(db: &Db, actor: audit::Actor, tr: Tr, by: String) -> Result<i64, DbError> {
    let user = actor.user_id.ok_or_else(|| DbError::Corrupt("a job needs a user".into()))?;
    let req = jobs::Request { org: actor.org_id, user, kind: JobKind::Binder, scope: tr.t("binder-whole-org") };
    jobs::start(db, req, move |db, progress| async move {
        match print_with(&db, &actor, &tr, Scope::All, &by, &*progress).await {
            Ok(Some((b, pdf))) => Ok(jobs::Made::File {
                name: format!("{}.pdf", b.file_stem),
                content_type: "application/pdf",
                bytes: pdf,
            }),
            Ok(None) => Err(tr.t("job-failed-error")),
            Err(PrintError::Typeset(TypesetError::Busy)) => Err(tr.t("job-failed-busy")),
            Err(e) => {
                tracing::error!("the binder could not be printed: {e}");
                Err(tr.t("job-failed-error"))
            }
        }
    })
    .await
}
