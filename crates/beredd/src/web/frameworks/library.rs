//! The framework library: the list of shipped and imported frameworks, importing a file (Beredd's
//! TOML or a CISO Assistant YAML library), one framework's requirements, its file, deleting it.

use super::*;

pub struct FrameworkRow {
    pub key: String,
    pub version: String,
    pub title: String,
    pub source: String,
    pub text_kind: String,
    pub count: usize,
    pub origin: String,
}

pub struct AssessmentRow {
    pub id: i64,
    pub title: String,
    pub framework: String,
    pub started_on: String,
    pub progress: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub frameworks: Vec<FrameworkRow>,
    pub assessments: Vec<AssessmentRow>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub import_error: Option<String>,
    pub may_edit: bool,
    pub upload_action: &'static str,
    pub upload_heading: String,
    pub upload_label: String,
    pub upload_hint: String,
}

fn assessment_fields(form: &FormData, e: &Errors, all: &[Known], tr: &Tr) -> Vec<Field> {
    let choices = all
        .iter()
        .map(|k| Choice { value: format!("{}@{}", k.fw.id, k.fw.version), label: titled_version(&k.fw, tr), depth: 0 })
        .collect();
    vec![
        Field::new("framework", tr.t("fw-framework"), FieldKind::Select, form, e, tr).required().choices(choices),
        Field::new("title", tr.t("fw-assessment-title"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("scope", tr.t("fw-assessment-scope"), FieldKind::Text, form, e, tr)
            .maxlength(300)
            .hint(tr.t("fw-assessment-scope-hint")),
        Field::new("started_on", tr.t("fw-assessment-date"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(10)
            .hint(tr.t("hint-date")),
    ]
}

pub(super) async fn list_page(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    e: &Errors,
    import_error: Option<String>,
) -> Result<ListPage, AppError> {
    let all = known(state, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/frameworks", String::new());
    ctx.title = ctx.tr.t("fw-title");
    let tr = &ctx.tr;
    let en = english(tr);
    let frameworks = all
        .iter()
        .map(|k| FrameworkRow {
            key: k.fw.id.clone(),
            version: k.fw.version.clone(),
            title: k.fw.title(en).to_owned(),
            source: k.fw.source.clone(),
            text_kind: text_kind(&k.fw, tr),
            count: k.fw.assessable().count(),
            origin: match &k.imported {
                None => tr.t("fw-origin-library"),
                Some(i) => tr.args(
                    "fw-origin-imported",
                    &[("who", &i.imported_by), ("when", &crate::platform::clock::shown_day(&i.imported_at))],
                ),
            },
        })
        .collect();
    let mut assessments = Vec::new();
    for a in store::assessments(&state.db.pool, user.org_id).await? {
        let fw = all.iter().find(|k| k.fw.id == a.framework_key && k.fw.version == a.version);
        let progress = match fw {
            Some(k) => {
                let (_, map) = answer_map(state, a.id).await?;
                progress_text(&framework::tally(&k.fw, &map).1, tr)
            }
            None => tr.t("fw-missing-framework"),
        };
        assessments.push(AssessmentRow {
            id: a.id,
            title: a.title,
            framework: fw.map(|k| titled_version(&k.fw, tr)).unwrap_or(a.framework_key),
            started_on: a.started_on,
            progress,
        });
    }
    let fields = assessment_fields(form, e, &all, tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() || import_error.is_some() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let (upload_heading, upload_label, upload_hint) =
        (ctx.tr.t("fw-import"), ctx.tr.t("fw-import-file"), ctx.tr.t("fw-import-hint"));
    Ok(ListPage {
        may_edit: user.role.edits_all_content(),
        frameworks,
        assessments,
        fields,
        error_summary,
        import_error,
        upload_action: "/frameworks/import",
        upload_heading,
        upload_label,
        upload_hint,
        ctx,
    })
}

pub async fn list(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<ListPage, AppError> {
    let mut form = FormData::default();
    form.set("started_on", crate::platform::clock::today_text());
    if let Some(f) = q.get("framework") {
        form.set("framework", f.clone());
    }
    let mut p = list_page(&state, &user, &form, &Errors::default(), None).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

/// Imports a framework file. Nothing is stored unless the whole file reads.
pub async fn import(
    user: CurrentUser,
    State(state): State<AppState>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let read = crate::web::classification::evidence::read(&mut multipart, &user.csrf).await?;
    let refuse = |message: String| async {
        let page = list_page(&state, &user, &FormData::default(), &Errors::default(), Some(message)).await?;
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let (name, bytes) = match read {
        Ok(x) => x,
        Err(e) => return refuse(crate::web::forms::error_text(&e, &tr)).await,
    };
    let Some(format) = Format::of_file(&name) else { return refuse(tr.t("fw-err-file-type")).await };
    let Ok(src) = String::from_utf8(bytes) else { return refuse(tr.t("fw-err-utf8")).await };
    // Reading a large file takes CPU time: off the async workers.
    let (src, parsed) = tokio::task::spawn_blocking(move || {
        let parsed = crate::content::frameworks::parse(format, &src);
        (src, parsed)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let fw = match parsed {
        Ok(fw) => fw,
        Err(e) => return refuse(problem_text(&e, &tr)).await,
    };
    if known(&state, user.org_id).await?.iter().any(|k| k.fw.id == fw.id && k.fw.version == fw.version) {
        return refuse(tr.args("fw-err-exists", &[("id", &fw.id), ("version", &fw.version)])).await;
    }
    let row = store::Imported {
        id: 0,
        framework_key: fw.id.clone(),
        version: fw.version.clone(),
        title: fw.title_sv.clone(),
        format: format.code().to_owned(),
        content: src,
        imported_by: user.display_name.clone(),
        imported_at: String::new(),
    };
    let mut tx = state.db.begin_write().await?;
    let id = store::add_imported(&mut *tx, user.org_id, &row).await?;
    let record = serde_json::json!({ "framework": fw.id, "version": fw.version, "title": fw.title_sv, "format": format.code(), "requirements": fw.nodes.len() });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "import",
            entity: "framework",
            entity_id: Some(id),
            summary: &fw.title_sv,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/frameworks/{}/{}?msg=imported", fw.id, fw.version)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "frameworks/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub key: String,
    pub version: String,
    pub description: Option<String>,
    pub source: String,
    pub text_kind: String,
    pub url: Option<String>,
    pub origin: String,
    pub nodes: Vec<NodeView>,
    pub may_delete: bool,
    pub may_edit: bool,
    pub in_use: usize,
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((key, version)): Path<(String, String)>,
    Query(q): Query<Query_>,
) -> Result<ShowPage, AppError> {
    let k = find(&state, user.org_id, &key, &version).await?;
    let mut ctx = Ctx::new(&state, &user, "/frameworks", String::new());
    let en = english(&ctx.tr);
    ctx.title = titled_version(&k.fw, &ctx.tr);
    ctx.set_flash(q.get("msg").map(String::as_str));
    match q.get("msg").map(String::as_str) {
        Some("imported") => ctx.flash = Some(ctx.tr.tn("fw-flash-imported", k.fw.assessable().count() as i64)),
        Some("in-use") => ctx.flash = Some(ctx.tr.t("fw-delete-in-use")),
        _ => {}
    }
    let in_use = store::assessments(&state.db.pool, user.org_id)
        .await?
        .iter()
        .filter(|a| a.framework_key == key && a.version == version)
        .count();
    let origin = match &k.imported {
        None => ctx.tr.t("fw-origin-library"),
        Some(i) => ctx.tr.args(
            "fw-origin-imported",
            &[("who", &i.imported_by), ("when", &crate::platform::clock::shown_day(&i.imported_at))],
        ),
    };
    Ok(ShowPage {
        key,
        version,
        description: k.fw.description(en).map(str::to_owned),
        source: k.fw.source.clone(),
        text_kind: text_kind(&k.fw, &ctx.tr),
        url: k.fw.url.clone(),
        origin,
        nodes: k.fw.nodes.iter().map(|n| node_view(n, en)).collect(),
        may_delete: k.imported.is_some() && user.role.edits_all_content(),
        may_edit: user.role.edits_all_content(),
        in_use,
        ctx,
    })
}

/// The framework's file: a shipped one as it is in `library/frameworks`, an imported one as it
/// was imported. A user can change a copy (with a new version) and import it.
pub async fn file(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((key, version)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let k = find(&state, user.org_id, &key, &version).await?;
    let (content, ext, ctype) = match &k.imported {
        Some(i) if i.format == Format::CisoAssistant.code() => {
            (i.content.clone(), "yaml", "application/yaml; charset=utf-8")
        }
        Some(i) => (i.content.clone(), "toml", "application/toml; charset=utf-8"),
        None => (
            crate::content::frameworks::library_file(&key).ok_or(AppError::NotFound)?,
            "toml",
            "application/toml; charset=utf-8",
        ),
    };
    let name = format!("{}-{}.{ext}", text::file_stem(&key), text::file_stem(&version));
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, ctype.to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        content,
    )
        .into_response())
}

/// Removes an imported framework that no assessment uses.
pub async fn delete(
    State(state): State<AppState>,
    Path((key, version)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let k = find(&state, user.org_id, &key, &version).await?;
    let Some(imported) = k.imported else { return Err(AppError::Forbidden) };
    if store::assessments(&state.db.pool, user.org_id)
        .await?
        .iter()
        .any(|a| a.framework_key == key && a.version == version)
    {
        return Ok(Redirect::to(&format!("/frameworks/{key}/{version}?msg=in-use")).into_response());
    }
    let mut tx = state.db.begin_write().await?;
    store::delete_imported(&mut *tx, user.org_id, &key, &version).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "framework",
            entity_id: Some(imported.id),
            summary: &imported.title,
            before: Some(&imported),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/frameworks?msg=deleted").into_response())
}
