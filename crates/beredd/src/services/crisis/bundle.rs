//! An incident as one file, to move it between Beredds: when the main server is down the crisis
//! staff run the incident on a laptop, and afterwards its bundle is imported into the main
//! instance. The bundle's log chain is checked before anything is written; entries are matched
//! by their uid, so a second import adds nothing but the record of the import; authors and the
//! original times are kept; corrections keep pointing at the entry they correct.

use std::collections::HashMap;

use beredd_domain::incident::{self, Entry};
use beredd_domain::reporting::{AssessmentKind, Outcome};
use beredd_domain::{LogKind, text};
use serde::{Deserialize, Serialize};

use super::checks;
use crate::platform::db::DbError;
use crate::store::incidents::{self as store, NewEntry};
use crate::store::units;

pub const FORMAT: &str = "beredd-incident-bundle";

/// The bundle format written now. Version 2 carries each log entry's version and whether the
/// incident's discovered time is known to be UTC; a version-1 bundle has neither (its entries are
/// version 1, its discovered time uncertain). A Beredd that reads only version 1 refuses a
/// version-2 bundle with a message, rather than finding its version-2 entries broken.
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    /// The organisation of the Beredd it came from.
    pub instance: String,
    pub incident: IncidentPart,
    pub log: Vec<LogPart>,
    #[serde(default)]
    pub board: Vec<store::BoardItem>,
    #[serde(default)]
    pub roster: Vec<store::RosterRow>,
    /// The reporting decisions (kännedom, significant, …), each tied to its log entry by uid.
    #[serde(default)]
    pub assessments: Vec<AssessmentPart>,
    /// The organisation's uid where the bundle was made: part of what each signature covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_uid: Option<String>,
    /// The public halves of the keys that signed the log's entries (none before signing began).
    #[serde(default)]
    pub keys: Vec<BundleKey>,
}

/// A key that signed entries of a bundle's log, named by its id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BundleKey {
    pub key_id: String,
    pub public_key: String,
}

/// One reporting decision of the incident; its log entry is the one with `log_uid`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AssessmentPart {
    pub kind: AssessmentKind,
    pub outcome: Option<Outcome>,
    pub at: Option<String>,
    pub decided_by: String,
    pub grounds: String,
    pub reference: Option<String>,
    pub log_uid: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IncidentPart {
    pub uid: String,
    pub title: String,
    pub what_happened: Option<String>,
    pub discovered_at: String,
    pub raised_by: Option<String>,
    pub exercise: bool,
    pub significant: bool,
    pub personal_data: bool,
    pub units: Vec<String>,
    /// Whether `discovered_at` is known to be UTC; absent in a version-1 bundle.
    #[serde(default)]
    pub times_zone_known: bool,
    #[serde(default)]
    pub diarienummer: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LogPart {
    #[serde(flatten)]
    pub entry: Entry,
    pub hash: String,
    /// The signature of the entry's head by the key `key_id` where it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

/// The incident of `id` as a bundle.
pub async fn export(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<Option<Bundle>, DbError> {
    let Some(i) = store::get(conn, org, id).await? else { return Ok(None) };
    let org_name = crate::store::orgs::get(&mut *conn, org).await?.map(|o| o.name).unwrap_or_default();
    let all_units = units::list(&mut *conn, org).await?;
    let log = store::log(&mut *conn, org, i.key()).await?;
    let keys = crate::store::signing::known(&mut *conn, org)
        .await?
        .into_iter()
        .filter(|k| log.iter().any(|r| r.key_id.as_deref() == Some(k.key_id.as_str())))
        .map(|k| BundleKey { key_id: k.key_id, public_key: k.public_key })
        .collect();
    Ok(Some(Bundle {
        org_uid: crate::store::signing::existing_org_uid(&mut *conn, org).await?,
        keys,
        format: FORMAT.into(),
        version: VERSION,
        exported_at: crate::platform::clock::stamp(),
        instance: org_name,
        incident: IncidentPart {
            uid: i.uid.clone().unwrap_or_else(|| format!("i-{}", i.id)),
            title: i.title.clone(),
            what_happened: i.what_happened.clone(),
            discovered_at: i.discovered_at.clone(),
            raised_by: i.raised_by.clone(),
            exercise: i.exercise.get(),
            significant: i.significant.get(),
            personal_data: i.personal_data.get(),
            units: i
                .unit_ids
                .iter()
                .filter_map(|u| all_units.iter().find(|x| x.id == *u))
                .map(|u| u.name.clone())
                .collect(),
            times_zone_known: i.times_zone_known.get(),
            diarienummer: i.diarienummer.clone(),
        },
        log: log
            .iter()
            .map(|r| LogPart {
                entry: r.entry.clone(),
                hash: r.hash.clone(),
                signature: r.signature.clone(),
                key_id: r.key_id.clone(),
            })
            .collect(),
        board: store::board(&mut *conn, i.key()).await?,
        roster: store::roster(&mut *conn, i.key()).await?,
        assessments: store::assessments(&mut *conn, i.key())
            .await?
            .into_iter()
            .filter_map(|a| {
                let uid = log.iter().find(|r| r.entry.seq == a.log_seq)?.entry.uid.clone();
                Some(AssessmentPart {
                    kind: a.kind,
                    outcome: a.outcome,
                    at: a.at.map(String::from),
                    decided_by: a.decided_by,
                    grounds: a.grounds,
                    reference: a.reference,
                    log_uid: uid,
                })
            })
            .collect(),
    }))
}

/// Why a bundle was refused, in Swedish.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("filen är inte ett incidentpaket från Beredd: {0}")]
    NotABundle(String),
    #[error("paketet har version {0}; den här Beredd läser version 1 och 2")]
    Version(u32),
    #[error("paketets logg är bruten: {}; ingenting lästes in", break_text(.0))]
    Broken(incident::Break),
    /// A field that Beredd's own forms would not take; `0` says which and why.
    #[error("{0}; ingenting lästes in")]
    Invalid(String),
}

/// Why a checked bundle was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "incidenten ”{title}” är avslutad, och en avslutad incidents logg tar inte emot fler poster; ingenting lästes in"
    )]
    Closed { title: String },
    #[error(transparent)]
    Db(#[from] DbError),
}

