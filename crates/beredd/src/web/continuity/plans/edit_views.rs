//! What the editor's rows look like: each list with its rows, each row's fields (labelled with
//! the row, so "Steg 3: vem" is read out, while the page shows the column's name) and its
//! buttons, and the pickers that add a person or a contact from the registers.

use super::edit_content::{ROLE, STEP};
use super::edit_rows::{self, List, Move};
use super::*;

/// One field of a row.
pub struct RowCell {
    pub name: String,
    /// The column's name, shown.
    pub label: String,
    /// The row ("Steg 3: "), read out before the label and not shown.
    pub prefix: String,
    pub value: String,
    /// "text", "tel" or "textarea".
    pub kind: &'static str,
    pub maxlength: usize,
    pub error: Option<String>,
    pub autofocus: bool,
}

/// A button of a row or a list: its `op` value, its shown label, what it is read out with, and
/// whether it gets the focus.
pub struct RowButton {
    pub id: String,
    pub op: String,
    pub label: String,
    pub context: String,
    pub autofocus: bool,
}

pub struct RowView {
    pub id: String,
    pub number: usize,
    pub cells: Vec<RowCell>,
    pub up: Option<RowButton>,
    pub down: Option<RowButton>,
    pub remove: RowButton,
}

pub struct RowList {
    /// The element htmx swaps: the list with its count, rows and buttons.
    pub block_id: String,
    /// "steps", "calls" or "externals", for the layout.
    pub class: &'static str,
    pub count_name: String,
    pub count: usize,
    pub columns: Vec<String>,
    pub rows: Vec<RowView>,
    pub add: RowButton,
    /// Shown when the list has no row.
    pub empty: String,
    /// A message about the list (the call list filled from the register).
    pub notice: Option<String>,
    pub picker: Option<Picker>,
    /// The picker gets the focus (after "add" with nothing chosen).
    pub picker_focus: bool,
}

/// A choice of people or contacts from the registers, grouped (by unit).
pub struct Picker {
    pub name: &'static str,
    pub op: &'static str,
    pub label: String,
    pub hint: String,
    pub button: String,
    pub groups: Vec<(String, Vec<(String, String)>)>,
}

fn first_upper(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn first_lower(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

/// (label id, kind, maxlength) of each field of a list's rows, in the order of `List::fields`.
fn columns(list: List) -> &'static [(&'static str, &'static str, usize)] {
    match list {
        List::Steps(_) => &[("plan-step-role", "text", ROLE), ("plan-step-text", "textarea", STEP)],
        List::Calls => &[
            ("plan-col-name", "text", 200),
            ("plan-col-role", "text", 200),
            ("plan-col-phone", "tel", 30),
            ("plan-col-calls", "text", 400),
        ],
        List::Externals => {
            &[("plan-col-name", "text", 200), ("plan-col-phone", "tel", 30), ("plan-col-purpose", "text", 400)]
        }
    }
}

/// One row's name ("steg 3", "person 3") and the text of the list's add button.
fn names(list: List, tr: &Tr) -> (&'static str, String) {
    match list {
        List::Steps(_) => ("plan-row-step", tr.t("plan-add-step")),
        List::Calls => ("plan-row-call", tr.t("plan-add-call")),
        List::Externals => ("plan-row-external", tr.t("plan-add-external")),
    }
}

/// What a list's rows are made with: the form's errors, the language and where the focus goes.
struct Rows<'a> {
    list: List,
    e: &'a Errors,
    tr: &'a Tr,
    focus: &'a str,
}

impl Rows<'_> {
    fn button(&self, id: String, op: String, label: &str, context: &str) -> RowButton {
        RowButton { autofocus: self.focus == id, id, op, label: self.tr.t(label), context: context.to_owned() }
    }

    /// Row `k`'s fields, labelled with their column and read out with the row ("Steg 3: ").
    fn cells(&self, k: usize, row: &str, values: &[String]) -> Vec<RowCell> {
        let (list, tr) = (self.list, self.tr);
        columns(list)
            .iter()
            .zip(list.fields())
            .zip(values)
            .map(|(((label, kind, max), field), value)| {
                let name = list.field_name(k, field);
                RowCell {
                    error: self.e.message(&name, tr),
                    autofocus: self.focus == name,
                    label: tr.t(label),
                    prefix: format!("{}: ", first_upper(row)),
                    value: value.clone(),
                    kind,
                    maxlength: *max,
                    name,
                }
            })
            .collect()
    }

    /// Row `k` of `n`, with its buttons to move it up or down and to remove it.
    fn row(&self, k: usize, n: usize, values: &[String]) -> RowView {
        let list = self.list;
        let (row_id, _) = names(list, self.tr);
        let row = self.tr.tn(row_id, (k + 1) as i64);
        let id = list.row_id(k);
        RowView {
            up: (k > 0).then(|| self.button(format!("{id}-up"), list.op(Move::Up(k)), "plan-move-up", &row)),
            down: (k + 1 < n)
                .then(|| self.button(format!("{id}-down"), list.op(Move::Down(k)), "plan-move-down", &row)),
            remove: self.button(format!("{id}-remove"), list.op(Move::Remove(k)), "plan-remove-row", &row),
            cells: self.cells(k, &row, values),
            id,
            number: k + 1,
        }
    }
}

