//! Bringing classifications over from an export of SKR's KLASSA tool: one row per information
//! asset (or system) with its K, R, T and S levels, the day it was classified, by whom, its
//! process code and a motivation. The file is read and its columns mapped as a register import
//! does it (`organisation::import::{read, mapping}`, with the organisation's saved choices under
//! "klassa"); each row is matched to an asset by name, and an asset not in the register is
//! created. Each row becomes a new classification version with the origin KLASSA and its date:
//! earlier versions are never changed. A row whose asset already has a KLASSA version of the
//! same day with the same levels was imported before and is left out, so the same file twice
//! stores nothing the second time. Nothing is stored while any row is in error.
//!
//! No real KLASSA export has been seen: the headings below are natural Swedish ones and common
//! variants, and the mapping step on the preview takes any other heading.

use std::collections::HashMap;

use beredd_domain::FieldError;
use beredd_domain::classification::Levels;
use beredd_domain::text;
use sqlx::AnyConnection;

use crate::platform::clock::Day;
use crate::platform::db::{Db, DbError};
use crate::services::organisation::import::read::{self, Sheet};
use crate::services::organisation::import::{FieldDef, Problem, Refused, RowError, mapping};
use crate::store::assets::{self, AssetInput, ClassificationInput, Origin};
use crate::store::audit::{self, Actor};

/// The register name the upload and the saved mapping are kept under.
pub const SLUG: &str = "klassa";

/// The columns of a KLASSA file, in the template's order.
pub const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "name",
        heading: "Informationsmängd",
        aliases: &[
            "informationstillgång",
            "namn",
            "system",
            "objekt",
            "system/informationsmängd",
            "informationsmängd/system",
            "name",
            "information asset",
        ],
        label_id: "klassa-field-name",
    },
    FieldDef {
        key: "level_k",
        heading: "Konfidentialitet",
        aliases: &["k", "konfidentialitet (k)", "k-nivå", "nivå k", "confidentiality"],
        label_id: "aspect-K",
    },
    FieldDef {
        key: "level_r",
        heading: "Riktighet",
        aliases: &["r", "riktighet (r)", "r-nivå", "nivå r", "integritet", "integrity"],
        label_id: "aspect-R",
    },
    FieldDef {
        key: "level_t",
        heading: "Tillgänglighet",
        aliases: &["t", "tillgänglighet (t)", "t-nivå", "nivå t", "availability"],
        label_id: "aspect-T",
    },
    FieldDef {
        key: "level_s",
        heading: "Spårbarhet",
        aliases: &["s", "spårbarhet (s)", "s-nivå", "nivå s", "traceability"],
        label_id: "aspect-S",
    },
    FieldDef {
        key: "date",
        heading: "Datum för klassning",
        aliases: &["datum", "klassad", "klassningsdatum", "klassificeringsdatum", "senast klassad", "date"],
        label_id: "klassa-field-date",
    },
    FieldDef {
        key: "by",
        heading: "Klassad av",
        aliases: &["klassificerad av", "ansvarig", "utförd av", "genomförd av", "classified by"],
        label_id: "klassa-field-by",
    },
    FieldDef {
        key: "process_code",
        heading: "Processkod",
        aliases: &["process", "processnummer", "klassificeringskod", "klassificeringsstruktur", "process code"],
        label_id: "field-process-code",
    },
    FieldDef {
        key: "motivation",
        heading: "Motivering",
        aliases: &["kommentar", "motivering till klassning", "anteckning", "beskrivning", "motivation"],
        label_id: "klassa-field-motivation",
    },
];

/// The example row of the template, by field key.
pub const EXAMPLE: &[(&str, &str)] = &[
    ("name", "Genomförandeplaner i hemtjänsten"),
    ("level_k", "3"),
    ("level_r", "2"),
    ("level_t", "2"),
    ("level_s", "2"),
    ("date", "2024-05-12"),
    ("by", "Anna Lindqvist"),
    ("process_code", "3.2.1"),
    ("motivation", "Känsliga uppgifter om enskildas hälsa och sociala förhållanden"),
];

/// One row that will be (or was) stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub row: usize,
    pub name: String,
    /// The asset, or `None` for one the import creates.
    pub asset: Option<i64>,
    pub levels: Levels,
    pub date: Day,
    pub by: String,
    pub process_code: Option<String>,
    pub motivation: Option<String>,
}