fn break_text(b: &incident::Break) -> String {
    match b {
        incident::Break::Changed { seq } => format!("post {seq} har ändrats"),
        incident::Break::Link { seq } => format!("posten före post {seq} har ändrats, tagits bort eller lagts till"),
        incident::Break::Gap { expected, .. } => format!("post {expected} saknas"),
    }
}

/// Reads and checks a bundle: the format, and that its log is an unbroken chain.
pub fn parse(bytes: &[u8]) -> Result<Bundle, BundleError> {
    let b: Bundle = serde_json::from_slice(bytes)
        .map_err(|e| BundleError::NotABundle(format!("rad {}, kolumn {}: {e}", e.line(), e.column())))?;
    if b.format != FORMAT {
        return Err(BundleError::NotABundle(format!("format {:?}", b.format)));
    }
    if !(1..=VERSION).contains(&b.version) {
        return Err(BundleError::Version(b.version));
    }
    let pairs: Vec<(Entry, String)> = b.log.iter().map(|l| (l.entry.clone(), l.hash.clone())).collect();
    incident::verify(&pairs).map_err(BundleError::Broken)?;
    super::signatures::check_bundle(&b).map_err(BundleError::Invalid)?;
    check(b).map_err(BundleError::Invalid)
}

/// The text of the log entry that records an import: how many entries were new, where the
/// bundle came from, and which keys had signed it.
pub fn note_text(tr: &crate::platform::i18n::Tr, b: &Bundle, r: &Report) -> String {
    let mut out = tr.ts("incident-log-bundle", "counts", &format!("{}/{}", r.imported, r.imported + r.skipped));
    out.push(' ');
    out.push_str(&tr.ts("incident-log-bundle-from", "instance", &b.instance));
    out.push(' ');
    let used: Vec<String> = b
        .keys
        .iter()
        .filter(|k| b.log.iter().any(|l| l.key_id.as_deref() == Some(k.key_id.as_str())))
        .map(|k| crate::platform::keys::grouped(&k.key_id))
        .collect();
    out.push_str(&if used.is_empty() {
        tr.t("incident-log-bundle-unsigned")
    } else {
        tr.ts("incident-log-bundle-signed", "keys", &used.join(", "))
    });
    out
}

