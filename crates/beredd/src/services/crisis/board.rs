//! The incident board as a person reads it: the items per area (a plan) and routine, how many of
//! each area are in each state, which areas start open, and the filters "only problems" and
//! "mine" (the items this person changed last).

use beredd_domain::BoardState;
use serde::Serialize;

use crate::store::incidents::BoardItem;

/// How many items are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub not_started: i64,
    pub under_way: i64,
    pub done: i64,
    pub problem: i64,
    pub total: i64,
}

impl Counts {
    fn add(&mut self, state: &str, n: i64) {
        match BoardState::parse(state) {
            Ok(BoardState::NotStarted) => self.not_started += n,
            Ok(BoardState::UnderWay) => self.under_way += n,
            Ok(BoardState::Done) => self.done += n,
            Ok(BoardState::Problem) => self.problem += n,
            // A state Beredd does not know counts towards the total only.
            Err(_) => {}
        }
        self.total += n;
    }

    /// An area with a problem or something under way is where the work is: it starts open.
    pub fn needs_attention(&self) -> bool {
        self.problem > 0 || self.under_way > 0
    }
}

/// Which items the board shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Only the items marked as a problem.
    Problems,
    /// Only the items the person looking last changed.
    Mine,
}

impl Filter {
    /// From the query string's `show`; anything else shows everything.
    pub fn parse(show: Option<&str>) -> Filter {
        match show {
            Some("problems") => Filter::Problems,
            Some("mine") => Filter::Mine,
            _ => Filter::All,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Filter::All => "",
            Filter::Problems => "problems",
            Filter::Mine => "mine",
        }
    }

    fn keeps(self, item: &BoardItem, me: &str) -> bool {
        match self {
            Filter::All => true,
            Filter::Problems => item.state == BoardState::Problem.code(),
            Filter::Mine => item.updated_by.as_deref() == Some(me),
        }
    }
}

/// A routine of a plan, with the items the filter keeps.
pub struct Section {
    pub name: String,
    pub items: Vec<BoardItem>,
}

/// A plan's part of the board: its counts over all its items, whatever the filter.
pub struct Area {
    pub name: String,
    pub counts: Counts,
    pub open: bool,
    pub sections: Vec<Section>,
}

pub struct Board {
    /// The areas with an item the filter keeps, in the board's order.
    pub areas: Vec<Area>,
    /// The whole board's counts.
    pub totals: Counts,
    /// How many items the person looking changed last.
    pub mine: i64,
}

/// Arranges the items (in the board's order) per area and routine. An area is one plan, however
/// far apart its items lie. With a filter, only the areas holding a kept item are shown, and
/// they are open; without, an area is open when it needs attention, or when it holds the item
/// `opened` (the one just changed without JavaScript, which the page then scrolls to).
pub fn arrange(items: Vec<BoardItem>, filter: Filter, me: &str, opened: Option<i64>) -> Board {
    let mut areas: Vec<Area> = Vec::new();
    let mut totals = Counts::default();
    let mut mine = 0;
    for it in items {
        totals.add(&it.state, 1);
        if it.updated_by.as_deref() == Some(me) {
            mine += 1;
        }
        let i = match areas.iter().position(|a| a.name == it.area) {
            Some(i) => i,
            None => {
                areas.push(Area {
                    name: it.area.clone(),
                    counts: Counts::default(),
                    open: false,
                    sections: Vec::new(),
                });
                areas.len() - 1
            }
        };
        let area = &mut areas[i];
        area.counts.add(&it.state, 1);
        if opened == Some(it.id) {
            area.open = true;
        }
        if !filter.keeps(&it, me) {
            continue;
        }
        match area.sections.iter_mut().find(|s| s.name == it.section) {
            Some(s) => s.items.push(it),
            None => area.sections.push(Section { name: it.section.clone(), items: vec![it] }),
        }
    }
    if filter != Filter::All {
        areas.retain(|a| !a.sections.is_empty());
    }
    for a in &mut areas {
        a.open = a.open || filter != Filter::All || a.counts.needs_attention();
    }
    Board { areas, totals, mine }
}

