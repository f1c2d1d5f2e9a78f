//! Steering documents: made and changed by those who edit all content, kept in versions with a
//! diff, due for review on the start page and in the yearly cycle; read and confirmed by the staff
//! they apply to, with their account or through a personal link that expires; a unit manager sees
//! who in their units has not read the current version, and a new version asks everyone again.

use beredd_domain::Role;
use reqwest::StatusCode;

use crate::harness::{Session, TestApp, hidden_csrf, id_of, kinds, reply, texts, upload};

/// The start of a PDF file, enough for the upload's check of what a file is.
const PDF: &[u8] = b"%PDF-1.4\nRiktlinje\n%%EOF\n";

/// The people and accounts of a small organisation: Socialförvaltningen with Hemtjänst Norr (Per
/// and Eva), and Ekonomi (Olle). Per has the account `per`; `chef` manages Socialförvaltningen.
struct Org {
    soc: String,
    eva: String,
    olle: String,
}

async fn org(app: &TestApp, s: &Session) -> Org {
    let soc = app.add_unit("Socialförvaltningen", None).await;
    let norr = app.add_unit("Hemtjänst Norr", Some(soc)).await.to_string();
    let ekonomi = app.add_unit("Ekonomi", None).await.to_string();
    let person = |name: &'static str, unit: String| async move {
        id_of(&s.post("/people/new", &[("name", name), ("kind", "staff"), ("unit", &unit)]).await)
    };
    let per = person("Per Lund", norr.clone()).await;
    let eva = person("Eva Berg", norr).await;
    let olle = person("Olle Ek", ekonomi).await;
    for (user, who, role, units) in [("per", &per, Role::Reader, vec![]), ("olle", &olle, Role::Reader, vec![])]
        .into_iter()
        .chain([("chef", &per, Role::UnitManager, vec![soc])])
    {
        let id = app.add_user(user, role, &units).await;
        if role == Role::Reader {
            beredd::store::users::set_person(&app.db.pool, id, Some(who.parse().unwrap())).await.unwrap();
        }
    }
    Org { soc: soc.to_string(), eva, olle }
}

