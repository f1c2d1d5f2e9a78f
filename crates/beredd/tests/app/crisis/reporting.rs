//! Reporting by Swedish law: each judgement a logged decision, the duties to MCF and IMY with
//! their deadlines in Swedish time (the progress report of a month-long incident), one draft per
//! recipient built from decisions only, and none of it for an exercise.

use reqwest::StatusCode;

use super::start;
use crate::harness::{Session, TestApp, kinds, texts};

/// Records a decision of `kind` with an outcome (or, for a timed one, a time).
async fn decide(s: &Session, id: &str, kind: &str, value: &str) -> crate::harness::Reply {
    let timed = matches!(kind, "aware" | "handled" | "interim_request");
    let field = if timed { format!("{kind}_at") } else { format!("{kind}_outcome") };
    s.post(
        &format!("/incidents/{id}/assessments/{kind}"),
        &[
            (field.as_str(), value),
            (&format!("{kind}_decided_by"), "Karin Ek, förvaltningschef"),
            (&format!("{kind}_grounds"), "Journalsystemet och larmen är nere i hela förvaltningen."),
        ],
    )
    .await
}

#[tokio::test]
async fn decisions_start_the_clocks_and_each_is_written_to_the_log() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("IT-enheten", None).await;
        let id = start(&s, unit).await;
        let page = s.get(&format!("/incidents/{id}/reporting")).await.body;
        assert!(page.contains("Inga klockor går"), "no clocks before anyone decided");
        assert!(texts(&page, "#supervision p")[0].contains("Myndigheten för civilt försvar (MCF)"));
        assert!(texts(&page, "#supervision p")[1].contains("sex länsstyrelser"));
        let aware = texts(&page, "#assessment-aware .decision");
        assert!(aware[0].starts_with("Gällande beslut: 2026-11-23 07:10 svensk tid. Beslutat av: "), "{aware:?}");
        assert!(
            aware[0].ends_with("Grunder: Registrerades när incidenten lades upp i Beredd."),
            "kännedom is a decision from the start"
        );
        let quote = texts(&page, "#assessment-significant blockquote p");
        assert!(quote[0].starts_with("En incident ska anses vara betydande"), "{quote:?}");

        assert_eq!(decide(&s, &id, "significant", "yes").await.status, StatusCode::SEE_OTHER);
        assert_eq!(decide(&s, &id, "personal_data", "yes").await.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/incidents/{id}/reporting")).await.body;
        let clocks = texts(&page, "section.clock h3");
        assert_eq!(clocks.len(), 4, "first notice, notification, final report, IMY: {clocks:?}");
        assert!(clocks[0].starts_with("Tidig varning till MCF"));
        let deadline = |code: &str| texts(&page, &format!("#clock-{code} .deadline strong"))[0].clone();
        assert_eq!(deadline("nis2_early_warning"), "2026-11-24 07:10 svensk tid", "24 hours from kännedom");
        assert_eq!(deadline("nis2_notification"), "2026-11-26 07:10 svensk tid", "72 hours");
        assert_eq!(deadline("imy_breach"), "2026-11-26 07:10 svensk tid");
        assert_eq!(deadline("nis2_final"), "2026-12-26 07:10 svensk tid", "a month after the notification's deadline");
        assert!(texts(&page, "#nearest")[0].contains("Tidig varning till MCF"));
        assert_eq!(texts(&page, "#clock-nis2_early_warning .clock-state")[0].split(' ').next(), Some("Försenad"));

        // The board shows the deadlines too.
        let board = s.get(&format!("/incidents/{id}")).await.body;
        let lines = texts(&board, "#deadlines li");
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(
            lines[0].starts_with("Tidig varning till MCF: 2026-11-24 07:10 svensk tid · Försenad med"),
            "{lines:?}"
        );

        // The incident and its nearest deadline are above every page, the start page too.
        for path in ["/", "/systems"] {
            let banner = texts(&s.get(path).await.body, ".running-incident p");
            assert_eq!(banner.len(), 1, "{path}: {banner:?}");
            assert!(
                banner[0].starts_with("Pågående incident: IT-systemen är utslagna · Närmaste frist: tidig varning till MCF senast 2026-11-24 07:10 svensk tid · Försenad med"),
                "{path}: {banner:?}"
            );
        }

        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        let entries = texts(&log, "li.entry .pre");
        assert!(
            entries.iter().any(|t| t == "Betydande incident enligt cybersäkerhetslagen: Betydande incident"),
            "{entries:?}"
        );
        assert!(log.contains("Karin Ek, förvaltningschef") && log.contains("Journalsystemet och larmen är nere"));

        // A changed judgement is a new decision; the old one stays, and the MCF clocks stop.
        assert_eq!(decide(&s, &id, "significant", "no").await.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/incidents/{id}/reporting")).await.body;
        assert_eq!(texts(&page, "section.clock h3").len(), 1, "IMY only");
        assert_eq!(texts(&page, "#assessment-significant details li").len(), 1, "the earlier decision is kept");

        // A report is recorded once, in the log with the recipient's reference.
        let r = s
            .post(
                &format!("/incidents/{id}/reports/imy_breach"),
                &[("body", "Anmälan enligt utkastet."), ("reference", "IMY-2026-123")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            s.post(&format!("/incidents/{id}/reports/imy_breach"), &[("body", "igen")]).await.status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            s.post(&format!("/incidents/{id}/reports/nis2_notification"), &[("body", "x")]).await.status,
            StatusCode::BAD_REQUEST,
            "not significant: nothing to report to MCF"
        );
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(
            texts(&log, "li.entry .pre")
                .iter()
                .any(|t| t.starts_with("Rapport skickad: Anmälan av personuppgiftsincident till IMY")
                    && t.ends_with("(IMY-2026-123)"))
        );
    }
}

#[tokio::test]
async fn every_kind_of_decision_is_recorded_and_a_bad_one_is_refused_naming_the_field() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänsten", None).await;
        let id = start(&s, unit).await;
        let kinds_and_values = [
            ("aware", "2026-11-23 06:45"),
            ("significant", "yes"),
            ("personal_data", "unlikely_risk"),
            ("data_subjects", "no"),
            ("interim_request", "2026-11-24 08:30"),
            ("handled", "2026-11-24 09:30"),
            ("lex_maria", "yes"),
            ("lex_sarah", "no"),
            ("police", "yes"),
            ("extraordinary", "yes"),
            ("county", "yes"),
            ("region", "yes"),
        ];
        for (k, v) in kinds_and_values {
            let r = decide(&s, &id, k, v).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{k}: {}", r.body);
        }
        let page = s.get(&format!("/incidents/{id}/reporting")).await.body;
        assert_eq!(texts(&page, "section.assessment .decision").len(), kinds_and_values.len());
        assert!(texts(&page, "#assessment-lex_maria .decision")[0].contains("Anmäls till IVO enligt lex Maria"));
        assert!(texts(&page, "#assessment-extraordinary .decision")[0].contains("krisledningsnämnden"));
        assert!(texts(&page, "#assessment-personal_data .decision")[0].contains("dokumenteras, anmäls inte"));
        // A breach unlikely to result in a risk is documented, not notified: no IMY clock.
        assert!(texts(&page, "#clock-imy_breach").is_empty());
        // The new kännedom moves the clocks; MCF's request starts an interim report.
        assert_eq!(texts(&page, "#clock-nis2_early_warning .deadline strong")[0], "2026-11-24 06:45 svensk tid");
        assert_eq!(texts(&page, "#clock-nis2_interim .clock-state")[0], "MCF har begärt en delrapport");
        let interim = texts(&page, "#body-nis2_interim")[0].clone();
        assert!(interim.contains("VAD MCF HAR BETT OM\nBegärd 2026-11-24 08:30 svensk tid"), "{interim}");
        let log = texts(&s.get(&format!("/incidents/{id}/log")).await.body, "li.entry .pre");
        for label in [
            "Lex Maria: anmälan till IVO: Anmäls till IVO enligt lex Maria",
            "Lägesbild till länsstyrelsen: Lägesbild lämnad till länsstyrelsen",
            "Incidenten är hanterad: Hanterad 2026-11-24 09:30 svensk tid",
        ] {
            assert!(log.iter().any(|t| t == label), "{label}: {log:?}");
        }

        // Refused, and named: no grounds, an outcome of another kind, a time that is no time.
        let r = s
            .post(
                &format!("/incidents/{id}/assessments/police"),
                &[("police_outcome", "yes"), ("police_decided_by", "Karin"), ("police_grounds", " ")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Grunder"));
        assert!(texts(&r.body, "#assessment-police details[open]").len() == 1, "the form stays open");
        assert_eq!(decide(&s, &id, "lex_maria", "unlikely_risk").await.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = decide(&s, &id, "handled", "i morgon").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(texts(&r.body, ".error-summary li")[0].starts_with("Incidenten hanterades"));
        assert_eq!(decide(&s, &id, "weather", "yes").await.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_month_long_incident_owes_a_progress_report_and_the_final_report_waits_until_it_is_handled() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Socialtjänsten", None).await;
        let id = start(&s, unit).await;
        // Kännedom on a summer morning almost two months before now (2026-11-24).
        assert_eq!(decide(&s, &id, "aware", "2026-10-01 07:33").await.status, StatusCode::SEE_OTHER);
        assert_eq!(decide(&s, &id, "significant", "yes").await.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/incidents/{id}/reporting")).await.body;
        let deadline = |page: &str, code: &str| texts(page, &format!("#clock-{code} .deadline strong"))[0].clone();
        assert_eq!(deadline(&page, "nis2_early_warning"), "2026-10-02 07:33 svensk tid");
        assert_eq!(
            deadline(&page, "nis2_progress"),
            "2026-11-04 07:33 svensk tid",
            "a month after the notification's deadline"
        );
        assert_eq!(deadline(&page, "nis2_final"), "en månad efter att incidenten har hanterats");
        assert_eq!(texts(&page, "#clock-nis2_final .clock-state")[0], "Inväntar att incidenten har hanterats");

        assert_eq!(decide(&s, &id, "handled", "2026-11-20 15:00").await.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/incidents/{id}/reporting")).await.body;
        assert_eq!(deadline(&page, "nis2_final"), "2026-12-20 15:00 svensk tid");
        assert!(texts(&page, "#clock-nis2_progress").len() == 1, "the progress report stays owed");
        let progress = texts(&page, "#body-nis2_progress")[0].clone();
        assert!(progress.contains("NÄR INCIDENTEN VÄNTAS VARA HANTERAD\n[Skriv när"), "{progress}");
        let fin = texts(&page, "#body-nis2_final")[0].clone();
        assert!(fin.contains("NÄR INCIDENTEN BEDÖMDES SOM HANTERAD\nHanterad 2026-11-20 15:00 svensk tid"), "{fin}");

        // The incident's PDF prints the deadlines and the decisions.
        let pdf = crate::harness::get_bytes(&s, &format!("/incidents/{id}/report.pdf")).await;
        assert_eq!(pdf.0, StatusCode::OK);
        let text = crate::harness::pdf_text(&pdf.2);
        assert!(text.contains("2026-12-20 15:00"), "{text}");
        assert!(text.contains("Lägesrapport"), "{text}");
    }
}

#[tokio::test]
async fn one_draft_per_recipient_built_from_decisions_never_from_the_logs_free_text() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("Hemtjänsten", None).await;
        let id = start(&s, unit).await;
        // The log names a client, as logs in care do.
        let r = s
            .post(
                &format!("/incidents/{id}/log"),
                &[("kind", "event"), ("text", "Elsa Andersson på Solvägen 3 fick inte sin insulin kl 08.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        decide(&s, &id, "significant", "yes").await;
        decide(&s, &id, "personal_data", "yes").await;
        s.post(
            &format!("/incidents/{id}/roster"),
            &[("role", "dpo"), ("name", "Lena Berg"), ("phone", "070-174 06 30")],
        )
        .await;
        s.post(
            &format!("/incidents/{id}/roster"),
            &[("role", "mcf_contact"), ("name", "Per Nyström"), ("phone", "070-174 06 31")],
        )
        .await;
        assert_eq!(
            s.post(&format!("/incidents/{id}/diarienummer"), &[("diarienummer", "KS 2026/412")]).await.status,
            StatusCode::SEE_OTHER
        );
        let page = s.get(&format!("/incidents/{id}/reporting")).await.body;
        let draft = |code: &str| texts(&page, &format!("#body-{code}"))[0].clone();
        for code in ["nis2_early_warning", "nis2_notification", "nis2_final", "imy_breach"] {
            let d = draft(code);
            assert!(!d.contains("Elsa") && !d.contains("Solvägen"), "{code}: {d}");
            assert!(d.contains("KS 2026/412"), "{code} carries the diarienummer: {d}");
        }
        let early = draft("nis2_early_warning");
        assert!(early.starts_with("Mottagare: Myndigheten för civilt försvar (MCF), CSIRT-enheten"), "{early}");
        assert!(early.contains("MISSTÄNKS INCIDENTEN VARA ORSAKAD AV OLAGLIGA ELLER AVSIKTLIGT SKADLIGA HANDLINGAR?"));
        assert!(early.contains("Per Nyström, 070-174 06 31"), "the named contact towards MCF");
        assert!(early.contains("Betydande incident\nBeslutat av Karin Ek, förvaltningschef"), "{early}");
        let imy = draft("imy_breach");
        assert!(imy.starts_with("Mottagare: Integritetsskyddsmyndigheten (IMY)"));
        assert!(imy.contains("DATASKYDDSOMBUD\nLena Berg, 070-174 06 30"), "{imy}");
        assert!(imy.contains("VILKA SLAGS REGISTRERADE SOM BERÖRS OCH UNGEFÄR HUR MÅNGA\n[Till exempel"), "{imy}");
        assert_ne!(draft("nis2_notification"), early, "one draft per report");

        // A decision refers to the incident's diarienummer when it has no number of its own.
        decide(&s, &id, "police", "yes").await;
        let log = s.get(&format!("/incidents/{id}/log")).await.body;
        assert!(
            texts(&log, "li.entry .pre")
                .iter()
                .any(|t| t == "Polisanmälan: Polisanmäls (Diarienummer eller ärendenummer: KS 2026/412)")
        );
    }
}

#[tokio::test]
async fn an_exercise_has_no_clocks_and_no_report_can_be_recorded_for_it() {
    for kind in kinds() {
        let app = TestApp::start(kind).await;
        let s = app.login("admin").await;
        let unit = app.add_unit("IT-enheten", None).await;
        let r = s
            .post(
                "/incidents/new",
                &[
                    ("title", "Övning: it-attack"),
                    ("discovered_at", "2026-11-23 07:10"),
                    ("units", &unit.to_string()),
                    ("exercise", "on"),
                ],
            )
            .await;
        let ex = crate::harness::id_of(&r);
        assert_eq!(decide(&s, &ex, "significant", "yes").await.status, StatusCode::SEE_OTHER);
        let page = s.get(&format!("/incidents/{ex}/reporting")).await.body;
        assert!(page.contains("Det här är en övning") && texts(&page, "section.clock").is_empty());
        assert!(
            texts(&s.get("/").await.body, ".running-incident").is_empty(),
            "an exercise is not an incident going on"
        );
        assert_eq!(
            s.post(&format!("/incidents/{ex}/reports/nis2_early_warning"), &[("body", "x")]).await.status,
            StatusCode::BAD_REQUEST
        );
    }
}

#[tokio::test]
async fn the_decisions_of_an_incident_run_on_a_laptop_come_with_its_bundle_and_set_the_same_clocks() {
    for kind in kinds() {
        let laptop = TestApp::start(crate::harness::Kind::Sqlite).await;
        let l = laptop.login("admin").await;
        let unit = laptop.add_unit("Hemtjänst Norr", None).await;
        let id = start(&l, unit).await;
        assert_eq!(decide(&l, &id, "significant", "yes").await.status, StatusCode::SEE_OTHER);
        assert_eq!(decide(&l, &id, "aware", "2026-11-23 06:50").await.status, StatusCode::SEE_OTHER);
        l.post(&format!("/incidents/{id}/diarienummer"), &[("diarienummer", "KS 2026/412")]).await;
        let laptop_page = l.get(&format!("/incidents/{id}/reporting")).await.body;
        let bundle =
            l.client.get(format!("{}/incidents/{id}/bundle", l.base)).send().await.unwrap().text().await.unwrap();

        let main = TestApp::start(kind).await;
        main.add_unit("Hemtjänst Norr", None).await;
        let m = main.login("admin").await;
        let form = reqwest::multipart::Form::new()
            .text("_csrf", m.csrf.clone())
            .part("file", reqwest::multipart::Part::bytes(bundle.into_bytes()).file_name("incident.json"));
        let r = crate::harness::reply(
            m.client.post(format!("{}/incidents/import-bundle", m.base)).multipart(form).send().await.unwrap(),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let new_id = r.location.unwrap().split('/').nth(2).unwrap().to_owned();
        let page = m.get(&format!("/incidents/{new_id}/reporting")).await.body;
        for selector in ["#assessment-significant .decision", "#assessment-aware .decision"] {
            assert_eq!(texts(&page, selector), texts(&laptop_page, selector), "{selector}");
        }
        assert_eq!(
            texts(&page, "#clock-nis2_early_warning .deadline strong"),
            ["2026-11-24 06:50 svensk tid"],
            "the later kännedom decision sets the clock here too"
        );
        assert!(page.contains("value=\"KS 2026/412\""));
    }
}
