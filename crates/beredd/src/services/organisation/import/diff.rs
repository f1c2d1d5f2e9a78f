//! Matching a file's rows to a register's records and comparing them. A row is the record with
//! its key (employee number, unit code, system id, organisation number); a row without one, or
//! whose key no record has yet, is the record with its name (only a record without a key, so
//! that a first import gives the records their keys). The file's columns overwrite the record's
//! fields (an empty cell empties the field); fields the file has no column for stay as they are.

use std::collections::{HashMap, HashSet};

use beredd_domain::job::JobStep;
use sqlx::AnyConnection;

use super::{Added, Change, Changed, Importable, Preview, Problem, Refs, RowError, Values, read::Sheet};
use crate::platform::db::DbError;
use crate::platform::progress::Progress;
use crate::store::audit::{self, Actor};

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// What a row will do.
enum Action<I> {
    Insert { placeholder: i64, input: I },
    Update { id: i64, input: I },
}

/// The column heading a field's error is shown under: the file's, or the template's.
fn column_of<R: Importable>(sheet: &Sheet, map: &[Option<&'static str>], field: &str) -> String {
    match map.iter().position(|m| *m == Some(field)) {
        Some(c) => sheet.headings[c].clone(),
        None => R::FIELDS.iter().find(|f| f.key == field).map(|f| f.heading.to_owned()).unwrap_or_default(),
    }
}

/// The fields that differ, in the template's order.
fn changes<R: Importable>(before: &Values, after: &Values) -> Vec<Change> {
    R::FIELDS
        .iter()
        .filter_map(|f| {
            let (b, a) =
                (before.get(f.key).cloned().unwrap_or_default(), after.get(f.key).cloned().unwrap_or_default());
            (b != a).then_some(Change { label_id: f.label_id, before: b, after: a })
        })
        .collect()
}

/// The records by key and by name.
struct Index {
    by_key: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

impl Index {
    fn new<R: Importable>(records: &[R::Record], refs: &Refs) -> Index {
        let mut by_key = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in records.iter().enumerate() {
            if let Some(k) = R::key(r).filter(|k| !k.trim().is_empty()) {
                by_key.insert(fold(k), i);
            }
            by_name.entry(fold(&R::identity(&R::values(r, refs), refs))).or_default().push(i);
        }
        Index { by_key, by_name }
    }

    /// The record a row is, if any: by key, or by name among the records without a key (when
    /// the row has a key) or among all (when it has none).
    fn find<R: Importable>(
        &self,
        records: &[R::Record],
        key: &str,
        ident: &str,
        name: &str,
    ) -> Result<Option<usize>, Problem> {
        if !key.is_empty()
            && let Some(i) = self.by_key.get(&fold(key))
        {
            return Ok(Some(*i));
        }
        if ident.is_empty() {
            return Ok(None);
        }
        let named: Vec<usize> = self
            .by_name
            .get(&fold(ident))
            .map(|v| v.iter().copied().filter(|i| key.is_empty() || R::key(&records[*i]).is_none()).collect())
            .unwrap_or_default();
        match named.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            _ => Err(Problem::Ambiguous(name.to_owned())),
        }
    }
}

/// Compares the file with the register and, when `store` names who stores it and no row is in
/// error, stores it with an audit entry per record. `progress` is told each row compared and each
/// record stored (it keeps only the latest).
pub async fn run<R: Importable>(
    conn: &mut AnyConnection,
    org: i64,
    store: Option<&Actor>,
    sheet: &Sheet,
    map: Vec<Option<&'static str>>,
    progress: &dyn Progress,
) -> Result<Preview, DbError> {
    let records = R::load_all(&mut *conn, org).await?;
    let mut refs = Refs::load(&mut *conn, org).await?;
    let index = Index::new::<R>(&records, &refs);
    let col = |field: &str| map.iter().position(|m| *m == Some(field));
    let key_col = col(R::KEY);
    let by = R::MATCH_FIELD;
    let mut p = Preview { headings: sheet.headings.clone(), mapping: map.clone(), ..Default::default() };
    let mut actions = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut matched: HashMap<usize, usize> = HashMap::new();
    let mut new_names: HashSet<String> = HashSet::new();
    let total = sheet.rows.len() as u64;
    for (n, (row, cells)) in sheet.rows.iter().enumerate() {
        progress.report(JobStep::Compare, n as u64, total);
        let row = *row;
        let cell = |c: Option<usize>| c.map(|c| cells[c].trim().to_owned()).unwrap_or_default();
        let key = cell(key_col);
        let row_values: Values = map.iter().zip(cells).filter_map(|(m, c)| m.map(|f| (f, c.clone()))).collect();
        let (ident, name) = (R::identity(&row_values, &refs), R::display(&row_values));
        let mut error = |field: &str, problem: Problem| {
            p.errors.push(RowError { row, column: column_of::<R>(sheet, &map, field), problem })
        };
        // The same record twice in the file.
        let (seen_field, seen_value, shown) = if key.is_empty() { (by, &ident, &name) } else { (R::KEY, &key, &key) };
        if !seen_value.is_empty()
            && let Some(first) = seen.insert(format!("{seen_field}\n{}", fold(seen_value)), row)
        {
            error(seen_field, Problem::Repeated { value: shown.clone(), first });
            continue;
        }
        let found = match index.find::<R>(&records, &key, &ident, &name) {
            Ok(f) => f,
            Err(problem) => {
                error(by, problem);
                continue;
            }
        };
        if let Some(i) = found
            && let Some(first) = matched.insert(i, row)
        {
            error(by, Problem::Repeated { value: R::name(&records[i]).to_owned(), first });
            continue;
        }
        let mut values = found.map(|i| R::values(&records[i], &refs)).unwrap_or_default();
        for (c, m) in map.iter().enumerate() {
            if let Some(field) = m {
                values.insert(field, cells[c].clone());
            }
        }
        let id = found.map(|i| R::id(&records[i]));
        let input = match R::parse(&values, &refs, id) {
            Ok(input) => input,
            Err(problems) => {
                for (field, problem) in problems {
                    error(field, problem);
                }
                continue;
            }
        };
        let after = R::render(&input, &refs);
        let after_name = R::display(&after);
        // A name another record has (or a new one in the file took) is refused where names are unique.
        if R::UNIQUE_NAME {
            let after_ident = fold(&R::identity(&after, &refs));
            let other = index.by_name.get(&after_ident).is_some_and(|v| v.iter().any(|i| Some(*i) != found));
            if other || (found.is_none() && !new_names.insert(after_ident)) {
                error(by, Problem::Field(beredd_domain::FieldError::Duplicate));
                continue;
            }
        }
        match found {
            None => {
                let placeholder = -(row as i64);
                R::learn(&mut refs, &input, placeholder);
                p.added.push(Added { row, name: after_name });
                actions.push(Action::Insert { placeholder, input });
            }
            Some(i) => {
                let c = changes::<R>(&R::values(&records[i], &refs), &after);
                if c.is_empty() {
                    p.unchanged += 1;
                } else {
                    let id = R::id(&records[i]);
                    p.changed.push(Changed { row, id, name: after_name, changes: c });
                    actions.push(Action::Update { id, input });
                }
            }
        }
    }
    p.missing = records
        .iter()
        .enumerate()
        .filter(|(i, r)| !matched.contains_key(i) && R::listed_when_missing(r))
        .map(|(_, r)| (R::id(r), R::name(r).to_owned()))
        .collect();
    if let Some(actor) = store
        && p.errors.is_empty()
    {
        write::<R>(conn, actor, actions, progress).await?;
        p.stored = true;
    }
    Ok(p)
}

/// Stores the rows, each with its audit entry as the register's own form writes it.
async fn write<R: Importable>(
    conn: &mut AnyConnection,
    actor: &Actor,
    actions: Vec<Action<R::Input>>,
    progress: &dyn Progress,
) -> Result<(), DbError> {
    let org = actor.org_id;
    let mut stored: HashMap<i64, i64> = HashMap::new();
    let total = actions.len() as u64;
    for (n, action) in actions.into_iter().enumerate() {
        progress.report(JobStep::Rows, n as u64, total);
        let (action, id, before) = match action {
            Action::Insert { placeholder, mut input } => {
                R::settle(&mut input, &stored);
                let id = R::insert(&mut *conn, org, &input).await?;
                stored.insert(placeholder, id);
                ("create", id, None)
            }
            Action::Update { id, mut input } => {
                R::settle(&mut input, &stored);
                let before = R::load(&mut *conn, org, id).await?;
                R::update(&mut *conn, org, id, &input).await?;
                ("update", id, before)
            }
        };
        let after = R::load(&mut *conn, org, id).await?;
        let summary = after.as_ref().map(|a| R::name(a).to_owned()).unwrap_or_default();
        let change = audit::Change {
            action,
            entity: R::ENTITY,
            entity_id: Some(id),
            summary: &summary,
            before: before.as_ref(),
            after: after.as_ref(),
        };
        audit::record(&mut *conn, actor, change).await?;
    }
    Ok(())
}
