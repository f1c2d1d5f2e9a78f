//! Importing a register (units, people, suppliers, systems, activities, resources, dependencies,
//! information assets) from a spreadsheet: the file is read
//! (`read`), its columns mapped to the register's fields (`mapping`, with the organisation's
//! saved choices), each row matched to a record by its key or else its name and compared
//! (`diff`), references to other registers resolved by name or key (`refs`), and what would
//! change shown as a preview. Storing runs the same comparison inside one transaction and stores
//! only when no row is in error, with one audit entry per record. The registers' own
//! definitions are `people`, `units`, `suppliers`, `systems`, `activities`, `resources`,
//! `dependencies` and `assets`;
//! `template` writes the xlsx template of each.

pub mod activities;
pub mod assets;
pub mod dependencies;
pub mod diff;
pub mod job;
pub mod mapping;
pub mod people;
pub mod read;
pub mod refs;
pub mod resources;
pub mod suppliers;
pub mod systems;
pub mod template;
pub mod units;

use std::collections::{BTreeMap, HashMap};
use std::future::Future;

use beredd_domain::FieldError;
use serde::Serialize;
use sqlx::AnyConnection;

use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::platform::progress::{Progress, Silent};
use crate::store::audit::Actor;

pub use job::{BACKGROUND_ROWS, in_background, start_apply};
pub use mapping::FieldDef;
pub use read::Refused;
pub use refs::Refs;

/// The registers a file can be imported into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Units,
    People,
    Suppliers,
    Systems,
    Activities,
    Resources,
    Dependencies,
    Assets,
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Units,
        Kind::People,
        Kind::Suppliers,
        Kind::Systems,
        Kind::Activities,
        Kind::Resources,
        Kind::Dependencies,
        Kind::Assets,
    ];

    /// The register's URL segment, its name on the command line and in the saved mappings.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Units => "units",
            Kind::People => "people",
            Kind::Suppliers => "suppliers",
            Kind::Systems => "systems",
            Kind::Activities => "activities",
            Kind::Resources => "resources",
            Kind::Dependencies => "dependencies",
            Kind::Assets => "assets",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.slug() == s)
    }

    /// The fields a file can fill, in the template's order.
    pub fn fields(self) -> &'static [FieldDef] {
        match self {
            Kind::Units => units::FIELDS,
            Kind::People => people::FIELDS,
            Kind::Suppliers => suppliers::FIELDS,
            Kind::Systems => systems::FIELDS,
            Kind::Activities => activities::FIELDS,
            Kind::Resources => resources::FIELDS,
            Kind::Dependencies => dependencies::FIELDS,
            Kind::Assets => assets::FIELDS,
        }
    }
}

/// A record's fields as text, by field key, as a file would hold them.
pub type Values = BTreeMap<&'static str, String>;

/// Why a row's field was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Field(FieldError),
    /// A reference (a unit, a person, a supplier) that is not in the register.
    Unknown(String),
    /// A reference or a row's name that fits several records: the key tells them apart.
    Ambiguous(String),
    /// The same record twice in the file: the row it came first.
    Repeated {
        value: String,
        first: usize,
    },
}

/// A refused row: its number in the file, the column (its heading in the file, or the
/// template's heading for a field the file lacks) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub problem: Problem,
}

/// One field of a record that the file changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub label_id: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub row: usize,
    pub id: i64,
    pub name: String,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub row: usize,
    pub name: String,
}

/// What a file would do to a register (or, once stored, did).
#[derive(Debug, Clone, Default)]
pub struct Preview {
    pub headings: Vec<String>,
    /// For each column, the field it fills.
    pub mapping: Vec<Option<&'static str>>,
    pub added: Vec<Added>,
    pub changed: Vec<Changed>,
    pub unchanged: usize,
    pub errors: Vec<RowError>,
    /// Records of the register that the file does not have (id, name): listed for a person to
    /// decide about, never deleted.
    pub missing: Vec<(i64, String)>,
    /// Whether it was stored.
    pub stored: bool,
}

