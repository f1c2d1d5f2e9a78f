//! The start page: what needs attention, for this user's role and scope.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

use beredd_domain::{NodeKind, Role};

use crate::platform::i18n::Tr;
use crate::services::attention::{self, Severity, Viewer};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;

pub struct Count {
    pub label: String,
    pub n: usize,
    pub href: &'static str,
}

/// Something to do, with where to do it.
pub struct Attention {
    pub text: String,
    /// How many things the item names (all of them, also those not linked), shown from 2; 0 for an
    /// empty register.
    pub n: usize,
    /// The first links, shown at once.
    pub links: Vec<(String, String)>,
    /// The rest of the links, folded away.
    pub more: Vec<(String, String)>,
    pub severity: Severity,
}

/// The items of one severity, under its word ("Brådskande").
pub struct AttentionGroup {
    pub heading: String,
    pub code: &'static str,
    pub items: Vec<Attention>,
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    pub ctx: Ctx,
    pub greeting: String,
    pub counts: Vec<Count>,
    /// What needs attention, most pressing first; empty groups left out.
    pub attention: Vec<AttentionGroup>,
    pub scope: Vec<(String, String)>,
    pub read_only: Option<String>,
    /// "My actions (n open)" with its link, when the user has said which person they are.
    pub mine: Option<(String, String)>,
    /// The steering documents the user has yet to confirm reading: (title, where).
    pub unread: Vec<(String, String)>,
}

/// At most this many links per attention item; the rest are counted.
const MAX_LINKS: usize = 8;
/// This many links are shown at once; the others of an item are folded.
const SHOWN_LINKS: usize = 3;

/// An item of the list, shown when it names something; its message id says how pressing it is.
fn shown(message: &'static str, text: String, links: Vec<(String, String)>) -> Option<Attention> {
    let n = links.len();
    let mut links: Vec<(String, String)> = links.into_iter().take(MAX_LINKS).collect();
    let more = links.split_off(links.len().min(SHOWN_LINKS));
    (n > 0).then_some(Attention { text, n, links, more, severity: Severity::of(message) })
}

/// The heading over a severity's items.
pub fn severity_label_id(s: Severity) -> &'static str {
    match s {
        Severity::Urgent => "attention-severity-urgent",
        Severity::Important => "attention-severity-important",
        Severity::ToDo => "attention-severity-todo",
    }
}

/// The list in groups by severity, most pressing first; within a group the page's own order.
fn grouped(list: Vec<Attention>, tr: &Tr) -> Vec<AttentionGroup> {
    let mut groups: Vec<AttentionGroup> = Severity::ALL
        .iter()
        .map(|s| AttentionGroup { heading: tr.t(severity_label_id(*s)), code: s.code(), items: Vec::new() })
        .collect();
    for a in list {
        let i = Severity::ALL.iter().position(|s| *s == a.severity).unwrap_or(0);
        groups[i].items.push(a);
    }
    groups.retain(|g| !g.items.is_empty());
    groups
}

/// The registers with how many records each holds.
fn counts(lk: &Lookups, tr: &Tr) -> Vec<Count> {
    vec![
        Count { label: tr.t("nav-units"), n: lk.units.len(), href: "/units" },
        Count { label: tr.t("nav-activities"), n: lk.nodes.count(NodeKind::Activity), href: "/activities" },
        Count { label: tr.t("nav-people"), n: lk.people.len(), href: "/people" },
        Count { label: tr.t("nav-systems"), n: lk.nodes.count(NodeKind::System), href: "/systems" },
        Count { label: tr.t("nav-suppliers"), n: lk.suppliers.len(), href: "/suppliers" },
    ]
}

/// What needs attention, in the page's order: empty registers, the viewer's scope, the top
/// risks, the frameworks (not for a unit manager), the registers.
async fn attention_list(
    state: &AppState,
    user: &CurrentUser,
    counts: &[Count],
    found: attention::StartPage,
    tr: &Tr,
) -> Result<Vec<Attention>, AppError> {
    let translated =
        |items: Vec<attention::Item>| items.into_iter().filter_map(|i| shown(i.message, tr.t(i.message), i.links));
    let mut list: Vec<Attention> = counts
        .iter()
        .filter(|c| c.n == 0)
        .map(|c| Attention {
            text: tr.ts("attention-empty", "register", &c.label),
            n: 0,
            links: vec![(tr.t("action-add"), format!("{}/new", c.href))],
            more: Vec::new(),
            severity: Severity::of("attention-empty"),
        })
        .collect();
    list.extend(translated(found.scoped));
    list.extend(translated(found.top_risks));
    if user.role != Role::UnitManager {
        // Where the organisation stands against its frameworks, and gaps nobody acts on yet.
        let (assessed, open_gaps) = super::frameworks::start_page(state, user.org_id, tr).await?;
        list.extend(shown("attention-assessments", tr.t("attention-assessments"), assessed));
        list.extend(shown("attention-gaps-no-action", tr.t("attention-gaps-no-action"), open_gaps));
    }
    list.extend(translated(found.registers));
    Ok(list)
}

pub async fn page(user: CurrentUser, State(state): State<AppState>) -> Result<HomePage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/", String::new());
    let counts = counts(&lk, &ctx.tr);
    let viewer = Viewer { user_id: user.id, role: user.role, granted: &user.granted, display_name: &user.display_name };
    let today = crate::platform::clock::today();
    let mut found = attention::start_page(&state.db, user.org_id, &viewer, today).await?;
    // The user's own open actions in the action plan, through the person they said they are.
    let tr = &ctx.tr;
    let mine =
        found.my_open_actions.map(|(p, open)| (tr.tn("home-my-actions", open as i64), format!("/actions?owner={p}")));
    let unread = std::mem::take(&mut found.unread_documents);
    let mut list = attention_list(&state, &user, &counts, found, tr).await?;
    // Readers and crisis staff cannot fix these; they get the registers and a word on their role.
    let may_act = user.role.edits_all_content() || user.role == Role::UnitManager;
    if !may_act {
        list.clear();
    }
    let read_only = (!may_act).then(|| tr.t("home-read-only"));
    let list = grouped(list, tr);
    let scope = if user.role == Role::UnitManager {
        user.granted.iter().map(|u| (lk.unit_name(Some(*u)), format!("/units/{u}"))).collect()
    } else {
        Vec::new()
    };
    let greeting = tr.ts("home-greeting", "name", &user.display_name);
    ctx.title = ctx.tr.t("home-title");
    Ok(HomePage { ctx, greeting, counts, attention: list, scope, read_only, mine, unread })
}

/// The accessibility statement (tillgänglighetsredogörelse) that the act on accessibility to
/// digital public services (2018:1937) asks for; public, so that anyone can read it, and linked
/// from every page's footer.
#[derive(Template, WebTemplate)]
#[template(path = "accessibility.html")]
pub struct AccessibilityPage {
    pub tr: crate::platform::i18n::Tr,
    pub organisation: String,
}

pub async fn accessibility(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<AccessibilityPage, AppError> {
    let tr = crate::platform::i18n::Tr::new(state.catalog.clone(), crate::web::auth::lang_from_headers(&headers));
    let host = headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok());
    let organisation = match crate::services::hosting::for_login(&state.db, None, host).await? {
        crate::services::hosting::LoginOrg::Known(o) => o.name,
        crate::services::hosting::LoginOrg::Ask(_) => String::new(),
    };
    Ok(AccessibilityPage { tr, organisation })
}
