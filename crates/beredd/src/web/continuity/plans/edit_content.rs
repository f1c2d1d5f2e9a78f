//! The plan's content in the editor's form and back: routines (their steps as rows of "who" and
//! "what"), the call list and the external contacts as rows, the rest as text fields. Reading the
//! form back checks every field and keys each error by the field's name.

use super::edit_rows::{self, List, blank};
use super::*;

pub const LONG: usize = 4000;
/// A step's text, and the longest a role before it may be.
pub const STEP: usize = 600;
pub const ROLE: usize = 40;

/// How many blocks and rows the editor takes: enough for any plan a person keeps up, and at
/// least every one the plan already has (the first draft holds one routine per critical activity,
/// however many), so no stored block is ever left out of the form. A form saying it holds more is
/// refused with a message instead of being cut short (security review F11).
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    pub routines: usize,
    pub checklists: usize,
    /// Steps in one routine.
    pub steps: usize,
    pub calls: usize,
    pub externals: usize,
}

impl Caps {
    const ROUTINES: usize = 200;
    const CHECKLISTS: usize = 100;
    const STEPS: usize = 100;
    const CALLS: usize = 500;
    const EXTERNALS: usize = 200;

    /// The caps for a plan whose newest content is `stored` (with room for one new block or row).
    pub fn for_plan(stored: Option<&PlanContent>) -> Caps {
        let empty = PlanContent::default();
        let c = stored.unwrap_or(&empty);
        let steps = c.routines.iter().map(|r| r.steps.len()).max().unwrap_or(0);
        Caps {
            routines: Caps::ROUTINES.max(c.routines.len() + 1),
            checklists: Caps::CHECKLISTS.max(c.checklists.len() + 1),
            steps: Caps::STEPS.max(steps + 1),
            calls: Caps::CALLS.max(c.call_list.len() + 1),
            externals: Caps::EXTERNALS.max(c.externals.len() + 1),
        }
    }
    pub fn of(&self, list: List) -> usize {
        match list {
            List::Steps(_) => self.steps,
            List::Calls => self.calls,
            List::Externals => self.externals,
        }
    }
}

/// How many blocks the form says it holds: a number no larger than `cap`, or what it says when it
/// says more, as the error.
pub fn count(form: &FormData, name: &str, cap: usize) -> Result<usize, usize> {
    match form.text(name).trim().parse::<usize>() {
        Ok(n) if n > cap => Err(n),
        Ok(n) => Ok(n),
        Err(_) => Ok(0),
    }
}

/// The blocks the editor shows: every one the form holds, within the cap.
pub fn shown(form: &FormData, name: &str, cap: usize) -> usize {
    count(form, name, cap).unwrap_or(cap).max(1)
}

/// The messages for counts above the caps, to stand first in the error summary: (id, text).
pub fn count_errors(form: &FormData, caps: Caps, tr: &Tr) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut too_many = |id: String, message: &str, n: usize, max: usize| {
        out.push((id, tr.args(message, &[("n", &n.to_string()), ("max", &max.to_string())])));
    };
    if let Err(n) = count(form, "routines", caps.routines) {
        too_many("routines-heading".into(), "plan-too-many-routines", n, caps.routines);
    }
    for i in 0..shown(form, "routines", caps.routines) {
        if let Err(n) = edit_rows::count(form, List::Steps(i), caps.steps) {
            too_many(format!("r{i}-steps"), "plan-too-many-steps", n, caps.steps);
        }
    }
    if let Err(n) = edit_rows::count(form, List::Calls, caps.calls) {
        too_many("calls".into(), "plan-too-many-calls", n, caps.calls);
    }
    if let Err(n) = edit_rows::count(form, List::Externals, caps.externals) {
        too_many("externals".into(), "plan-too-many-externals", n, caps.externals);
    }
    if let Err(n) = count(form, "checklists", caps.checklists) {
        too_many("checklists-heading".into(), "plan-too-many-checklists", n, caps.checklists);
    }
    out
}

/// A form from before the call list and the steps were rows (a page left open across an update):
/// it is refused rather than read as empty lists.
pub fn outdated(form: &FormData) -> bool {
    form.get("call_list").is_some() && form.get("calls_n").is_none()
}

