//! The registers in the database: one module per table, each query written once for both
//! backends. Every top-level record is read and written with the organisation's id; a child
//! record (an incident's log, an assessment's answers) is reached through its parent, which the
//! caller reads with the organisation's id first.

pub mod actions;
pub mod activities;
pub mod api_tokens;
pub mod assessments;
pub mod assets;
pub mod audit;
pub mod bia;
pub mod binder_parts;
mod codes;
pub mod cycle;
pub mod dependencies;
pub mod documents;
pub mod dump;
pub mod evidence;
pub mod frameworks;
pub mod imports;
pub mod incidents;
pub mod jobs;
pub mod kits;
pub mod local_requirements;
pub mod login_limits;
pub mod org_removal;
pub mod orgs;
pub mod owned;
pub mod passkeys;
pub mod people;
pub mod plans;
pub mod platform_admins;
pub mod resources;
pub mod reviews;
pub mod risks;
pub mod scenarios;
pub mod scope;
pub mod second_factor;
pub mod sessions;
pub mod shared;
pub mod signing;
pub mod sso;
pub mod suppliers;
pub mod systems;
pub mod training;
pub mod units;
pub mod users;
pub mod versions;

pub use crate::platform::db::DbError;
pub use codes::{Code, OptionalCode};

/// A yes/no column, stored as 0/1 on both databases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Flag(pub bool);

impl From<i64> for Flag {
    fn from(v: i64) -> Self {
        Flag(v != 0)
    }
}

impl Flag {
    pub fn get(self) -> bool {
        self.0
    }
}

/// The stored form of a flag.
pub(crate) fn flag(b: bool) -> i64 {
    i64::from(b)
}

/// A query that returns one id: every insert (`RETURNING id`) and update (`RETURNING id`).
pub(crate) type IdQuery<'q> = sqlx::query::QueryAs<'q, sqlx::Any, (i64,), sqlx::any::AnyArguments>;

/// Something that points to a record and so keeps it from being deleted.
#[derive(Debug, Clone)]
pub struct Referrer {
    /// Fluent id of the referrer's kind ("ref-unit", "ref-person"…).
    pub kind: &'static str,
    pub name: String,
    pub href: String,
}

pub(crate) fn referrers_from(rows: Vec<(i64, String)>, kind: &'static str, slug: &str) -> Vec<Referrer> {
    rows.into_iter().map(|(id, name)| Referrer { kind, name, href: format!("/{slug}/{id}") }).collect()
}

/// Referrers whose page is not `/{slug}/{id}`: `href` makes it from the id.
pub(crate) fn referrers_at(
    rows: Vec<(i64, String)>,
    kind: &'static str,
    href: impl Fn(i64) -> String,
) -> Vec<Referrer> {
    rows.into_iter().map(|(id, name)| Referrer { kind, name, href: href(id) }).collect()
}

/// Replaces the links of `id` in a link table: `delete_sql` removes them ($1 = id), `insert_sql`
/// adds one ($1 = id, $2 = the other end).
pub(crate) async fn replace_links(
    conn: &mut sqlx::AnyConnection,
    delete_sql: &'static str,
    insert_sql: &'static str,
    id: i64,
    others: &[i64],
) -> Result<(), DbError> {
    sqlx::query(delete_sql).bind(id).execute(&mut *conn).await?;
    for other in others {
        sqlx::query(insert_sql).bind(id).bind(*other).execute(&mut *conn).await?;
    }
    Ok(())
}

/// A list of (id, name) pairs for a query that takes the org id and one more id.
pub(crate) async fn id_names<'c, E>(e: E, sql: &'static str, org: i64, id: i64) -> Result<Vec<(i64, String)>, DbError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    Ok(sqlx::query_as::<_, (i64, String)>(sql).bind(org).bind(id).fetch_all(e).await?)
}
