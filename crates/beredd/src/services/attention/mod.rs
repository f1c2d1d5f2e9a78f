//! The start page's rules: what needs attention, for a viewer's role and unit scope. Each item is
//! a message id and the records it names, with where each is put right; the page translates them.

use beredd_domain::{ContactKind, Hosting, Role, SystemKind, UnitKind, access};

use crate::platform::clock::Day;
use crate::platform::db::{Db, DbError};
use crate::store::{actions, systems, units, users};

pub mod facts;

/// Who is looking: their role, the units granted to them, and the person they said they are.
pub struct Viewer<'a> {
    pub user_id: i64,
    pub role: Role,
    pub granted: &'a [i64],
    pub display_name: &'a str,
}

/// Something to see to: a message id, and the records it names as (name, where to act).
pub struct Item {
    pub message: &'static str,
    pub links: Vec<(String, String)>,
}

/// How soon something on the list needs seeing to. The start page groups its list by it, most
/// pressing first, under the word for it (never by colour alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// It weakens the organisation's ability to act in a crisis, or its security, now.
    Urgent,
    /// A duty that is overdue or left undone.
    Important,
    /// Registers to complete.
    ToDo,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Urgent, Severity::Important, Severity::ToDo];

    pub fn code(self) -> &'static str {
        match self {
            Severity::Urgent => "urgent",
            Severity::Important => "important",
            Severity::ToDo => "todo",
        }
    }

    /// The item's message id decides: break-glass logins, stopped backups, the top risks and
    /// critical activities without a plan are urgent; overdue duties important; the rest to do.
    pub fn of(message: &str) -> Severity {
        match message {
            "attention-break-glass-used"
            | "attention-backup-stale"
            | "attention-backup-none"
            | "attention-top-risks"
            | "attention-unit-no-plan" => Severity::Urgent,
            "attention-plan-review"
            | "attention-binder-stale"
            | "attention-plan-unapproved"
            | "attention-staff-no-phone"
            | "attention-unit-no-manager"
            | "attention-overdue-actions"
            | "attention-cycle-overdue"
            | "attention-gaps-no-action"
            | "attention-system-no-owner"
            | "attention-empty" => Severity::Important,
            _ => Severity::ToDo,
        }
    }
}

/// What the start page shows, in its order: the viewer's scope first, then (for everyone but a
/// unit manager) the top risks, then the registers; the page puts the framework assessments
/// between the last two.
pub struct StartPage {
    pub scoped: Vec<Item>,
    pub top_risks: Vec<Item>,
    pub registers: Vec<Item>,
    /// The person the viewer said they are, and how many of their actions are still open.
    pub my_open_actions: Option<(i64, usize)>,
    /// The steering documents that apply to the viewer and that they have yet to confirm reading
    /// (shown to every role).
    pub unread_documents: Vec<(String, String)>,
}

/// How long a break-glass login stays on the administrators' start page.
pub const BREAK_GLASS_SHOWN_SECS: i64 = 14 * 86400;

fn item(message: &'static str, links: Vec<(String, String)>) -> Option<Item> {
    (!links.is_empty()).then_some(Item { message, links })
}

/// Overdue: a due date before today and not done or cancelled.
pub fn action_overdue(a: &actions::Action, today: Day) -> bool {
    a.due_date.is_some_and(|d| d < today) && a.status.is_open()
}

