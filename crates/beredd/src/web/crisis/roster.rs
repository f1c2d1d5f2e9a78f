//! The roster: who is on duty in the crisis staff, and when.

use super::*;
use crate::services::crisis::staff;
use crate::web::crisis::comms::log_writer;

pub struct RosterView {
    pub id: i64,
    pub role: String,
    pub name: String,
    pub phone: String,
    pub area: String,
    pub on_duty: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/roster.html")]
pub struct RosterPage {
    pub ctx: Ctx,
    pub h: Head,
    pub rows: Vec<RosterView>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
}

impl RosterPage {
    pub fn tel(&self, phone: &str) -> String {
        text::tel_uri(phone)
    }
}

fn roster_fields(form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("role", tr.t("incident-field-role"), FieldKind::Select, form, e, tr)
            .required()
            .choices(vocabulary_choices(StaffRole::ALL, StaffRole::code, StaffRole::label_id, tr)),
        Field::new("name", tr.t("field-name"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("phone", tr.t("plan-col-phone"), FieldKind::Tel, form, e, tr).maxlength(30),
        Field::new("area", tr.t("incident-field-area"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("incident-hint-area")),
        Field::new("on_duty", tr.t("incident-field-on-duty"), FieldKind::Checkbox, form, e, tr),
    ]
}

async fn roster_page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<RosterPage, AppError> {
    let (h, _) = head(state, user, id, "roster").await?;
    let rows = incidents::roster(&state.db.pool, h.i.key()).await?;
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("incident-roster-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let rows = rows
        .into_iter()
        .map(|r| RosterView {
            id: r.id,
            role: StaffRole::parse(&r.role).map(|x| tr.t(x.label_id())).unwrap_or(r.role),
            name: r.name,
            phone: r.phone.unwrap_or_default(),
            area: r.area.unwrap_or_default(),
            on_duty: r.on_duty.get(),
        })
        .collect();
    let fields = roster_fields(form, e, tr);
    let error_summary = summary(&fields);
    Ok(RosterPage { ctx, h, rows, fields, error_summary })
}

pub async fn roster(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<RosterPage, AppError> {
    let mut form = FormData::default();
    form.set("on_duty", "on");
    roster_page(&state, &user, &id, &form, &Errors::default()).await
}

pub async fn add_roster(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let (h, _) = head(&state, &user, &id, "roster").await?;
    writer(&user, &h)?;
    let mut e = Errors::default();
    let role = e.take("role", StaffRole::parse(form.text("role")).map(Some));
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let phone = e.take("phone", text::optional_phone(form.text("phone")));
    let area = e.take("area", text::optional_line(form.text("area"), 200));
    let Some(role) = role.filter(|_| e.is_empty()) else {
        return Ok(
            (StatusCode::UNPROCESSABLE_ENTITY, roster_page(&state, &user, &id, &form, &e).await?).into_response()
        );
    };
    let member = staff::Member {
        role,
        name: &name,
        phone: phone.as_deref(),
        area: area.as_deref(),
        on_duty: form.checked("on_duty"),
    };
    staff::add_member(&log_writer(&state, &user, h.i.key()), &tr, &member).await?;
    Ok(Redirect::to(&format!("/incidents/{}/roster", h.i.id)).into_response())
}

/// Marks a member of the crisis staff as on duty or off duty.
pub async fn set_duty(
    State(state): State<AppState>,
    Path((id, row)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let (h, _) = head(&state, &user, &id, "roster").await?;
    writer(&user, &h)?;
    let row = parse_id(&row)?;
    let on = form.text("on_duty") == "1";
    staff::set_duty(&log_writer(&state, &user, h.i.key()), &tr, row, on).await?;
    Ok(Redirect::to(&format!("/incidents/{}/roster", h.i.id)).into_response())
}
