//! Filling in a form as a person would: what the page gives, plausible values where it leaves a
//! field empty, and the first choice of a group of check boxes none of which is ticked. And the
//! records the demo lacks for some forms to appear at all (an incident under way, a draft plan,
//! evidence files, an imported framework…), made through the site's own forms.

use std::collections::{BTreeMap, BTreeSet};

use reqwest::StatusCode;

use super::site::{Form, excerpt};
use crate::harness::{PASSWORD, Session, upload};

/// A value a person might type, for a field the page leaves empty.
fn plausible(name: &str, kind: &str) -> String {
    let n = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    match kind {
        "date" => return "2026-12-01".into(),
        "datetime-local" => return "2026-11-24T08:00".into(),
        "number" => return "2".into(),
        "tel" => return "070-123 45 67".into(),
        "email" => return "prov@example.se".into(),
        "url" => return "https://example.se/rutin".into(),
        "password" if has(&["current"]) => return PASSWORD.into(),
        "password" => return "ett nytt långt lösenord".into(),
        _ => {}
    }
    if has(&["org_number"]) {
        "212000-2171".into()
    } else if has(&["phone", "hl_number"]) {
        "070-123 45 67".into()
    } else if has(&["email"]) {
        "prov@example.se".into()
    } else if has(&["date", "due", "deadline", "_on"]) {
        "2026-12-01".into()
    } else if n == "at" || has(&["_at", "time", "discovered"]) {
        "2026-11-24 08:00".into()
    } else if has(&["hours", "count", "level", "likelihood", "consequence", "maturity", "position", "staff", "minute"])
    {
        "2".into()
    } else if has(&["link", "url"]) {
        "https://example.se/rutin".into()
    } else if has(&["passphrase"]) {
        "fyra ord som räcker gott".into()
    } else if has(&["username"]) {
        "prov.person".into()
    } else {
        "Prov".into()
    }
}

/// The fields as a person would send them: the page's values, plausible ones where it leaves a
/// field empty, a radio group's chosen (or first) button, and in a group of several check boxes
/// none of which is ticked, the first.
pub fn defaults(form: &Form) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut groups = BTreeSet::new();
    for i in form.inputs.iter().filter(|i| i.name != "_csrf") {
        let group: Vec<_> = form.inputs.iter().filter(|r| r.name == i.name).collect();
        match i.kind.as_str() {
            "file" => {}
            // A named button is pressed only where no plain one sends the form, and only one.
            "submit" if form.plain_submit || out.iter().any(|(n, _)| *n == i.name) => {}
            "radio" => {
                if groups.insert(i.name.clone()) {
                    let pick = group.iter().find(|r| r.checked).unwrap_or(&group[0]);
                    out.push((i.name.clone(), pick.value.clone()));
                }
            }
            "checkbox" if i.checked => out.push((i.name.clone(), i.value.clone())),
            "checkbox" => {
                if group.len() > 1 && !group.iter().any(|r| r.checked) && groups.insert(i.name.clone()) {
                    out.push((i.name.clone(), i.value.clone()));
                }
            }
            "select" | "hidden" | "submit" => out.push((i.name.clone(), i.value.clone())),
            kind if i.value.is_empty() => out.push((i.name.clone(), plausible(&i.name, kind))),
            _ => out.push((i.name.clone(), i.value.clone())),
        }
    }
    out
}

/// Posts `fields` to a form's address with the session's CSRF token.
async fn post(s: &Session, action: &str, fields: &[(String, String)]) -> crate::harness::Reply {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    s.post(action, &pairs).await
}

