//! What every full page shares: the translator, the user, the CSRF token and the navigation.

use super::AppState;
use super::auth::CurrentUser;
use crate::platform::i18n::Tr;

pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

pub struct Ctx {
    pub tr: Tr,
    pub title: String,
    /// "Fel:" before the page title in the browser tab when a form was refused.
    pub title_prefix: Option<String>,
    pub user_name: String,
    pub role_label: String,
    pub csrf: String,
    pub nav: Vec<NavGroup>,
    pub flash: Option<String>,
    /// The incident going on with the nearest reporting deadline, shown above every page (with
    /// how many more there are).
    pub running: Option<RunningView>,
}

/// One incident going on, as the banner shows it.
pub struct RunningView {
    pub href: String,
    pub title: String,
    /// "Tidig varning till MCF senast 2026-11-24 07:10 svensk tid", or nothing.
    pub deadline: Option<String>,
    /// "3 h 10 min kvar" or "försenad med …".
    pub left: String,
    pub overdue: bool,
    /// "och 2 till", linking the incidents list, when more incidents are going on.
    pub more: Option<String>,
}

/// The banner: one line for the incident whose reporting deadline is nearest (the newest when
/// none has a deadline), and how many more are going on, so that three incidents take no more
/// room on a phone than one.
fn running_view(tr: &Tr, running: &[crate::services::crisis::reporting::Running]) -> Option<RunningView> {
    let now = crate::platform::clock::now().unix_timestamp();
    let r = running.iter().min_by_key(|r| r.nearest.map_or((1, 0), |(_, at)| (0, at)))?;
    let (deadline, left, overdue) = match r.nearest {
        Some((duty, at)) => {
            let when = crate::services::crisis::reporting::stored(at).shown_minute();
            let deadline = tr.args(
                "banner-deadline",
                &[
                    ("duty", &tr.t(&format!("duty-short-{}", duty.code()))),
                    ("at", &format!("{when} {}", tr.t("swedish-time"))),
                ],
            );
            let left = if at >= now {
                tr.ts("clock-left", "left", &crate::web::crisis::reports::span(tr, at - now))
            } else {
                tr.ts("clock-overdue", "by", &crate::web::crisis::reports::span(tr, now - at))
            };
            (Some(deadline), left, at < now)
        }
        None => (None, String::new(), false),
    };
    let more = (running.len() > 1).then(|| tr.tn("banner-more", running.len() as i64 - 1));
    Some(RunningView {
        href: format!("/incidents/{}/reporting", r.id),
        title: r.title.clone(),
        deadline,
        left,
        overdue,
        more,
    })
}

/// The sections of the navigation; later modules add theirs here.
/// The navigation's groups in the order of the work (message id), and the areas of the code each
/// holds: `web/<area>`, `templates/<area>`, `locales/*/<area>.ftl` and `tests/app/<area>`.
pub const GROUPS: &[(&str, &[&str])] = &[
    ("nav-group-start", &["home"]),
    ("nav-group-crisis", &["crisis"]),
    ("nav-group-organisation", &["organisation"]),
    ("nav-group-classification", &["classification"]),
    ("nav-group-continuity", &["continuity"]),
    ("nav-group-risk", &["risks", "frameworks"]),
    ("nav-group-follow-up", &["actions", "cycle", "governance", "sharing"]),
    ("nav-group-administration", &["accounts"]),
];

/// Who sees a page in the navigation.
#[derive(Clone, Copy)]
enum Gate {
    All,
    EditsAll,
    ReadsAudit,
    ManagesUsers,
}

/// The pages of each navigation group (the group's message id as in [`GROUPS`]), in the order
/// of the work: the group's link leads to its first page.
/// A page in the navigation: its path, the message id of its label, and who sees it.
type Page = (&'static str, &'static str, Gate);

const PAGES: &[(&str, &[Page])] = &[
    ("nav-group-start", &[("/", "nav-home", Gate::All)]),
    ("nav-group-crisis", &[("/incidents", "nav-incidents", Gate::All)]),
    (
        "nav-group-organisation",
        &[
            ("/units", "nav-units", Gate::All),
            ("/activities", "nav-activities", Gate::All),
            ("/people", "nav-people", Gate::All),
            ("/systems", "nav-systems", Gate::All),
            ("/suppliers", "nav-suppliers", Gate::All),
            ("/resources", "nav-resources", Gate::All),
            ("/dependencies", "nav-dependencies", Gate::All),
        ],
    ),
    (
        "nav-group-classification",
        &[
            ("/assets", "nav-assets", Gate::All),
            ("/requirements", "nav-requirements", Gate::All),
            ("/overview", "nav-overview", Gate::All),
        ],
    ),
    (
        "nav-group-continuity",
        &[
            ("/outage", "nav-outage", Gate::All),
            ("/scenarios", "nav-scenarios", Gate::All),
            ("/plans", "nav-plans", Gate::All),
            ("/plan-templates", "nav-plan-templates", Gate::All),
            ("/kit", "nav-kit", Gate::EditsAll),
        ],
    ),
    ("nav-group-risk", &[("/risks", "nav-risks", Gate::All), ("/frameworks", "nav-frameworks", Gate::All)]),
    (
        "nav-group-follow-up",
        &[
            ("/actions", "nav-actions", Gate::All),
            ("/cycle", "nav-cycle", Gate::All),
            ("/governance/documents", "nav-documents", Gate::All),
            ("/governance/training", "nav-training", Gate::All),
            ("/governance/processing", "nav-processing", Gate::All),
            ("/governance/review", "nav-review", Gate::All),
            ("/shared", "nav-shared", Gate::All),
            ("/governance/kit-dpia", "nav-kit-dpia", Gate::EditsAll),
            ("/governance/retention", "nav-retention", Gate::EditsAll),
        ],
    ),
    (
        "nav-group-administration",
        &[
            ("/users", "nav-users", Gate::ManagesUsers),
            ("/organisation", "nav-organisation", Gate::ManagesUsers),
            ("/login-settings", "nav-login-settings", Gate::ManagesUsers),
            ("/backups", "nav-backups", Gate::ManagesUsers),
            ("/api-tokens", "nav-api", Gate::ManagesUsers),
            ("/audit", "nav-audit", Gate::ReadsAudit),
        ],
    ),
];