/// A guideline for Socialförvaltningen with its first version; returns its id.
async fn guideline(s: &Session, soc: &str) -> String {
    let fields = [
        ("title", "Riktlinje för e-post"),
        ("kind", "guideline"),
        ("decided_by", "Kommundirektören"),
        ("decided_on", "2026-02-10"),
        ("review_on", "2026-12-01"),
        ("units", soc),
        ("roles", "Alla medarbetare"),
        ("body", "# Kort sagt\nSkicka inga känsliga uppgifter med e-post.\n- Kontrollera mottagaren."),
    ];
    let r = s.post("/governance/documents/new", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    id_of(&r)
}

async fn new_version(s: &Session, doc: &str, body: &str) {
    let r = s.post(&format!("/governance/documents/{doc}/versions/new"), &[("body", body), ("note", "Ny rad")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn a_document_has_versions_with_a_diff_and_its_review_is_shown_when_due() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let o = org(&app, &s).await;

        // A reader makes no documents.
        let reader = app.login("per").await;
        assert_eq!(reader.get("/governance/documents/new").await.status, StatusCode::FORBIDDEN);
        let r = reader.post("/governance/documents/new", &[("title", "Egen"), ("kind", "policy")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        // Bad input is named by field and nothing is stored.
        let r = s.post("/governance/documents/new", &[("title", ""), ("kind", "lag"), ("review_on", "snart")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let errors = texts(&r.body, ".error-summary li");
        assert!(errors[0].starts_with("Titel:"), "{errors:?}");
        assert!(errors.iter().any(|e| e.starts_with("Typ:")), "{errors:?}");
        assert!(errors.iter().any(|e| e.starts_with("Ska ses över senast:")), "{errors:?}");

        let doc = guideline(&s, &o.soc).await;
        let page = s.get(&format!("/governance/documents/{doc}")).await.body;
        assert_eq!(texts(&page, "#current-heading"), ["Gällande version: 1"]);
        assert_eq!(texts(&page, ".document-text h3"), ["Kort sagt"]);
        assert_eq!(texts(&page, ".document-text li"), ["Kontrollera mottagaren."]);

        // An empty text is refused, naming the field; the next version keeps the rest.
        let r = s.post(&format!("/governance/documents/{doc}/versions/new"), &[("body", " ")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Text:"));
        new_version(
            &s,
            &doc,
            "# Kort sagt\nSkicka inga känsliga uppgifter med vanlig e-post.\n- Kontrollera mottagaren.",
        )
        .await;
        let page = s.get(&format!("/governance/documents/{doc}")).await.body;
        assert_eq!(texts(&page, "#current-heading"), ["Gällande version: 2"]);
        let diff = s.get(&format!("/governance/documents/{doc}/diff")).await.body;
        assert_eq!(texts(&diff, ".diff-removed del"), ["Borttaget: − Skicka inga känsliga uppgifter med e-post."]);
        assert_eq!(texts(&diff, ".diff-added ins"), ["Tillagt: + Skicka inga känsliga uppgifter med vanlig e-post."]);

        // Due for review within a month: on the start page of those who edit, and in the cycle.
        let home = s.get("/").await.body;
        let item =
            texts(&home, "ul.attention > li").into_iter().find(|t| t.starts_with("Styrdokument som ska ses över"));
        assert!(item.is_some_and(|t| t.contains("Riktlinje för e-post (2026-12-01)")), "{:?}", texts(&home, "li"));
        let cycle = s.get("/cycle?year=2026").await.body;
        assert_eq!(texts(&cycle, ".document-reviews li"), ["Riktlinje för e-post: 2026-12-01"]);

        // Changing the details is audited with before and after.
        let edit = [("title", "Riktlinje för e-post"), ("kind", "guideline"), ("review_on", "2027-12-01")];
        let r = s.post(&format!("/governance/documents/{doc}/edit"), &edit).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let home = s.get("/").await.body;
        assert!(!home.contains("Styrdokument som ska ses över"));
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE entity IN ('document', 'document-version')")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(n, 4, "{kind:?}: created, first version, second version, changed");

        // A version may be a file instead, downloaded as the evidence files are: sandboxed.
        let r =
            upload(&s, &format!("/governance/documents/{doc}/versions/upload"), "riktlinje.pdf", PDF.to_vec()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = s.get(&format!("/governance/documents/{doc}")).await.body;
        assert_eq!(texts(&page, "#current-heading"), ["Gällande version: 3"]);
        let resp =
            s.client.get(format!("{}/governance/documents/{doc}/versions/3/file", app.base)).send().await.unwrap();
        assert_eq!(resp.headers()["content-security-policy"], "sandbox; default-src 'none'");
        assert_eq!(resp.headers()["content-type"], "application/pdf");
        assert_eq!(resp.bytes().await.unwrap().as_ref(), PDF);
        let r = upload(&s, &format!("/governance/documents/{doc}/versions/upload"), "virus.exe", b"MZ".to_vec()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, "#file-error")[0].starts_with("Fil:"), "{:?}", texts(&r.body, "#file-error"));
        let _ = o.olle;
    }
}

#[tokio::test]
async fn staff_confirm_reading_and_a_new_version_asks_again() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let o = org(&app, &s).await;
        let doc = guideline(&s, &o.soc).await;
        let path = format!("/governance/documents/{doc}");

        let per = app.login("per").await;
        let home = per.get("/").await.body;
        assert!(home.contains("Styrdokument som du ännu inte har bekräftat att du har läst"));
        let page = per.get(&path).await.body;
        assert_eq!(texts(&page, "#acknowledge button"), ["Jag har läst och förstått"]);
        let r = per.post(&format!("{path}/acknowledge"), &[("version", "1")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = per.get(&path).await.body;
        assert!(texts(&page, "#acknowledge").is_empty());
        assert_eq!(texts(&page, "#acknowledged").len(), 1);
        assert!(!per.get("/").await.body.contains("Styrdokument som du ännu inte"));

        // The unit manager sees who has read it in their units.
        let chef = app.login("chef").await;
        let page = chef.get(&path).await.body;
        assert_eq!(texts(&page, "section.panel > p"), ["1 av 2 har läst version 1."]);
        let unread: Vec<String> = texts(&page, "tr.unread label");
        assert_eq!(unread, ["Eva Berg"]);

        // Someone the document does not apply to does not see it.
        let olle = app.login("olle").await;
        assert_eq!(olle.get(&path).await.status, StatusCode::NOT_FOUND);
        assert!(!olle.get("/governance/documents").await.body.contains("Riktlinje för e-post"));
        let r = olle.post(&format!("{path}/acknowledge"), &[("version", "1")]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // A new version asks again.
        new_version(&s, &doc, "Ny text.").await;
        let page = per.get(&path).await.body;
        assert_eq!(texts(&page, "#acknowledge input[name=version]").len(), 1);
        assert!(page.contains("value=\"2\""));
        // A confirmation of the version before is not taken for the new one.
        let r = per.post(&format!("{path}/acknowledge"), &[("version", "1")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = chef.get(&path).await.body;
        assert_eq!(texts(&page, "section.panel > p"), ["0 av 2 har läst version 2."]);
        let _ = (o.eva, o.olle);
    }
}

#[tokio::test]
async fn a_personal_link_shows_one_document_and_confirms_for_its_own_person_only() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let o = org(&app, &s).await;
        let doc = guideline(&s, &o.soc).await;
        let other = s.post("/governance/documents/new", &[("title", "Hemlig plan"), ("kind", "routine")]).await;
        assert_eq!(other.status, StatusCode::SEE_OTHER);
        let path = format!("/governance/documents/{doc}");

        let chef = app.login("chef").await;
        // Only staff of the manager's own units.
        let r = chef.post(&format!("{path}/links"), &[("person", &o.olle)]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = chef.post(&format!("{path}/links"), &[("person", &o.eva)]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let url = texts(&r.body, "code.link").pop().expect("a link");
        let token = url.rsplit("/read/").next().unwrap().to_owned();
        assert_eq!(token.len(), 43, "{url}");

        // On a phone, without logging in.
        let phone = app.client();
        let read = format!("{}/read/{token}", app.base);
        let page = reply(phone.get(&read).send().await.unwrap()).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(texts(&page.body, "h1"), ["Riktlinje för e-post"]);
        // Nothing but the document: not another one, nor whose link it is.
        for other in ["Hemlig plan", "Per Lund", "Eva Berg", "Socialförvaltningen"] {
            assert!(!page.body.contains(other), "{other}");
        }
        assert!(texts(&page.body, "nav").is_empty(), "nothing else of Beredd");

        // The form needs its token; with it, Eva (and only Eva) has read version 1.
        let r = reply(phone.post(&read).form(&[("version", "1")]).send().await.unwrap()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let csrf = hidden_csrf(&page.body).unwrap();
        let r =
            reply(phone.post(&read).form(&[("_csrf", csrf.as_str()), ("version", "1")]).send().await.unwrap()).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(texts(&r.body, "#thanks"), ["Tack! Din läsbekräftelse är sparad."]);
        assert_eq!(texts(&r.body, ".acknowledge").len(), 0);
        let page = chef.get(&path).await.body;
        assert_eq!(texts(&page, "tr.unread label"), ["Per Lund"]);
        let (who,): (String,) = sqlx::query_as("SELECT username FROM audit_log WHERE action = 'acknowledge'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(who, "Eva Berg (personlig länk)");

        // A wrong token is not found; an expired link says so in Swedish and shows nothing more.
        let r = phone.get(format!("{}/read/{}", app.base, "x".repeat(43))).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        sqlx::query("UPDATE document_links SET expires_at = '2026-11-01T00:00:00Z'")
            .execute(&app.db.pool)
            .await
            .unwrap();
        let r = reply(phone.get(&read).send().await.unwrap()).await;
        assert_eq!(r.status, StatusCode::GONE);
        assert_eq!(
            texts(&r.body, "#gone"),
            ["Den här länken gäller inte längre. Be din chef om en ny länk till dokumentet."]
        );
        assert!(!r.body.contains("Riktlinje för e-post"));

        // Guessing is stopped as guessing passwords is: five wrong tokens lock the address out.
        for _ in 0..5 {
            let r = phone.get(format!("{}/read/{}", app.base, "y".repeat(43))).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::NOT_FOUND);
        }
        let r = phone.get(&read).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    }
}
