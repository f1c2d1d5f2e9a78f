//! Saves that number what they add, arriving at once (security review F2, its other cases): a
//! classification's version and a staff meeting's number were read as the highest so far plus
//! one, so on PostgreSQL two saves read the same number and the second failed on the unique key
//! (a 500, the typed protocol lost). Each now takes its asset's or incident's row first.

use reqwest::StatusCode;

use crate::harness::{TestApp, id_of, kinds};

const AT_ONCE: usize = 10;

/// Posts every form to `path` at the same moment; their answers' statuses.
async fn all_at_once(s: &crate::harness::Session, path: &str, forms: Vec<Vec<(String, String)>>) -> Vec<StatusCode> {
    let mut saves = Vec::new();
    for form in forms {
        let (client, url, csrf) = (s.client.clone(), format!("{}{path}", s.base), s.csrf.clone());
        saves.push(tokio::spawn(async move {
            let mut fields = vec![("_csrf".to_owned(), csrf)];
            fields.extend(form);
            client.post(&url).form(&fields).send().await.map(|r| r.status()).unwrap_or(StatusCode::IM_A_TEAPOT)
        }));
    }
    let mut out = Vec::new();
    for save in saves {
        out.push(save.await.unwrap());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn classifications_of_one_asset_saved_at_once_all_land_as_versions_one_after_another() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let asset = id_of(&s.post("/assets/new", &[("name", "Löneuppgifter")]).await);
        let forms = (0..AT_ONCE)
            .map(|n| {
                let levels = [("level_k", (1 + n % 3).to_string()), ("level_r", "2".into()), ("level_t", "2".into())];
                let rest = [("level_s", "1".to_owned()), ("reason", format!("Omprövning {n}"))];
                let why = ["why_k", "why_r", "why_t"].map(|w| (w, "Motiverad".to_owned()));
                levels.into_iter().chain(rest).chain(why).map(|(k, v)| (k.to_owned(), v)).collect()
            })
            .collect();
        let answers = all_at_once(&s, &format!("/assets/{asset}/classify"), forms).await;
        assert!(answers.iter().all(|a| *a == StatusCode::SEE_OTHER), "{kind:?}: {answers:?}");
        let versions: Vec<(i64,)> =
            sqlx::query_as("SELECT version FROM classifications WHERE asset_id = $1 ORDER BY version")
                .bind(asset.parse::<i64>().unwrap())
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        let want: Vec<(i64,)> = (1..=AT_ONCE as i64).map(|v| (v,)).collect();
        assert_eq!(versions, want, "{kind:?}");
        // Each audit entry's "before" is the version saved just before it, not the page's.
        let (audited,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'classify' AND before_json IS NOT NULL")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(audited, AT_ONCE as i64 - 1, "{kind:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_meetings_held_at_once_on_one_incident_all_land_numbered_one_after_another() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Socialförvaltningen", None).await;
        let incident = crate::crisis::start(&s, unit).await;
        let forms = (0..AT_ONCE)
            .map(|n| vec![("present".into(), format!("Ledamot {n}")), ("decisions".into(), format!("Beslut {n}"))])
            .collect();
        let answers = all_at_once(&s, &format!("/incidents/{incident}/meeting"), forms).await;
        assert!(answers.iter().all(|a| *a == StatusCode::SEE_OTHER), "{kind:?}: {answers:?}");
        let numbers: Vec<(i64,)> =
            sqlx::query_as("SELECT number FROM incident_meetings WHERE incident_id = $1 ORDER BY number")
                .bind(incident.parse::<i64>().unwrap())
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        let want: Vec<(i64,)> = (1..=AT_ONCE as i64).map(|v| (v,)).collect();
        assert_eq!(numbers, want, "{kind:?}");
        // Every protocol and its decision are in the log, and the chain holds.
        let log = s.get(&format!("/incidents/{incident}/log")).await.body;
        for n in 0..AT_ONCE {
            assert!(log.contains(&format!("Beslut {n}<")), "{kind:?}: decision {n} is in the log");
        }
        let mut conn = app.db.pool.acquire().await.unwrap();
        let verdict =
            beredd::store::incidents::verify(&mut conn, app.org, incident.parse().unwrap()).await.unwrap().unwrap();
        assert!(matches!(verdict, beredd::store::incidents::Verdict::Intact { .. }), "{kind:?}: {verdict:?}");
    }
}

/// Two people editing one plan: before, the second save silently replaced the first one's
/// changes (the open draft is changed in place). Now of saves made from the same opened version
/// one lands and the others are told, with what they typed still in the form, and saving again
/// replaces the newer version knowingly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saves_of_one_plan_from_the_same_opened_version_never_overwrite_each_other_silently() {
    use crate::continuity::{edit_fields, set};
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänst Söder", None).await;
        let r = s
            .post(
                "/plans/new",
                &[("name", "Plan för hemtjänsten"), ("template", "sarskilt-boende"), ("units", &unit.to_string())],
            )
            .await;
        let plan = id_of(&r);
        let opened = edit_fields(&s, &plan).await;
        assert!(opened.iter().any(|(k, v)| k == "seen" && v.starts_with("1:")), "{kind:?}: the form names its version");
        let forms = (0..AT_ONCE)
            .map(|n| {
                let mut f = opened.clone();
                set(&mut f, "lead", &format!("Ledning {n}"));
                f
            })
            .collect();
        let answers = all_at_once(&s, &format!("/plans/{plan}/edit"), forms).await;
        let landed = answers.iter().filter(|a| **a == StatusCode::SEE_OTHER).count();
        let told = answers.iter().filter(|a| **a == StatusCode::CONFLICT).count();
        assert_eq!((landed, told), (1, AT_ONCE - 1), "{kind:?}: {answers:?}");

        // One by one: the second is told, keeps what it typed, and replaces on its second save.
        let (mut first, mut second) = (edit_fields(&s, &plan).await, edit_fields(&s, &plan).await);
        set(&mut first, "lead", "Förvaltningschefen leder");
        set(&mut second, "lead", "Enhetschefen leder");
        let post = |fields: &[(String, String)]| {
            let pairs: Vec<(String, String)> = fields.to_vec();
            let s = &s;
            let path = format!("/plans/{plan}/edit");
            async move {
                let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                s.post(&path, &pairs).await
            }
        };
        assert_eq!(post(&first).await.status, StatusCode::SEE_OTHER, "{kind:?}");
        let r = post(&second).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{kind:?}");
        assert!(r.body.contains("Någon annan har sparat planen") && r.body.contains("Enhetschefen leder"), "{kind:?}");
        let stored = |app: &TestApp| {
            let pool = app.db.pool.clone();
            let plan = plan.parse::<i64>().unwrap();
            async move {
                let (c,): (String,) =
                    sqlx::query_as("SELECT content FROM plan_versions WHERE plan_id = $1 ORDER BY number DESC")
                        .bind(plan)
                        .fetch_one(&pool)
                        .await
                        .unwrap();
                c
            }
        };
        assert!(stored(&app).await.contains("Förvaltningschefen leder"), "{kind:?}: the first save stands");
        let again = crate::continuity::form_fields(&r.body);
        assert_eq!(post(&again).await.status, StatusCode::SEE_OTHER, "{kind:?}");
        assert!(stored(&app).await.contains("Enhetschefen leder"), "{kind:?}: replaced knowingly");
    }
}