/// What a file would do (or, once stored, did).
#[derive(Debug, Clone, Default)]
pub struct Preview {
    pub headings: Vec<String>,
    /// For each column, the field it fills.
    pub mapping: Vec<Option<&'static str>>,
    pub rows: Vec<Planned>,
    /// Rows imported before (the same asset, day and levels).
    pub unchanged: usize,
    pub errors: Vec<RowError>,
    /// How many assets the file creates.
    pub new_assets: usize,
    pub stored: bool,
}

pub type Outcome = Result<Preview, Refused>;

fn get<'a>(map: &[Option<&'static str>], cells: &'a [String], key: &str) -> &'a str {
    map.iter().position(|m| *m == Some(key)).and_then(|c| cells.get(c)).map(String::as_str).unwrap_or("").trim()
}

/// A level as KLASSA or a person writes it: "2", "K2", "Nivå 2", "2 – Skadlig".
pub fn level(raw: &str) -> Result<u8, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    let lower = s.to_lowercase();
    let rest = lower.trim_start_matches("nivå").trim_start_matches(['k', 'r', 't', 's']).trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim_start();
    let tail_ok = after.is_empty() || after.starts_with(['-', '–', ' ', '(', ':']);
    match digits.parse::<i64>() {
        Ok(n) if tail_ok => beredd_domain::bia::level(n),
        _ => Err(FieldError::Number { min: 0, max: 4 }),
    }
}

/// The day classified: `YYYY-MM-DD` (a time of day typed after it, as a spreadsheet writes a
/// date cell, is dropped), not after today.
pub fn date(raw: &str, today: Day) -> Result<Day, FieldError> {
    let s = raw.trim();
    let day = match s.split_once([' ', 'T']) {
        Some((day, _time)) if day.len() == 10 => day,
        _ => s,
    };
    match crate::platform::day::optional_day(day)? {
        None => Err(FieldError::Required),
        Some(d) if d > today => Err(FieldError::FutureDate),
        Some(d) => Ok(d),
    }
}

