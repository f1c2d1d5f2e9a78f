//! The registers in the database: one module per table, each query written once for both
//! backends. Every top-level record is read and written with the organisation's id; a child
//! record (an incident's log, an assessment's answers) is reached through its parent, which the
//! caller reads with the organisation's id first.

pub mod actions;
pub mod activities;
pub mod assessments;
pub mod assets;
pub mod audit;
pub mod bia;
pub mod cycle;
pub mod dependencies;
pub mod evidence;
pub mod frameworks;
pub mod incidents;
pub mod local_requirements;
pub mod orgs;
pub mod people;
pub mod plans;
pub mod resources;
pub mod risks;
pub mod scenarios;
pub mod sessions;
pub mod suppliers;
pub mod systems;
pub mod units;
pub mod users;

pub use crate::platform::db::DbError;

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

/// A code column read into its vocabulary, once, here: a read model's field is the vocabulary's
/// type, read with `#[sqlx(try_from = "Code<Criticality>")]` (or `OptionalCode<…>` for a
/// nullable column, NULL being `None`). A code the vocabulary does not know fails the row with
/// the domain's `UnknownCode` as its cause, which `DbError` turns into `Corrupt`: never an empty
/// label or a row left out. (The vocabulary's `TryFrom<String>` does the reading; naming it in
/// `#[sqlx(try_from = "String")]` directly would lose the error, as sqlx 0.9.0's derive replaces
/// a conversion's error with "unprintable error".)
pub struct Code<T>(T);

/// A nullable code column (see [`Code`]).
pub struct OptionalCode<T>(Option<T>);

impl<'r, T> sqlx::Decode<'r, sqlx::Any> for Code<T>
where
    T: TryFrom<String, Error = beredd_domain::UnknownCode>,
{
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let raw = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        Ok(Code(T::try_from(raw)?))
    }
}

impl<'r, T> sqlx::Decode<'r, sqlx::Any> for OptionalCode<T>
where
    T: TryFrom<String, Error = beredd_domain::UnknownCode>,
{
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let raw = <Option<String> as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        Ok(OptionalCode(raw.map(T::try_from).transpose()?))
    }
}

impl<T> sqlx::Type<sqlx::Any> for Code<T> {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<T> sqlx::Type<sqlx::Any> for OptionalCode<T> {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

/// The field's value out of its wrapper, per vocabulary (a blanket `impl<T> From<Code<T>> for T`
/// is not allowed in this crate).
macro_rules! stored_vocabularies {
    ($($t:ty),+ $(,)?) => {
        $(
            impl From<Code<$t>> for $t {
                fn from(c: Code<$t>) -> $t {
                    c.0
                }
            }
            impl From<OptionalCode<$t>> for Option<$t> {
                fn from(c: OptionalCode<$t>) -> Option<$t> {
                    c.0
                }
            }
        )+
    };
}

stored_vocabularies!(
    beredd_domain::SystemKind,
    beredd_domain::Hosting,
    beredd_domain::ResourceKind,
    beredd_domain::Criticality,
    beredd_domain::UnitKind,
    beredd_domain::ContactKind,
    beredd_domain::Priority,
    beredd_domain::ActionStatus,
    beredd_domain::NodeKind,
    beredd_domain::NeedKind,
    beredd_domain::Role,
    beredd_domain::risk::RiskDecision,
    beredd_domain::plan::PlanStatus,
    beredd_domain::incident::IncidentStatus,
    beredd_domain::incident::LessonKind,
    beredd_domain::incident::LessonTarget,
    beredd_domain::cycle::CycleKind,
    beredd_domain::Fulfilment,
);

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
