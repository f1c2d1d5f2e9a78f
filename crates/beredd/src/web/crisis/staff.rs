//! Staff reached: who has been called, per unit.

use super::*;
use crate::services::organisation::protection;
use crate::store::people::Person;
use crate::web::crisis::comms::log_writer;

pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub phone: String,
    pub reached: bool,
    pub who: String,
}

pub struct UnitStaff {
    pub name: String,
    pub share: String,
    pub people: Vec<PersonView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/staff.html")]
pub struct StaffPage {
    pub ctx: Ctx,
    pub h: Head,
    pub units: Vec<UnitStaff>,
    /// Everyone reached of everyone to call, over all the units (empty when there is no one).
    pub total: String,
}

impl StaffPage {
    pub fn tel(&self, phone: &str) -> String {
        text::tel_uri(phone)
    }
}

/// The staff of one unit, each with whether and by whom they were reached.
fn unit_people(
    unit: i64,
    lk: &Lookups,
    reached: &[incidents::Reached],
    user: &CurrentUser,
    tr: &Tr,
) -> Vec<PersonView> {
    lk.people
        .iter()
        .filter(|p| p.kind == beredd_domain::ContactKind::Staff && p.unit_id == Some(unit))
        .map(|p| {
            let r = reached.iter().find(|r| r.person_id == p.id);
            let (name, title, phone) = shown(p, lk, user, tr);
            let who = r.map(|r| who(tr, &Some(r.by_name.clone()), Some(r.at.shown_minute()))).unwrap_or_default();
            PersonView { id: p.id, name, title, phone, reached: r.is_some_and(|r| r.reached.get()), who }
        })
        .collect()
}

pub async fn staff(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<StaffPage, AppError> {
    let (h, lk) = head(&state, &user, &id, "staff").await?;
    let reached = incidents::reached(&state.db.pool, h.i.key()).await?;
    let mut ctx = Ctx::new(&state, &user, "/incidents", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = ctx.tr.ts("incident-staff-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let covered = crate::services::crisis::staff::call_order(&lk.units, &h.i.unit_ids);
    let mut units = Vec::new();
    let (mut all_reached, mut all) = (0, 0);
    for u in covered.iter().filter_map(|id| lk.units.iter().find(|u| u.id == *id)) {
        let people = unit_people(u.id, &lk, &reached, &user, tr);
        if people.is_empty() {
            continue;
        }
        let n = people.iter().filter(|p| p.reached).count();
        (all_reached, all) = (all_reached + n, all + people.len());
        units.push(UnitStaff {
            name: u.name.clone(),
            share: tr.ts(
                "incident-reached-share",
                "share",
                &format!("{n}/{} ({} %)", people.len(), n * 100 / people.len()),
            ),
            people,
        });
    }
    let total = (all_reached * 100)
        .checked_div(all)
        .map(|p| ctx.tr.ts("incident-reached-total", "share", &format!("{all_reached}/{all} ({p} %)")))
        .unwrap_or_default();
    Ok(StaffPage { ctx, h, units, total })
}

/// A person's name, title and number as the user may see them: a person with protected personal
/// data is, for everyone but those who must reach them, a stand-in naming whom to contact.
fn shown(p: &Person, lk: &Lookups, user: &CurrentUser, tr: &Tr) -> (String, String, String) {
    if p.protected.get() && !lk.may_see_protected(user, p.unit_id) {
        let (name, via, switchboard) = (
            tr.t("protected-person"),
            tr.ts("protected-contact-via", "name", "{name}"),
            tr.t("protected-contact-switchboard"),
        );
        let w = protection::Words { name: &name, via: &via, switchboard: &switchboard };
        let e = protection::stand_in(p, &lk.units, &lk.people, &w, String::new());
        return (e.name, e.role, e.phone);
    }
    let phone = p.work_phone.clone().or_else(|| p.private_phone.clone()).unwrap_or_default();
    (p.name.clone(), p.title.clone().unwrap_or_default(), phone)
}

pub async fn set_reached(
    State(state): State<AppState>,
    Path((id, person)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let (h, lk) = head(&state, &user, &id, "staff").await?;
    writer(&user, &h)?;
    let person = parse_id(&person)?;
    let p = lk.person(person).ok_or(AppError::NotFound)?;
    let reached = form.text("reached") == "1";
    // The log is read by every one of the crisis staff and leaves in bundles: never a protected name.
    let name = if p.protected.get() { tr.t("protected-person") } else { p.name.clone() };
    crate::services::crisis::staff::set_reached(&log_writer(&state, &user, h.i.key()), &tr, person, reached, &name)
        .await?;
    Ok(Redirect::to(&format!("/incidents/{}/staff#person-{person}", h.i.id)).into_response())
}
