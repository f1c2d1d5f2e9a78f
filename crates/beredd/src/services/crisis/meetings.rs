//! The crisis staff meeting: what its form holds, checked, and holding it, which keeps its
//! protocol and writes the protocol, each decision and each task to the incident's log.

use beredd_domain::{FieldError, LogKind, text};
use serde::{Deserialize, Serialize};

use crate::platform::clock;
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::services::{Failure, Invalid};
use crate::store::incidents::{self, NewEntry};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AreaStatus {
    pub name: String,
    /// "3 of 10 done", as it stood when the meeting was held.
    pub board: String,
    pub problems: Vec<String>,
    pub comment: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Task {
    pub what: String,
    pub who: String,
    pub when: String,
}

/// What a meeting decided, kept as JSON with the meeting.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Protocol {
    pub number: i64,
    pub held: String,
    pub present: Vec<String>,
    pub areas: Vec<AreaStatus>,
    pub decisions: Vec<String>,
    pub tasks: Vec<Task>,
    pub next_meeting: String,
}

/// The board per area: (area, "done/total", problem labels).
pub async fn board_status(
    pool: &sqlx::AnyPool,
    tr: &Tr,
    incident: incidents::Key,
) -> Result<Vec<(String, String, Vec<String>)>, DbError> {
    let items = incidents::board(pool, incident).await?;
    Ok(super::drafts::board_summary(tr, &items).into_iter().map(|a| (a.name, a.summary, a.problems)).collect())
}

/// The meeting form as posted: one comment per area of the board, in the board's order (the
/// fields `area_0`, `area_1`, …).
pub struct MeetingForm<'a> {
    pub present: &'a str,
    pub decisions: &'a str,
    pub tasks: &'a str,
    pub next_meeting: &'a str,
    pub area_comments: Vec<&'a str>,
}

/// A meeting's content, checked; the number and time are given when it is held.
pub struct Minutes {
    pub present: Vec<String>,
    pub areas: Vec<AreaStatus>,
    pub decisions: Vec<String>,
    pub tasks: Vec<Task>,
    pub next_meeting: String,
}

/// A task line "what | who | when"; missing parts are empty.
fn task(line: &str) -> Task {
    let c: Vec<&str> = line.split('|').map(str::trim).collect();
    let part = |i: usize| c.get(i).copied().unwrap_or("").to_owned();
    Task { what: part(0), who: part(1), when: part(2) }
}

/// Checks the form against the board as it stands (`board_status`).
pub fn check(f: &MeetingForm, board: Vec<(String, String, Vec<String>)>) -> Result<Minutes, Invalid> {
    let mut e = Invalid::default();
    let present = e.take("present", beredd_domain::plan::lines(f.present, 200).map_err(FieldError::from));
    if present.is_empty() && !e.has("present") {
        e.add("present", FieldError::Required);
    }
    let decisions = e.take("decisions", beredd_domain::plan::lines(f.decisions, 1000).map_err(FieldError::from));
    let task_lines = e.take("tasks", beredd_domain::plan::lines(f.tasks, 600).map_err(FieldError::from));
    let tasks = task_lines.iter().map(|l| task(l)).collect();
    let next_meeting = e.take("next_meeting", text::optional_line(f.next_meeting, 200)).unwrap_or_default();
    let mut areas = Vec::new();
    for (i, (name, status, problems)) in board.into_iter().enumerate() {
        let given = f.area_comments.get(i).copied().unwrap_or("");
        let comment = e.take(format!("area_{i}"), text::optional_text(given, 2000)).unwrap_or_default();
        areas.push(AreaStatus { name, board: status, problems, comment });
    }
    e.or(Minutes { present, areas, decisions, tasks, next_meeting })
}

/// The protocol's entry in the log: who was present, each area with its comment, the next meeting.
fn protocol_text(tr: &Tr, p: &Protocol) -> String {
    let mut text =
        vec![tr.tn("meeting-log", p.number), format!("{}: {}", tr.t("meeting-present"), p.present.join(", "))];
    for a in &p.areas {
        let comment = if a.comment.is_empty() { String::new() } else { format!(" {}", a.comment) };
        text.push(format!("{} – {}{}", a.name, a.board, comment));
    }
    if !p.next_meeting.is_empty() {
        text.push(format!("{}: {}", tr.t("meeting-next"), p.next_meeting));
    }
    text.join("\n")
}

/// A task as one line of the log: its parts that are given, joined by dashes.
fn task_text(t: &Task) -> String {
    [t.what.as_str(), t.who.as_str(), t.when.as_str()]
        .iter()
        .filter(|x| !x.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" – ")
}

/// Holds the next meeting of the incident: keeps its protocol and logs it, each decision (decided
/// by the meeting) and each task. Returns the meeting's number.
pub async fn hold(db: &Db, org: i64, tr: &Tr, incident: incidents::Key, m: Minutes, by: &str) -> Result<i64, Failure> {
    let mut tx = db.begin_write().await?;
    // The incident first, so that two meetings held at once get numbers one after the other.
    incidents::lock(&mut tx, org, incident).await?;
    let number = incidents::meetings(&mut *tx, incident).await?.len() as i64 + 1;
    let Minutes { present, areas, decisions, tasks, next_meeting } = m;
    let held = clock::now_stamp().shown_minute();
    let protocol = Protocol { number, held, present, areas, decisions, tasks, next_meeting };
    incidents::add_meeting(&mut tx, incident, by, &serde_json::to_string(&protocol).unwrap_or_default()).await?;
    let entry = |kind, text, decided_by| NewEntry { decided_by, ..NewEntry::web(kind, text, by) };
    let first = entry(LogKind::Meeting, protocol_text(tr, &protocol), None);
    incidents::append(&mut tx, &db.keys, org, incident, first, by).await?;
    for d in &protocol.decisions {
        let decision = entry(LogKind::Decision, d.clone(), Some(tr.tn("meeting-decided-by", number)));
        incidents::append(&mut tx, &db.keys, org, incident, decision, by).await?;
    }
    for t in &protocol.tasks {
        incidents::append(&mut tx, &db.keys, org, incident, entry(LogKind::Task, task_text(t), None), by).await?;
    }
    tx.commit().await?;
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board() -> Vec<(String, String, Vec<String>)> {
        vec![("Hemtjänst".into(), "1/4".into(), vec![]), ("Kök".into(), "0/2".into(), vec!["Gas".into()])]
    }

    #[test]
    fn a_meeting_needs_someone_present_and_keeps_one_comment_per_area() {
        let f = MeetingForm { present: " ", decisions: "", tasks: "", next_meeting: "", area_comments: vec![] };
        assert_eq!(check(&f, board()).err().expect("refused").get("present"), Some(&FieldError::Required));
        let f = MeetingForm {
            present: "Anna\nBo",
            decisions: "Öppna reservkök",
            tasks: "Ring leverantör | Bo | 14:00\nInformera",
            next_meeting: "16:00",
            area_comments: vec!["", "Gasen är avstängd"],
        };
        let m = check(&f, board()).expect("ok");
        assert_eq!(m.present, vec!["Anna", "Bo"]);
        assert_eq!(m.areas[1].comment, "Gasen är avstängd");
        assert_eq!(m.areas[0].comment, "");
        assert_eq!(task_text(&m.tasks[0]), "Ring leverantör – Bo – 14:00");
        assert_eq!((m.tasks[1].what.as_str(), m.tasks[1].who.as_str()), ("Informera", ""));
    }
}