/// A routine's values in the form, as block `i`; its steps as rows (one empty row when none).
fn set_routine(f: &mut FormData, i: usize, r: &RoutinePlan) {
    f.set(&format!("r{i}_activity_id"), r.activity_id.map(|a| a.to_string()).unwrap_or_default());
    f.set(&format!("r{i}_activity"), r.activity.clone());
    f.set(&format!("r{i}_trigger"), r.trigger.clone());
    let mut steps: Vec<Vec<String>> = r
        .steps
        .iter()
        .map(|s| {
            let (role, text) = step_parts(s);
            vec![role.unwrap_or("").to_owned(), text.to_owned()]
        })
        .collect();
    if steps.is_empty() {
        steps.push(vec![String::new(); 2]);
    }
    edit_rows::write(f, List::Steps(i), &steps);
    f.set(&format!("r{i}_resources"), r.resources.join("\n"));
    f.set(&format!("r{i}_switch_back"), r.switch_back.clone());
    f.set(&format!("r{i}_reentry"), r.reentry.join("\n"));
}

/// The hotline, communication and checklists in the form (with one empty checklist at the end).
fn set_rest(f: &mut FormData, c: &PlanContent) {
    f.set("hotline_number", c.hotline.number.clone());
    f.set("hotline_hours", c.hotline.hours.clone());
    f.set("hotline_answered_by", c.hotline.answered_by.clone());
    f.set("hotline_script", c.hotline.script.clone());
    f.set("comm_web", c.communication.web.clone());
    f.set("comm_hotline", c.communication.hotline.clone());
    f.set("comm_media", c.communication.media.clone());
    f.set("comm_spokesperson", c.communication.spokesperson.clone());
    f.set("checklists", (c.checklists.len() + 1).to_string());
    for (i, cl) in c.checklists.iter().enumerate() {
        f.set(&format!("c{i}_title"), cl.title.clone());
        f.set(&format!("c{i}_items"), cl.items.join("\n"));
    }
}

/// The form's values for a stored content (and the plan's name, units and review date).
pub fn form_from(plan: &plans::Plan, c: &PlanContent, note: &str) -> FormData {
    let mut f = FormData::default();
    f.set("name", plan.name.clone());
    for u in &plan.unit_ids {
        f.push("units", u.to_string());
    }
    f.set("review_due", plan.review_due.map(|d| d.to_string()).unwrap_or_default());
    f.set("change_note", note);
    f.set("lead", c.lead.clone());
    f.set("routines", (c.routines.len() + 1).to_string());
    for (i, r) in c.routines.iter().enumerate() {
        set_routine(&mut f, i, r);
    }
    // The empty routine at the end starts with one empty step.
    edit_rows::write(&mut f, List::Steps(c.routines.len()), &[vec![String::new(); 2]]);
    let calls: Vec<Vec<String>> =
        c.call_list.iter().map(|x| vec![x.name.clone(), x.role.clone(), x.phone.clone(), x.calls.clone()]).collect();
    edit_rows::write(&mut f, List::Calls, &calls);
    let externals: Vec<Vec<String>> =
        c.externals.iter().map(|x| vec![x.name.clone(), x.phone.clone(), x.purpose.clone()]).collect();
    edit_rows::write(&mut f, List::Externals, &externals);
    set_rest(&mut f, c);
    f
}

/// One line of text in a row, checked; the error keyed by the field's name.
fn line(e: &mut Errors, name: String, value: &str, max: usize) -> String {
    e.take(name, text::optional_line(value, max)).unwrap_or_default()
}

/// A routine's steps: "Roll: vad som görs" when a role is given. An empty row is left out; a role
/// without a text is an error on the text.
fn steps(form: &FormData, e: &mut Errors, i: usize, cap: usize) -> Vec<String> {
    let list = List::Steps(i);
    let mut out = Vec::new();
    for (k, row) in edit_rows::read(form, list, cap).iter().enumerate() {
        if blank(row) {
            continue;
        }
        let role = line(e, list.field_name(k, "role"), row[0].trim().trim_end_matches(':'), ROLE);
        let text = line(e, list.field_name(k, "text"), &row[1], STEP);
        if text.is_empty() {
            e.add(list.field_name(k, "text"), FieldError::Required);
            continue;
        }
        out.push(if role.is_empty() { text } else { format!("{role}: {text}") });
    }
    out
}

fn call_list(form: &FormData, e: &mut Errors, cap: usize) -> Vec<CallEntry> {
    let list = List::Calls;
    let mut out = Vec::new();
    for (k, row) in edit_rows::read(form, list, cap).iter().enumerate() {
        if blank(row) {
            continue;
        }
        let name = line(e, list.field_name(k, "name"), &row[0], 200);
        let role = line(e, list.field_name(k, "role"), &row[1], 200);
        let phone = match text::optional_phone(&row[2]) {
            Ok(Some(p)) => p,
            Ok(None) => {
                e.add(list.field_name(k, "phone"), FieldError::Phone);
                String::new()
            }
            Err(err) => {
                e.add(list.field_name(k, "phone"), err);
                String::new()
            }
        };
        let calls = line(e, list.field_name(k, "calls"), &row[3], 400);
        if name.is_empty() {
            e.add(list.field_name(k, "name"), FieldError::Required);
        }
        out.push(CallEntry { name, role, phone, calls });
    }
    out
}

