//! Continuity: business impact analyses, scenarios and the outage analysis, plan templates,
//! plans with their versions and the printed binder, and the crisis kit.

mod approval;
mod bia;
mod binder_parts;
mod forms;
mod kit;
mod outage;
mod overlap;
mod plan_editor;
mod plan_size;
mod plans;

use reqwest::StatusCode;

use crate::harness::Session;

/// The plan's form as the edit page shows it, so a test changes only what it means to.
pub(crate) async fn edit_fields(s: &Session, plan: &str) -> Vec<(String, String)> {
    let page = s.get(&format!("/plans/{plan}/edit")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    form_fields(&page.body)
}

/// The plan form's inputs and text areas as a browser would send them (not its pickers, which
/// start empty, nor its buttons).
pub(crate) fn form_fields(html: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let mut out = Vec::new();
    for sel in ["form.plan-form input", "form.plan-form textarea"] {
        let sel = scraper::Selector::parse(sel).unwrap();
        for e in doc.select(&sel) {
            let v = e.value();
            let Some(name) = v.attr("name") else { continue };
            if name == "_csrf" {
                continue;
            }
            match v.attr("type") {
                Some("checkbox") => {
                    if v.attr("checked").is_some() {
                        out.push((name.to_owned(), v.attr("value").unwrap_or("on").to_owned()));
                    }
                }
                _ if v.name() == "textarea" => out.push((name.to_owned(), e.text().collect())),
                _ => out.push((name.to_owned(), v.attr("value").unwrap_or("").to_owned())),
            }
        }
    }
    out
}

pub(crate) fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(k, _)| k != name);
    fields.push((name.to_owned(), value.to_owned()));
}

/// Fills in `values` in the plan's draft through its edit form, as a user would, and saves it.
pub(crate) async fn fill_in(s: &Session, plan: &str, values: &[(&str, &str)]) {
    let mut fields = edit_fields(s, plan).await;
    for (name, value) in values {
        set(&mut fields, name, value);
    }
    let r = post_fields(s, &format!("/plans/{plan}/edit"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

/// The hotline number a template leaves for the unit to fill in, as a test fills it.
pub(crate) const HOTLINE: (&str, &str) = ("hotline_number", "0980-319 201");

async fn post_fields(s: &Session, path: &str, fields: &[(String, String)]) -> crate::harness::Reply {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    s.post(path, &pairs).await
}
