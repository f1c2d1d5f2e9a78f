//! An assessment against a framework: each assessable requirement's status and maturity, summed
//! up per chapter (the top-level requirements) and for the whole framework.

use std::collections::HashMap;

use serde::Serialize;

use super::Framework;

/// The answer to one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    Yes,
    Partly,
    No,
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Yes, Status::Partly, Status::No, Status::NotApplicable];
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.code() == s)
    }
    pub fn code(self) -> &'static str {
        match self {
            Status::Yes => "yes",
            Status::Partly => "partly",
            Status::No => "no",
            Status::NotApplicable => "na",
        }
    }
    pub fn label_id(self) -> &'static str {
        match self {
            Status::Yes => "fw-status-yes",
            Status::Partly => "fw-status-partly",
            Status::No => "fw-status-no",
            Status::NotApplicable => "fw-status-na",
        }
    }
    /// A gap: the requirement is not (fully) met.
    pub fn is_gap(self) -> bool {
        matches!(self, Status::Partly | Status::No)
    }
}

/// Maturity 0–5.
pub const MATURITY_MAX: u8 = 5;

/// How far a chapter (or the whole framework) has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub assessable: usize,
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
    pub na: usize,
    pub maturity_sum: u32,
    pub maturity_n: u32,
}

impl Tally {
    pub fn add(&mut self, status: Option<Status>, maturity: Option<u8>) {
        self.assessable += 1;
        match status {
            Some(Status::Yes) => self.yes += 1,
            Some(Status::Partly) => self.partly += 1,
            Some(Status::No) => self.no += 1,
            Some(Status::NotApplicable) => self.na += 1,
            None => {}
        }
        if let Some(m) = maturity {
            self.maturity_sum += u32::from(m);
            self.maturity_n += 1;
        }
    }
    pub fn answered(&self) -> usize {
        self.yes + self.partly + self.no + self.na
    }
    pub fn unanswered(&self) -> usize {
        self.assessable - self.answered()
    }
    /// Fulfilment in whole per cent of the applicable requirements: yes counts whole, partly
    /// half, unanswered as not met. None when nothing applies.
    pub fn percent(&self) -> Option<u32> {
        let applicable = (self.assessable - self.na) as u32;
        if applicable == 0 {
            return None;
        }
        Some((self.yes as u32 * 200 + self.partly as u32 * 100 + applicable) / (applicable * 2))
    }
    /// Mean maturity, one decimal, as tenths (e.g. 27 for 2.7).
    pub fn maturity_tenths(&self) -> Option<u32> {
        (self.maturity_n > 0).then(|| (self.maturity_sum * 10 + self.maturity_n / 2) / self.maturity_n)
    }
}

/// The tally of each chapter (in `Framework::chapters` order) and of the whole framework, from
/// the answers by requirement id.
pub fn tally(fw: &Framework, answers: &HashMap<String, (Option<Status>, Option<u8>)>) -> (Vec<(usize, Tally)>, Tally) {
    let chapters = fw.chapters();
    let mut per: HashMap<usize, Tally> = HashMap::new();
    let mut total = Tally::default();
    for n in fw.assessable() {
        let (s, m) = answers.get(&n.id).copied().unwrap_or((None, None));
        per.entry(n.chapter).or_default().add(s, m);
        total.add(s, m);
    }
    (chapters.into_iter().map(|c| (c, per.get(&c).copied().unwrap_or_default())).collect(), total)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{header, node};
    use super::super::*;

    #[test]
    fn a_tally_counts_partly_as_half_and_leaves_out_not_applicable() {
        let fw = build(
            header(),
            vec![
                node(1, "1", None, false),
                node(2, "1.1", Some("1"), true),
                node(3, "1.2", Some("1"), true),
                node(4, "1.3", Some("1"), true),
                node(5, "2", None, false),
                node(6, "2.1", Some("2"), true),
            ],
        )
        .unwrap();
        let answers: HashMap<String, (Option<Status>, Option<u8>)> = [
            ("1.1", (Some(Status::Yes), Some(4))),
            ("1.2", (Some(Status::Partly), Some(2))),
            ("1.3", (Some(Status::NotApplicable), None)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        let (chapters, total) = tally(&fw, &answers);
        assert_eq!(chapters.len(), 2);
        let first = chapters[0].1;
        assert_eq!((first.assessable, first.answered(), first.unanswered()), (3, 3, 0));
        assert_eq!(first.percent(), Some(75)); // (1 + 0.5) / 2
        assert_eq!(first.maturity_tenths(), Some(30));
        let second = chapters[1].1;
        assert_eq!((second.assessable, second.unanswered(), second.percent()), (1, 1, Some(0)));
        assert_eq!(total.percent(), Some(50)); // 1.5 of 3 applicable
        let all_na = Tally { assessable: 2, na: 2, ..Tally::default() };
        assert_eq!(all_na.percent(), None);
    }
}
