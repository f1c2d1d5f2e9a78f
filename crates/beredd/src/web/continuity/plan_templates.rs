//! The continuity plan templates, to read before a plan is started from one.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};

use crate::content::plan_templates::{PlanTemplate, step_parts};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::page::Ctx;

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plan_templates.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub templates: Vec<PlanTemplate>,
}

impl ListPage {
    pub fn routines(&self, t: &PlanTemplate) -> String {
        self.ctx.tr.tn("plan-template-routines", t.routines.len() as i64)
    }
}

/// A step ready to show: the role (if the step names one) and what is done.
pub struct StepView {
    pub role: Option<String>,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plan_template.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub t: PlanTemplate,
    /// Per routine, its steps split into role and text.
    pub steps: Vec<Vec<StepView>>,
}

impl ShowPage {
    /// A phone number as a `tel:` link target: digits and a leading plus only.
    pub fn tel(&self, phone: &str) -> String {
        phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
    }
}

pub async fn list(user: CurrentUser, State(state): State<AppState>) -> Result<ListPage, AppError> {
    let mut ctx = Ctx::new(&state, &user, "/plan-templates", String::new());
    ctx.title = ctx.tr.t("plan-templates-title");
    Ok(ListPage { ctx, templates: state.plan_templates.as_ref().clone() })
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<ShowPage, AppError> {
    let t = state.plan_templates.iter().find(|t| t.id == id).cloned().ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(&state, &user, "/plan-templates", String::new());
    ctx.title = ctx.tr.ts("plan-template-title", "name", &t.name);
    let steps = t
        .routines
        .iter()
        .map(|r| {
            r.steps
                .iter()
                .map(|s| {
                    let (role, text) = step_parts(s);
                    StepView { role: role.map(str::to_owned), text: text.to_owned() }
                })
                .collect()
        })
        .collect();
    Ok(ShowPage { ctx, t, steps })
}