/// The counts of one area and of the whole board, from the store's (area, state, count) rows:
/// what a live update carries so that every open board redraws its counters.
pub fn counts_of(rows: &[(String, String, i64)], area: &str) -> (Counts, Counts) {
    let (mut one, mut all) = (Counts::default(), Counts::default());
    for (a, state, n) in rows {
        all.add(state, *n);
        if a == area {
            one.add(state, *n);
        }
    }
    (one, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, area: &str, section: &str, state: &str, by: Option<&str>) -> BoardItem {
        BoardItem {
            id,
            area: area.into(),
            section: section.into(),
            position: id,
            label: format!("Steg {id}"),
            state: state.into(),
            updated_by: by.map(Into::into),
            updated_at: by.map(|_| crate::platform::clock::Stamp::parse("2026-11-24T09:00:00Z").unwrap()),
        }
    }

    fn board() -> Vec<BoardItem> {
        vec![
            item(1, "Plan A", "Omvårdnad", "done", Some("Anna")),
            item(2, "Plan A", "Omvårdnad", "not_started", None),
            item(3, "Plan B", "Larm", "problem", Some("Bo")),
            item(4, "Plan B", "Larm", "under_way", Some("Anna")),
            item(5, "Plan C", "Mat", "not_started", None),
            // A plan's items apart from the rest still belong to its area.
            item(6, "Plan A", "Läkemedel", "done", Some("Bo")),
        ]
    }

    #[test]
    fn the_areas_count_all_their_items_and_only_those_needing_attention_start_open() {
        let b = arrange(board(), Filter::All, "Anna", None);
        let names: Vec<&str> = b.areas.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Plan A", "Plan B", "Plan C"]);
        assert_eq!(b.areas[0].counts, Counts { not_started: 1, under_way: 0, done: 2, problem: 0, total: 3 });
        assert_eq!(b.areas[0].sections.len(), 2);
        assert_eq!([b.areas[0].open, b.areas[1].open, b.areas[2].open], [false, true, false]);
        assert_eq!(b.totals, Counts { not_started: 2, under_way: 1, done: 2, problem: 1, total: 6 });
        assert_eq!(b.mine, 2);
        let b = arrange(board(), Filter::All, "Anna", Some(5));
        assert!(b.areas[2].open, "the area of the item just changed");
    }

    #[test]
    fn a_filter_keeps_the_areas_with_a_kept_item_open_with_their_full_counts() {
        let b = arrange(board(), Filter::Problems, "Anna", None);
        assert_eq!(b.areas.len(), 1);
        assert_eq!(b.areas[0].name, "Plan B");
        assert!(b.areas[0].open);
        assert_eq!(b.areas[0].counts.total, 2, "the counters count the whole area");
        assert_eq!(b.areas[0].sections[0].items.len(), 1);

        let b = arrange(board(), Filter::Mine, "Anna", None);
        let ids: Vec<i64> =
            b.areas.iter().flat_map(|a| a.sections.iter().flat_map(|s| s.items.iter().map(|i| i.id))).collect();
        assert_eq!(ids, [1, 4]);
        assert!(arrange(board(), Filter::Mine, "Ingen", None).areas.is_empty());
    }

    #[test]
    fn the_counts_of_a_live_update_are_those_of_its_area_and_of_the_whole_board() {
        let rows = vec![
            ("Plan A".to_owned(), "done".to_owned(), 2),
            ("Plan A".to_owned(), "not_started".to_owned(), 1),
            ("Plan B".to_owned(), "problem".to_owned(), 1),
        ];
        let (a, all) = counts_of(&rows, "Plan A");
        assert_eq!(a, Counts { not_started: 1, under_way: 0, done: 2, problem: 0, total: 3 });
        assert_eq!(all.total, 4);
        assert_eq!(all.problem, 1);
        assert_eq!(Filter::parse(Some("problems")), Filter::Problems);
        assert_eq!(Filter::parse(Some("x")), Filter::All);
    }
}
