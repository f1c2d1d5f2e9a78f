//! Thinning (gallring) of closed incidents: which are due, what each still holds about people,
//! and the statements that thin it. The log's entries keep their place and hash in the chain
//! (`beredd_domain::thinning`); nothing is deleted from the log.

use super::*;

/// A closed incident due for thinning, and what it still holds about people.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Due {
    pub id: i64,
    #[serde(skip)]
    org_id: i64,
    pub title: String,
    #[sqlx(try_from = "i64")]
    pub exercise: Flag,
    pub closed_at: crate::platform::clock::Stamp,
    /// Log entries not yet thinned.
    pub entries: i64,
    /// Roster rows with a phone number.
    pub phones: i64,
    /// People marked as reached (or not).
    pub reached: i64,
    /// Media requests with a contact.
    pub contacts: i64,
    /// Whether an exercise's participants are listed.
    #[sqlx(try_from = "i64")]
    pub participants: Flag,
}

crate::store::owned::keyed!(Due as Key);

impl Due {
    /// Whether anything is left to thin.
    pub fn holds_anything(&self) -> bool {
        self.entries + self.phones + self.reached + self.contacts > 0 || self.participants.get()
    }
}

/// The closed incidents (and exercises) of the organisation closed before `before` (a stored
/// time or date), oldest first, with what each still holds. An incident going on is never here.
pub async fn due<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, before: &str) -> Result<Vec<Due>, DbError> {
    let rows: Vec<Due> = sqlx::query_as(
        "SELECT i.id, i.org_id, i.title, i.exercise, i.closed_at,
           (SELECT COUNT(*) FROM incident_log l WHERE l.incident_id = i.id AND l.thinned_at IS NULL) AS entries,
           (SELECT COUNT(*) FROM incident_roster r WHERE r.incident_id = i.id AND r.phone IS NOT NULL) AS phones,
           (SELECT COUNT(*) FROM staff_reached s WHERE s.incident_id = i.id) AS reached,
           (SELECT COUNT(*) FROM media_requests m WHERE m.incident_id = i.id AND m.contact IS NOT NULL) AS contacts,
           CASE WHEN i.participants IS NULL THEN 0 ELSE 1 END AS participants
         FROM incidents i
         WHERE i.org_id = $1 AND i.status = 'closed' AND i.closed_at IS NOT NULL AND i.closed_at < $2
         ORDER BY i.closed_at, i.id",
    )
    .bind(org)
    .bind(before)
    .fetch_all(e)
    .await?;
    Ok(rows.into_iter().filter(Due::holds_anything).collect())
}

/// Replaces one entry's text by its marker and empties its grounds, keeping its hash; `thinned_hash`
/// covers what it now holds. Only an entry not yet thinned is touched.
pub async fn thin_entry<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    seq: i64,
    marker: &str,
    at: &str,
    thinned_hash: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE incident_log SET text = $1, grounds = NULL, thinned_at = $2, thinned_hash = $3
         WHERE incident_id = $4 AND seq = $5 AND thinned_at IS NULL",
    )
    .bind(marker)
    .bind(at)
    .bind(thinned_hash)
    .bind(incident.id())
    .bind(seq)
    .execute(e)
    .await?;
    Ok(())
}

/// Removes what the rest of a closed incident holds about people: the roster's phone numbers,
/// who was reached, media contacts and an exercise's participants; and records when.
pub async fn thin_rest(conn: &mut sqlx::AnyConnection, incident: Key, at: &str) -> Result<(), DbError> {
    for sql in [
        "UPDATE incident_roster SET phone = NULL WHERE incident_id = $1",
        "DELETE FROM staff_reached WHERE incident_id = $1",
        "UPDATE media_requests SET contact = NULL WHERE incident_id = $1",
    ] {
        sqlx::query(sql).bind(incident.id()).execute(&mut *conn).await?;
    }
    sqlx::query("UPDATE incidents SET participants = NULL, thinned_at = $1 WHERE org_id = $2 AND id = $3")
        .bind(at)
        .bind(incident.org())
        .bind(incident.id())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