/// One group of the navigation with the pages the user may see.
pub struct NavGroup {
    pub label: String,
    pub href: &'static str,
    pub current: bool,
    pub items: Vec<NavItem>,
}

fn navigation(tr: &Tr, user: &CurrentUser, section: &str) -> Vec<NavGroup> {
    let allowed = |g: Gate| match g {
        Gate::All => true,
        Gate::EditsAll => user.role.edits_all_content(),
        Gate::ReadsAudit => user.role.reads_audit(),
        Gate::ManagesUsers => user.role.manages_users(),
    };
    PAGES
        .iter()
        .filter_map(|(group, pages)| {
            let items: Vec<NavItem> = pages
                .iter()
                .filter(|(_, _, g)| allowed(*g))
                .map(|(href, label, _)| NavItem { href, label: tr.t(label), current: *href == section })
                .collect();
            let first = items.first()?.href;
            Some(NavGroup { label: tr.t(group), href: first, current: items.iter().any(|i| i.current), items })
        })
        .collect()
}

impl Ctx {
    /// The pages of the group the current page belongs to, when it has more than one.
    pub fn subnav(&self) -> Option<&NavGroup> {
        self.nav.iter().find(|g| g.current && g.items.len() > 1)
    }

    pub fn new(state: &AppState, user: &CurrentUser, section: &str, title: String) -> Ctx {
        let tr = Tr::new(state.catalog.clone(), user.lang);
        let nav = navigation(&tr, user, section);
        Ctx {
            title,
            title_prefix: None,
            user_name: user.display_name.clone(),
            role_label: tr.t(user.role.label_id()),
            csrf: user.csrf.clone(),
            nav,
            flash: None,
            running: running_view(&tr, &user.running),
            tr,
        }
    }

    /// Shows the message left by the redirect after a change: `?msg=` and, for a new
    /// classification, its version and how many requirements appeared and disappeared.
    pub fn with_flash_query(self, q: &std::collections::HashMap<String, String>) -> Ctx {
        if q.get("msg").map(String::as_str) != Some("classified") {
            return self.with_flash(q.get("msg").map(String::as_str));
        }
        let n = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        let text = format!(
            "{} {} {}",
            self.tr.tn("flash-classified", n("version")),
            self.tr.tn("flash-appear", n("appear")),
            self.tr.tn("flash-disappear", n("disappear"))
        );
        Ctx { flash: Some(text), ..self }
    }

    /// Shows the message for a `?msg=` code left by the redirect after a change.
    pub fn with_flash(mut self, code: Option<&str>) -> Ctx {
        self.set_flash(code);
        self
    }

    /// A page shown again with errors says so first in its title.
    pub fn mark_errors(&mut self, error_summary: &[(String, String)]) {
        if !error_summary.is_empty() {
            self.title_prefix = Some(self.tr.t("error-prefix"));
        }
    }

    pub fn set_flash(&mut self, code: Option<&str>) {
        self.flash = match code {
            Some("created") => Some(self.tr.t("flash-created")),
            Some("saved") => Some(self.tr.t("flash-saved")),
            Some("deleted") => Some(self.tr.t("flash-deleted")),
            Some("password") => Some(self.tr.t("flash-password")),
            Some("uploaded") => Some(self.tr.t("flash-uploaded")),
            _ => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::GROUPS;

    #[test]
    fn every_area_of_the_web_layer_belongs_to_one_navigation_group() {
        let areas: Vec<&str> = GROUPS.iter().flat_map(|(_, a)| a.iter().copied()).collect();
        assert!(GROUPS.len() <= 8, "at most eight groups");
        let web = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
        // The web layer's own parts, shared by every area; `api` is the JSON face of several areas
        // at once (its token page is in Administration).
        let shared = [
            "mod",
            "api",
            "metrics",
            "auth",
            "server",
            "error",
            "forms",
            "live",
            "lookups",
            "page",
            "register",
            "routes",
            "static_files",
            "message_ids",
            // The platform administrator's pages (hosted mode): outside every organisation's
            // navigation, with a session of their own.
            "platform",
        ];
        let mut found = Vec::new();
        for entry in std::fs::read_dir(&web).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().trim_end_matches(".rs").to_owned();
            if !shared.contains(&name.as_str()) {
                found.push(name);
            }
        }
        found.sort();
        let mut expected: Vec<String> = areas.iter().map(|a| a.to_string()).collect();
        expected.sort();
        assert_eq!(found, expected, "web/ holds exactly the areas of the navigation's groups");
        // The registers (organisation, actions) are drawn by the generic `templates/register/`, and
        // the start page is one template, `templates/home.html`.
        for dir in ["templates", "locales/sv", "locales/en"] {
            let drawn_elsewhere: &[&str] = if dir == "templates" { &["home", "organisation", "actions"] } else { &[] };
            for area in areas.iter().filter(|a| !drawn_elsewhere.contains(a)) {
                let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
                let exists = p.join(area).is_dir() || p.join(format!("{area}.ftl")).is_file();
                assert!(exists, "{dir} has the area {area}");
            }
        }
    }
}