/// Two people adding their own requirement with the same id at once: the id was checked before
/// the save and the save replaced any row with that id, so the second silently overwrote the
/// first (recorded as a new requirement). Now one is added and the other told the id is taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_requirements_added_at_once_with_one_id_are_added_once_and_the_others_told() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let area = beredd::content::catalogue::Catalogue::load().unwrap().areas[0].id.clone();
        let forms = (0..AT_ONCE)
            .map(|n| {
                let fields = [
                    ("requirement_id", "EGEN-07".to_owned()),
                    ("area", area.clone()),
                    ("title", format!("Reservrutin {n}")),
                    ("is_text", "Det finns en utskriven reservrutin.".to_owned()),
                    ("shall_text", "Leverantören ska leverera en reservrutin.".to_owned()),
                    ("applies", "T2".to_owned()),
                ];
                fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            })
            .collect();
        let answers = all_at_once(&s, "/requirements/new", forms).await;
        let added = answers.iter().filter(|a| **a == StatusCode::SEE_OTHER).count();
        let told = answers.iter().filter(|a| **a == StatusCode::UNPROCESSABLE_ENTITY).count();
        assert_eq!((added, told), (1, AT_ONCE - 1), "{kind:?}: {answers:?}");
        let audited: Vec<(String,)> =
            sqlx::query_as("SELECT summary FROM audit_log WHERE entity = 'requirement' AND action = 'create'")
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        let (title,): (String,) =
            sqlx::query_as("SELECT title FROM local_requirements WHERE requirement_id = 'EGEN-07'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(audited, [(format!("EGEN-07 {title}"),)], "{kind:?}: the one recorded is the one kept");
        let (revision,): (String,) = sqlx::query_as("SELECT value FROM meta WHERE key LIKE 'catalogue_revision:%'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(revision, "1", "{kind:?}: one change, one revision");
    }
}
