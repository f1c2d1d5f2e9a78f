//! One set of handlers for every register (list, detail, create, edit, delete). Each register
//! describes its columns, fields, parsing and rights (the `Register` trait, here); the flow —
//! load, check, act, audit, redirect — lives once, in `handlers`.

mod handlers;
mod listing;

pub use handlers::*;

use crate::platform::db::Db;
pub use crate::services::registers::Stored;
use crate::store::{DbError, Referrer};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FormData};
use crate::web::i18n::Tr;
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use std::borrow::Cow;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

/// A table cell or a detail value.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Link { text: String, href: String },
    Tel(String),
    Mail(String),
    Links(Vec<(String, String)>),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Tel(t) | Cell::Mail(t) => t.clone(),
            Cell::Link { text, .. } => text.clone(),
            Cell::Links(l) => l.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", "),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
    pub fn tel_href(&self) -> String {
        beredd_domain::text::tel_uri(&self.text())
    }
    pub fn link_or_text(text: String, href: Option<String>) -> Cell {
        match href {
            Some(href) if !text.is_empty() => Cell::Link { text, href },
            _ => Cell::Text(text),
        }
    }
    pub fn opt(t: &Option<String>) -> Cell {
        Cell::Text(t.clone().unwrap_or_default())
    }
}

pub struct Column {
    pub key: &'static str,
    pub label: String,
}

pub struct DetailItem {
    pub label: String,
    pub value: Cell,
}

/// A part of a detail page: plain lines, related records, a link to add one, and a button
/// that posts (label, action).
#[derive(Default)]
pub struct Section {
    pub title: String,
    pub notes: Vec<String>,
    pub items: Vec<(String, String)>,
    pub add: Option<(String, String)>,
    pub post: Option<(String, String)>,
}

/// A select filter above a list.
pub struct FilterView {
    pub name: &'static str,
    pub label: String,
    pub choices: Vec<Choice>,
    pub value: String,
}

pub type Query_ = HashMap<String, String>;

/// A register's pages; how its records are stored and written is its [`Stored`] half
/// (`services::registers`).
pub trait Register: Stored {
    /// URL segment and Fluent prefix ("units": `units-title`, `units-new`…).
    const SLUG: &'static str;
    /// Whether the list links to an import from a spreadsheet (`web::organisation::import`).
    const IMPORT: bool = false;

    fn id(r: &Self::Record) -> i64;
    /// Every record of the organisation. The registers under `store::versions` answer from the
    /// copy this process keeps ([`kept`]); the others ask the database.
    fn load_all(db: &Db, org: i64) -> impl Future<Output = Result<Arc<Vec<Self::Record>>, DbError>> + Send;

    fn columns(tr: &Tr) -> Vec<Column>;
    /// Cells in the order of `columns`; the first is the record's name.
    fn row(r: &Self::Record, lk: &Lookups, tr: &Tr) -> Vec<Cell>;
    /// The list's select filters; `all` is every record the user sees (before filtering), for
    /// choices that only make sense among them.
    fn filters(_all: &[Cow<'_, Self::Record>], _lk: &Lookups, _tr: &Tr, _q: &Query_) -> Vec<FilterView> {
        Vec::new()
    }
    /// Whether the record passes the list's select filters (free-text search is generic).
    fn keep(_r: &Self::Record, _q: &Query_) -> bool {
        true
    }
    fn details(r: &Self::Record, lk: &Lookups, tr: &Tr) -> Vec<DetailItem>;
    fn sections(
        _r: &Self::Record,
        _lk: &Lookups,
        _tr: &Tr,
        _db: &Db,
        _org: i64,
    ) -> impl Future<Output = Result<Vec<Section>, DbError>> + Send {
        async { Ok(Vec::new()) }
    }

    /// The record as `user` may see it: a masked copy, or `None` to leave it out. Lists, the
    /// detail page and the Excel list show only this (a person with protected personal data).
    fn shown<'r>(_user: &CurrentUser, r: &'r Self::Record, _lk: &Lookups, _tr: &Tr) -> Option<Cow<'r, Self::Record>> {
        Some(Cow::Borrowed(r))
    }
    /// Whether the record goes into the Excel list, a list handed out.
    fn exported(_r: &Self::Record) -> bool {
        true
    }
    /// Parts of the detail page that depend on who looks (a form only some may post).
    fn own_sections(_user: &CurrentUser, _r: &Self::Record, _tr: &Tr) -> Vec<Section> {
        Vec::new()
    }

    /// The form's values for an existing record.
    fn values(r: &Self::Record) -> FormData;
    /// The form's values for a new record (query parameters may preselect, e.g. the unit).
    fn defaults(_q: &Query_) -> FormData {
        FormData::default()
    }
    fn fields(form: &FormData, errors: &Errors, lk: &Lookups, tr: &Tr, user: &CurrentUser) -> Vec<Field>;
    fn parse(form: &FormData, lk: &Lookups, id: Option<i64>) -> Result<Self::Input, Errors>;

    /// The field a UNIQUE constraint's refusal is shown at, and what it says.
    fn duplicate() -> (&'static str, beredd_domain::FieldError) {
        ("name", beredd_domain::FieldError::Duplicate)
    }

    fn may_create(user: &CurrentUser) -> bool {
        user.role.edits_all_content()
    }
    /// May the user store this input (`before` is the record being edited, if any)?
    fn may_write_input(
        user: &CurrentUser,
        _input: &Self::Input,
        _before: Option<&Self::Record>,
        _lk: &Lookups,
    ) -> bool {
        user.role.edits_all_content()
    }
    fn may_write_record(user: &CurrentUser, _r: &Self::Record, _lk: &Lookups) -> bool {
        user.role.edits_all_content()
    }

    fn referrers(db: &Db, org: i64, id: i64) -> impl Future<Output = Result<Vec<Referrer>, DbError>> + Send;
}

