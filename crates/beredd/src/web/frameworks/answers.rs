//! One requirement's answer in an assessment: status, maturity, comment, evidence, linked
//! catalogue requirements (with suggestions) and linked actions.

use super::*;

pub struct Suggested {
    pub id: String,
    pub title: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/answer.html")]
pub struct AnswerPage {
    pub ctx: Ctx,
    pub a: store::Assessment,
    pub node: NodeView,
    pub fields: Vec<Field>,
    pub action_fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub linked: Vec<(i64, String, String)>,
    pub may_edit: bool,
    pub action: String,
    pub next: Option<String>,
    pub updated: Option<String>,
    /// Evidence files: (id, name, size, who uploaded).
    pub files: Vec<(i64, String, String, String)>,
    pub upload_action: String,
    pub upload_error: Option<String>,
    /// The file types the upload offers.
    pub accept: String,
}

/// Catalogue requirements that share a reference with the framework requirement.
fn suggestions(
    state: &AppState,
    catalogue: &crate::content::catalogue::Catalogue,
    node: &framework::Node,
    en: bool,
) -> Vec<Suggested> {
    let _ = state;
    if node.maps.is_empty() {
        return Vec::new();
    }
    catalogue
        .requirements
        .iter()
        .filter(|r| {
            node.maps.meets(&Maps {
                cyber_measures: r.cyber_measures.clone(),
                gdpr: r.gdpr.clone(),
                pdl: r.pdl.clone(),
                hslf: r.hslf.clone(),
                iso27001: r.iso27001.clone(),
            })
        })
        .map(|r| Suggested {
            id: r.id.clone(),
            title: format!("{} {}", r.id, if en { &r.title_en } else { &r.title_sv }),
        })
        .collect()
}

fn answer_fields(form: &FormData, e: &Errors, tr: &Tr, suggested: &[Suggested]) -> Vec<Field> {
    let statuses = Status::ALL
        .iter()
        .map(|s| Choice { value: s.code().to_owned(), label: tr.t(s.label_id()), depth: 0 })
        .collect();
    let mut f = vec![
        Field::new("status", tr.t("fw-status"), FieldKind::Radio, form, e, tr).choices(statuses),
        Field::new("maturity", tr.t("fw-maturity"), FieldKind::Select, form, e, tr)
            .choices(maturity_choices(tr))
            .hint(tr.t("fw-maturity-hint")),
        Field::new("comment", tr.t("fw-comment"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("fw-comment-hint")),
        Field::new("evidence", tr.t("fw-evidence"), FieldKind::TextArea, form, e, tr)
            .maxlength(4000)
            .hint(tr.t("fw-evidence-hint")),
    ];
    if !suggested.is_empty() {
        f.push(Field::new("req", tr.t("fw-linked-suggested"), FieldKind::MultiCheck, form, e, tr).choices(
            suggested.iter().map(|s| Choice { value: s.id.clone(), label: s.title.clone(), depth: 0 }).collect(),
        ));
    }
    f.push(
        Field::new("req_other", tr.t("fw-linked-other"), FieldKind::Text, form, e, tr)
            .maxlength(500)
            .hint(tr.t("fw-linked-other-hint")),
    );
    f
}

fn action_fields(form: &FormData, e: &Errors, lk: &Lookups, open: &[actions::Action], tr: &Tr) -> Vec<Field> {
    let mut existing = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    existing.extend(open.iter().map(|x| Choice { value: x.id.to_string(), label: x.title.clone(), depth: 0 }));
    vec![
        Field::new("new_action", tr.t("fw-new-action"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("fw-new-action-hint")),
        Field::new("action_owner", tr.t("field-responsible"), FieldKind::Select, form, e, tr)
            .choices(lk.people_choices(tr.t("choice-none"))),
        Field::new("action_due", tr.t("field-due-date"), FieldKind::Text, form, e, tr)
            .maxlength(10)
            .hint(tr.t("hint-date")),
        Field::new("link_action", tr.t("fw-link-action"), FieldKind::Select, form, e, tr).choices(existing),
    ]
}

pub(super) async fn answer_page(
    state: &AppState,
    user: &CurrentUser,
    a: store::Assessment,
    fw: &Framework,
    node_id: &str,
    form: Option<FormData>,
    e: &Errors,
) -> Result<AnswerPage, AppError> {
    let node = fw.node(node_id).filter(|n| n.assessable).ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    let en = english(&ctx.tr);
    ctx.title = answer_heading(node, &ctx.tr);
    let catalogue = state.catalogue_for(user.org_id).await?;
    let suggested = suggestions(state, &catalogue, node, en);
    let answers = store::answers(&state.db.pool, a.id).await?;
    let current = answers.iter().find(|x| x.node_id == node.id);
    let form = form.unwrap_or_else(|| {
        let mut f = FormData::default();
        if let Some(c) = current {
            f.set("status", c.status.clone().unwrap_or_default());
            f.set("maturity", c.maturity.map(|m| m.to_string()).unwrap_or_default());
            f.set("comment", c.comment.clone().unwrap_or_default());
            f.set("evidence", c.evidence.clone().unwrap_or_default());
            let reqs = c.requirements();
            let (shown, other): (Vec<String>, Vec<String>) =
                reqs.into_iter().partition(|r| suggested.iter().any(|s| &s.id == r));
            for r in shown {
                f.push("req", r);
            }
            f.set("req_other", other.join(", "));
        }
        f
    });
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let all_actions = actions::list(&state.db.pool, user.org_id).await?;
    let links = store::linked_actions(&state.db.pool, a.id).await?;
    let linked: Vec<(i64, String, String)> = links
        .iter()
        .filter(|(n, _)| *n == node.id)
        .filter_map(|(_, aid)| all_actions.iter().find(|x| x.id == *aid))
        .map(|x| (x.id, x.title.clone(), ctx.tr.t(x.status.label_id())))
        .collect();
    let open: Vec<actions::Action> =
        all_actions.into_iter().filter(|x| x.status.is_open() && !linked.iter().any(|l| l.0 == x.id)).collect();
    let fields = answer_fields(&form, e, &ctx.tr, &suggested);
    let action_fields = action_fields(&form, e, &lk, &open, &ctx.tr);
    let mut all_fields = fields.clone();
    all_fields.extend(action_fields.iter().cloned());
    let error_summary = summary(&all_fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    // The next assessable requirement after this one, for "save and go on".
    let pos = fw.nodes.iter().position(|n| n.id == node.id).unwrap_or(0);
    let next = fw.nodes.iter().skip(pos + 1).find(|n| n.assessable).map(|n| n.id.clone());
    let updated = current.map(|c| {
        ctx.tr.args(
            "fw-updated",
            &[("who", &c.updated_by), ("when", &crate::platform::clock::shown_minute(&c.updated_at))],
        )
    });
    let files = crate::store::evidence::for_assessment(&state.db.pool, user.org_id, a.id)
        .await?
        .into_iter()
        .filter(|f| f.node_id == node.id)
        .map(|f| (f.id, f.file_name, format!("{} kB", (f.size + 1023) / 1024), f.uploaded_by))
        .collect();
    Ok(AnswerPage {
        files,
        upload_action: format!("/assessments/{}/requirements/{}/evidence", a.id, node.id),
        upload_error: None,
        accept: beredd_domain::upload::extensions().map(|e| format!(".{e}")).collect::<Vec<_>>().join(","),
        action: format!("/assessments/{}/requirements/{}", a.id, node.id),
        node: node_view(node, en),
        fields,
        action_fields,
        error_summary,
        linked,
        may_edit: user.role.edits_all_content(),
        next,
        updated,
        a,
        ctx,
    })
}

pub async fn answer_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, node)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<AnswerPage, AppError> {
    let (a, fw) = load(&state, &user, &id).await?;
    let mut p = answer_page(&state, &user, a, &fw, &node, None, &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn save_answer(
    State(state): State<AppState>,
    Path((id, node_id)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let (a, fw) = load(&state, &user, &id).await?;
    let node = fw.node(&node_id).filter(|n| n.assessable).ok_or(AppError::NotFound)?.clone();
    let catalogue = state.catalogue_for(user.org_id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let status = match form.text("status") {
        "" => None,
        s => match Status::parse(s) {
            Some(s) => Some(s),
            None => {
                e.add("status", FieldError::Choice);
                None
            }
        },
    };
    let maturity = match form.text("maturity").trim() {
        "" => None,
        m => match m.parse::<u8>() {
            Ok(n) if n <= framework::MATURITY_MAX => Some(i64::from(n)),
            _ => {
                e.add("maturity", FieldError::Number { min: 0, max: i64::from(framework::MATURITY_MAX) });
                None
            }
        },
    };
    let comment = e.take("comment", text::optional_text(form.text("comment"), 4000));
    let evidence = e.take("evidence", text::optional_text(form.text("evidence"), 4000));
    // Linked catalogue requirements: the ticked suggestions and any others typed by id.
    let mut reqs: Vec<String> = form.all("req").into_iter().map(str::to_owned).collect();
    for r in form.text("req_other").split([',', ' ', ';']).map(str::trim).filter(|s| !s.is_empty()) {
        let r = r.to_uppercase();
        if !catalogue.requirements.iter().any(|c| c.id == r) {
            e.add("req_other", FieldError::NotInCatalogue);
        } else if !reqs.contains(&r) {
            reqs.push(r);
        }
    }
    if reqs.iter().any(|r| !catalogue.requirements.iter().any(|c| &c.id == r)) {
        e.add("req", FieldError::Choice);
    }
    let new_action = e.take("new_action", text::optional_line(form.text("new_action"), 200));
    let owner = e.take("action_owner", optional_id(form.text("action_owner"), |p| lk.person(p).is_some()));
    let due = e.take("action_due", optional_date(form.text("action_due")));
    let all_actions = actions::list(&state.db.pool, user.org_id).await?;
    let link = e.take("link_action", optional_id(form.text("link_action"), |x| all_actions.iter().any(|a| a.id == x)));
    if !e.is_empty() {
        let page = answer_page(&state, &user, a, &fw, &node_id, Some(form), &e).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let before = store::answers(&state.db.pool, a.id).await?.into_iter().find(|x| x.node_id == node.id);
    let answer = store::Answer {
        node_id: node.id.clone(),
        status: status.map(|s| s.code().to_owned()),
        maturity,
        comment,
        evidence,
        requirement_ids: Some(reqs.join(",")).filter(|s| !s.is_empty()),
        updated_by: user.display_name.clone(),
        updated_at: String::new(),
    };
    let mut tx = state.db.begin_write().await?;
    store::save_answer(&mut tx, a.id, &answer).await?;
    let summary_text = format!("{} · {}", a.title, node.reference);
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "framework-answer",
            entity_id: Some(a.id),
            summary: &summary_text,
            before: before.as_ref(),
            after: Some(&answer),
        },
    )
    .await?;
    if let Some(title) = new_action {
        let en = english(&tr);
        let input = actions::ActionInput {
            title,
            origin: "framework".into(),
            origin_ref: Some(format!("assessment:{}:{}", a.id, node.id)),
            owner_id: owner,
            unit_id: None,
            priority: if status == Some(Status::No) { Priority::High } else { Priority::Medium },
            due_date: due,
            status: ActionStatus::Planned,
            notes: Some(format!("{} {} – {}", fw.title(en), node.reference, node.title(en))),
        };
        let aid = actions::insert(&mut *tx, user.org_id, &input).await?;
        store::link_action(&mut tx, a.id, &node.id, aid).await?;
        audit::record(
            &mut *tx,
            &user.actor(),
            audit::Change {
                action: "create",
                entity: "action",
                entity_id: Some(aid),
                summary: &input.title,
                before: None::<&serde_json::Value>,
                after: Some(&serde_json::json!({ "origin": "framework", "assessment": a.id, "requirement": node.id })),
            },
        )
        .await?;
    }
    if let Some(aid) = link {
        store::link_action(&mut tx, a.id, &node.id, aid).await?;
    }
    tx.commit().await?;
    let next = fw.nodes.iter().skip_while(|n| n.id != node.id).skip(1).find(|n| n.assessable);
    let to = match (form.text("go"), next) {
        ("next", Some(n)) => format!("/assessments/{}/requirements/{}?msg=saved", a.id, n.id),
        _ => format!("/assessments/{}/requirements/{}?msg=saved", a.id, node.id),
    };
    Ok(Redirect::to(&to).into_response())
}

pub async fn unlink(
    State(state): State<AppState>,
    Path((id, node_id, action)): Path<(String, String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let (a, fw) = load(&state, &user, &id).await?;
    let node = fw.node(&node_id).ok_or(AppError::NotFound)?;
    let action = parse_id(&action)?;
    let mut tx = state.db.begin_write().await?;
    store::unlink_action(&mut *tx, a.id, &node.id, action).await?;
    let what = serde_json::json!({ "assessment": a.id, "requirement": node.id, "action": action });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "unlink",
            entity: "framework-answer",
            entity_id: Some(a.id),
            summary: &node.reference,
            before: Some(&what),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=saved", a.id, node.id)).into_response())
}
