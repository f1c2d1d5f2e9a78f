//! The draft of a report to MCF or IMY: the headings its recipient asks for
//! (`library/reporting/drafts.toml`), filled from the incident's decisions and system events
//! only. The log's free text is never used, since it may name the people the municipality cares
//! for, and a report to an authority carries no more than it must.

use beredd_domain::StaffRole;
use beredd_domain::reporting::{AssessmentKind, Due, Duty};

use super::reporting::{Reporting, outcome_text};
use crate::content::reporting::{Draft, Fill};
use crate::platform::i18n::Tr;
use crate::store::incidents::{BoardItem, Incident, RosterRow};
use crate::store::orgs::Organisation;

/// One area of the board: its name, "done of all", and the items with a problem.
pub struct AreaStatus {
    pub name: String,
    pub summary: String,
    pub problems: Vec<String>,
}

/// The board per area, in the board's order.
pub fn board_summary(tr: &Tr, items: &[BoardItem]) -> Vec<AreaStatus> {
    let mut out: Vec<(String, usize, usize, Vec<String>)> = Vec::new();
    for it in items {
        if out.last().is_none_or(|a| a.0 != it.area) {
            out.push((it.area.clone(), 0, 0, Vec::new()));
        }
        let a = out.last_mut().expect("pushed above");
        a.2 += 1;
        if it.state == "done" {
            a.1 += 1;
        }
        if it.state == "problem" {
            a.3.push(it.label.clone());
        }
    }
    out.into_iter()
        .map(|(name, done, all, problems)| AreaStatus {
            name,
            summary: tr.ts("incident-done-of", "counts", &format!("{done}/{all}")),
            problems,
        })
        .collect()
}

/// What a draft is made from.
pub struct Sources<'a> {
    pub org: &'a Organisation,
    pub incident: &'a Incident,
    pub units: &'a str,
    pub reporting: &'a Reporting,
    pub roster: &'a [RosterRow],
    pub board: &'a [BoardItem],
}

/// The draft's text, heading by heading; what Beredd cannot know is left as a prompt in
/// brackets.
pub fn draft(tr: &Tr, d: &Draft, s: &Sources<'_>) -> String {
    let mut out = vec![format!("{}: {}", tr.t("report-recipient"), d.recipient), d.basis.clone(), String::new()];
    out.push(s.incident.title.clone());
    for section in &d.sections {
        out.push(String::new());
        out.push(section.heading.to_uppercase());
        let filled = fill(tr, section.fill, d.duty, s);
        if filled.is_empty() {
            let guide = section.guide.as_deref().unwrap_or("");
            out.push(format!("[{}]", if guide.is_empty() { tr.t("report-fill-in") } else { guide.to_owned() }));
        } else {
            out.extend(filled);
            if let (Some(g), Fill::Status) = (&section.guide, section.fill) {
                out.push(format!("[{g}]"));
            }
        }
    }
    out.join("\n")
}

fn person(r: &RosterRow) -> String {
    format!("{}{}", r.name, r.phone.as_deref().map(|p| format!(", {p}")).unwrap_or_default())
}

fn decision(tr: &Tr, r: &Reporting, kind: AssessmentKind) -> Vec<String> {
    match r.latest(kind) {
        Some(a) => vec![
            outcome_text(tr, a.kind, a.outcome, a.at),
            format!(
                "{} {} {} ({}: {})",
                tr.t("report-decided-by"),
                a.decided_by,
                a.recorded_at.shown_minute(),
                tr.t("swedish-time"),
                a.grounds
            ),
        ],
        None => vec![tr.t("report-not-decided")],
    }
}

fn fill(tr: &Tr, fill: Fill, duty: Duty, s: &Sources<'_>) -> Vec<String> {
    let role = |r: StaffRole| s.roster.iter().find(|x| x.role == r.code());
    match fill {
        Fill::Organisation => {
            let mut v = vec![s.org.name.clone()];
            if let Some(n) = &s.org.org_number {
                v.push(format!("{}: {n}", tr.t("report-org-number")));
            }
            if let Some(n) = &s.incident.diarienummer {
                v.push(format!("{}: {n}", tr.t("incident-diarienummer")));
            }
            v
        }
        Fill::Contact => role(StaffRole::McfContact)
            .filter(|_| duty.to_mcf())
            .or_else(|| role(StaffRole::CrisisLeader))
            .map(|r| vec![person(r)])
            .unwrap_or_default(),
        Fill::Dpo => role(StaffRole::Dpo).map(|r| vec![person(r)]).unwrap_or_default(),
        Fill::Aware => decision(tr, s.reporting, AssessmentKind::Aware),
        Fill::Significant => decision(tr, s.reporting, AssessmentKind::Significant),
        Fill::Breach => decision(tr, s.reporting, AssessmentKind::PersonalData),
        Fill::Handled => match s.reporting.latest(AssessmentKind::Handled) {
            Some(_) => decision(tr, s.reporting, AssessmentKind::Handled),
            None => vec![],
        },
        Fill::Interim => match s.reporting.latest(AssessmentKind::InterimRequest) {
            Some(_) => decision(tr, s.reporting, AssessmentKind::InterimRequest),
            None => vec![],
        },
        Fill::Units => vec![s.units.to_owned()].into_iter().filter(|u| !u.is_empty()).collect(),
        Fill::Status => board_summary(tr, s.board)
            .into_iter()
            .map(|a| {
                let problems = if a.problems.is_empty() {
                    String::new()
                } else {
                    format!("; {}: {}", tr.t("report-problems"), a.problems.join(", "))
                };
                format!("- {}: {}{problems}", a.name, a.summary)
            })
            .collect(),
        Fill::Decisions => s
            .reporting
            .assessments
            .iter()
            .map(|a| {
                format!(
                    "- {} {}: {}: {} ({})",
                    a.recorded_at.shown_minute(),
                    tr.t("swedish-time"),
                    tr.t(a.kind.label_id()),
                    outcome_text(tr, a.kind, a.outcome, a.at),
                    a.decided_by
                )
            })
            .collect(),
        Fill::Late => match (duty.due(&s.reporting.facts, &super::reporting::Sweden), s.reporting.facts.now) {
            (Due::At(t), now) if now > t => vec![format!("[{}]", tr.t("report-late-reason"))],
            _ => vec![tr.t("report-not-late")],
        },
        Fill::None => vec![],
    }
}