/// The list as the form holds it, with the errors found and the focus after a change.
pub fn row_list(form: &FormData, e: &Errors, tr: &Tr, list: List, cap: usize, focus: &str) -> RowList {
    let rows = edit_rows::read(form, list, cap);
    let n = rows.len();
    let made = Rows { list, e, tr, focus };
    let (_, add_label) = names(list, tr);
    let block_id = list.block_id();
    let add_id = format!("{block_id}-add");
    let (class, empty) = match list {
        List::Steps(_) => ("steps", "plan-no-steps"),
        List::Calls => ("calls", "plan-calls-empty"),
        List::Externals => ("externals", "plan-externals-empty"),
    };
    RowList {
        class,
        count_name: list.count_name(),
        count: n,
        columns: columns(list).iter().map(|(label, _, _)| tr.t(label)).collect(),
        rows: rows.iter().enumerate().map(|(k, values)| made.row(k, n, values)).collect(),
        add: RowButton {
            autofocus: focus == add_id,
            id: add_id,
            op: list.op(Move::Add),
            label: add_label,
            context: String::new(),
        },
        empty: tr.t(empty),
        notice: None,
        picker: None,
        picker_focus: false,
        block_id,
    }
}

/// The error summary's lines for the list's fields: "Ringlista, person 2, telefon: …".
pub fn row_errors(list: &RowList, list_name: &str) -> Vec<(String, String)> {
    list.rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter_map(|c| {
            c.error.as_ref().map(|err| {
                let row = first_lower(c.prefix.trim_end_matches([':', ' ']));
                (c.name.clone(), format!("{list_name}, {row}, {}: {err}", first_lower(&c.label)))
            })
        })
        .collect()
}

fn phone_of(p: &crate::store::people::Person) -> Option<&str> {
    p.work_phone.as_deref().or(p.private_phone.as_deref())
}

/// The staff with a phone number, the plan's units first, by unit.
pub fn call_picker(lk: &Lookups, units: &[i64], tr: &Tr) -> Picker {
    let mut order: Vec<&crate::store::units::Unit> = lk.units.iter().collect();
    order.sort_by_key(|u| (!units.contains(&u.id), u.name.clone()));
    let groups = order
        .into_iter()
        .filter_map(|u| {
            let mut people: Vec<(String, String)> = lk
                .people
                .iter()
                .filter(|p| p.kind == beredd_domain::ContactKind::Staff && p.unit_id == Some(u.id))
                .filter_map(|p| {
                    let phone = phone_of(p)?;
                    let title = p.title.as_deref().map(|t| format!(", {t}")).unwrap_or_default();
                    Some((p.id.to_string(), format!("{}{title}, {phone}", p.name)))
                })
                .collect();
            people.sort_by(|a, b| a.1.cmp(&b.1));
            (!people.is_empty()).then(|| (u.name.clone(), people))
        })
        .collect();
    Picker {
        name: "call_person",
        op: edit_rows::PICK_CALL,
        label: tr.t("plan-pick-call"),
        hint: tr.t("plan-pick-call-hint"),
        button: tr.t("plan-pick-add"),
        groups,
    }
}

/// The outside contacts of the people register.
pub fn external_picker(lk: &Lookups, tr: &Tr) -> Picker {
    let mut contacts: Vec<(String, String)> = lk
        .people
        .iter()
        .filter(|p| p.kind == beredd_domain::ContactKind::External)
        .map(|p| {
            let org = p.organisation.as_deref().map(|o| format!(" ({o})")).unwrap_or_default();
            let phone = phone_of(p).map(|ph| format!(", {ph}")).unwrap_or_default();
            (p.id.to_string(), format!("{}{org}{phone}", p.name))
        })
        .collect();
    contacts.sort_by(|a, b| a.1.cmp(&b.1));
    let groups = if contacts.is_empty() { Vec::new() } else { vec![(tr.t("plan-pick-externals-group"), contacts)] };
    Picker {
        name: "external_person",
        op: edit_rows::PICK_EXTERNAL,
        label: tr.t("plan-pick-external"),
        hint: tr.t("plan-pick-external-hint"),
        button: tr.t("plan-pick-add"),
        groups,
    }
}

/// Adds the person or contact chosen in the picker as a new row, and empties the picker; returns
/// the new row's first field, to get the focus. Nothing happens when nothing (or no known
/// person) is chosen.
pub fn pick(form: &mut FormData, lk: &Lookups, list: List, cap: usize) -> Option<String> {
    let picker = if list == List::Calls { "call_person" } else { "external_person" };
    let chosen = form.text(picker).parse::<i64>().ok().and_then(|id| lk.person(id));
    form.set(picker, "");
    let p = chosen?;
    let mut rows = edit_rows::read(form, list, cap);
    if rows.len() >= cap {
        return None;
    }
    let phone = phone_of(p).unwrap_or_default().to_owned();
    rows.push(match list {
        List::Calls => vec![p.name.clone(), p.title.clone().unwrap_or_default(), phone, String::new()],
        _ => {
            let name = match &p.organisation {
                Some(o) => format!("{} ({o})", p.name),
                None => p.name.clone(),
            };
            vec![name, phone, p.title.clone().unwrap_or_default()]
        }
    });
    edit_rows::write(form, list, &rows);
    Some(list.field_name(rows.len() - 1, list.fields()[0]))
}
