//! The start page: what needs attention, for this user's role and scope.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

use crate::store::{activities, systems};
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
    pub links: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    pub ctx: Ctx,
    pub greeting: String,
    pub counts: Vec<Count>,
    pub attention: Vec<Attention>,
    pub scope: Vec<(String, String)>,
    pub read_only: Option<String>,
    /// "My actions (n open)" with its link, when the user has said which person they are.
    pub mine: Option<(String, String)>,
}

/// At most this many links per attention item; the rest are counted.
const MAX_LINKS: usize = 8;

fn item(text: String, links: Vec<(String, String)>) -> Option<Attention> {
    (!links.is_empty()).then(|| Attention { text, links: links.into_iter().take(MAX_LINKS).collect() })
}

pub async fn page(user: CurrentUser, State(state): State<AppState>) -> Result<HomePage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let acts = activities::list(&state.db.pool, user.org_id).await?;
    let systems = systems::list(&state.db.pool, user.org_id).await?;
    let ctx = Ctx::new(&state, &user, "/", String::new());
    let tr = &ctx.tr;
    let title = tr.t("home-title");

    // A unit manager sees their own scope; everyone else the whole organisation.
    let in_scope = |unit: Option<i64>| -> bool {
        user.role != beredd_domain::Role::UnitManager || unit.is_some_and(|u| lk.may_edit_unit(&user, u))
    };
    let units: Vec<_> = lk.units.iter().filter(|u| in_scope(Some(u.id))).collect();

    let counts = vec![
        Count { label: tr.t("nav-units"), n: lk.units.len(), href: "/units" },
        Count { label: tr.t("nav-activities"), n: acts.len(), href: "/activities" },
        Count { label: tr.t("nav-people"), n: lk.people.len(), href: "/people" },
        Count { label: tr.t("nav-systems"), n: systems.len(), href: "/systems" },
        Count { label: tr.t("nav-suppliers"), n: lk.suppliers.len(), href: "/suppliers" },
    ];

    let mut attention = Vec::new();
    for c in &counts {
        if c.n == 0 {
            attention.push(Attention {
                text: tr.ts("attention-empty", "register", &c.label),
                links: vec![(tr.t("action-add"), format!("{}/new", c.href))],
            });
        }
    }
    let link = |name: &str, href: String| (name.to_owned(), href);
    attention.extend(item(
        tr.t("attention-unit-no-manager"),
        units
            .iter()
            .filter(|u| u.manager_id.is_none())
            .map(|u| link(&u.name, format!("/units/{}/edit", u.id)))
            .collect(),
    ));
    attention.extend(item(
        tr.t("attention-unit-no-activities"),
        units
            .iter()
            .filter(|u| u.kind == beredd_domain::UnitKind::Enhet && !acts.iter().any(|a| a.unit_id == u.id))
            .map(|u| link(&u.name, format!("/activities/new?unit={}", u.id)))
            .collect(),
    ));
    attention.extend(item(
        tr.t("attention-staff-no-phone"),
        lk.people
            .iter()
            .filter(|p| {
                p.kind == beredd_domain::ContactKind::Staff
                    && in_scope(p.unit_id)
                    && p.work_phone.is_none()
                    && p.private_phone.is_none()
            })
            .map(|p| link(&p.name, format!("/people/{}/edit", p.id)))
            .collect(),
    ));
    // Continuity plans due for their yearly review, and binders older than the approved plan.
    let today = crate::platform::clock::today_text();
    let plans: Vec<_> = crate::services::continuity::plans::standings(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .filter(|(p, _)| p.unit_ids.iter().any(|u| in_scope(Some(*u))))
        .collect();
    attention.extend(item(
        tr.t("attention-plan-review"),
        plans
            .iter()
            .filter(|(p, s)| s.review_overdue(p, &today))
            .map(|(p, _)| link(&p.name, format!("/plans/{}", p.id)))
            .collect(),
    ));
    attention.extend(item(
        tr.t("attention-binder-stale"),
        plans
            .iter()
            .filter(|(_, s)| s.binder_stale())
            .map(|(p, _)| link(&p.name, format!("/plans/{}", p.id)))
            .collect(),
    ));
    let covered: Vec<i64> = plans.iter().flat_map(|(p, _)| p.unit_ids.iter().copied()).collect();
    let critical = |u: i64| acts.iter().any(|a| a.unit_id == u && a.criticality.is_critical());
    attention.extend(item(
        tr.t("attention-unit-no-plan"),
        units
            .iter()
            .filter(|u| u.kind == beredd_domain::UnitKind::Enhet && critical(u.id) && !covered.contains(&u.id))
            .map(|u| link(&u.name, format!("/plans/new?unit={}", u.id)))
            .collect(),
    ));
    attention.extend(item(
        tr.t("attention-plan-unapproved"),
        plans
            .iter()
            .filter(|(_, s)| s.approved.is_none())
            .map(|(p, _)| link(&p.name, format!("/plans/{}", p.id)))
            .collect(),
    ));
    // Overdue tasks of the yearly cycle: a coordinator sees all, others those they own.
    crate::services::cycle::ensure(&state.db.pool, user.org_id).await?;
    let cycle_items = crate::store::cycle::items(&state.db.pool, user.org_id).await?;
    let me = crate::store::users::person_of(&state.db.pool, user.id).await?;
    let mine = |owner: Option<i64>| match me {
        Some(p) => owner == Some(p),
        None => owner.is_some() && lk.person_name(owner) == user.display_name,
    };
    let late: Vec<(String, String)> = crate::store::cycle::tasks(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .filter(|t| t.done_at.is_none() && t.due_date.as_str() < today.as_str())
        .filter_map(|t| cycle_items.iter().find(|i| i.id == t.item_id).map(|i| (i, t)))
        .filter(|(i, _)| {
            user.role.edits_all_content()
                || mine(i.owner_id)
                || i.unit_id.is_some_and(|u| user.role == beredd_domain::Role::UnitManager && in_scope(Some(u)))
        })
        .map(|(i, t)| {
            link(&format!("{} ({})", i.title, t.due_date), format!("/cycle?year={}#task-{}", &t.due_date[..4], t.id))
        })
        .collect();
    attention.extend(item(tr.t("attention-cycle-overdue"), late));
    if user.role != beredd_domain::Role::UnitManager {
        // The top risks: high or critical after the existing measures (on the organisation's
        // scales), highest first.
        let scales = crate::services::risks::scales(&state.db.pool, user.org_id, &tr).await?;
        let (nl, nc) = (scales.likelihood.len() as u8, scales.consequence.len() as u8);
        let mut top: Vec<_> = crate::store::risks::risks(&state.db.pool, user.org_id)
            .await?
            .into_iter()
            .filter(|r| {
                beredd_domain::risk::Level::scaled(r.residual_likelihood as u8, r.residual_consequence as u8, nl, nc)
                    >= beredd_domain::risk::Level::High
            })
            .collect();
        top.sort_by_key(|r| std::cmp::Reverse(r.residual_likelihood * r.residual_consequence));
        attention.extend(item(
            tr.t("attention-top-risks"),
            top.iter()
                .map(|r| {
                    link(
                        &format!("{} ({})", r.threat, r.residual_likelihood * r.residual_consequence),
                        format!("/risks/analyses/{}", r.analysis_id),
                    )
                })
                .collect(),
        ));
        // Where the organisation stands against its frameworks, and gaps nobody acts on yet.
        let (assessed, open_gaps) = super::frameworks::start_page(&state, user.org_id, &tr).await?;
        attention.extend(item(tr.t("attention-assessments"), assessed));
        attention.extend(item(tr.t("attention-gaps-no-action"), open_gaps));
        attention.extend(item(
            tr.t("attention-system-no-owner"),
            systems
                .iter()
                .filter(|s| s.owner_id.is_none())
                .map(|s| link(&s.name, format!("/systems/{}/edit", s.id)))
                .collect(),
        ));
        attention.extend(item(
            tr.t("attention-system-no-units"),
            systems
                .iter()
                .filter(|s| s.unit_ids.is_empty() && s.kind != beredd_domain::SystemKind::Infrastructure)
                .map(|s| link(&s.name, format!("/systems/{}/edit", s.id)))
                .collect(),
        ));
        // Overdue actions in the action plan, and information nobody has classified yet.
        let late: Vec<_> = crate::store::actions::list(&state.db.pool, user.org_id)
            .await?
            .into_iter()
            .filter(crate::web::actions::overdue)
            .collect();
        attention.extend(item(
            tr.t("attention-overdue-actions"),
            late.iter().map(|a| link(&a.title, format!("/actions/{}", a.id))).collect(),
        ));
        let unclassified: Vec<_> = crate::store::assets::list(&state.db.pool, user.org_id)
            .await?
            .into_iter()
            .filter(|a| a.current.is_none())
            .collect();
        attention.extend(item(
            tr.t("attention-unclassified"),
            unclassified.iter().map(|a| link(&a.name, format!("/assets/{}/classify", a.id))).collect(),
        ));
        attention.extend(item(
            tr.t("attention-cloud-no-supplier"),
            systems
                .iter()
                .filter(|s| s.hosting == beredd_domain::Hosting::SupplierCloud && s.supplier_id.is_none())
                .map(|s| link(&s.name, format!("/systems/{}/edit", s.id)))
                .collect(),
        ));
    }

    // Readers and crisis staff cannot fix these; they get the registers and a word on their role.
    let may_act = user.role.edits_all_content() || user.role == beredd_domain::Role::UnitManager;
    if !may_act {
        attention.clear();
    }
    let read_only = (!may_act).then(|| tr.t("home-read-only"));
    let scope = if user.role == beredd_domain::Role::UnitManager {
        user.granted.iter().map(|u| (lk.unit_name(Some(*u)), format!("/units/{u}"))).collect()
    } else {
        Vec::new()
    };
    // The user's own open actions in the action plan, through the person they said they are.
    let mine_link = match me {
        Some(p) => {
            let open = crate::store::actions::list(&state.db.pool, user.org_id)
                .await?
                .into_iter()
                .filter(|a| a.owner_id == Some(p) && a.status.is_open())
                .count();
            Some((tr.tn("home-my-actions", open as i64), format!("/actions?owner={p}")))
        }
        None => None,
    };
    let greeting = tr.ts("home-greeting", "name", &user.display_name);
    let mut ctx = ctx;
    ctx.title = title;
    Ok(HomePage { ctx, greeting, counts, attention, scope, read_only, mine: mine_link })
}