fn externals(form: &FormData, e: &mut Errors, cap: usize) -> Vec<ExternalContact> {
    let list = List::Externals;
    let mut out = Vec::new();
    for (k, row) in edit_rows::read(form, list, cap).iter().enumerate() {
        if blank(row) {
            continue;
        }
        let name = line(e, list.field_name(k, "name"), &row[0], 200);
        // The number may be left for the unit to fill in; what is there must be a number.
        let phone = e.take(list.field_name(k, "phone"), text::optional_phone(&row[1])).unwrap_or_default();
        let purpose = line(e, list.field_name(k, "purpose"), &row[2], 400);
        if name.is_empty() {
            e.add(list.field_name(k, "name"), FieldError::Required);
        }
        out.push(ExternalContact { name, phone, purpose });
    }
    out
}

/// A text field of up to `LONG` characters.
fn long_text(form: &FormData, e: &mut Errors, name: &str) -> String {
    e.take(name.to_owned(), text::optional_text(form.text(name), LONG)).unwrap_or_default()
}

/// Routine block `i`: none when removed or left empty; one with content needs its activity.
fn routine(form: &FormData, e: &mut Errors, i: usize, caps: Caps) -> Option<RoutinePlan> {
    let k = |f: &str| format!("r{i}_{f}");
    if form.checked(&k("remove")) {
        return None;
    }
    let activity = e.take(k("activity"), text::optional_line(form.text(&k("activity")), 200)).unwrap_or_default();
    let trigger = long_text(form, e, &k("trigger"));
    let switch_back = long_text(form, e, &k("switch_back"));
    let list = |e: &mut Errors, f: &str| e.take(k(f), plan::lines(form.text(&k(f)), 600).map_err(FieldError::from));
    let steps = steps(form, e, i, caps.steps);
    let resources = list(e, "resources");
    let reentry = list(e, "reentry");
    let empty =
        trigger.is_empty() && switch_back.is_empty() && steps.is_empty() && resources.is_empty() && reentry.is_empty();
    if activity.is_empty() {
        if !empty {
            e.add(k("activity"), FieldError::Required);
        }
        return None;
    }
    let activity_id = form.text(&k("activity_id")).parse::<i64>().ok();
    Some(RoutinePlan { activity_id, activity, trigger, switch_back, steps, resources, reentry })
}

/// Checklist block `i`: none when removed or left empty; one with items needs its title.
fn checklist(form: &FormData, e: &mut Errors, i: usize) -> Option<Checklist> {
    let k = |f: &str| format!("c{i}_{f}");
    if form.checked(&k("remove")) {
        return None;
    }
    let title = e.take(k("title"), text::optional_line(form.text(&k("title")), 200)).unwrap_or_default();
    let items = e.take(k("items"), plan::lines(form.text(&k("items")), 600).map_err(FieldError::from));
    if title.is_empty() {
        if !items.is_empty() {
            e.add(k("title"), FieldError::Required);
        }
        return None;
    }
    Some(Checklist { title, items })
}

/// Reads the posted form into content; errors are keyed by field name. The counts have been
/// checked against the caps before.
pub fn parse(form: &FormData, e: &mut Errors, caps: Caps) -> PlanContent {
    let lead = long_text(form, e, "lead");
    let routines =
        (0..count(form, "routines", caps.routines).unwrap_or(0)).filter_map(|i| routine(form, e, i, caps)).collect();
    let call_list = call_list(form, e, caps.calls);
    let externals = externals(form, e, caps.externals);
    let number = e.take("hotline_number", text::optional_phone(form.text("hotline_number"))).unwrap_or_default();
    let hotline = Hotline {
        number,
        hours: long_text(form, e, "hotline_hours"),
        answered_by: long_text(form, e, "hotline_answered_by"),
        script: long_text(form, e, "hotline_script"),
    };
    let communication = Communication {
        web: long_text(form, e, "comm_web"),
        hotline: long_text(form, e, "comm_hotline"),
        media: long_text(form, e, "comm_media"),
        spokesperson: long_text(form, e, "comm_spokesperson"),
    };
    let checklists =
        (0..count(form, "checklists", caps.checklists).unwrap_or(0)).filter_map(|i| checklist(form, e, i)).collect();
    PlanContent { lead, routines, call_list, externals, hotline, communication, checklists }
}