pub struct ColumnView {
    pub label: String,
    pub sort_href: String,
    /// `ascending`, `descending` or empty, for `aria-sort`.
    pub sorted: &'static str,
}

#[derive(Clone)]
pub struct RowView {
    pub href: String,
    pub cells: Vec<Cell>,
}

pub struct Table {
    pub caption: String,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<RowView>,
    pub count: String,
    pub empty: String,
    /// The same list, searched, filtered and sorted the same way, as an Excel file.
    pub export_href: String,
    pub export_label: String,
    /// Which rows of a long list this page shows, with links to the pages before and after.
    pub pager: Option<Pager>,
}

/// A long list shows [`PAGE_ROWS`] rows a page.
pub struct Pager {
    pub text: String,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub prev_label: String,
    pub next_label: String,
}

/// Rows on a page of a list; the Excel export always has every row.
pub const PAGE_ROWS: usize = 50;

#[derive(Template, WebTemplate)]
#[template(path = "register/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub slug: &'static str,
    pub intro: String,
    pub new_label: Option<String>,
    /// "Importera från Excel/CSV", for those who may import.
    pub import_label: Option<String>,
    pub filters: Vec<FilterView>,
    pub q: String,
    pub table: Table,
}

#[derive(Template, WebTemplate)]
#[template(path = "register/_table_fragment.html")]
pub struct TableFragment {
    pub table: Table,
}

#[derive(Template, WebTemplate)]
#[template(path = "register/detail.html")]
pub struct DetailPage {
    pub ctx: Ctx,
    pub slug: &'static str,
    pub list_title: String,
    pub id: i64,
    pub items: Vec<DetailItem>,
    pub sections: Vec<Section>,
    pub may_write: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "register/form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    pub action: String,
    pub cancel: String,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub submit: String,
    /// A second button (name, label) that posts the same form for another purpose.
    pub secondary: Option<(String, String)>,
    /// A message shown above the form (a proposal, a notice).
    pub notice: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "register/delete.html")]
pub struct DeletePage {
    pub ctx: Ctx,
    pub slug: &'static str,
    pub id: i64,
    pub name: String,
    pub referrers: Vec<(String, String, String)>,
}

pub use crate::store::versions::kept;

pub fn parse_id(s: &str) -> Result<i64, AppError> {
    s.parse::<i64>().ok().filter(|id| *id > 0).ok_or(AppError::NotFound)
}

impl FormPage {
    /// A form page; when a field has an error, the title starts with "Fel:" so that a screen
    /// reader user hears at once that the form was refused.
    pub fn new(mut ctx: Ctx, action: String, cancel: String, fields: Vec<Field>) -> FormPage {
        let error_summary = super::forms::summary(&fields);
        if !error_summary.is_empty() {
            ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
        }
        let submit = ctx.tr.t("action-save");
        FormPage { ctx, action, cancel, fields, error_summary, submit, secondary: None, notice: None }
    }
}

/// The routes of one register.
pub fn routes<R: Register>(r: super::routes::Routes) -> super::routes::Routes {
    let base = format!("/{}", R::SLUG);
    r.get(&base, list::<R>)
        .get(&format!("{base}/new"), new_form::<R>)
        .post(&format!("{base}/new"), create::<R>)
        .get(&format!("{base}/export"), export::<R>)
        .get(&format!("{base}/{{id}}"), show::<R>)
        .get(&format!("{base}/{{id}}/edit"), edit_form::<R>)
        .post(&format!("{base}/{{id}}/edit"), update::<R>)
        .get(&format!("{base}/{{id}}/delete"), delete_confirm::<R>)
        .post(&format!("{base}/{{id}}/delete"), delete::<R>)
}
