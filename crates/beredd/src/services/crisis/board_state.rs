//! Marking an item of the incident board: its new state, written with a status entry in the log,
//! and the counters every open board redraws.

use beredd_domain::{BoardState, LogKind};

use super::board::{Counts, counts_of};
use crate::platform::db::Db;
use crate::platform::i18n::Tr;
use crate::services::Failure;
use crate::store::incidents::{self, BoardItem, NewEntry};

/// What the change left: the item as it was, the counts of its area and of the whole board, and
/// when the log recorded it.
pub struct Marked {
    pub item: BoardItem,
    pub area_counts: Counts,
    pub totals: Counts,
    pub recorded_at: String,
}

/// Sets the item's state and logs it.
pub async fn set(
    db: &Db,
    org: i64,
    tr: &Tr,
    incident: incidents::Key,
    item: i64,
    new: BoardState,
    by: &str,
) -> Result<Marked, Failure> {
    let mut tx = db.begin_write().await?;
    let it = incidents::board_item(&mut *tx, incident, item).await?.ok_or(Failure::NotFound)?;
    incidents::set_board_state(&mut *tx, incident, item, new, by).await?;
    let (area_counts, totals) = counts_of(&incidents::board_counts(&mut *tx, incident).await?, &it.area);
    let text = tr.ts(
        "incident-log-board",
        "item",
        &format!("{} – {}: {}", it.area, it.label.trim_end().trim_end_matches('.'), tr.t(new.label_id())),
    );
    let entry = NewEntry::web(LogKind::Status, text, by);
    let row = incidents::append(&mut tx, &db.keys, org, incident, entry, by).await?;
    tx.commit().await?;
    Ok(Marked { item: it, area_counts, totals, recorded_at: row.entry.recorded_at })
}
