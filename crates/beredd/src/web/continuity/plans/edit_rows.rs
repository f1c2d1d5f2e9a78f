//! The editor's lists of rows: the steps of each routine, the call list and the external
//! contacts. Each row is a few fields in the form (`call3_name`, `r2_s4_text`) under a count
//! (`calls_n`); adding, removing and moving a row are buttons (`op`) that post the form and show
//! it again changed, nothing saved. Without JavaScript that is a page load; with htmx only the
//! list is swapped. The moved or new row's field or button gets the focus.

use crate::web::forms::FormData;

/// One list of rows in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// The steps of routine `i`.
    Steps(usize),
    Calls,
    Externals,
}

impl List {
    /// The fields of one row, in order.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            List::Steps(_) => &["role", "text"],
            List::Calls => &["name", "role", "phone", "calls"],
            List::Externals => &["name", "phone", "purpose"],
        }
    }
    /// The hidden field holding how many rows the list has.
    pub fn count_name(self) -> String {
        match self {
            List::Steps(i) => format!("r{i}_steps_n"),
            List::Calls => "calls_n".to_owned(),
            List::Externals => "externals_n".to_owned(),
        }
    }
    /// The id of row `k`, which its fields' names and its buttons' ids start with.
    pub fn row_id(self, k: usize) -> String {
        match self {
            List::Steps(i) => format!("r{i}_s{k}"),
            List::Calls => format!("call{k}"),
            List::Externals => format!("ext{k}"),
        }
    }
    pub fn field_name(self, k: usize, field: &str) -> String {
        format!("{}_{field}", self.row_id(k))
    }
    /// The id of the element around the list (what htmx swaps).
    pub fn block_id(self) -> String {
        match self {
            List::Steps(i) => format!("r{i}-steps"),
            List::Calls => "calls".to_owned(),
            List::Externals => "externals".to_owned(),
        }
    }
    fn key(self) -> String {
        match self {
            List::Steps(i) => format!("steps{i}"),
            List::Calls => "calls".to_owned(),
            List::Externals => "externals".to_owned(),
        }
    }
    fn from_key(key: &str) -> Option<List> {
        match key {
            "calls" => Some(List::Calls),
            "externals" => Some(List::Externals),
            k => k.strip_prefix("steps").and_then(|i| i.parse().ok()).map(List::Steps),
        }
    }
    /// The value of the button that makes this move.
    pub fn op(self, m: Move) -> String {
        match m {
            Move::Add => format!("{}:add", self.key()),
            Move::Up(k) => format!("{}:up:{k}", self.key()),
            Move::Down(k) => format!("{}:down:{k}", self.key()),
            Move::Remove(k) => format!("{}:remove:{k}", self.key()),
        }
    }
}

/// A change to one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Add,
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// What an editor button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Rows(List, Move),
    /// Add the person chosen in the call list's picker.
    PickCall,
    /// Add the contact chosen in the external contacts' picker.
    PickExternal,
    /// Replace the call list with what the staff register gives.
    FillCalls,
}

pub const FILL_CALLS: &str = "calls:fill";
pub const PICK_CALL: &str = "calls:pick";
pub const PICK_EXTERNAL: &str = "externals:pick";

pub fn parse_op(s: &str) -> Option<Op> {
    match s {
        FILL_CALLS => return Some(Op::FillCalls),
        PICK_CALL => return Some(Op::PickCall),
        PICK_EXTERNAL => return Some(Op::PickExternal),
        _ => {}
    }
    let mut parts = s.split(':');
    let list = List::from_key(parts.next()?)?;
    let verb = parts.next()?;
    let k = parts.next().map(|k| k.parse::<usize>().ok());
    let m = match (verb, k) {
        ("add", None) => Move::Add,
        ("up", Some(Some(k))) => Move::Up(k),
        ("down", Some(Some(k))) => Move::Down(k),
        ("remove", Some(Some(k))) => Move::Remove(k),
        _ => return None,
    };
    parts.next().is_none().then_some(Op::Rows(list, m))
}

/// How many rows the form says the list has: a number no larger than `cap`, or what it says when
/// it says more, as the error.
pub fn count(form: &FormData, list: List, cap: usize) -> Result<usize, usize> {
    match form.text(&list.count_name()).trim().parse::<usize>() {
        Ok(n) if n > cap => Err(n),
        Ok(n) => Ok(n),
        Err(_) => Ok(0),
    }
}

/// The rows of the list as posted (up to the cap), each the values of its fields in order.
pub fn read(form: &FormData, list: List, cap: usize) -> Vec<Vec<String>> {
    let n = count(form, list, cap).unwrap_or(cap);
    (0..n).map(|k| list.fields().iter().map(|f| form.text(&list.field_name(k, f)).to_owned()).collect()).collect()
}

