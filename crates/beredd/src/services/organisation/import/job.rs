//! Storing a large register file in the background: a file of more than [`BACKGROUND_ROWS`] rows
//! is stored by a job that tells its page each row compared and each record stored, and ends with
//! a link to the register. It stores as [`super::apply`] does: in one transaction, and nothing at
//! all when a row is in error (the job then fails, saying how many errors and the first). Smaller
//! files are stored at once, as before.

use std::collections::HashMap;

use beredd_domain::job::JobKind;

use super::{Kind, apply_with, read, refusal, row_error_text};
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::services::jobs;
use crate::store::audit::Actor;
use crate::store::imports::{self, Upload};

/// A file of more rows than this is stored in the background.
pub const BACKGROUND_ROWS: usize = 500;

/// The most errors the failed job's message quotes.
const QUOTED_ERRORS: usize = 3;

/// Whether storing `file` is done in the background: it is read and has more than
/// [`BACKGROUND_ROWS`] rows.
pub fn in_background(file: (&str, &[u8])) -> bool {
    read::read(file.0, file.1).is_ok_and(|s| s.rows.len() > BACKGROUND_ROWS)
}

/// Starts storing the kept upload `token` (`up`) in `kind`'s register as a job of `actor` (who
/// must be a user), with the columns `chosen` on the preview; gives the job's id. The upload is
/// let go once stored, and kept when the job fails, so that its preview shows the errors.
pub async fn start_apply(
    db: &Db,
    actor: Actor,
    kind: Kind,
    (token, up): (String, Upload),
    chosen: HashMap<usize, String>,
    tr: Tr,
) -> Result<i64, DbError> {
    let user = actor.user_id.ok_or_else(|| DbError::Corrupt("a job needs a user".into()))?;
    let scope = format!("{} ({})", up.file_name, tr.t(&format!("{}-title", kind.slug())));
    let req = jobs::Request { org: actor.org_id, user, kind: JobKind::Import, scope };
    jobs::start(db, req, move |db, progress| async move {
        let file = (up.file_name.as_str(), up.content.as_slice());
        let failed = |e: DbError| {
            tracing::error!("the register file could not be stored: {e}");
            tr.t("job-failed-error")
        };
        match apply_with(&db, &actor, kind, file, &chosen, &*progress).await.map_err(failed)? {
            Err(refused) => Err(refusal(&refused, &tr)),
            Ok(p) if !p.stored => {
                let first: Vec<String> = p.errors.iter().take(QUOTED_ERRORS).map(|e| row_error_text(e, &tr)).collect();
                Err(tr
                    .args("import-job-refused", &[("count", &p.errors.len().to_string()), ("first", &first.join(" "))]))
            }
            Ok(_) => {
                imports::drop_upload(&db.pool, &token).await.map_err(failed)?;
                Ok(jobs::Made::Link(format!("/{}", kind.slug())))
            }
        }
    })
    .await
}
