//! The incident's log: entries in a hash chain that shows any change, with the offline kit's
//! log read in.

use super::*;
use crate::services::crisis::log as entries;
use crate::services::crisis::signatures;

pub struct EntryView {
    pub seq: i64,
    pub kind: String,
    pub kind_code: String,
    pub text: String,
    pub author: String,
    pub occurred: String,
    pub recorded: String,
    pub decided_by: String,
    pub grounds: String,
    pub corrects: Option<i64>,
    pub corrected_by: Vec<i64>,
    pub source: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/log.html")]
pub struct LogPage {
    pub ctx: Ctx,
    pub h: Head,
    pub verdict: String,
    /// The chain holds and so does every signature.
    pub intact: bool,
    /// What the check of the signatures found, a sentence each (security review F4).
    pub signatures: Vec<String>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub entries: Vec<EntryView>,
    /// Why an uploaded kit log was refused.
    pub import_error: Option<String>,
    /// The last entry's number and short hash, as printed on paper ("post 12: 3fa2c9d1e0b4a7f2").
    pub head: String,
    /// What a check against a head written on paper found, and its style.
    pub paper: Option<(String, &'static str)>,
    pub check_seq: String,
    pub check_hash: String,
    /// The entry was written on the board: once saved, the writer goes back there.
    pub from_board: bool,
}

/// The fields of a log entry everyone writes: its kind (among `kinds`), its text, and who
/// decided on what grounds. The board's form has these; the log page adds the time and what an
/// entry corrects.
pub fn entry_fields(form: &FormData, e: &Errors, tr: &Tr, kinds: &[LogKind]) -> Vec<Field> {
    vec![
        Field::new("kind", tr.t("incident-field-kind"), FieldKind::Select, form, e, tr)
            .required()
            .choices(vocabulary_choices(kinds, LogKind::code, LogKind::label_id, tr)),
        Field::new("text", tr.t("incident-field-text"), FieldKind::TextArea, form, e, tr).required().maxlength(4000),
        Field::new("decided_by", tr.t("incident-field-decided-by"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("incident-hint-decided-by")),
        Field::new("grounds", tr.t("incident-field-grounds"), FieldKind::TextArea, form, e, tr)
            .maxlength(2000)
            .hint(tr.t("incident-hint-grounds")),
    ]
}

fn log_fields(form: &FormData, e: &Errors, tr: &Tr, seqs: &[i64]) -> Vec<Field> {
    let kinds = [LogKind::Event, LogKind::Decision, LogKind::Information, LogKind::Task, LogKind::Correction];
    let mut corrects = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    corrects.extend(seqs.iter().rev().map(|s| Choice {
        value: s.to_string(),
        label: tr.tn("incident-entry-n", *s),
        depth: 0,
    }));
    let mut fields = entry_fields(form, e, tr, &kinds);
    fields.push(
        Field::new("occurred_at", tr.t("incident-field-occurred"), FieldKind::Text, form, e, tr)
            .maxlength(32)
            .hint(tr.t("incident-hint-occurred")),
    );
    fields.push(
        Field::new("corrects", tr.t("incident-field-corrects"), FieldKind::Select, form, e, tr)
            .choices(corrects)
            .hint(tr.t("incident-hint-corrects")),
    );
    fields
}

/// The entries, newest first, each with the entries that correct it.
fn entry_views(tr: &Tr, rows: &[incidents::LogRow]) -> Vec<EntryView> {
    let mut corrected: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in rows {
        if let Some(c) = r.entry.corrects {
            corrected.entry(c).or_default().push(r.entry.seq);
        }
    }
    rows.iter()
        .rev()
        .map(|r| EntryView {
            seq: r.entry.seq,
            kind: LogKind::parse(&r.entry.kind).map(|k| tr.t(k.label_id())).unwrap_or_else(|_| r.entry.kind.clone()),
            kind_code: r.entry.kind.clone(),
            text: r.entry.text.clone(),
            author: r.entry.author.clone(),
            occurred: occurred(tr, &r.entry),
            recorded: if r.entry.recorded_by != r.entry.author || r.entry.source != "web" {
                tr.ts(
                    "incident-recorded-by",
                    "who",
                    &format!("{}, {}", r.entry.recorded_by, short(&r.entry.recorded_at)),
                )
            } else {
                String::new()
            },
            decided_by: r.entry.decided_by.clone().unwrap_or_default(),
            grounds: r.entry.grounds.clone().unwrap_or_default(),
            corrects: r.entry.corrects,
            corrected_by: corrected.get(&r.entry.seq).cloned().unwrap_or_default(),
            source: source_text(&r.entry.source, tr),
        })
        .collect()
}

async fn log_page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<LogPage, AppError> {
    let (h, _) = head(state, user, id, "log").await?;
    let mut conn = state.db.pool.acquire().await?;
    let verdict = incidents::verify(&mut conn, user.org_id, h.i.id).await?.ok_or(AppError::NotFound)?;
    let rows = incidents::log(&mut *conn, user.org_id, h.i.key()).await?;
    let signed = signatures::check_incident(&mut conn, &state.db.keys, user.org_id, &h.i, &rows, None).await?;
    drop(conn);
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("incident-log-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let head_text = crate::services::crisis::head_text(tr, &rows);
    let seqs: Vec<i64> = rows.iter().map(|r| r.entry.seq).collect();
    let fields = log_fields(form, e, tr, &seqs);
    let error_summary = summary(&fields);
    let entries = entry_views(tr, &rows);
    ctx.mark_errors(&error_summary);
    Ok(LogPage {
        verdict: crate::services::crisis::verdict_text(&ctx.tr, &verdict),
        intact: matches!(verdict, Verdict::Intact { .. }) && signed.holds(),
        signatures: signatures::lines(&ctx.tr, &signed),
        fields,
        error_summary,
        entries,
        h,
        ctx,
        import_error: None,
        head: head_text,
        paper: None,
        check_seq: String::new(),
        check_hash: String::new(),
        from_board: form.text("from") == "board",
    })
}

/// Compares the log with the number and hash of an entry printed on paper (`?check_seq=&check_hash=`).
async fn check_paper(state: &AppState, user: &CurrentUser, page: &mut LogPage, q: &Query_) -> Result<(), AppError> {
    let (Some(seq), Some(hash)) = (q.get("check_seq"), q.get("check_hash")) else { return Ok(()) };
    page.check_seq = seq.chars().take(20).collect();
    page.check_hash = hash.chars().take(80).collect();
    let tr = &page.ctx.tr;
    let rows = incidents::log(&state.db.pool, user.org_id, page.h.i.key()).await?;
    let entries: Vec<(beredd_domain::incident::Entry, String)> = rows.into_iter().map(|r| (r.entry, r.hash)).collect();
    use beredd_domain::incident::{PaperCheck, check_paper};
    page.paper = Some(match seq.trim().parse::<i64>().ok().and_then(|n| check_paper(&entries, n, hash)) {
        Some(PaperCheck::Same) => (tr.ts("paper-same", "seq", seq.trim()), "flash"),
        Some(PaperCheck::Differs) => (tr.ts("paper-differs", "seq", seq.trim()), "error-summary"),
        Some(PaperCheck::Missing) => (tr.ts("paper-missing", "seq", seq.trim()), "error-summary"),
        None => (tr.t("paper-unreadable"), "error-summary"),
    });
    Ok(())
}

pub async fn log(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<LogPage, AppError> {
    let mut form = FormData::default();
    form.set("kind", "event");
    form.set("occurred_at", clock::now_minute());
    let mut page = log_page(&state, &user, &id, &form, &Errors::default()).await?;
    check_paper(&state, &user, &mut page, &q).await?;
    page.ctx.set_flash(q.get("msg").map(String::as_str));
    if q.get("msg").map(String::as_str) == Some("imported") {
        page.ctx.flash = Some(page.ctx.tr.t("flash-imported"));
    }
    Ok(page)
}

/// Reads a crisis log exported from an offline kit (an upload) into the incident.
pub async fn import(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let (h, _) = head(&state, &user, &id, "log").await?;
    writer(&user, &h)?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let parsed = match crate::web::classification::evidence::read(&mut multipart, &user.csrf).await? {
        Err(e) => Err(crate::web::forms::error_text(&e, &tr)),
        Ok((_, bytes)) => crate::services::crisis::kit_import::parse(&bytes).map_err(|e| e.to_string()),
    };
    let log = match parsed {
        Ok(log) => log,
        Err(message) => {
            let mut form = FormData::default();
            form.set("kind", "event");
            form.set("occurred_at", clock::now_minute());
            let mut page = log_page(&state, &user, &id, &form, &Errors::default()).await?;
            page.import_error = Some(message);
            page.ctx.title_prefix = Some(page.ctx.tr.t("error-prefix"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let report =
        crate::services::crisis::imports::kit_log(&state.db, &user.actor(), &tr, &h.i, &log, &user.display_name)
            .await?;
    state.live.publish(h.i.id, "log", json!({ "imported": report.imported }).to_string());
    Ok(Redirect::to(&format!("/incidents/{}/log?msg=imported", h.i.id)).into_response())
}

pub async fn add_entry(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let (h, _) = head(&state, &user, &id, "log").await?;
    writer(&user, &h)?;
    let posted = entries::EntryForm {
        kind: form.text("kind"),
        text: form.text("text"),
        decided_by: form.text("decided_by"),
        grounds: form.text("grounds"),
        occurred_at: form.text("occurred_at"),
        corrects: form.text("corrects"),
    };
    let entry = match entries::check(&posted, h.i.log_count) {
        Ok(en) => en,
        Err(found) => {
            let page = log_page(&state, &user, &id, &form, &Errors::from(found)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let seq = entries::add(&state.db, user.org_id, h.i.key(), entry, &user.display_name).await?;
    state.live.publish(h.i.id, "log", json!({ "seq": seq }).to_string());
    if form.text("from") == "board" {
        return Ok(Redirect::to(&format!("/incidents/{}?msg=logged#log-quick", h.i.id)).into_response());
    }
    Ok(Redirect::to(&format!("/incidents/{}/log?msg=saved", h.i.id)).into_response())
}

/// Where an entry came from, in words: nothing for the web form, "from a digital crisis kit" or
/// "from an incident bundle" for an import (the kit's or the instance's id stays in the stored log).
fn source_text(source: &str, tr: &Tr) -> String {
    match source.split_once(':').map(|(kind, _)| kind).unwrap_or(source) {
        "web" => String::new(),
        "kit" => tr.t("incident-source-kit"),
        "bundle" => tr.t("incident-source-bundle"),
        _ => source.to_owned(),
    }
}
