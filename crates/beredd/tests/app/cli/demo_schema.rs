//! `beredd demo` on PostgreSQL looks where the role really writes (security review F21): the
//! first schema of its search_path that exists, which for a role with a schema of its own name
//! is that schema ("$user" comes before public), not always `public`. A real Beredd there is
//! refused; a demo there is replaced, and whatever lies in other schemas is left alone.

use std::io::Write;
use std::process::Stdio;

use beredd::platform::db::Db;

use crate::harness::{Kind, beredd, fresh_db, kinds};

/// A login role made for one test, dropped again at its end (after its database).
struct Role {
    admin: String,
    name: String,
}

impl Drop for Role {
    fn drop(&mut self) {
        let (admin, name) = (self.admin.clone(), self.name.clone());
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async move {
                if let Ok(db) = Db::connect_to_inspect(&admin).await {
                    let _ =
                        sqlx::query(sqlx::AssertSqlSafe(format!("DROP ROLE IF EXISTS {name}"))).execute(&db.pool).await;
                    db.close().await;
                }
            })
        })
        .join();
    }
}

async fn run(db: &Db, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).execute(&db.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn tables_in(db: &Db, schema: &str) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT tablename::text FROM pg_tables WHERE schemaname = $1 ORDER BY tablename")
            .bind(schema)
            .fetch_all(&db.pool)
            .await
            .unwrap();
    rows.into_iter().map(|(t,)| t).collect()
}

fn demo(url: &str) -> std::process::Output {
    beredd().args(["demo", "--no-serve", "--database", url, "--admin-password", "demolösenord1"]).output().unwrap()
}

#[tokio::test]
async fn demo_on_postgres_checks_the_schema_the_role_writes_to() {
    if !kinds().iter().any(|k| matches!(k, Kind::Postgres)) {
        return;
    }
    let admin = std::env::var("BEREDD_TEST_POSTGRES_URL").unwrap();
    let suffix = beredd::store::sessions::random_token().to_lowercase().replace(['-', '_'], "")[..12].to_owned();
    let role = Role { admin: admin.clone(), name: format!("beredd_f21_{suffix}") };
    let name = role.name.clone();
    let t = fresh_db(Kind::Postgres).await;
    let database = t.url.rsplit('/').next().unwrap().to_owned();
    let as_role = t.url.replacen("//postgres@", &format!("//{name}@"), 1);
    assert_ne!(as_role, t.url, "the test database's address names the user postgres");
    let db = Db::connect_to_inspect(&t.url).await.unwrap();
    // The role owns the database (so it may drop `public`) and a schema of its own name, which
    // its default search_path ("$user", public) puts first.
    run(&db, &format!("CREATE ROLE {name} LOGIN")).await;
    run(&db, &format!("ALTER DATABASE {database} OWNER TO {name}")).await;
    run(&db, &format!("CREATE SCHEMA AUTHORIZATION {name}")).await;

    // Real work in the role's schema: an administrator made from the command line.
    let mut child = beredd()
        .args(["user", "add", "--role", "admin", "--database", &as_role, "riktig"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("ett riktigt lösenord\n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let real = tables_in(&db, &name).await;
    assert!(real.contains(&"users".to_owned()), "Beredd's tables are in the role's schema: {real:?}");
    assert!(tables_in(&db, "public").await.is_empty());

    // `public` is empty, the role's schema holds real work: refused, nothing changed.
    let out = demo(&as_role);
    assert!(!out.status.success(), "a real Beredd in the role's schema was replaced");
    assert!(String::from_utf8_lossy(&out.stderr).contains("innehåller redan data som inte är demodata"));
    assert_eq!(tables_in(&db, &name).await, real);
    let (users,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {name}.users")))
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(users, 1, "the real administrator, and no demo admin beside it");
    assert!(tables_in(&db, "public").await.is_empty(), "public was not dropped and made again");

    // Now a demo in the role's schema, and another program's table in `public`: the demo is
    // replaced (twice), the other program's table and row stay.
    run(&db, &format!("DROP SCHEMA {name} CASCADE")).await;
    run(&db, &format!("CREATE SCHEMA AUTHORIZATION {name}")).await;
    run(&db, "CREATE TABLE public.journal (x TEXT)").await;
    run(&db, "INSERT INTO public.journal VALUES ('kvar')").await;
    run(&db, &format!("ALTER TABLE public.journal OWNER TO {name}")).await;
    for _ in 0..2 {
        let out = demo(&as_role);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(tables_in(&db, &name).await.contains(&"meta".to_owned()));
        assert_eq!(tables_in(&db, "public").await, ["journal"]);
        let (kept,): (String,) = sqlx::query_as("SELECT x FROM public.journal").fetch_one(&db.pool).await.unwrap();
        assert_eq!(kept, "kvar");
    }
    db.close().await;
    drop(t);
    drop(role);
}