/// A field's value, or its default with the problem noted.
fn take<T: Default>(errs: &mut Vec<(&'static str, Problem)>, key: &'static str, r: Result<T, FieldError>) -> T {
    r.unwrap_or_else(|e| {
        errs.push((key, Problem::Field(e)));
        T::default()
    })
}

/// Reads one row; the problems by field.
fn parse_row(
    map: &[Option<&'static str>],
    (row, cells): (usize, &[String]),
    today: Day,
    by_default: &str,
) -> Result<Planned, Vec<(&'static str, Problem)>> {
    let mut errs: Vec<(&'static str, Problem)> = Vec::new();
    let e = &mut errs;
    let name = take(e, "name", text::Name::parse(get(map, cells, "name")).map(|n| n.into_string()));
    let mut l = [0u8; 4];
    for (i, key) in ["level_k", "level_r", "level_t", "level_s"].into_iter().enumerate() {
        l[i] = take(e, key, level(get(map, cells, key)).map(|v| v.to_string())).parse().unwrap_or(0);
    }
    let date = take(e, "date", date(get(map, cells, "date"), today).map(Some));
    let by = take(e, "by", text::optional_line(get(map, cells, "by"), 200).map(Option::unwrap_or_default));
    let code = take(
        e,
        "process_code",
        text::optional_line(get(map, cells, "process_code"), 100).map(Option::unwrap_or_default),
    );
    let motivation =
        take(e, "motivation", text::optional_text(get(map, cells, "motivation"), 2000).map(Option::unwrap_or_default));
    let Some(date) = date.filter(|_| errs.is_empty()) else { return Err(errs) };
    let levels = Levels::new(l[0], l[1], l[2], l[3]).map_err(|e| vec![("level_k", Problem::Field(e))])?;
    let by = if by.is_empty() { by_default.to_owned() } else { by };
    let process_code = Some(code).filter(|c| !c.is_empty());
    let motivation = Some(motivation).filter(|m| !m.is_empty());
    Ok(Planned { row, name, asset: None, levels, date, by, process_code, motivation })
}

/// The column heading a field's error is shown under: the file's, or the template's.
fn column_of(sheet: &Sheet, map: &[Option<&'static str>], field: &str) -> String {
    match map.iter().position(|m| *m == Some(field)) {
        Some(c) => sheet.headings[c].clone(),
        None => FIELDS.iter().find(|f| f.key == field).map(|f| f.heading.to_owned()).unwrap_or_default(),
    }
}

/// Compares the file with the register: what each row would store.
async fn plan(
    conn: &mut AnyConnection,
    org: i64,
    sheet: &Sheet,
    map: Vec<Option<&'static str>>,
    by_default: &str,
) -> Result<Preview, DbError> {
    let all = assets::list_in(conn, org).await?;
    let versions = assets::all_versions(&mut *conn, org).await?;
    let by_name: HashMap<String, i64> = all.iter().map(|a| (a.name.trim().to_lowercase(), a.id)).collect();
    let today = crate::platform::clock::today();
    let mut p = Preview { headings: sheet.headings.clone(), mapping: map.clone(), ..Default::default() };
    let mut seen: HashMap<(String, Day), usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let mut planned = match parse_row(&map, (*row, cells), today, by_default) {
            Ok(v) => v,
            Err(problems) => {
                for (field, problem) in problems {
                    p.errors.push(RowError { row: *row, column: column_of(sheet, &map, field), problem });
                }
                continue;
            }
        };
        let folded = planned.name.to_lowercase();
        if let Some(first) = seen.insert((folded.clone(), planned.date), *row) {
            let problem = Problem::Repeated { value: format!("{} {}", planned.name, planned.date), first };
            p.errors.push(RowError { row: *row, column: column_of(sheet, &map, "name"), problem });
            continue;
        }
        planned.asset = by_name.get(&folded).copied();
        let before = planned.asset.is_some_and(|id| {
            versions.iter().any(|v| {
                v.asset_id == id
                    && v.origin == Origin::Klassa
                    && v.source_date == Some(planned.date)
                    && v.levels() == planned.levels
            })
        });
        if before {
            p.unchanged += 1;
            continue;
        }
        p.rows.push(planned);
    }
    // Stored oldest first, so that the newest classification of each asset is its current one.
    p.rows.sort_by(|a, b| a.date.cmp(&b.date).then(a.row.cmp(&b.row)));
    let mut names: Vec<String> = p.rows.iter().filter(|r| r.asset.is_none()).map(|r| r.name.to_lowercase()).collect();
    names.sort();
    names.dedup();
    p.new_assets = names.len();
    Ok(p)
}

/// Stores the planned rows: an asset created where needed (its process code set), a new
/// classification version for each, each with its audit entry.
async fn store(
    conn: &mut AnyConnection,
    actor: &Actor,
    catalogue_version: &str,
    rows: &mut [Planned],
) -> Result<(), DbError> {
    let org = actor.org_id;
    let mut created: HashMap<String, i64> = HashMap::new();
    for r in rows.iter_mut() {
        let id = match r.asset.or_else(|| created.get(&r.name.to_lowercase()).copied()) {
            Some(id) => id,
            None => {
                let input = AssetInput {
                    name: r.name.clone(),
                    description: None,
                    owner_id: None,
                    flags: Vec::new(),
                    osl_reference: None,
                    process_code: r.process_code.clone(),
                    system_ids: Vec::new(),
                    unit_ids: Vec::new(),
                    gdpr: Default::default(),
                };
                let id = assets::insert(conn, org, &input).await?;
                let after = assets::get(conn, org, id).await?;
                let change = audit::Change {
                    action: "create",
                    entity: "asset",
                    entity_id: Some(id),
                    summary: &r.name,
                    before: None,
                    after: after.as_ref(),
                };
                audit::record(&mut *conn, actor, change).await?;
                created.insert(r.name.to_lowercase(), id);
                id
            }
        };
        r.asset = Some(id);
        set_process_code(conn, actor, id, r.process_code.as_deref()).await?;
        let input = ClassificationInput {
            levels: r.levels,
            why: [None, None, None, None],
            reason: r.motivation.clone(),
            origin: Origin::Klassa,
            source_date: Some(r.date),
        };
        assets::classify(conn, org, id, &input, &r.by, catalogue_version).await?;
        let mut stored = assets::versions(&mut *conn, org, id).await?.into_iter();
        let (after, before) = (stored.next(), stored.next());
        let summary = format!("{} (KLASSA {})", r.name, r.date);
        let change = audit::Change {
            action: "classify",
            entity: "asset",
            entity_id: Some(id),
            summary: &summary,
            before: before.as_ref(),
            after: after.as_ref(),
        };
        audit::record(&mut *conn, actor, change).await?;
    }
    Ok(())
}

/// Sets an asset's process code when the file gives one that differs, with an audit entry.
async fn set_process_code(conn: &mut AnyConnection, actor: &Actor, id: i64, code: Option<&str>) -> Result<(), DbError> {
    let Some(code) = code else { return Ok(()) };
    let Some(before) = assets::get(conn, actor.org_id, id).await? else { return Ok(()) };
    if before.process_code.as_deref() == Some(code) {
        return Ok(());
    }
    assets::set_process_code(conn, actor.org_id, id, code).await?;
    let after = assets::get(conn, actor.org_id, id).await?;
    let change = audit::Change {
        action: "update",
        entity: "asset",
        entity_id: Some(id),
        summary: &before.name,
        before: Some(&before),
        after: after.as_ref(),
    };
    audit::record(&mut *conn, actor, change).await
}

async fn run(
    conn: &mut AnyConnection,
    org: i64,
    sheet: &Sheet,
    chosen: &HashMap<usize, String>,
    by_default: &str,
) -> Result<Preview, DbError> {
    let saved = crate::store::imports::mapping(&mut *conn, org, SLUG).await?;
    let map = mapping::resolve(FIELDS, &sheet.headings, &saved, chosen);
    plan(conn, org, sheet, map, by_default).await
}

/// What the file would store, with the saved mapping and the choices made now. Nothing is
/// stored.
pub async fn preview(
    db: &Db,
    org: i64,
    file: (&str, &[u8]),
    chosen: &HashMap<usize, String>,
    by_default: &str,
) -> Result<Outcome, DbError> {
    let sheet = match read::read(file.0, file.1) {
        Ok(s) => s,
        Err(r) => return Ok(Err(r)),
    };
    let mut conn = db.pool.acquire().await?;
    Ok(Ok(run(&mut conn, org, &sheet, chosen, by_default).await?))
}

/// Stores the file when no row is in error, in one transaction, and keeps the mapping used.
pub async fn apply(
    db: &Db,
    actor: &Actor,
    catalogue_version: &str,
    file: (&str, &[u8]),
    chosen: &HashMap<usize, String>,
    by_default: &str,
) -> Result<Outcome, DbError> {
    let sheet = match read::read(file.0, file.1) {
        Ok(s) => s,
        Err(r) => return Ok(Err(r)),
    };
    let mut tx = db.begin_write().await?;
    let mut p = run(&mut tx, actor.org_id, &sheet, chosen, by_default).await?;
    if !p.errors.is_empty() {
        return Ok(Ok(p));
    }
    store(&mut tx, actor, catalogue_version, &mut p.rows).await?;
    let pairs: Vec<(String, String)> = p
        .headings
        .iter()
        .zip(&p.mapping)
        .filter(|(h, _)| !h.trim().is_empty())
        .map(|(h, m)| (mapping::normalise(h), m.unwrap_or_default().to_owned()))
        .collect();
    crate::store::imports::save_mapping(&mut tx, actor.org_id, SLUG, &pairs).await?;
    tx.commit().await?;
    p.stored = true;
    Ok(Ok(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_as_people_write_them() {
        assert_eq!(level("2"), Ok(2));
        assert_eq!(level(" K3 "), Ok(3));
        assert_eq!(level("Nivå 1"), Ok(1));
        assert_eq!(level("4 – Allvarlig"), Ok(4));
        assert_eq!(level(""), Err(FieldError::Required));
        assert_eq!(level("5"), Err(FieldError::Number { min: 0, max: 4 }));
        assert_eq!(level("hög"), Err(FieldError::Number { min: 0, max: 4 }));
        assert_eq!(level("23"), Err(FieldError::Number { min: 0, max: 4 }));
    }

    #[test]
    fn a_date_is_a_real_day_not_after_today() {
        let today = Day::parse("2026-11-24").unwrap();
        let shown = |raw: &str| date(raw, today).map(|d| d.to_string());
        assert_eq!(shown("2024-05-12").as_deref(), Ok("2024-05-12"));
        assert_eq!(shown("2024-05-12 00:00:00").as_deref(), Ok("2024-05-12"));
        assert_eq!(shown("2024-05-12T08:30").as_deref(), Ok("2024-05-12"));
        assert_eq!(shown(""), Err(FieldError::Required));
        assert_eq!(shown("12/5 2024"), Err(FieldError::Date));
        assert_eq!(shown("2024-02-30"), Err(FieldError::Date));
        assert_eq!(shown("2027-01-01"), Err(FieldError::FutureDate));
    }

    #[test]
    fn the_example_names_every_field_and_its_headings_map_back() {
        for f in FIELDS {
            assert!(EXAMPLE.iter().any(|(k, _)| *k == f.key), "{}", f.key);
            assert_eq!(mapping::default_field(FIELDS, f.heading), Some(f.key));
        }
    }
}
