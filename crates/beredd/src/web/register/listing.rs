//! A register's list as a table: the records its filters keep, sorted on a column, searched and
//! cut into pages of [`PAGE_ROWS`]. The sorted rows (before the free-text search) are kept per
//! organisation version (`store::versions`: every write moves it on) for the same reach,
//! language, day and filters, so that paging through, searching in and coming back to a list of
//! a thousand records builds its rows once, not at every request.

use super::*;
use crate::store::versions;
use std::marker::PhantomData;
use std::sync::Mutex;

/// A cell's place in its column: numbers by value before texts, texts in Swedish dictionary
/// order. Computed once per row, not once per comparison.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(i64),
    Text(Vec<u32>),
}

fn sort_key(text: &str) -> SortKey {
    match text.parse::<i64>() {
        Ok(n) => SortKey::Number(n),
        Err(_) => SortKey::Text(beredd_domain::sort::swedish_key(text)),
    }
}

/// A row, with its cells' texts in lower case, which the search looks in.
#[derive(Clone)]
struct Listed {
    row: RowView,
    text: String,
}

/// The sorted lists of one register of one organisation, at one version, by [`key`].
struct Kept<R> {
    lists: Mutex<HashMap<String, Arc<Vec<Listed>>>>,
    register: PhantomData<fn() -> R>,
}

/// At most this many lists are kept per register and organisation; one more starts over.
const KEPT_LISTS: usize = 32;

impl<R> Kept<R> {
    fn get(&self, key: &str) -> Option<Arc<Vec<Listed>>> {
        self.lists.lock().unwrap_or_else(|e| e.into_inner()).get(key).cloned()
    }

    fn put(&self, key: String, rows: Arc<Vec<Listed>>) {
        let mut lists = self.lists.lock().unwrap_or_else(|e| e.into_inner());
        if lists.len() >= KEPT_LISTS {
            lists.clear();
        }
        lists.insert(key, rows);
    }
}

/// What the sorted rows depend on besides the records: the user's reach (which records are
/// shown, and how), the language, the day (an action is overdue from one day to the next) and
/// the filters and sort, not the search, the page or a message.
fn key(user: &CurrentUser, q: &Query_) -> String {
    let mut params: Vec<_> = q.iter().filter(|(k, _)| !matches!(k.as_str(), "q" | "sida" | "msg")).collect();
    params.sort();
    let day = crate::platform::clock::today();
    format!("{:?}|{:?}|{:?}|{day}|{params:?}", user.lang, user.role, user.granted)
}

/// The column sorted on and whether downwards.
fn order(columns: &[Column], q: &Query_) -> (usize, bool) {
    let sort = q.get("sort").and_then(|s| columns.iter().position(|c| c.key == s)).unwrap_or(0);
    (sort, q.get("dir").is_some_and(|d| d == "desc"))
}

/// The records the filters keep, as rows sorted on column `sort`.
fn sorted<R: Register>(
    records: &[Cow<'_, R::Record>],
    lk: &Lookups,
    tr: &Tr,
    q: &Query_,
    by: (usize, bool),
) -> Vec<Listed> {
    let mut rows: Vec<Listed> = records
        .iter()
        .filter(|r| R::keep(r, q))
        .map(|r| {
            let row = RowView { href: format!("/{}/{}", R::SLUG, R::id(r)), cells: R::row(r, lk, tr) };
            let text = row.cells.iter().map(|c| c.text().to_lowercase()).collect::<Vec<_>>().join("\u{1f}");
            Listed { row, text }
        })
        .collect();
    rows.sort_by_cached_key(|l| sort_key(&l.row.cells[by.0].text()));
    if by.1 {
        rows.reverse();
    }
    rows
}

/// The rows the free-text search `q` keeps (a cell that holds it), all when there is none.
fn searched<'a>(rows: &'a [Listed], q: &Query_) -> Vec<&'a Listed> {
    let needle = q.get("q").map(|s| s.trim().to_lowercase()).unwrap_or_default();
    rows.iter().filter(|l| needle.is_empty() || l.text.contains(&needle)).collect()
}

