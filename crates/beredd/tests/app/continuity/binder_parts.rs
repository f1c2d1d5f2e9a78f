//! The binder's plan sections are typeset once and kept (issue 25): a second print of an
//! unchanged binder typesets none of them again, a new approved version of one plan typesets only
//! that plan's section, and one organisation never gets another's kept sections. The joined
//! binder still has its contents and page numbers right.

use beredd::content::demo;
use beredd::platform::db::Db;
use beredd::platform::i18n::{Catalog, Lang, Tr};
use beredd::services::continuity::binder::{self, Scope};
use beredd::store::{binder_parts, plans};

use crate::harness::{PASSWORD, fresh_db, kinds, pdf_text};

async fn print(db: &Db, org: i64) -> (binder::Binder, binder::Rendered) {
    let tr = Tr::new(Catalog::load(), Lang::Sv);
    let b = binder::prepare(&db.pool, &tr, org, Scope::All, "Test", "2026-12-07").await.unwrap().unwrap();
    let r = binder::render(db, org, &b).await.unwrap();
    (b, r)
}

/// Each plan's name is the heading and in the stamp of the page the contents gives for it, and every page says "Sida n av N".
fn contents_point_right(b: &binder::Binder, pdf: &[u8]) {
    let text = pdf_text(pdf);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    for (i, page) in pages.iter().enumerate() {
        let want = format!("Sida {} av {}", i + 1, pages.len());
        assert!(page.contains(&want), "page {} lacks {want:?}:\n{page}", i + 1);
    }
    let contents = pages[1];
    for p in b.data["plans"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let line = contents.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name} in:\n{contents}"));
        let n: usize =
            line.rsplit(' ').next().unwrap().chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap();
        let page = pages[n - 1];
        assert!(
            page.lines().any(|l| l.trim() == name) && page.contains(&format!("{name} · version")),
            "{name} is not the heading and the stamp of page {n}:\n{page}"
        );
    }
}

#[tokio::test]
async fn a_second_print_reuses_the_typeset_plans_and_a_new_version_typesets_only_its_own() {
    for kind in kinds() {
        let test_db = fresh_db(kind).await;
        let db = test_db.connect().await;
        db.migrate().await.unwrap();
        let a = demo::load(&db, &demo::Source::Embedded, PASSWORD).await.unwrap().org_id;

        let (b, first) = print(&db, a).await;
        let n = b.plans.len();
        assert!(n >= 6, "the demo has its approved plans");
        assert_eq!((first.typeset, first.reused), (n, 0), "{kind:?}: nothing kept before the first print");
        contents_point_right(&b, &first.pdf);
        assert_eq!(binder_parts::list(&db.pool, a).await.unwrap().len(), n, "each plan's section is kept");

        let (_, second) = print(&db, a).await;
        assert_eq!((second.typeset, second.reused), (0, n), "{kind:?}: an unchanged binder typesets no plan again");
        assert_eq!(pdf_text(&second.pdf), pdf_text(&first.pdf), "and prints the same");

        // A new approved version of one plan: only its section is typeset again.
        let (plan, number) = b.plans[0];
        let mut conn = db.pool.acquire().await.unwrap();
        let old = plans::version(&mut *conn, a, plan, number).await.unwrap().unwrap();
        let mut content = old.content().unwrap();
        content.lead = "Ledningen övertas av Åsa Öberg på Ängsgården.".into();
        let next = plans::save_draft(&mut conn, a, plan, &content, Some("Ny ledning"), "Test").await.unwrap();
        let by = plans::Approval { approver_id: None, approver: "Test", recorded_by: "Test" };
        assert!(plans::approve(&mut conn, a, (plan, next), &by, "2027-12-07".parse().unwrap()).await.unwrap());
        drop(conn);
        let (b3, third) = print(&db, a).await;
        assert_eq!((third.typeset, third.reused), (1, n - 1), "{kind:?}: only the changed plan is typeset");
        assert!(pdf_text(&third.pdf).contains("Ledningen övertas av Åsa Öberg på Ängsgården."));
        contents_point_right(&b3, &third.pdf);
        let kept = binder_parts::list(&db.pool, a).await.unwrap();
        assert!(kept.contains(&(plan, number)) && kept.contains(&(plan, next)), "{kept:?}");

        // Another organisation with the very same plans typesets its own.
        let other = demo::load(&db, &demo::Source::Embedded, PASSWORD).await.unwrap().org_id;
        let (_, theirs) = print(&db, other).await;
        assert_eq!((theirs.typeset, theirs.reused), (n, 0), "{kind:?}: nothing is taken from another organisation");
        assert_eq!(binder_parts::list(&db.pool, a).await.unwrap(), kept, "and the first keeps its own");
    }
}
