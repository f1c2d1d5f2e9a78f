//! Starting an incident (real or an exercise) and closing it, each written with its log entries
//! and its record in the audit trail.

use beredd_domain::reporting::AssessmentKind;
use beredd_domain::{FieldError, LogKind, text};

use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::services::continuity::binder::subtree;
use crate::services::continuity::overlap;
use crate::services::{Failure, Invalid};
use crate::store::audit;
use crate::store::incidents::{self, Incident, NewEntry};
use crate::store::units::Unit;

/// The start form as posted, unchecked.
pub struct StartForm<'a> {
    pub title: &'a str,
    pub what_happened: &'a str,
    pub discovered_at: &'a str,
    pub aware_by: &'a str,
    pub first_signs: &'a str,
    pub raised_by: &'a str,
    pub exercise: bool,
    pub participants: &'a str,
    pub units: Vec<&'a str>,
}

/// A new incident, checked.
pub struct Start {
    pub title: String,
    pub what_happened: Option<String>,
    pub discovered_at: String,
    /// Who judged that the municipality knows of it.
    pub aware_by: String,
    pub first_signs: Option<String>,
    pub raised_by: Option<String>,
    pub exercise: bool,
    pub participants: Option<String>,
    pub units: Vec<i64>,
}

/// Checks the start form; `by` (the person starting it) judged the awareness when no one else is
/// named. The fields are named as in the form.
pub fn check(f: &StartForm, all_units: &[Unit], by: &str) -> Result<Start, Invalid> {
    let mut e = Invalid::default();
    let title = e.take("title", text::Name::parse(f.title).map(|n| n.into_string()));
    let what_happened = e.take("what_happened", text::optional_text(f.what_happened, 4000));
    let discovered_at = e.take("discovered_at", clock::parse_local(f.discovered_at));
    let aware_by = e.take("aware_by", text::optional_line(f.aware_by, 200)).unwrap_or_else(|| by.to_owned());
    let first_signs = match f.first_signs.trim() {
        "" => None,
        t => Some(e.take("first_signs", clock::parse_local(t))),
    };
    let raised_by = e.take("raised_by", text::optional_line(f.raised_by, 200));
    let participants = e.take("participants", text::optional_text(f.participants, 4000));
    let mut units: Vec<i64> = Vec::new();
    for v in &f.units {
        match v.parse::<i64>().ok().filter(|u| all_units.iter().any(|x| x.id == *u)) {
            Some(u) => units.push(u),
            None => e.add("units", FieldError::Missing),
        }
    }
    if units.is_empty() {
        e.add("units", FieldError::Required);
    }
    e.or(Start {
        title,
        what_happened,
        discovered_at,
        aware_by,
        first_signs,
        raised_by,
        exercise: f.exercise,
        participants,
        units,
    })
}

fn unit_names(all_units: &[Unit], ids: &[i64]) -> String {
    let name = |id: &i64| all_units.iter().find(|u| u.id == *id).map(|u| u.name.clone()).unwrap_or_default();
    ids.iter().map(name).collect::<Vec<_>>().join(", ")
}

/// The board of a new incident: every step of the fallback routines of the approved plans of the
/// affected units (and the units under them), a routine that two plans hold taken once; each as
/// (area, section, label).
async fn board_items(
    db: &Db,
    org: i64,
    all_units: &[Unit],
    units: &[i64],
) -> Result<Vec<(String, String, String)>, Failure> {
    let covered: Vec<i64> = units.iter().flat_map(|u| subtree(all_units, *u)).collect();
    let mut items = Vec::new();
    for (plan, r) in overlap::approved_routines(&db.pool, org, &covered).await? {
        for s in r.steps {
            items.push((plan.clone(), r.activity.clone(), s));
        }
    }
    Ok(items)
}

/// The first entry's text: started (or the exercise started), the units, what happened, and from
/// when the municipality knows of it.
fn first_text(tr: &Tr, s: &Start, names: &str) -> String {
    let started = if s.exercise { "incident-log-exercise-started" } else { "incident-log-started" };
    tr.ts(started, "title", &s.title)
        + " "
        + &tr.ts("incident-log-units", "units", names)
        + s.what_happened.as_deref().map(|w| format!(" {w}")).unwrap_or_default().as_str()
        + " "
        + &tr.ts(
            "incident-log-aware",
            "at",
            &format!("{} {}", clock::shown_minute(&s.discovered_at), tr.t("swedish-time")),
        )
}

/// Starts the incident with its board, its first log entry (also the decision that the
/// municipality knows of it, from when the reporting deadlines count) and, when given, the first
/// signs as an event of their own. Returns its id.
pub async fn start(
    db: &Db,
    actor: &audit::Actor,
    tr: &Tr,
    all_units: &[Unit],
    s: &Start,
    by: &str,
) -> Result<i64, Failure> {
    let org = actor.org_id;
    let items = board_items(db, org, all_units, &s.units).await?;
    let mut tx = db.begin_write().await?;
    let n = incidents::NewIncident {
        title: &s.title,
        what_happened: s.what_happened.as_deref(),
        discovered_at: &s.discovered_at,
        raised_by: s.raised_by.as_deref(),
        exercise: s.exercise,
        started_by: by,
        uid: None,
        participants: s.participants.as_deref(),
        times_zone_known: true,
    };
    let id = incidents::create(&mut tx, org, &n, &s.units).await?;
    for (pos, (area, section, label)) in items.iter().enumerate() {
        incidents::add_board_item(&mut *tx, id, area, section, pos as i64, label).await?;
    }
    let grounds = tr.t("incident-aware-grounds");
    let entry = NewEntry {
        occurred_at: Some(s.discovered_at.clone()),
        decided_by: Some(s.aware_by.clone()),
        grounds: Some(grounds.clone()),
        ..NewEntry::web(LogKind::Decision, first_text(tr, s, &unit_names(all_units, &s.units)), by)
    };
    let first = incidents::append(&mut tx, &db.keys, org, id, entry, by).await?;
    let aware = incidents::NewAssessment {
        kind: AssessmentKind::Aware,
        outcome: None,
        at: clock::Stamp::parse(&s.discovered_at),
        decided_by: &s.aware_by,
        grounds: &grounds,
        reference: None,
    };
    incidents::keep(&mut tx, org, id, &aware, &first).await?;
    if let Some(at) = &s.first_signs {
        let text = tr.t("incident-log-first-signs");
        let entry = NewEntry { occurred_at: Some(at.clone()), ..NewEntry::web(LogKind::Event, text, by) };
        incidents::append(&mut tx, &db.keys, org, id, entry, by).await?;
    }
    let after = incidents::get(&mut tx, org, id.id()).await?;
    let change = audit::Change {
        action: "create",
        entity: "incident",
        entity_id: Some(id.id()),
        summary: &s.title,
        before: None,
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id.id())
}

/// Closes the incident, with an entry in its log.
pub async fn close(db: &Db, actor: &audit::Actor, tr: &Tr, i: &Incident, by: &str) -> Result<(), Failure> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let entry = NewEntry::web(LogKind::System, tr.t("incident-log-closed"), by);
    incidents::append(&mut tx, &db.keys, org, i.key(), entry, by).await?;
    incidents::close(&mut *tx, org, i.id).await?;
    let after = incidents::get(&mut tx, org, i.id).await?;
    let change = audit::Change {
        action: "close",
        entity: "incident",
        entity_id: Some(i.id),
        summary: &i.title,
        before: Some(i),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}
