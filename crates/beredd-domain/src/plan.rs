//! A continuity plan's content: what one version of a plan says. It is stored as JSON per
//! version, edited as plain lines in the web form, printed in the binder and put in the kit.

use serde::{Deserialize, Serialize};

use crate::text::{self, FieldError};

crate::kinds::vocabulary!(
    /// Where a version of a plan stands: a draft, edited until it is approved, after which it
    /// never changes (the next change starts a new draft).
    PlanStatus, "plan", {
        Draft => "draft",
        Approved => "approved",
    }
);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanContent {
    /// Who leads the unit's work during an outage, and who stands in.
    pub lead: String,
    pub routines: Vec<RoutinePlan>,
    /// The call list, in calling order (a phone tree when `calls` is filled in).
    pub call_list: Vec<CallEntry>,
    pub externals: Vec<ExternalContact>,
    pub hotline: Hotline,
    pub communication: Communication,
    pub checklists: Vec<Checklist>,
}

/// The fallback routine of one critical activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoutinePlan {
    /// The activity in the register this routine is for, when it is one.
    pub activity_id: Option<i64>,
    pub activity: String,
    pub trigger: String,
    pub switch_back: String,
    /// Ordered steps, each ideally "Roll: vad som görs".
    pub steps: Vec<String>,
    pub resources: Vec<String>,
    /// What must be entered in the systems afterwards.
    pub reentry: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallEntry {
    pub name: String,
    pub role: String,
    pub phone: String,
    /// Whom this person calls in turn (names, free text).
    pub calls: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExternalContact {
    pub name: String,
    pub phone: String,
    pub purpose: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Hotline {
    pub number: String,
    pub hours: String,
    pub answered_by: String,
    pub script: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Communication {
    pub web: String,
    pub hotline: String,
    pub media: String,
    pub spokesperson: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Checklist {
    pub title: String,
    pub items: Vec<String>,
}

/// The separator between columns in the call list and the external contacts.
pub const SEP: char = '|';

/// An error on one line of a multi-line field: the line number (from 1) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub error: FieldError,
}

impl From<LineError> for FieldError {
    fn from(e: LineError) -> FieldError {
        FieldError::Line { line: e.line, error: Box::new(e.error) }
    }
}

/// Splits a text area into its non-empty lines, trimmed, each checked as a one-line text.
pub fn lines(input: &str, max_line: usize) -> Result<Vec<String>, LineError> {
    let mut out = Vec::new();
    for (i, raw) in input.lines().enumerate() {
        match text::optional_line(raw, max_line) {
            Ok(Some(l)) => out.push(l),
            Ok(None) => {}
            Err(error) => return Err(LineError { line: i + 1, error }),
        }
    }
    Ok(out)
}

fn columns(line: &str) -> Vec<String> {
    line.split(SEP).map(|c| c.trim().to_owned()).collect()
}

/// The call list as written one person per line: `Namn | Roll | Telefon | Ringer till`.
/// Name and phone are required; the phone must be a phone number.
pub fn parse_call_list(input: &str) -> Result<Vec<CallEntry>, LineError> {
    let mut out = Vec::new();
    for (i, raw) in input.lines().enumerate() {
        let err = |error| LineError { line: i + 1, error };
        let Some(line) = text::optional_line(raw, 400).map_err(err)? else { continue };
        let c = columns(&line);
        if c.len() > 4 {
            return Err(err(FieldError::Columns));
        }
        let get = |n: usize| c.get(n).cloned().unwrap_or_default();
        if get(0).is_empty() {
            return Err(err(FieldError::Required));
        }
        let phone = text::optional_phone(&get(2)).map_err(err)?.ok_or(err(FieldError::Phone))?;
        out.push(CallEntry { name: get(0), role: get(1), phone, calls: get(3) });
    }
    Ok(out)
}

/// External contacts written one per line: `Namn | Telefon | Varför man ringer`; the phone
/// number may be empty.
pub fn parse_externals(input: &str) -> Result<Vec<ExternalContact>, LineError> {
    let mut out = Vec::new();
    for (i, raw) in input.lines().enumerate() {
        let err = |error| LineError { line: i + 1, error };
        let Some(line) = text::optional_line(raw, 400).map_err(err)? else { continue };
        let c = columns(&line);
        if c.len() > 3 {
            return Err(err(FieldError::Columns));
        }
        let get = |n: usize| c.get(n).cloned().unwrap_or_default();
        if get(0).is_empty() {
            return Err(err(FieldError::Required));
        }
        // The number may be left for the unit to fill in; what is there must be a number.
        let phone = text::optional_phone(&get(1)).map_err(err)?.unwrap_or_default();
        out.push(ExternalContact { name: get(0), phone, purpose: get(2) });
    }
    Ok(out)
}

/// The call list back in the form it is edited in.
pub fn call_list_text(list: &[CallEntry]) -> String {
    list.iter()
        .map(|c| format!("{} | {} | {} | {}", c.name, c.role, c.phone, c.calls).trim_end_matches([' ', '|']).to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn externals_text(list: &[ExternalContact]) -> String {
    list.iter()
        .map(|c| format!("{} | {} | {}", c.name, c.phone, c.purpose).trim_end_matches([' ', '|']).to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Something that keeps a draft from being approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    NoLead,
    NoRoutines,
    /// A routine (by its activity name) without a trigger, steps or a switch back.
    RoutineIncomplete(String),
    NoCallList,
    NoHotline,
    /// The public hotline has no phone number: the texts to the public point to it.
    NoHotlineNumber,
    NoSpokesperson,
}

impl Gap {
    pub fn message_id(&self) -> &'static str {
        match self {
            Gap::NoLead => "plan-gap-lead",
            Gap::NoRoutines => "plan-gap-routines",
            Gap::RoutineIncomplete(_) => "plan-gap-routine",
            Gap::NoCallList => "plan-gap-call-list",
            Gap::NoHotline => "plan-gap-hotline",
            Gap::NoHotlineNumber => "plan-gap-hotline-number",
            Gap::NoSpokesperson => "plan-gap-spokesperson",
        }
    }
}

impl PlanContent {
    /// What is missing before this content can be approved; empty when it can.
    pub fn gaps(&self) -> Vec<Gap> {
        let mut out = Vec::new();
        if self.lead.trim().is_empty() {
            out.push(Gap::NoLead);
        }
        if self.routines.is_empty() {
            out.push(Gap::NoRoutines);
        }
        for r in &self.routines {
            if r.trigger.trim().is_empty() || r.switch_back.trim().is_empty() || r.steps.is_empty() {
                out.push(Gap::RoutineIncomplete(r.activity.clone()));
            }
        }
        if self.call_list.is_empty() {
            out.push(Gap::NoCallList);
        }
        if self.hotline.answered_by.trim().is_empty() {
            out.push(Gap::NoHotline);
        }
        if self.hotline.number.trim().is_empty() {
            out.push(Gap::NoHotlineNumber);
        }
        if self.communication.spokesperson.trim().is_empty() {
            out.push(Gap::NoSpokesperson);
        }
        out
    }

    /// The content as labelled lines, the form the diff between two versions compares.
    /// `label` turns a section key into the reader's language.
    pub fn to_lines(&self, label: impl Fn(&str) -> String) -> Vec<String> {
        let mut out = Vec::new();
        let mut text = |key: &str, value: &str| {
            let l = label(key);
            for v in value.lines().filter(|v| !v.trim().is_empty()) {
                out.push(format!("{l}: {v}"));
            }
        };
        text("lead", &self.lead);
        for r in &self.routines {
            text("routine", &r.activity);
            text("trigger", &r.trigger);
            for (i, s) in r.steps.iter().enumerate() {
                text("step", &format!("{}. {s}", i + 1));
            }
            for s in &r.resources {
                text("resource", s);
            }
            text("switch-back", &r.switch_back);
            for s in &r.reentry {
                text("reentry", s);
            }
        }
        for c in &self.call_list {
            text("call-list", &call_list_text(std::slice::from_ref(c)));
        }
        for c in &self.externals {
            text("external", &externals_text(std::slice::from_ref(c)));
        }
        text("hotline-number", &self.hotline.number);
        text("hotline-hours", &self.hotline.hours);
        text("hotline-answered-by", &self.hotline.answered_by);
        text("hotline-script", &self.hotline.script);
        text("comm-web", &self.communication.web);
        text("comm-hotline", &self.communication.hotline);
        text("comm-media", &self.communication.media);
        text("comm-spokesperson", &self.communication.spokesperson);
        for c in &self.checklists {
            text("checklist", &c.title);
            for i in &c.items {
                text("checklist-item", i);
            }
        }
        out
    }
}

/// One line of a diff between two texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// The line diff from `old` to `new`: a longest common subsequence, removals before additions.
/// Quadratic in the number of lines, which for a plan (a few hundred lines) is instant.
pub fn diff<'a>(old: &'a [String], new: &'a [String]) -> Vec<DiffLine<'a>> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: the length of the longest common subsequence of old[i..] and new[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n.max(m));
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            out.push(DiffLine::Same(&old[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(DiffLine::Removed(&old[i]));
            i += 1;
        } else {
            out.push(DiffLine::Added(&new[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn the_diff_keeps_common_lines_and_marks_the_rest() {
        let old = s(&["a", "b", "c", "d"]);
        let new = s(&["a", "c", "x", "d", "e"]);
        let d = diff(&old, &new);
        assert_eq!(
            d,
            vec![
                DiffLine::Same("a"),
                DiffLine::Removed("b"),
                DiffLine::Same("c"),
                DiffLine::Added("x"),
                DiffLine::Same("d"),
                DiffLine::Added("e")
            ]
        );
    }

    #[test]
    fn the_diff_of_equal_or_empty_texts() {
        let a = s(&["x", "y"]);
        assert!(diff(&a, &a).iter().all(|l| matches!(l, DiffLine::Same(_))));
        assert_eq!(diff(&[], &a), vec![DiffLine::Added("x"), DiffLine::Added("y")]);
        assert_eq!(diff(&a, &[]), vec![DiffLine::Removed("x"), DiffLine::Removed("y")]);
    }

    #[test]
    fn a_call_list_line_needs_a_name_and_a_phone_number_and_errors_name_the_line() {
        let ok = parse_call_list(
            "Anna Berg | Enhetschef | 070-174 06 10 | Ringer Bo och Cecilia\n\nBo Ek | Undersköterska | 070-174 06 11",
        )
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].calls, "Ringer Bo och Cecilia");
        assert_eq!(ok[1].role, "Undersköterska");
        assert_eq!(
            parse_call_list("Anna | Chef | 07\nBo | x | ring mig"),
            Err(LineError { line: 1, error: FieldError::Phone })
        );
        assert_eq!(
            parse_call_list("Anna | Chef | 0701740610\n | x | 0701740611"),
            Err(LineError { line: 2, error: FieldError::Required })
        );
        assert_eq!(parse_call_list("Anna | Chef"), Err(LineError { line: 1, error: FieldError::Phone }));
        assert_eq!(parse_call_list("a | b | 112 | c | d"), Err(LineError { line: 1, error: FieldError::Columns }));
    }

    #[test]
    fn the_call_list_round_trips_through_its_text_form() {
        let text = "Anna Berg | Enhetschef | 070-174 06 10 | Bo\nBo Ek | Undersköterska | 070-174 06 11";
        assert_eq!(call_list_text(&parse_call_list(text).unwrap()), text);
        let ext = "SOS Alarm | 112 | Akut fara\nRegionen | 0920-28 40 00\nLåssmeden |  | Nummer fylls i";
        assert_eq!(externals_text(&parse_externals(ext).unwrap()), ext);
    }

    #[test]
    fn a_plan_without_lead_routine_steps_or_call_list_cannot_be_approved() {
        let mut p = PlanContent::default();
        let gaps = p.gaps();
        assert!(gaps.contains(&Gap::NoLead) && gaps.contains(&Gap::NoRoutines) && gaps.contains(&Gap::NoCallList));
        p.lead = "Enhetschef".into();
        p.routines.push(RoutinePlan { activity: "Omvårdnad".into(), trigger: "Avbrott".into(), ..Default::default() });
        p.call_list.push(CallEntry { name: "Anna".into(), phone: "112".into(), ..Default::default() });
        p.hotline.answered_by = "Kontaktcenter".into();
        p.communication.spokesperson = "Kommunikationschef".into();
        assert_eq!(p.gaps(), vec![Gap::RoutineIncomplete("Omvårdnad".into()), Gap::NoHotlineNumber]);
        p.hotline.number = "0980-319 201".into();
        assert_eq!(p.gaps(), vec![Gap::RoutineIncomplete("Omvårdnad".into())]);
        p.routines[0].steps.push("Chef: beslutar.".into());
        p.routines[0].switch_back = "När systemet fungerar.".into();
        assert!(p.gaps().is_empty());
    }

    #[test]
    fn to_lines_labels_every_part_so_a_diff_says_where_a_change_is() {
        let mut p = PlanContent { lead: "Enhetschef\nBiträdande".into(), ..Default::default() };
        p.routines.push(RoutinePlan {
            activity: "Omvårdnad".into(),
            steps: vec!["A: gör".into()],
            ..Default::default()
        });
        let l = p.to_lines(|k| k.to_uppercase());
        assert_eq!(&l[..4], &["LEAD: Enhetschef", "LEAD: Biträdande", "ROUTINE: Omvårdnad", "STEP: 1. A: gör"]);
    }
}