/// The longest text of a log entry from a bundle. Entries a person types are shorter (4 000
/// characters on the log page), but Beredd writes longer ones itself: a meeting's protocol, the
/// entry that starts an incident with its units and description.
pub const ENTRY_TEXT_MAX: usize = 100_000;

/// Every field of a bundle through the checks a kit's log passes (`checks`): texts within their
/// lengths and without control characters, names on one line, times that are real times and not
/// later than now, codes Beredd knows; the times as UTC. The problem names the part and the entry.
fn check(mut b: Bundle) -> Result<Bundle, String> {
    let line = |v: &str, max: usize, what: &str| -> Result<Option<String>, String> {
        text::optional_line(v, max).map_err(|_| format!("{what} är för lång eller har otillåtna tecken"))
    };
    let required = |v: &str, max: usize, what: &str| -> Result<String, String> {
        line(v, max, what)?.ok_or_else(|| format!("{what} saknas"))
    };
    // Times kept here (when something happened, kännedom) may not lie ahead: they would hide a
    // deadline that has passed. Those only shown (when the bundle and the entries were written
    // on the laptop, whose clock may be off) need only be times.
    let a_time =
        |t: &str, what: &str| checks::time(t).ok_or_else(|| format!("{what} är inte en tid som 2026-11-23T07:10:00Z"));
    b.exported_at = a_time(&b.exported_at, "när paketet gjordes (exported_at)")?;
    b.instance = required(&b.instance, 200, "avsändaren (instance)")?;
    let i = &mut b.incident;
    let bad = |p: String| format!("incidenten: {p}");
    if !checks::id(&i.uid, 100) {
        return Err(bad("dess id (uid) saknas eller har fel form".into()));
    }
    i.title = text::Name::parse(&i.title)
        .map_err(|_| bad("rubriken (title) saknas, är för lång eller har otillåtna tecken".into()))?
        .into_string();
    i.what_happened = text::optional_text(i.what_happened.as_deref().unwrap_or(""), 4000)
        .map_err(|_| bad("vad som hänt (what_happened) är för långt eller har otillåtna tecken".into()))?;
    i.discovered_at = checks::past_time(&i.discovered_at, "kännedom (discovered_at)").map_err(bad)?;
    i.raised_by = line(i.raised_by.as_deref().unwrap_or(""), 200, "vem som larmade (raised_by)").map_err(bad)?;
    if i.units.len() > 1000 {
        return Err(bad("för många enheter".into()));
    }
    for u in i.units.iter_mut() {
        *u = required(u, 200, "en enhets namn").map_err(bad)?;
    }
    for (n, it) in b.board.iter_mut().enumerate() {
        let bad = |p: String| format!("lägesbilden, punkt {}: {p}", n + 1);
        it.area = required(&it.area, 200, "området (area)").map_err(bad)?;
        it.section = required(&it.section, 200, "avsnittet (section)").map_err(bad)?;
        it.label = required(&it.label, 600, "texten (label)").map_err(bad)?;
        if beredd_domain::BoardState::parse(&it.state).is_err() {
            return Err(bad(format!("läget (state) {:?} finns inte", it.state)));
        }
        it.updated_by =
            line(it.updated_by.as_deref().unwrap_or(""), 200, "vem som ändrade (updated_by)").map_err(bad)?;
    }
    for (n, r) in b.roster.iter_mut().enumerate() {
        let bad = |p: String| format!("krisledningen, rad {}: {p}", n + 1);
        if beredd_domain::StaffRole::parse(&r.role).is_err() {
            return Err(bad(format!("rollen (role) {:?} finns inte", r.role)));
        }
        r.name = text::Name::parse(&r.name)
            .map_err(|_| bad("namnet saknas, är för långt eller har otillåtna tecken".into()))?
            .into_string();
        r.phone = text::optional_phone(r.phone.as_deref().unwrap_or(""))
            .map_err(|_| bad("telefonnumret (phone) är inte ett telefonnummer".into()))?;
        r.area = line(r.area.as_deref().unwrap_or(""), 200, "området (area)").map_err(bad)?;
    }
    for (n, a) in b.assessments.iter_mut().enumerate() {
        let bad = |p: String| format!("besluten, rad {}: {p}", n + 1);
        a.kind.check(a.outcome).map_err(|_| bad(format!("beslutet {:?} passar inte {:?}", a.outcome, a.kind)))?;
        a.at = match (a.kind.timed(), a.at.as_deref()) {
            (true, Some(t)) => Some(checks::past_time(t, "tiden (at)").map_err(bad)?),
            (true, None) => return Err(bad("tiden (at) saknas".into())),
            (false, _) => None,
        };
        a.decided_by = required(&a.decided_by, 200, "vem som beslutade (decided_by)").map_err(bad)?;
        a.grounds = required(&a.grounds, 4000, "grunderna (grounds)").map_err(bad)?;
        a.reference = line(a.reference.as_deref().unwrap_or(""), 100, "diarienumret (reference)").map_err(bad)?;
        if !b.log.iter().any(|l| l.entry.uid == a.log_uid) {
            return Err(bad("loggposten (log_uid) finns inte i paketet".into()));
        }
    }
    for l in b.log.iter_mut() {
        let e = &mut l.entry;
        let seq = e.seq;
        let bad = |p: &str| format!("post {seq}: {p}");
        if !checks::id(&e.uid, 100) {
            return Err(bad("id (uid) saknas eller har fel form"));
        }
        if !(1..=incident::LOG_VERSION).contains(&e.version) {
            return Err(bad(&format!("formen (version {}) är okänd", e.version)));
        }
        if LogKind::parse(&e.kind).is_err() {
            return Err(bad(&format!("slaget (kind) {:?} finns inte", e.kind)));
        }
        let checked =
            checks::entry_text(&e.text, &e.author, e.decided_by.as_deref(), e.grounds.as_deref(), ENTRY_TEXT_MAX)
                .map_err(bad)?;
        e.occurred_at = checks::past_time(&e.occurred_at, "tiden (occurred_at)").map_err(|p| bad(&p))?;
        e.recorded_at = a_time(&e.recorded_at, "när den skrevs (recorded_at)").map_err(|p| bad(&p))?;
        e.recorded_by = required(&e.recorded_by, 200, "vem som skrev den (recorded_by)").map_err(|p| bad(&p))?;
        e.source = required(&e.source, 300, "varifrån den kom (source)").map_err(|p| bad(&p))?;
        if let Some(c) = e.corrects
            && !(1..e.seq).contains(&c)
        {
            return Err(bad(&format!("den rättar post {c}, som inte finns före den")));
        }
        (e.text, e.author, e.decided_by, e.grounds) =
            (checked.text, checked.author, checked.decided_by, checked.grounds);
    }
    Ok(b)
}

