//! The generic handlers every register shares: the list (searched, filtered, sorted; a fragment
//! for live search), the Excel export, the detail page, new, edit and delete with its referrers.

use super::*;
use crate::services::registers;
use std::borrow::Cow;

/// An htmx request for a fragment. A history restore (going back past htmx's cache) and a
/// boosted link want the whole page.
fn is_htmx(headers: &HeaderMap) -> bool {
    headers.contains_key("hx-request")
        && !headers.contains_key("hx-boosted")
        && !headers.contains_key("hx-history-restore-request")
}

fn title<R: Register>(tr: &Tr, suffix: &str) -> String {
    tr.t(&format!("{}-{suffix}", R::SLUG))
}

fn section<R: Register>() -> String {
    format!("/{}", R::SLUG)
}

/// The owner filter's value "me" (the action plan's "mine") stands for the person the user said they are
/// on the account page, or else a person with the user's name; with neither it matches nothing.
async fn resolve_me(state: &AppState, user: &CurrentUser, lk: &Lookups, mut q: Query_) -> Result<Query_, AppError> {
    if q.get("owner").map(String::as_str) != Some("me") {
        return Ok(q);
    }
    let me = match crate::store::users::person_of(&state.db.pool, user.id).await? {
        Some(p) => Some(p),
        None => lk.people.iter().find(|p| p.name == user.display_name).map(|p| p.id),
    };
    let value = me.map(|p| p.to_string()).unwrap_or_else(|| "0".to_owned());
    q.insert("owner".to_owned(), value);
    Ok(q)
}

pub async fn list<R: Register>(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let shown = q.clone();
    let q = resolve_me(&state, &user, &lk, q).await?;
    let ctx = Ctx::new(&state, &user, &section::<R>(), title::<R>(&Tr::new(state.catalog.clone(), user.lang), "title"));
    let all = R::load_all(&state.db, user.org_id).await?;
    let records: Vec<Cow<'_, R::Record>> = all.iter().filter_map(|r| R::shown(&user, r, &lk, &ctx.tr)).collect();
    let table = listing::page::<R>(&state.db, &user, &records, &lk, &ctx.tr, &q).await?;
    if is_htmx(&headers) {
        return Ok(TableFragment { table }.into_response());
    }
    let page = ListPage {
        slug: R::SLUG,
        intro: title::<R>(&ctx.tr, "intro"),
        new_label: R::may_create(&user).then(|| title::<R>(&ctx.tr, "new")),
        import_label: (R::IMPORT && user.role.edits_all_content()).then(|| ctx.tr.t("import-link")),
        filters: R::filters(&records, &lk, &ctx.tr, &shown),
        q: q.get("q").cloned().unwrap_or_default(),
        table,
        ctx: ctx.with_flash(q.get("msg").map(String::as_str)),
    };
    Ok(page.into_response())
}

/// The list as an Excel workbook: the columns and rows the page shows, with its search, filters
/// and sort order.
pub async fn export<R: Register>(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let q = resolve_me(&state, &user, &lk, q).await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let all = R::load_all(&state.db, user.org_id).await?;
    let records: Vec<Cow<'_, R::Record>> =
        all.iter().filter(|r| R::exported(r)).filter_map(|r| R::shown(&user, r, &lk, &tr)).collect();
    let table = listing::whole::<R>(&records, &lk, &tr, &q);
    let header: Vec<String> = table.columns.iter().map(|c| c.label.clone()).collect();
    let rows: Vec<Vec<String>> = table.rows.iter().map(|r| r.cells.iter().map(|c| c.text()).collect()).collect();
    let widths: Vec<f64> = header.iter().enumerate().map(|(i, _)| if i == 0 { 40.0 } else { 24.0 }).collect();
    let bytes = crate::web::classification::reports::workbook(
        &table.caption.chars().take(31).collect::<String>(),
        &header,
        &widths,
        &rows,
    )?;
    let name = format!("{}-{}.xlsx", R::SLUG, &crate::platform::clock::today_text());
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response())
}

async fn load_or_404<R: Register>(state: &AppState, org: i64, id: i64) -> Result<R::Record, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    R::load(&mut conn, org, id).await?.ok_or(AppError::NotFound)
}