/// The column heads: sort links keep the search and filters, and flip direction on the sorted
/// column.
fn column_views<R: Register>(columns: Vec<Column>, q: &Query_, (sort, desc): (usize, bool)) -> Vec<ColumnView> {
    let mut base: Vec<(String, String)> = q
        .iter()
        .filter(|(k, _)| *k != "sort" && *k != "dir" && *k != "msg")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    base.sort();
    let sorted = |i: usize| match (i == sort, desc) {
        (false, _) => "",
        (true, true) => "descending",
        (true, false) => "ascending",
    };
    columns
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let dir = if i == sort && !desc { "desc" } else { "asc" };
            let mut params = base.clone();
            params.push(("sort".into(), c.key.into()));
            params.push(("dir".into(), dir.into()));
            let qs: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(params).finish();
            ColumnView { label: c.label, sort_href: format!("/{}?{qs}", R::SLUG), sorted: sorted(i) }
        })
        .collect()
}

/// The table around `rows`, of `total` rows in all.
fn table<R: Register>(
    columns: Vec<Column>,
    by: (usize, bool),
    rows: Vec<RowView>,
    total: usize,
    tr: &Tr,
    q: &Query_,
) -> Table {
    let export_qs: String =
        form_urlencoded::Serializer::new(String::new()).extend_pairs(q.iter().filter(|(k, _)| *k != "msg")).finish();
    Table {
        export_href: format!("/{}/export?{export_qs}", R::SLUG),
        export_label: tr.t("list-export"),
        caption: tr.t(&format!("{}-title", R::SLUG)),
        count: tr.tn("list-count", total as i64),
        empty: tr.t("list-empty"),
        columns: column_views::<R>(columns, q, by),
        rows,
        pager: None,
    }
}

/// Every row the search, filters and sort keep (the Excel list), built now.
pub(super) fn whole<R: Register>(records: &[Cow<'_, R::Record>], lk: &Lookups, tr: &Tr, q: &Query_) -> Table {
    let columns = R::columns(tr);
    let by = order(&columns, q);
    let rows = sorted::<R>(records, lk, tr, q, by);
    let kept: Vec<RowView> = searched(&rows, q).into_iter().map(|l| l.row.clone()).collect();
    let total = kept.len();
    table::<R>(columns, by, kept, total, tr, q)
}

/// The page asked for (`sida`, from 1) of the list, with links to the pages before and after,
/// which keep the search, filters and sort; the sorted rows come from the kept ones when they
/// are still the organisation's.
pub(super) async fn page<R: Register>(
    db: &Db,
    user: &CurrentUser,
    records: &[Cow<'_, R::Record>],
    lk: &Lookups,
    tr: &Tr,
    q: &Query_,
) -> Result<Table, DbError> {
    let columns = R::columns(tr);
    let by = order(&columns, q);
    let kept = versions::cached_if(
        db,
        user.org_id,
        versions::Follows::Data,
        |_: &Kept<R>| true,
        || async { Ok(Kept::<R> { lists: Mutex::new(HashMap::new()), register: PhantomData }) },
    )
    .await?;
    let key = key(user, q);
    let rows = match kept.get(&key) {
        Some(rows) => rows,
        None => {
            let rows = Arc::new(sorted::<R>(records, lk, tr, q, by));
            kept.put(key, rows.clone());
            rows
        }
    };
    let hits = searched(&rows, q);
    let total = hits.len();
    let pages = total.div_ceil(PAGE_ROWS).max(1);
    let at = q.get("sida").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1).clamp(1, pages);
    let first = (at - 1) * PAGE_ROWS;
    let shown: Vec<RowView> = hits.iter().skip(first).take(PAGE_ROWS).map(|l| l.row.clone()).collect();
    let last = first + shown.len();
    let mut t = table::<R>(columns, by, shown, total, tr, q);
    if total > PAGE_ROWS {
        t.pager = Some(pager::<R>(tr, q, (at, pages), (first, last, total)));
    }
    Ok(t)
}

/// The words and links under a long list: which rows of how many, the pages before and after.
fn pager<R: Register>(
    tr: &Tr,
    q: &Query_,
    (at, pages): (usize, usize),
    (first, last, total): (usize, usize, usize),
) -> Pager {
    let href = |to: usize| {
        let mut params: Vec<(String, String)> =
            q.iter().filter(|(k, _)| *k != "sida" && *k != "msg").map(|(k, v)| (k.clone(), v.clone())).collect();
        params.sort();
        params.push(("sida".into(), to.to_string()));
        let qs: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(params).finish();
        format!("/{}?{qs}", R::SLUG)
    };
    Pager {
        text: tr.args(
            "list-showing",
            &[("from", &(first + 1).to_string()), ("to", &last.to_string()), ("total", &total.to_string())],
        ),
        prev: (at > 1).then(|| href(at - 1)),
        next: (at < pages).then(|| href(at + 1)),
        prev_label: tr.t("list-prev"),
        next_label: tr.t("list-next"),
    }
}
