//! The site as a browser finds it: the pages reached by following links from the start page, and
//! every form on them with its fields and their values. The hostile-input suite takes the forms
//! from here, so a new form is fed hostile values without anyone listing it.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use reqwest::StatusCode;
use scraper::{ElementRef, Html, Selector};

use crate::harness::Session;

/// One field of a form, as the page offers it.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    /// `text`, `textarea`, `select`, `checkbox`, `radio`, `hidden`, `number`, `date`, `file`…
    pub kind: String,
    /// The value the page gives it (a select's selected or first real option).
    pub value: String,
    /// A check box or radio button that is ticked.
    pub checked: bool,
}

/// One form that posts.
#[derive(Debug, Clone)]
pub struct Form {
    pub page: String,
    pub action: String,
    pub multipart: bool,
    pub inputs: Vec<Input>,
    /// Whether a button sends the form without a name of its own (a plain "Save"), so that a
    /// person need not press one of the named ones (the plan editor's row buttons, say).
    pub plain_submit: bool,
}

impl Form {
    /// The names a person can type into or choose (not the CSRF token), in page order, once.
    pub fn field_names(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        self.inputs
            .iter()
            .filter(|i| i.name != "_csrf" && i.kind != "file" && i.kind != "submit")
            .filter(|i| seen.insert(i.name.clone()))
            .map(|i| i.name.clone())
            .collect()
    }
}

/// The route a concrete path belongs to, from the router's own table (`{x}` is one segment). A
/// fixed segment wins over a parameter, as in the router (`/assets/klassa` before `/assets/{id}`).
pub fn route_of<'a>(path: &str, patterns: &'a [String]) -> Option<&'a String> {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segs: Vec<&str> = path.split('/').collect();
    patterns
        .iter()
        .filter(|p| {
            let ps: Vec<&str> = p.split('/').collect();
            if p.contains("{*") {
                return segs.len() >= ps.len() - 1
                    && ps.iter().zip(&segs).all(|(a, b)| a.starts_with("{*") || a.starts_with('{') || a == b);
            }
            ps.len() == segs.len() && ps.iter().zip(&segs).all(|(a, b)| (a.starts_with('{') && !b.is_empty()) || a == b)
        })
        .min_by_key(|p| p.matches('{').count())
}

/// Links not followed: downloads that take seconds to make (PDFs, workbooks, kits), streams that
/// never end, calendar feeds, files, and leaving.
fn followed(href: &str) -> bool {
    let skip = [
        ".pdf",
        "/pdf",
        ".xlsx",
        "/xlsx",
        "/events",
        "/feed/",
        "/static/",
        "/evidence/",
        "/framework-evidence/",
        "/bundle",
        "/procurement/",
        "/reports/",
        "/file",
        "/logout",
        ".ics",
        ".html",
        "/export",
    ];
    href.starts_with('/') && !href.starts_with("//") && !skip.iter().any(|s| href.contains(s))
}

fn attr(e: &ElementRef, name: &str) -> String {
    e.value().attr(name).unwrap_or_default().to_owned()
}

/// The forms of a page that post.
pub fn forms_of(page: &str, html: &str) -> Vec<Form> {
    let doc = Html::parse_document(html);
    let form_sel = Selector::parse("form").unwrap();
    let field_sel = Selector::parse("input[name], textarea[name], select[name], button[name]").unwrap();
    let option_sel = Selector::parse("option").unwrap();
    let plain_sel =
        Selector::parse("button:not([name]):not([type=button]):not([type=reset]), input[type=submit]:not([name])")
            .unwrap();
    let mut out = Vec::new();
    for form in doc.select(&form_sel) {
        if !attr(&form, "method").eq_ignore_ascii_case("post") {
            continue;
        }
        let action = match attr(&form, "action") {
            a if a.is_empty() => page.to_owned(),
            a => a,
        };
        let mut inputs = Vec::new();
        for f in form.select(&field_sel) {
            let tag = f.value().name();
            let name = attr(&f, "name");
            let (kind, value, checked) = match tag {
                "textarea" => ("textarea".to_owned(), f.text().collect::<String>(), false),
                "select" => {
                    let options: Vec<(String, bool)> = f
                        .select(&option_sel)
                        .map(|o| {
                            (
                                o.value().attr("value").map(str::to_owned).unwrap_or_else(|| o.text().collect()),
                                o.value().attr("selected").is_some(),
                            )
                        })
                        .collect();
                    // The chosen option, or where the page leaves the choice empty, the first one.
                    let value = options
                        .iter()
                        .find(|(v, s)| *s && !v.is_empty())
                        .or_else(|| options.iter().find(|(v, _)| !v.is_empty()))
                        .map(|(v, _)| v.clone())
                        .unwrap_or_default();
                    ("select".to_owned(), value, false)
                }
                "button" => ("submit".to_owned(), attr(&f, "value"), false),
                _ => {
                    let kind = match attr(&f, "type").to_lowercase() {
                        t if t.is_empty() => "text".to_owned(),
                        t => t,
                    };
                    (kind, attr(&f, "value"), f.value().attr("checked").is_some())
                }
            };
            inputs.push(Input { name, kind, value, checked });
        }
        let multipart = attr(&form, "enctype").eq_ignore_ascii_case("multipart/form-data");
        let plain_submit = form.select(&plain_sel).next().is_some();
        out.push(Form { page: page.to_owned(), action, multipart, inputs, plain_submit });
    }
    out
}

/// What a crawl found: the pages visited (path and body) and the forms, one per posting route
/// (the first found), keyed by the route.
pub struct Site {
    pub pages: Vec<(String, String)>,
    pub forms: BTreeMap<String, Form>,
}

/// Follows the links from `start` (visited first, so a page named there is the one whose forms
/// are taken for its route), at most `per_route` pages of each route.
pub async fn crawl(
    s: &Session,
    start: &[&str],
    get_routes: &[String],
    post_routes: &[String],
    per_route: usize,
) -> Site {
    let link_sel = Selector::parse("a[href]").unwrap();
    let mut queue: VecDeque<String> = start.iter().map(|p| (*p).to_owned()).collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut visits: BTreeMap<String, usize> = BTreeMap::new();
    let mut site = Site { pages: Vec::new(), forms: BTreeMap::new() };
    while let Some(path) = queue.pop_front() {
        let Some(route) = route_of(&path, get_routes) else { continue };
        // A record's delete page offers the form only when nothing points to the record: look
        // further for one.
        let limit = if route.ends_with("/delete") { per_route.max(40) } else { per_route };
        let n = visits.entry(route.clone()).or_default();
        if *n >= limit {
            continue;
        }
        *n += 1;
        let r = s.get(&path).await;
        assert!(r.status.as_u16() < 500, "GET {path}: {} {}", r.status, excerpt(&r.body));
        if r.status != StatusCode::OK {
            continue;
        }
        for form in forms_of(&path, &r.body) {
            if let Some(route) = route_of(&form.action, post_routes) {
                site.forms.entry(route.clone()).or_insert(form);
            }
        }
        let links: Vec<String> = Html::parse_document(&r.body)
            .select(&link_sel)
            .filter_map(|a| a.value().attr("href"))
            .map(|h| h.split('#').next().unwrap_or(h).to_owned())
            .filter(|h| followed(h))
            .collect();
        for link in links {
            if seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
        site.pages.push((path, r.body));
    }
    site
}

/// The start of a long body, for a message.
pub fn excerpt(body: &str) -> String {
    body.chars().take(600).collect()
}
