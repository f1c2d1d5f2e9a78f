//! The dependencies in a file: what depends on what (an activity or a system on a system, a
//! supplier or a resource), what happens without it and the fallback routine. A dependency is
//! known by its two ends, each named by its kind and its key or name (an activity whose name two
//! units share as "Enhet / Verksamhet").

use beredd_domain::{FieldError, NeedKind, NodeKind, text};
use sqlx::AnyConnection;

use super::refs::{Problems, get, opt};
use super::{FieldDef, Importable, Problem, Refs, Values};
use crate::platform::db::DbError;
use crate::store::dependencies::{self, Dependency, DependencyInput, NodeNames};

pub const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "from_kind",
        heading: "Vad som beror (typ)",
        aliases: &["från typ"],
        label_id: "import-field-from-kind",
    },
    FieldDef { key: "from", heading: "Vad som beror", aliases: &["från", "beroende"], label_id: "field-dependent" },
    FieldDef { key: "to_kind", heading: "Beror på (typ)", aliases: &["till typ"], label_id: "import-field-to-kind" },
    FieldDef { key: "to", heading: "Beror på", aliases: &["till"], label_id: "field-depends-on" },
    FieldDef { key: "need", heading: "Utan det", aliases: &["behov", "konsekvens"], label_id: "field-need" },
    FieldDef { key: "fallback", heading: "Reservrutin", aliases: &["reserv"], label_id: "field-fallback" },
    FieldDef { key: "notes", heading: "Anteckningar", aliases: &["kommentar", "notes"], label_id: "field-notes" },
];

pub struct Dependencies;

fn values(
    refs: &Refs,
    from: (NodeKind, i64),
    to: (NodeKind, i64),
    need: NeedKind,
    fb: &Option<String>,
    n: &Option<String>,
) -> Values {
    Values::from([
        ("from_kind", refs.label(from.0.label_id())),
        ("from", refs.node_name(from.0, from.1)),
        ("to_kind", refs.label(to.0.label_id())),
        ("to", refs.node_name(to.0, to.1)),
        ("need", refs.label(need.label_id())),
        ("fallback", opt(fb)),
        ("notes", opt(n)),
    ])
}

/// One end: its kind (or `default`) and the record it names.
fn end(
    refs: &Refs,
    v: &Values,
    kind: &str,
    name: &str,
    default: NodeKind,
) -> Result<Option<(NodeKind, i64)>, (&'static str, Problem)> {
    let k =
        refs.coded(NodeKind::ALL, NodeKind::code, NodeKind::label_id, get(v, kind)).map_err(|p| (field(kind), p))?;
    let k = k.unwrap_or(default);
    Ok(refs.node(k, get(v, name)).map_err(|p| (field(name), p))?.map(|id| (k, id)))
}

fn field(key: &str) -> &'static str {
    FIELDS.iter().find(|f| f.key == key).map(|f| f.key).unwrap_or("to")
}

impl Importable for Dependencies {
    type Record = Dependency;
    type Input = DependencyInput;
    const ENTITY: &'static str = "dependency";
    const FIELDS: &'static [FieldDef] = FIELDS;
    const KEY: &'static str = "";
    const UNIQUE_NAME: bool = true;
    const MATCH_FIELD: &'static str = "to";

    async fn load_all(conn: &mut AnyConnection, org: i64) -> Result<Vec<Dependency>, DbError> {
        let mut all = dependencies::list(&mut *conn, org).await?;
        let names = NodeNames::load(conn, org).await?;
        for d in &mut all {
            d.label = names.label(d);
        }
        Ok(all)
    }
    async fn load(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Dependency>, DbError> {
        let d = dependencies::get(&mut *conn, org, id).await?;
        let names = NodeNames::load(conn, org).await?;
        Ok(d.map(|mut d| {
            d.label = names.label(&d);
            d
        }))
    }
    fn id(r: &Dependency) -> i64 {
        r.id
    }
    fn name(r: &Dependency) -> &str {
        &r.label
    }
    fn key(_r: &Dependency) -> Option<&str> {
        None
    }
    /// Both ends, by kind and id (or the text, when it names nothing yet).
    fn identity(v: &Values, refs: &Refs) -> String {
        if get(v, "from").trim().is_empty() || get(v, "to").trim().is_empty() {
            return String::new();
        }
        let show = |r: Result<Option<(NodeKind, i64)>, (&'static str, Problem)>, text: &str| match r {
            Ok(Some((k, id))) => format!("{k}:{id}"),
            _ => text.trim().to_lowercase(),
        };
        let from = show(end(refs, v, "from_kind", "from", NodeKind::Activity), get(v, "from"));
        let to = show(end(refs, v, "to_kind", "to", NodeKind::System), get(v, "to"));
        format!("{from} > {to}")
    }
    fn display(v: &Values) -> String {
        format!("{} → {}", get(v, "from").trim(), get(v, "to").trim())
    }
    fn values(r: &Dependency, refs: &Refs) -> Values {
        values(refs, (r.from_kind, r.from_id), (r.to_kind, r.to_id), r.need, &r.fallback, &r.notes)
    }
    fn parse(v: &Values, refs: &Refs, _id: Option<i64>) -> Result<DependencyInput, Vec<(&'static str, Problem)>> {
        let mut e = Problems::default();
        let take = |e: &mut Problems, kind: &str, name: &'static str, default, allowed: fn(NodeKind) -> bool| {
            match end(refs, v, kind, name, default) {
                Ok(Some((k, _))) if !allowed(k) => e.0.push((field(kind), Problem::Field(FieldError::Choice))),
                Ok(Some(node)) => return Some(node),
                Ok(None) => e.0.push((name, Problem::Field(FieldError::Required))),
                Err(p) => e.0.push(p),
            }
            None
        };
        let from = take(&mut e, "from_kind", "from", NodeKind::Activity, NodeKind::may_depend);
        let to = take(&mut e, "to_kind", "to", NodeKind::System, NodeKind::may_be_depended_on);
        if from.is_some() && from == to {
            e.0.push(("to", Problem::Field(FieldError::SelfEdge)));
        }
        let need = e.take_p("need", refs.coded(NeedKind::ALL, NeedKind::code, NeedKind::label_id, get(v, "need")));
        let fallback = e.take("fallback", text::optional_text(get(v, "fallback"), 2000));
        let notes = e.take("notes", text::optional_text(get(v, "notes"), 4000));
        let (Some(from), Some(to)) = (from, to) else { return Err(e.0) };
        e.or(DependencyInput { from, to, need: need.unwrap_or(NeedKind::Stops), fallback, notes })
    }
    fn render(i: &DependencyInput, refs: &Refs) -> Values {
        values(refs, i.from, i.to, i.need, &i.fallback, &i.notes)
    }
    async fn insert(conn: &mut AnyConnection, org: i64, i: &DependencyInput) -> Result<i64, DbError> {
        dependencies::insert(conn, org, i).await
    }
    async fn update(conn: &mut AnyConnection, org: i64, id: i64, i: &DependencyInput) -> Result<(), DbError> {
        dependencies::update(conn, org, id, i).await
    }
}