/// How an import went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub incident: i64,
    pub created: bool,
    pub imported: usize,
    pub skipped: usize,
}

/// Imports a checked bundle: creates the incident if this Beredd does not have it (matched by
/// uid), then appends the log entries it lacks. An incident that is closed here takes nothing
/// (security review F5): its log is final. Call it inside a write transaction.
pub async fn import(
    conn: &mut sqlx::AnyConnection,
    keys: &crate::platform::keys::Keyring,
    org: i64,
    b: &Bundle,
    by: &str,
    note: impl Fn(&Report) -> String,
) -> Result<Report, ImportError> {
    let found = match store::by_uid(&mut *conn, org, &b.incident.uid).await? {
        Some(id) => store::get(&mut *conn, org, id).await?,
        None => None,
    };
    if let Some(i) = &found
        && !i.status.is_active()
    {
        return Err(ImportError::Closed { title: i.title.clone() });
    }
    let created = found.is_none();
    let id = match found {
        Some(i) => i.key(),
        None => {
            let all_units = units::list(&mut *conn, org).await?;
            let unit_ids: Vec<i64> =
                b.incident.units.iter().filter_map(|n| all_units.iter().find(|u| &u.name == n)).map(|u| u.id).collect();
            let n = store::NewIncident {
                title: &b.incident.title,
                what_happened: b.incident.what_happened.as_deref(),
                discovered_at: &b.incident.discovered_at,
                raised_by: b.incident.raised_by.as_deref(),
                exercise: b.incident.exercise,
                started_by: by,
                uid: Some(b.incident.uid.clone()),
                participants: None,
                times_zone_known: b.incident.times_zone_known,
            };
            let id = store::create(conn, org, &n, &unit_ids).await?;
            store::set_flags(&mut *conn, org, id.id(), b.incident.significant, b.incident.personal_data).await?;
            store::set_diarienummer(&mut *conn, org, id.id(), b.incident.diarienummer.as_deref()).await?;
            for it in &b.board {
                store::add_board_item(&mut *conn, id, &it.area, &it.section, it.position, &it.label).await?;
                if let (Ok(state), Some(who)) = (beredd_domain::BoardState::parse(&it.state), it.updated_by.as_deref())
                {
                    let items = store::board(&mut *conn, id).await?;
                    if let Some(last) = items.iter().find(|x| x.position == it.position && x.label == it.label) {
                        store::set_board_state(&mut *conn, id, last.id, state, who).await?;
                    }
                }
            }
            for r in &b.roster {
                if let Ok(role) = beredd_domain::StaffRole::parse(&r.role) {
                    store::add_roster(
                        &mut *conn,
                        id,
                        role,
                        &r.name,
                        r.phone.as_deref(),
                        r.area.as_deref(),
                        r.on_duty.get(),
                    )
                    .await?;
                }
            }
            id
        }
    };
    // This Beredd's seq for each of the bundle's entries, so corrections point at the same entry.
    let mut seq_of: HashMap<i64, i64> = HashMap::new();
    for row in store::log(&mut *conn, org, id).await? {
        if let Some(l) = b.log.iter().find(|l| l.entry.uid == row.entry.uid) {
            seq_of.insert(l.entry.seq, row.entry.seq);
        }
    }
    for k in &b.keys {
        let key = crate::store::signing::NewKey {
            key_id: &k.key_id,
            public_key: &k.public_key,
            origin: crate::store::signing::BUNDLE,
            label: &b.instance,
            made_at: &b.exported_at,
            added_by: by,
        };
        crate::store::signing::record(&mut *conn, org, &key).await?;
    }
    let mut report = Report { incident: id.id(), created, imported: 0, skipped: 0 };
    let source = format!("bundle:{}", b.instance);
    for l in &b.log {
        if store::has_uid(&mut *conn, id, &l.entry.uid).await? {
            report.skipped += 1;
            continue;
        }
        let e = &l.entry;
        let n = NewEntry {
            // Kept: a version-1 entry's time was typed in Swedish time and stored as if UTC.
            version: e.version,
            uid: Some(e.uid.clone()),
            kind: LogKind::parse(&e.kind).unwrap_or(LogKind::Information), // checked in `parse`
            text: e.text.clone(),
            decided_by: e.decided_by.clone(),
            grounds: e.grounds.clone(),
            author: e.author.clone(),
            occurred_at: Some(e.occurred_at.clone()),
            corrects: e.corrects.and_then(|c| seq_of.get(&c).copied()),
            source: if e.source == "web" { source.clone() } else { format!("{source} ({})", e.source) },
        };
        let row = store::append(conn, keys, org, id, n, by).await?;
        seq_of.insert(e.seq, row.entry.seq);
        report.imported += 1;
        // A decision comes with its log entry, and moves the clocks here as it did there; it keeps
        // when and by whom it was recorded there, not the moment of the import.
        let mut decided = row.clone();
        decided.entry.recorded_at = e.recorded_at.clone();
        decided.entry.recorded_by = e.recorded_by.clone();
        for a in b.assessments.iter().filter(|a| a.log_uid == e.uid) {
            let kept = store::NewAssessment {
                kind: a.kind,
                outcome: a.outcome,
                at: a.at.as_deref().and_then(crate::platform::clock::Stamp::parse),
                decided_by: &a.decided_by,
                grounds: &a.grounds,
                reference: a.reference.as_deref(),
            };
            store::keep(conn, org, id, &kept, &decided).await?;
        }
    }
    let record = NewEntry {
        version: beredd_domain::incident::LOG_VERSION,
        uid: None,
        kind: LogKind::System,
        text: note(&report),
        decided_by: None,
        grounds: None,
        author: by.to_owned(),
        occurred_at: None,
        corrects: None,
        source,
    };
    store::append(conn, keys, org, id, record, by).await?;
    Ok(report)
}