/// Sends a form as a person fills it in, with some fields set; where it led.
async fn submit(s: &Session, forms: &BTreeMap<String, Form>, route: &str, set: &[(&str, &str)]) -> String {
    let form = forms.get(route).unwrap_or_else(|| panic!("no form for {route} to make what the suite needs"));
    let mut fields: Vec<(String, String)> =
        defaults(form).into_iter().filter(|(n, _)| !set.iter().any(|(k, _)| k == n)).collect();
    fields.extend(set.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    let r = post(s, &form.action, &fields).await;
    let why = crate::harness::texts(&r.body, ".error-summary li, .error, [id$=-error]");
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{route} as a person fills it in ({fields:?}): {why:?}");
    r.location.unwrap_or_default().split('?').next().unwrap_or_default().to_owned()
}

/// Sends the form of `page` whose address ends with `action`, as a person fills it in.
async fn submit_on(s: &Session, page: &str, action: &str, set: &[(&str, &str)]) {
    let html = s.get(page).await.body;
    let forms: BTreeMap<String, Form> = super::site::forms_of(page, &html)
        .into_iter()
        .filter(|f| f.action.ends_with(action))
        .map(|f| (action.to_owned(), f))
        .collect();
    submit(s, &forms, action, set).await;
}

/// Makes what some forms need to appear, through the forms a first crawl found, and returns the
/// pages where they now are.
pub async fn seed(s: &Session, forms: &BTreeMap<String, Form>) -> Vec<String> {
    let mut pages = Vec::new();
    // An incident under way for every unit, with a roster row, a media request and a draft message;
    // an exercise.
    let units: Vec<(String, String)> = forms["/incidents/new"]
        .inputs
        .iter()
        .filter(|i| i.name == "units")
        .map(|i| ("units".to_owned(), i.value.clone()))
        .collect();
    for exercise in [false, true] {
        let mut fields = vec![
            ("title".to_owned(), "Prov: systemen ligger nere".to_owned()),
            ("discovered_at".to_owned(), "2026-11-23 07:10".to_owned()),
            ("aware_by".to_owned(), "Anna Berg".to_owned()),
            ("raised_by".to_owned(), "IT-enheten".to_owned()),
        ];
        fields.extend(units.iter().cloned());
        if exercise {
            fields.push(("exercise".into(), "on".into()));
            fields.push(("participants".into(), "Anna Berg".into()));
        }
        let r = post(s, "/incidents/new", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "an incident: {}", excerpt(&r.body));
        let incident = r.location.unwrap_or_default().split('?').next().unwrap_or_default().to_owned();
        let roster =
            [("role", "crisis_leader"), ("name", "Prov Person"), ("phone", "070-123 45 67"), ("on_duty", "on")];
        assert_eq!(s.post(&format!("{incident}/roster"), &roster).await.status, StatusCode::SEE_OTHER);
        let media = [("media_outlet", "P4 Norrbotten"), ("media_question", "Hur går det för hemtjänsten?")];
        assert_eq!(s.post(&format!("{incident}/media"), &media).await.status, StatusCode::SEE_OTHER);
        // A draft message, so that the button that approves it is on the communication page.
        let draft = [("msg_channel", "web"), ("msg_text", "Prov: utkast till webben"), ("draft", "1")];
        assert_eq!(s.post(&format!("{incident}/messages"), &draft).await.status, StatusCode::SEE_OTHER);
        // A significant incident: its reports' clocks run, and each has a form.
        if !exercise {
            submit_on(s, &format!("{incident}/reporting"), "/assessments/significant", &[("outcome", "yes")]).await;
        }
        for tab in
            ["", "/log", "/staff", "/roster", "/comms", "/reporting", "/meeting", "/recovery", "/lessons", "/injects"]
        {
            pages.push(format!("{incident}{tab}"));
        }
    }
    // A requirement of one's own and one of the catalogue's turned off, a scenario, a draft plan.
    pages.push(submit(s, forms, "/requirements/new", &[("requirement_id", "EGEN-01")]).await);
    let disable = &forms["/requirements/{id}/disable"];
    pages.push(disable.page.clone());
    submit(s, forms, "/requirements/{id}/disable", &[("reason", "Gäller inte oss")]).await;
    pages.push(submit(s, forms, "/scenarios/new", &[]).await);
    pages.push(submit(s, forms, "/plans/new", &[]).await);
    // A new draft of an approved plan, complete as it was: it can be approved.
    pages.push(submit(s, forms, "/plans/{id}/edit", &[]).await);
    // A plan shared with the other municipalities: the library then offers its copy to take in,
    // and to withdraw.
    pages.push(submit(s, forms, "/plans/{id}/share", &[]).await);
    // A record of each register that nothing points to, so its delete page offers the form.
    for register in ["units", "activities", "systems", "suppliers", "resources", "people", "assets", "dependencies"] {
        if forms.contains_key(&format!("/{register}/new")) {
            let record = submit(s, forms, &format!("/{register}/new"), &[("name", "Prov att ta bort")]).await;
            pages.push(format!("{record}/delete"));
        }
    }
    // A framework of one's own; evidence for a self-assessment and for a framework answer, and an
    // action linked to that answer.
    let framework = "id = \"egen\"\nversion = \"1\"\ntitle_sv = \"Eget ramverk\"\nsource = \"Eget\"\ntext = \"own-words\"\n\n[[requirement]]\nid = \"1\"\ntext_sv = \"Gör så.\"\n";
    let r = upload(s, "/frameworks/import", "egen.toml", framework.as_bytes().to_vec()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "a framework: {}", excerpt(&r.body));
    pages.push(r.location.unwrap_or_default().split('?').next().unwrap_or_default().to_owned());
    for route in ["/systems/{id}/assessment/{req}/evidence", "/assessments/{id}/requirements/{node}/evidence"] {
        let form = &forms[route];
        let r = upload(s, &form.action, "bevis.txt", b"Protokoll fr\xc3\xa5n \xc3\xb6vningen".to_vec()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{route}: {}", excerpt(&r.body));
        pages.push(form.page.clone());
    }
    // A file read into each register's import, so that its preview and its "Spara" are found.
    let files = [
        ("people", "Namn;Enhet\nProv Importsson;Hemtjänst Norr\n"),
        ("units", "Namn;Nivå\nProvenheten;Enhet\n"),
        ("suppliers", "Namn\nProv Import AB\n"),
        ("systems", "Namn\nProvsystemet\n"),
        ("activities", "Enhet;Namn;Samhällsviktighet\nHemtjänst Norr;Provverksamheten;Viktig\n"),
        ("resources", "Namn;Slag\nProvresursen;El\n"),
        ("assets", "Namn;Personuppgifter\nProvmängden;Ja\n"),
        (
            "dependencies",
            "Vad som beror (typ);Vad som beror;Beror på (typ);Beror på\nSystem;Verksamhetssystem socialtjänst;Resurs;Serverhallen på Storgatan 12\n",
        ),
    ];
    for (register, file) in files {
        let r = upload(s, &format!("/{register}/import"), "prov.csv", file.as_bytes().to_vec()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "an import into {register}: {}", excerpt(&r.body));
        pages.push(r.location.unwrap_or_default());
    }
    // A KLASSA export read, so that its preview and its "Spara" are found.
    let klassa = "Informationsmängd;K;R;T;S;Datum\nProvmängden från KLASSA;2;2;1;1;2024-05-12\n";
    let r = upload(s, "/assets/klassa", "klassa.csv", klassa.as_bytes().to_vec()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "a KLASSA import: {}", excerpt(&r.body));
    pages.push(r.location.unwrap_or_default());
    let answer = &forms["/assessments/{id}/requirements/{node}"];
    submit(
        s,
        forms,
        "/assessments/{id}/requirements/{node}",
        &[("status", "no"), ("req_other", ""), ("new_action", "Skriv rutinen")],
    )
    .await;
    pages.push(answer.page.clone());
    let assessment = forms["/systems/{id}/assessment/{req}"].page.rsplit_once('/').map(|(p, _)| p.to_owned()).unwrap();
    pages.push(assessment);
    // An API token, so the API page offers its revoke form.
    let r = s.post("/api-tokens", &[("name", "Prov"), ("access", "read"), ("areas", "organisation")]).await;
    assert_eq!(r.status, StatusCode::OK, "an API token: {}", excerpt(&r.body));
    pages.push("/api-tokens".into());
    // The administrator says which person they are, so that the policy (which applies to all
    // staff) offers its reading button.
    let href_of = |html: &str, text: &str| {
        let doc = scraper::Html::parse_document(html);
        let a = scraper::Selector::parse("a[href]").unwrap();
        doc.select(&a)
            .find(|e| e.text().collect::<String>().trim() == text)
            .and_then(|e| e.value().attr("href").map(str::to_owned))
            .unwrap_or_else(|| panic!("a link {text:?}"))
    };
    let policy = href_of(&s.get("/governance/documents").await.body, "Informationssäkerhetspolicy för Exempelkommun");
    // Who has read it is listed by unit, each name the label of their box (`link-UNIT-PERSON`).
    let page = s.get(&policy).await.body;
    let person = {
        let doc = scraper::Html::parse_document(&page);
        let label = scraper::Selector::parse("label[for]").unwrap();
        doc.select(&label)
            .find(|e| e.text().collect::<String>().trim() == "Patrik Öhman")
            .and_then(|e| e.value().attr("for").and_then(|f| f.rsplit('-').next()).map(str::to_owned))
            .expect("Patrik Öhman in the policy's list")
    };
    let r = s.post("/account/person", &[("person", &person)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "the administrator as a person: {}", excerpt(&r.body));
    pages.push(policy);
    pages
}