/// A register as an import sees it. `values` (of a stored record) and `render` (of a parsed
/// row) give the same text for the same content, so that comparing them finds what changes.
pub trait Importable: Send + Sync + 'static {
    type Record: Serialize + Send + Sync;
    type Input: Send + Sync;
    /// The entity in the audit trail (the register's own).
    const ENTITY: &'static str;
    const FIELDS: &'static [FieldDef];
    /// The field that is the municipality's own key ("": none, the name is all).
    const KEY: &'static str;
    /// Whether two records may not have the same identity.
    const UNIQUE_NAME: bool;

    fn load_all(conn: &mut AnyConnection, org: i64) -> impl Future<Output = Result<Vec<Self::Record>, DbError>> + Send;
    fn load(
        conn: &mut AnyConnection,
        org: i64,
        id: i64,
    ) -> impl Future<Output = Result<Option<Self::Record>, DbError>> + Send;
    fn id(r: &Self::Record) -> i64;
    fn name(r: &Self::Record) -> &str;
    fn key(r: &Self::Record) -> Option<&str>;
    /// What a row without a key is matched on, from its values: its name (an activity: its unit
    /// and its name); empty when the row lacks it.
    fn identity(v: &Values, _refs: &Refs) -> String {
        refs::get(v, "name").trim().to_owned()
    }
    /// The field an error in matching is shown at.
    const MATCH_FIELD: &'static str = "name";
    /// How a row or record is named in the preview.
    fn display(v: &Values) -> String {
        refs::get(v, "name").trim().to_owned()
    }
    /// Whether a record the file lacks is listed (people: staff only; a file from the HR system
    /// has no outside contacts).
    fn listed_when_missing(_r: &Self::Record) -> bool {
        true
    }
    fn values(r: &Self::Record, refs: &Refs) -> Values;
    fn parse(v: &Values, refs: &Refs, id: Option<i64>) -> Result<Self::Input, Vec<(&'static str, Problem)>>;
    fn render(i: &Self::Input, refs: &Refs) -> Values;
    /// A new record the file makes, known to the rows after it under a placeholder id.
    fn learn(_refs: &mut Refs, _i: &Self::Input, _placeholder: i64) {}
    /// Replaces placeholder ids by the ids the records were stored with.
    fn settle(_i: &mut Self::Input, _stored: &HashMap<i64, i64>) {}
    fn insert(conn: &mut AnyConnection, org: i64, i: &Self::Input)
    -> impl Future<Output = Result<i64, DbError>> + Send;
    fn update(
        conn: &mut AnyConnection,
        org: i64,
        id: i64,
        i: &Self::Input,
    ) -> impl Future<Output = Result<(), DbError>> + Send;
}

/// The outcome of an import or its preview: a file not read, or the preview.
pub type Outcome = Result<Preview, Refused>;

/// What the file would do, with the saved mapping and the choices made now (`chosen`: column
/// index to field key, "" to ignore). Nothing is stored.
pub async fn preview(
    db: &Db,
    org: i64,
    kind: Kind,
    file: (&str, &[u8]),
    chosen: &HashMap<usize, String>,
) -> Result<Outcome, DbError> {
    let sheet = match read::read(file.0, file.1) {
        Ok(s) => s,
        Err(r) => return Ok(Err(r)),
    };
    let mut conn = db.pool.acquire().await?;
    let preview = run(&mut conn, org, None, kind, &sheet, chosen, &Silent).await?;
    Ok(Ok(preview))
}

/// Stores the file when no row is in error (one transaction, an audit entry per record), and
/// keeps the mapping used for the next file. The preview says what was done, or why not.
pub async fn apply(
    db: &Db,
    actor: &Actor,
    kind: Kind,
    file: (&str, &[u8]),
    chosen: &HashMap<usize, String>,
) -> Result<Outcome, DbError> {
    apply_with(db, actor, kind, file, chosen, &Silent).await
}