pub async fn show<R: Register>(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let stored = load_or_404::<R>(&state, user.org_id, id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let record = R::shown(&user, &stored, &lk, &tr).ok_or(AppError::NotFound)?;
    let ctx = Ctx::new(&state, &user, &section::<R>(), R::name(&record).to_owned()).with_flash_query(&q);
    let mut sections = R::sections(&record, &lk, &ctx.tr, &state.db, user.org_id).await?;
    sections.extend(R::own_sections(&user, &stored, &ctx.tr));
    Ok(DetailPage {
        slug: R::SLUG,
        list_title: title::<R>(&ctx.tr, "title"),
        id,
        items: R::details(&record, &lk, &ctx.tr),
        sections,
        may_write: R::may_write_record(&user, &record, &lk),
        ctx,
    }
    .into_response())
}

fn form_page<R: Register>(
    ctx: Ctx,
    action: String,
    cancel: String,
    form: &FormData,
    errors: &Errors,
    lk: &Lookups,
    user: &CurrentUser,
) -> FormPage {
    let fields = R::fields(form, errors, lk, &ctx.tr, user);
    FormPage::new(ctx, action, cancel, fields)
}

pub async fn new_form<R: Register>(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    user.require(R::may_create(&user))?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let ctx = Ctx::new(&state, &user, &section::<R>(), title::<R>(&Tr::new(state.catalog.clone(), user.lang), "new"));
    let page = form_page::<R>(
        ctx,
        format!("/{}/new", R::SLUG),
        format!("/{}", R::SLUG),
        &R::defaults(&q),
        &Errors::default(),
        &lk,
        &user,
    );
    Ok(page.into_response())
}

/// Re-shows the form with the user's input and the errors, status 422.
fn invalid<R: Register>(
    state: &AppState,
    user: &CurrentUser,
    title_suffix: &str,
    (action, cancel): (String, String),
    form: &FormData,
    errors: &Errors,
    lk: &Lookups,
) -> Response {
    let ctx =
        Ctx::new(state, user, &section::<R>(), title::<R>(&Tr::new(state.catalog.clone(), user.lang), title_suffix));
    let page = form_page::<R>(ctx, action, cancel, form, errors, lk, user);
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

fn duplicate<R: Register>() -> Errors {
    let (field, error) = R::duplicate();
    let mut e = Errors::default();
    e.add(field, error);
    e
}

pub async fn create<R: Register>(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(R::may_create(&user))?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let (action, cancel) = (format!("/{}/new", R::SLUG), format!("/{}", R::SLUG));
    let input = match R::parse(&form, &lk, None) {
        Ok(i) => i,
        Err(errors) => return Ok(invalid::<R>(&state, &user, "new", (action, cancel), &form, &errors, &lk)),
    };
    user.require(R::may_write_input(&user, &input, None, &lk))?;
    let Ok(id) = registers::create::<R>(&state.db, &user.actor(), &input).await? else {
        return Ok(invalid::<R>(&state, &user, "new", (action, cancel), &form, &duplicate::<R>(), &lk));
    };
    Ok(Redirect::to(&format!("/{}/{id}?msg=created", R::SLUG)).into_response())
}

pub async fn edit_form<R: Register>(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let record = load_or_404::<R>(&state, user.org_id, id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    user.require(R::may_write_record(&user, &record, &lk))?;
    let ctx = Ctx::new(
        &state,
        &user,
        &section::<R>(),
        format!("{}: {}", title::<R>(&Tr::new(state.catalog.clone(), user.lang), "edit"), R::name(&record)),
    );
    let page = form_page::<R>(
        ctx,
        format!("/{}/{id}/edit", R::SLUG),
        format!("/{}/{id}", R::SLUG),
        &R::values(&record),
        &Errors::default(),
        &lk,
        &user,
    );
    Ok(page.into_response())
}

pub async fn update<R: Register>(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let id = parse_id(&id)?;
    let before = load_or_404::<R>(&state, user.org_id, id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    user.require(R::may_write_record(&user, &before, &lk))?;
    let (action, cancel) = (format!("/{}/{id}/edit", R::SLUG), format!("/{}/{id}", R::SLUG));
    let input = match R::parse(&form, &lk, Some(id)) {
        Ok(i) => i,
        Err(errors) => return Ok(invalid::<R>(&state, &user, "edit", (action, cancel), &form, &errors, &lk)),
    };
    // Moving a record out of one's own scope (or into someone else's) is refused as well.
    user.require(R::may_write_input(&user, &input, Some(&before), &lk))?;
    if registers::update::<R>(&state.db, &user.actor(), id, &before, &input).await?.is_err() {
        return Ok(invalid::<R>(&state, &user, "edit", (action, cancel), &form, &duplicate::<R>(), &lk));
    }
    Ok(Redirect::to(&format!("/{}/{id}?msg=saved", R::SLUG)).into_response())
}

async fn referrer_views<R: Register>(
    state: &AppState,
    org: i64,
    id: i64,
    tr: &Tr,
) -> Result<Vec<(String, String, String)>, AppError> {
    Ok(R::referrers(&state.db, org, id).await?.into_iter().map(|r| (tr.t(r.kind), r.name, r.href)).collect())
}

pub async fn delete_confirm<R: Register>(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let record = load_or_404::<R>(&state, user.org_id, id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    user.require(R::may_write_record(&user, &record, &lk))?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let referrers = referrer_views::<R>(&state, user.org_id, id, &tr).await?;
    let ctx = Ctx::new(&state, &user, &section::<R>(), tr.ts("delete-title", "name", R::name(&record)));
    Ok(DeletePage { ctx, slug: R::SLUG, id, name: R::name(&record).to_owned(), referrers }.into_response())
}

pub async fn delete<R: Register>(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, tr, .. } = posted;
    let id = parse_id(&id)?;
    let record = load_or_404::<R>(&state, user.org_id, id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    user.require(R::may_write_record(&user, &record, &lk))?;
    let referrers = referrer_views::<R>(&state, user.org_id, id, &tr).await?;
    if !referrers.is_empty() {
        let ctx = Ctx::new(&state, &user, &section::<R>(), tr.ts("delete-title", "name", R::name(&record)));
        let page = DeletePage { ctx, slug: R::SLUG, id, name: R::name(&record).to_owned(), referrers };
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    registers::delete::<R>(&state.db, &user.actor(), id, &record).await?;
    Ok(Redirect::to(&format!("/{}?msg=deleted", R::SLUG)).into_response())
}