/// The start page's items for `viewer` on `today`.
pub async fn start_page(db: &Db, org: i64, viewer: &Viewer<'_>, day: Day) -> Result<StartPage, DbError> {
    let pool = &db.pool;
    // What the page reads of the organisation comes from the copy this process keeps (`facts`).
    let facts = facts::facts(db, org, day).await?;
    let (all_units, everyone, acts) = (&facts.units, &facts.people, &facts.activities);
    let parents = all_units.iter().map(|u| (u.id, u.parent_id)).collect();
    // A unit manager sees their own scope; everyone else the whole organisation.
    let in_scope = |unit: Option<i64>| -> bool {
        viewer.role != Role::UnitManager
            || unit.is_some_and(|u| access::may_edit_unit(viewer.role, viewer.granted, &parents, u))
    };
    let scope: Vec<&units::Unit> = all_units.iter().filter(|u| in_scope(Some(u.id))).collect();
    let link = |name: &str, href: String| (name.to_owned(), href);

    let mut scoped = Vec::new();
    scoped.extend(item(
        "attention-unit-no-manager",
        scope
            .iter()
            .filter(|u| u.manager_id.is_none())
            .map(|u| link(&u.name, format!("/units/{}/edit", u.id)))
            .collect(),
    ));
    scoped.extend(item(
        "attention-unit-no-activities",
        scope
            .iter()
            .filter(|u| u.kind == UnitKind::Enhet && !acts.iter().any(|a| a.unit_id == u.id))
            .map(|u| link(&u.name, format!("/activities/new?unit={}", u.id)))
            .collect(),
    ));
    scoped.extend(item(
        "attention-staff-no-phone",
        everyone
            .iter()
            .filter(|p| {
                p.kind == ContactKind::Staff
                    && in_scope(p.unit_id)
                    && p.work_phone.is_none()
                    && p.private_phone.is_none()
            })
            .map(|p| link(&p.name, format!("/people/{}/edit", p.id)))
            .collect(),
    ));
    // Continuity plans due for their yearly review, and binders older than the approved plan.
    let plans: Vec<_> = facts.plans.iter().filter(|(p, _)| p.unit_ids.iter().any(|u| in_scope(Some(*u)))).collect();
    let plan_link = |p: &crate::store::plans::Plan| link(&p.name, format!("/plans/{}", p.id));
    scoped.extend(item(
        "attention-plan-review",
        plans.iter().filter(|(p, s)| s.review_overdue(p, day)).map(|(p, _)| plan_link(p)).collect(),
    ));
    scoped.extend(item(
        "attention-binder-stale",
        plans.iter().filter(|(_, s)| s.binder_stale()).map(|(p, _)| plan_link(p)).collect(),
    ));
    let covered: Vec<i64> = plans.iter().flat_map(|(p, _)| p.unit_ids.iter().copied()).collect();
    let critical = |u: i64| acts.iter().any(|a| a.unit_id == u && a.criticality.is_critical());
    scoped.extend(item(
        "attention-unit-no-plan",
        scope
            .iter()
            .filter(|u| u.kind == UnitKind::Enhet && critical(u.id) && !covered.contains(&u.id))
            .map(|u| link(&u.name, format!("/plans/new?unit={}", u.id)))
            .collect(),
    ));
    scoped.extend(item(
        "attention-plan-unapproved",
        plans.iter().filter(|(_, s)| s.approved.is_none()).map(|(p, _)| plan_link(p)).collect(),
    ));
    // Overdue tasks of the yearly cycle: a coordinator sees all, others those they own.
    let me = users::person_of(pool, viewer.user_id).await?;
    let person_name = |id: Option<i64>| everyone.iter().find(|p| Some(p.id) == id).map(|p| p.name.as_str());
    let mine = |owner: Option<i64>| match me {
        Some(p) => owner == Some(p),
        None => owner.is_some() && person_name(owner) == Some(viewer.display_name),
    };
    let late = facts
        .late
        .iter()
        .filter(|(i, _)| {
            viewer.role.edits_all_content()
                || mine(i.owner_id)
                || i.unit_id.is_some_and(|u| viewer.role == Role::UnitManager && in_scope(Some(u)))
        })
        .map(|(i, t)| {
            link(&format!("{} ({})", i.title, t.due_date), format!("/cycle?year={}#task-{}", t.due_date.year(), t.id))
        })
        .collect();
    scoped.extend(item("attention-cycle-overdue", late));
    // Steering documents due for review, and those the viewer has yet to confirm reading.
    let docs = &facts.docs;
    let reader =
        crate::services::governance::reading::Viewer { role: viewer.role, granted: viewer.granted, person: me };
    let doc_href = |id: i64| format!("/governance/documents/{id}");
    scoped.extend(item(
        "attention-document-review",
        docs.to_review(&reader, day)
            .iter()
            .map(|d| {
                let review = d.doc.review_on.map(|r| r.to_string()).unwrap_or_default();
                link(&format!("{} ({review})", d.doc.title), doc_href(d.doc.id))
            })
            .collect(),
    ));
    let unread_documents = docs.unread(&reader).iter().map(|d| link(&d.doc.title, doc_href(d.doc.id))).collect();
    // Training due among the staff the viewer records for: coordinators all, unit managers their units.
    if viewer.role.edits_all_content() || viewer.role == Role::UnitManager {
        scoped.extend(item("attention-training-due", training_due(&facts, viewer, me)));
    }

    let my_open_actions =
        me.map(|p| (p, facts.actions.iter().filter(|a| a.owner_id == Some(p) && a.status.is_open()).count()));
    let (mut top_risks, mut registers) = (Vec::new(), Vec::new());
    if viewer.role == Role::UnitManager {
        return Ok(StartPage { scoped, top_risks, registers, my_open_actions, unread_documents });
    }
    top_risks.extend(item(
        "attention-top-risks",
        facts
            .top_risks
            .iter()
            .map(|r| {
                link(
                    &format!("{} ({})", r.threat, r.likelihood * r.consequence),
                    format!("/risks/analyses/{}", r.analysis_id),
                )
            })
            .collect(),
    ));
    // For the administrator: break-glass accounts used lately, and backups that have stopped
    // (or, with a schedule, never ran).
    if viewer.role.manages_users() {
        let since = crate::platform::clock::stamp_in(-BREAK_GLASS_SHOWN_SECS);
        let used = crate::store::audit::done_since(pool, org, "break-glass-login", &since).await?;
        // First on the page: someone logged in past the municipality's login.
        let shown = item(
            "attention-break-glass-used",
            used.iter()
                .map(|(at, who)| {
                    let href = format!(
                        "/audit?user={}&entity=session",
                        form_urlencoded::byte_serialize(who.as_bytes()).collect::<String>()
                    );
                    link(&format!("{who} ({})", at.shown_minute()), href)
                })
                .collect(),
        );
        if let Some(shown) = shown {
            scoped.insert(0, shown);
        }
        use crate::services::archive::schedule;
        let last = schedule::last(pool).await?;
        let stale = last.as_ref().map(|l| l.at.seconds_since() > schedule::STALE_AFTER_SECS);
        let planned = schedule::plan(pool).await?;
        match (stale, last) {
            (Some(true), Some(l)) => {
                registers.extend(item("attention-backup-stale", vec![link(&l.at.shown_minute(), "/backups".into())]))
            }
            (None, _) => {
                if let Some(p) = planned {
                    registers.extend(item("attention-backup-none", vec![link(&p.dir, "/backups".into())]))
                }
            }
            _ => {}
        }
    }
    let all_systems = &facts.systems;
    let system_link = |s: &systems::System| link(&s.name, format!("/systems/{}/edit", s.id));
    registers.extend(item(
        "attention-system-no-owner",
        all_systems.iter().filter(|s| s.owner_id.is_none()).map(system_link).collect(),
    ));
    registers.extend(item(
        "attention-system-no-units",
        all_systems
            .iter()
            .filter(|s| s.unit_ids.is_empty() && s.kind != SystemKind::Infrastructure)
            .map(system_link)
            .collect(),
    ));
    // Overdue actions in the action plan, and information nobody has classified yet.
    registers.extend(item(
        "attention-overdue-actions",
        facts
            .actions
            .iter()
            .filter(|a| action_overdue(a, day))
            .map(|a| link(&a.title, format!("/actions/{}", a.id)))
            .collect(),
    ));
    registers.extend(item(
        "attention-unclassified",
        facts.unclassified.iter().map(|(id, name)| link(name, format!("/assets/{id}/classify"))).collect(),
    ));
    registers.extend(item(
        "attention-cloud-no-supplier",
        all_systems
            .iter()
            .filter(|s| s.hosting == Hosting::SupplierCloud && s.supplier_id.is_none())
            .map(system_link)
            .collect(),
    ));
    Ok(StartPage { scoped, top_risks, registers, my_open_actions, unread_documents })
}

/// The courses with staff due that the viewer records training for, each with how many.
fn training_due(facts: &facts::Facts, viewer: &Viewer<'_>, me: Option<i64>) -> Vec<(String, String)> {
    let reg = &facts.training;
    let tv = crate::services::governance::training::Viewer { role: viewer.role, granted: viewer.granted, person: me };
    reg.courses
        .iter()
        .filter_map(|c| {
            let id = c.course.id;
            let n = facts
                .training_due
                .iter()
                .filter(|(course, p)| *course == id && reg.may_record_for(&tv, &reg.people[*p]))
                .count();
            (n > 0).then(|| (format!("{} ({n})", c.course.name), format!("/governance/training/{id}#status")))
        })
        .collect()
}