/// Puts the rows back in the form, numbered from 0.
pub fn write(form: &mut FormData, list: List, rows: &[Vec<String>]) {
    form.set(&list.count_name(), rows.len().to_string());
    for (k, row) in rows.iter().enumerate() {
        for (f, v) in list.fields().iter().zip(row) {
            form.set(&list.field_name(k, f), v.clone());
        }
    }
}

/// Whether every field of a row is empty.
pub fn blank(row: &[String]) -> bool {
    row.iter().all(|v| v.trim().is_empty())
}

/// Makes the move in the form and returns the id of what should have the focus afterwards: the
/// new row's first field, the moved row's button in its new place, the row that took a removed
/// one's place (or the add button when none is left).
pub fn apply(form: &mut FormData, list: List, m: Move, cap: usize) -> String {
    let mut rows = read(form, list, cap);
    let n = rows.len();
    let first = |k: usize| list.field_name(k, list.fields()[0]);
    let focus = match m {
        Move::Add if n < cap => {
            rows.push(vec![String::new(); list.fields().len()]);
            first(n)
        }
        Move::Add => format!("{}-add", list.block_id()),
        Move::Up(k) if k > 0 && k < n => {
            rows.swap(k, k - 1);
            button(list, k - 1, n, true)
        }
        Move::Down(k) if k + 1 < n => {
            rows.swap(k, k + 1);
            button(list, k + 1, n, false)
        }
        Move::Remove(k) if k < n => {
            rows.remove(k);
            match rows.len() {
                0 => format!("{}-add", list.block_id()),
                len => first(k.min(len - 1)),
            }
        }
        _ => first(0),
    };
    write(form, list, &rows);
    focus
}

/// The id of row `k`'s move button: the one for the direction it was moved in, or the other one
/// when it has reached the end of the list.
fn button(list: List, k: usize, n: usize, up: bool) -> String {
    let id = list.row_id(k);
    match (up, k) {
        (true, 0) => format!("{id}-down"),
        (false, k) if k + 1 == n => format!("{id}-up"),
        (true, _) => format!("{id}-up"),
        (false, _) => format!("{id}-down"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(steps: &[(&str, &str)]) -> FormData {
        let mut f = FormData::default();
        let rows: Vec<Vec<String>> = steps.iter().map(|(r, t)| vec![r.to_string(), t.to_string()]).collect();
        write(&mut f, List::Steps(2), &rows);
        f
    }

    fn texts(f: &FormData) -> Vec<String> {
        read(f, List::Steps(2), 100).into_iter().map(|r| r[1].clone()).collect()
    }

    #[test]
    fn a_button_value_names_its_list_its_move_and_its_row() {
        for (list, m) in [
            (List::Steps(12), Move::Up(3)),
            (List::Calls, Move::Add),
            (List::Externals, Move::Remove(0)),
            (List::Calls, Move::Down(7)),
        ] {
            assert_eq!(parse_op(&list.op(m)), Some(Op::Rows(list, m)));
        }
        assert_eq!(parse_op("calls:fill"), Some(Op::FillCalls));
        for bad in ["", "calls", "calls:up", "calls:up:x", "steps:add", "stepsx:add", "calls:add:1", "calls:up:1:2"] {
            assert_eq!(parse_op(bad), None, "{bad}");
        }
    }

    #[test]
    fn rows_move_up_and_down_are_removed_and_added_and_the_focus_follows() {
        let mut f = form(&[("A", "ett"), ("B", "två"), ("C", "tre")]);
        assert_eq!(apply(&mut f, List::Steps(2), Move::Up(2), 100), "r2_s1-up");
        assert_eq!(texts(&f), ["ett", "tre", "två"]);
        assert_eq!(apply(&mut f, List::Steps(2), Move::Up(1), 100), "r2_s0-down", "at the top the other button");
        assert_eq!(texts(&f), ["tre", "ett", "två"]);
        assert_eq!(apply(&mut f, List::Steps(2), Move::Down(0), 100), "r2_s1-down");
        assert_eq!(apply(&mut f, List::Steps(2), Move::Down(1), 100), "r2_s2-up");
        assert_eq!(texts(&f), ["ett", "två", "tre"]);
        assert_eq!(apply(&mut f, List::Steps(2), Move::Up(0), 100), "r2_s0_role", "nothing above the first");
        assert_eq!(apply(&mut f, List::Steps(2), Move::Remove(2), 100), "r2_s1_role");
        assert_eq!(texts(&f), ["ett", "två"]);
        assert_eq!(apply(&mut f, List::Steps(2), Move::Add, 100), "r2_s2_role");
        assert_eq!(texts(&f), ["ett", "två", ""]);
        assert_eq!(apply(&mut f, List::Steps(2), Move::Add, 3), "r2-steps-add", "no row beyond the cap");
        for k in [0, 0, 0] {
            apply(&mut f, List::Steps(2), Move::Remove(k), 100);
        }
        assert_eq!(f.text("r2_steps_n"), "0");
    }
}