/// As [`apply`], telling `progress` each row compared and each record stored.
pub async fn apply_with(
    db: &Db,
    actor: &Actor,
    kind: Kind,
    file: (&str, &[u8]),
    chosen: &HashMap<usize, String>,
    progress: &dyn Progress,
) -> Result<Outcome, DbError> {
    let sheet = match read::read(file.0, file.1) {
        Ok(s) => s,
        Err(r) => return Ok(Err(r)),
    };
    let mut tx = db.begin_write().await?;
    let preview = run(&mut tx, actor.org_id, Some(actor), kind, &sheet, chosen, progress).await?;
    if !preview.stored {
        return Ok(Ok(preview));
    }
    let pairs: Vec<(String, String)> = preview
        .headings
        .iter()
        .zip(&preview.mapping)
        .filter(|(h, _)| !h.trim().is_empty())
        .map(|(h, m)| (mapping::normalise(h), m.unwrap_or_default().to_owned()))
        .collect();
    crate::store::imports::save_mapping(&mut tx, actor.org_id, kind.slug(), &pairs).await?;
    // Information assets are not among the registers whose writes move the version themselves.
    crate::store::versions::touch(&mut *tx, actor.org_id).await?;
    tx.commit().await?;
    Ok(Ok(preview))
}

async fn run(
    conn: &mut AnyConnection,
    org: i64,
    store: Option<&Actor>,
    kind: Kind,
    sheet: &read::Sheet,
    chosen: &HashMap<usize, String>,
    progress: &dyn Progress,
) -> Result<Preview, DbError> {
    let saved = crate::store::imports::mapping(&mut *conn, org, kind.slug()).await?;
    let map = mapping::resolve(kind.fields(), &sheet.headings, &saved, chosen);
    let p = progress;
    match kind {
        Kind::Units => diff::run::<units::Units>(conn, org, store, sheet, map, p).await,
        Kind::People => diff::run::<people::People>(conn, org, store, sheet, map, p).await,
        Kind::Suppliers => diff::run::<suppliers::Suppliers>(conn, org, store, sheet, map, p).await,
        Kind::Systems => diff::run::<systems::Systems>(conn, org, store, sheet, map, p).await,
        Kind::Activities => diff::run::<activities::Activities>(conn, org, store, sheet, map, p).await,
        Kind::Resources => diff::run::<resources::Resources>(conn, org, store, sheet, map, p).await,
        Kind::Dependencies => diff::run::<dependencies::Dependencies>(conn, org, store, sheet, map, p).await,
        Kind::Assets => diff::run::<assets::Assets>(conn, org, store, sheet, map, p).await,
    }
}

/// Why a file was not read, in the user's language.
pub fn refusal(r: &Refused, tr: &Tr) -> String {
    match r {
        Refused::FileType => tr.t("import-err-file-type"),
        Refused::TooLarge => tr.tn("import-err-too-large", (read::MAX_BYTES / (1024 * 1024)) as i64),
        Refused::TooManyRows => tr.tn("import-err-rows", read::MAX_ROWS as i64),
        Refused::TooManyColumns => tr.tn("import-err-columns", read::MAX_COLUMNS as i64),
        Refused::Empty => tr.t("import-err-empty"),
        Refused::Unreadable => tr.t("import-err-unreadable"),
    }
}

/// Why a row was refused, in the user's language, without its row and column.
pub fn problem_text(p: &Problem, tr: &Tr) -> String {
    match p {
        Problem::Field(e) => crate::services::invalid::error_text(e, tr),
        Problem::Unknown(v) => tr.ts("import-err-unknown", "value", v),
        Problem::Ambiguous(v) => tr.ts("import-err-ambiguous", "value", v),
        Problem::Repeated { value, first } => {
            tr.args("import-err-repeated", &[("value", value), ("first", &first.to_string())])
        }
    }
}

/// "Rad 7, kolumn Arbetstelefon: …".
pub fn row_error_text(e: &RowError, tr: &Tr) -> String {
    tr.args(
        "import-row-error",
        &[("row", &e.row.to_string()), ("column", &e.column), ("reason", &problem_text(&e.problem, tr))],
    )
}
