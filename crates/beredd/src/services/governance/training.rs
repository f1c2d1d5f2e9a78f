//! Who must take which course, who has, and what is due: per person, per unit and per course, on
//! a given day. A course applies to all staff, to the staff of the units it names and the units
//! below them, or to the people it names. A completion is recorded by hand, or comes from an
//! exercise: everyone among its participants or on its crisis staff roster whose name is that of
//! one member of staff has taken the organisation's crisis staff exercises on the exercise's day.
//! A unit manager sees the staff of their own units, those who edit all content everyone, anyone
//! else themselves. Also what the start page, the yearly cycle and the management review take.

use std::collections::HashMap;
use std::sync::Arc;

use beredd_domain::training::{CourseKind, Standing, add_months, standing};
use beredd_domain::{ContactKind, Role, access};

use crate::platform::clock::{self, Day};
use crate::platform::db::{Db, DbError};
use crate::store::training::{self as store, Course};
use crate::store::{people, units};

/// Who is looking: their role, the units granted to them, and the person they are in the register.
pub struct Viewer<'a> {
    pub role: Role,
    pub granted: &'a [i64],
    pub person: Option<i64>,
}

/// A course with the units or people it names.
pub struct CourseView {
    pub course: Course,
    pub unit_ids: Vec<i64>,
    pub person_ids: Vec<i64>,
}

/// Where a completion comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Recorded by hand: the completion's id, who recorded it, and the note.
    Recorded { id: i64, by: String, note: Option<String> },
    /// Taking part in an exercise: its id and title.
    Exercise { incident: i64, title: String },
}

/// That a person took a course on a day.
#[derive(Debug, Clone)]
pub struct Done {
    pub course_id: i64,
    pub person_id: i64,
    pub on: Day,
    pub source: Source,
}

/// One person's standing with one course they must take, and their last completion.
pub struct Status<'a> {
    pub course: &'a CourseView,
    pub person: &'a people::Person,
    pub standing: Standing,
    pub last: Option<&'a Done>,
}

/// How many of those who must take a course in a unit have taken it (valid today). For the
/// management review too. `unit_id` is none for staff with no unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub course_id: i64,
    pub course: String,
    pub unit_id: Option<i64>,
    pub unit: String,
    pub required: usize,
    pub done: usize,
}

impl Coverage {
    pub fn percent(&self) -> Option<u32> {
        beredd_domain::training::percent(self.done, self.required)
    }
}

/// The organisation's courses and completions, with what deciding who must take them needs.
pub struct Registry {
    pub courses: Vec<CourseView>,
    pub people: Arc<Vec<people::Person>>,
    pub units: Arc<Vec<units::Unit>>,
    parents: HashMap<i64, Option<i64>>,
    pub done: Vec<Done>,
}

/// The registry, with the people and units this process keeps (`store::versions::kept`).
pub async fn load(db: &Db, org: i64) -> Result<Registry, DbError> {
    build(&db.pool, org, super::kept_staff(db, org).await?).await
}

/// The registry read from the database alone (the management review's figures).
pub async fn load_from(pool: &sqlx::AnyPool, org: i64) -> Result<Registry, DbError> {
    build(pool, org, super::read_staff(pool, org).await?).await
}

async fn build(pool: &sqlx::AnyPool, org: i64, (people, units): super::Staff) -> Result<Registry, DbError> {
    let (named_units, named_people) = (store::units(pool, org).await?, store::people(pool, org).await?);
    let courses: Vec<CourseView> = store::list(pool, org)
        .await?
        .into_iter()
        .map(|course| CourseView {
            unit_ids: named_units.iter().filter(|(c, _)| *c == course.id).map(|(_, u)| *u).collect(),
            person_ids: named_people.iter().filter(|(c, _)| *c == course.id).map(|(_, p)| *p).collect(),
            course,
        })
        .collect();
    let mut done: Vec<Done> = store::completions(pool, org)
        .await?
        .into_iter()
        .map(|c| Done {
            course_id: c.course_id,
            person_id: c.person_id,
            on: c.completed_on,
            source: Source::Recorded { id: c.id, by: c.recorded_by, note: c.note },
        })
        .collect();
    let exercise_courses: Vec<i64> =
        courses.iter().filter(|c| c.course.kind == CourseKind::CrisisExercise).map(|c| c.course.id).collect();
    if !exercise_courses.is_empty() {
        let staff = Staff::of(&people);
        let rosters = store::exercise_rosters(pool, org).await?;
        for x in store::exercises(pool, org).await? {
            let typed = x.participants.as_deref().unwrap_or("").lines().map(str::to_owned);
            let names = typed.chain(rosters.iter().filter(|(i, _)| *i == x.id).map(|(_, n)| n.clone()));
            let mut found: Vec<i64> = names.filter_map(|n| staff.named(&n)).collect();
            found.sort_unstable();
            found.dedup();
            // The exercise's Swedish day; an exercise with no time it began counts for nobody.
            let Some(on) = clock::day_of(&x.discovered_at) else { continue };
            for person_id in found {
                for course_id in &exercise_courses {
                    let source = Source::Exercise { incident: x.id, title: x.title.clone() };
                    done.push(Done { course_id: *course_id, person_id, on, source });
                }
            }
        }
    }
    done.sort_by_key(|d| std::cmp::Reverse(d.on));
    Ok(Registry { courses, people, parents: units.iter().map(|u| (u.id, u.parent_id)).collect(), units, done })
}

/// The staff by their names (trimmed, ASCII letters in lower case): the one member of staff
/// with a name, as a participant line gives it.
struct Staff(HashMap<String, Option<i64>>);

impl Staff {
    fn of(people: &[people::Person]) -> Staff {
        let mut by_name: HashMap<String, Option<i64>> = HashMap::new();
        for p in people.iter().filter(|p| p.kind == ContactKind::Staff) {
            // A second person of the same name makes the name name nobody.
            by_name.entry(p.name.trim().to_ascii_lowercase()).and_modify(|id| *id = None).or_insert(Some(p.id));
        }
        Staff(by_name)
    }

    /// The whole line, or what comes before a bracket, a comma or a dash ("Gunilla Eriksson
    /// (områdeschef)").
    fn named(&self, line: &str) -> Option<i64> {
        let whole = line.trim();
        let short = whole.split(['(', ',', '–']).next().unwrap_or("").split(" - ").next().unwrap_or("").trim();
        [whole, short]
            .into_iter()
            .filter(|n| !n.is_empty())
            .find_map(|name| self.0.get(&name.to_ascii_lowercase()).copied().flatten())
    }
}

impl Registry {
    pub fn course(&self, id: i64) -> Option<&CourseView> {
        self.courses.iter().find(|c| c.course.id == id)
    }

    pub fn person(&self, id: i64) -> Option<&people::Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn unit(&self, id: i64) -> Option<&units::Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// Whether `unit` is `top` or below it.
    pub fn within(&self, unit: Option<i64>, top: i64) -> bool {
        let mut at = unit;
        // The tree has no rings (the register refuses them); the bound is for safety alone.
        for _ in 0..64 {
            match at {
                Some(u) if u == top => return true,
                Some(u) => at = self.parents.get(&u).copied().flatten(),
                None => return false,
            }
        }
        false
    }

    /// Whether `p` must take `c`: staff, and all staff, in a unit it names, or named.
    pub fn required(&self, c: &CourseView, p: &people::Person) -> bool {
        use beredd_domain::training::Audience;
        p.kind == ContactKind::Staff
            && match c.course.audience {
                Audience::AllStaff => true,
                Audience::Units => c.unit_ids.iter().any(|u| self.within(p.unit_id, *u)),
                Audience::People => c.person_ids.contains(&p.id),
            }
    }

    /// Whether the viewer manages `unit`: those who edit all content every unit, a unit manager
    /// the units granted to them and those below.
    pub fn manages(&self, v: &Viewer, unit: i64) -> bool {
        v.role.edits_all_content()
            || (v.role == Role::UnitManager && access::may_edit_unit(v.role, v.granted, &self.parents, unit))
    }

    /// Whether the viewer may record training for `p`: a member of staff they manage (staff with
    /// no unit only for those who edit all content).
    pub fn may_record_for(&self, v: &Viewer, p: &people::Person) -> bool {
        p.kind == ContactKind::Staff && (v.role.edits_all_content() || p.unit_id.is_some_and(|u| self.manages(v, u)))
    }

    /// Whether the viewer sees how `p` stands: someone they may record for, or themselves.
    pub fn sees(&self, v: &Viewer, p: &people::Person) -> bool {
        self.may_record_for(v, p) || v.person == Some(p.id)
    }

    /// The last time `person` took `course`.
    pub fn last(&self, course: i64, person: i64) -> Option<&Done> {
        self.done.iter().filter(|d| d.course_id == course && d.person_id == person).max_by(|a, b| a.on.cmp(&b.on))
    }

    /// Every (course, person) where the person must take the course and `shown` says yes, with
    /// their standing on `today`; by course, then person.
    pub fn statuses(&self, today: Day, shown: impl Fn(&people::Person) -> bool) -> Vec<Status<'_>> {
        let today = today.number();
        // Each person's last completion of each course, found once (as `last` finds it).
        let mut latest: HashMap<(i64, i64), &Done> = HashMap::new();
        for d in &self.done {
            latest.entry((d.course_id, d.person_id)).and_modify(|l| *l = if d.on >= l.on { d } else { l }).or_insert(d);
        }
        let mut out = Vec::new();
        for c in &self.courses {
            for p in self.people.iter().filter(|p| shown(p) && self.required(c, p)) {
                let last = latest.get(&(c.course.id, p.id)).copied();
                let at = last.map(|d| d.on.number());
                out.push(Status { course: c, person: p, standing: standing(at, c.course.every_months, today), last });
            }
        }
        out
    }

    /// Per course and per unit with someone who must take it (staff counted in their own unit):
    /// how many must and how many have, among the people `shown` says yes to. By course, then unit
    /// name; staff with no unit last.
    pub fn coverage(&self, today: Day, shown: impl Fn(&people::Person) -> bool) -> Vec<Coverage> {
        let mut out: Vec<Coverage> = Vec::new();
        for s in self.statuses(today, shown) {
            let unit_id = s.person.unit_id;
            let at = out.iter().position(|c| c.course_id == s.course.course.id && c.unit_id == unit_id);
            let row = match at {
                Some(i) => &mut out[i],
                None => {
                    out.push(Coverage {
                        course_id: s.course.course.id,
                        course: s.course.course.name.clone(),
                        unit_id,
                        unit: unit_id.and_then(|u| self.unit(u)).map(|u| u.name.clone()).unwrap_or_default(),
                        required: 0,
                        done: 0,
                    });
                    out.last_mut().expect("just pushed")
                }
            };
            row.required += 1;
            row.done += usize::from(s.standing.is_done());
        }
        let key = |c: &Coverage| (c.unit_id.is_none(), beredd_domain::sort::swedish_key(&c.unit));
        let order: Vec<i64> = self.courses.iter().map(|c| c.course.id).collect();
        out.sort_by_key(|c| (order.iter().position(|x| *x == c.course_id), key(c)));
        out
    }
}

/// Coverage per course and unit on `day`, over all staff, counting only the training taken by
/// that day: what the management review shows, for this year and the last.
pub async fn coverage(pool: &sqlx::AnyPool, org: i64, day: Day) -> Result<Vec<Coverage>, DbError> {
    let mut register = load_from(pool, org).await?;
    register.done.retain(|d| d.on <= day);
    Ok(register.coverage(day, |_| true))
}

/// A course's training falling due, for the yearly cycle: the day (none: never taken), how many
/// people, and whether the day has passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleDue {
    pub course_id: i64,
    pub course: String,
    pub date: Option<Day>,
    pub people: usize,
    pub overdue: bool,
}

/// What falls due in `year`: for each course, the days completions run out in the year, with how
/// many people; in the current year also what is overdue from before and those who have never
/// taken it. By date, those never taken first.
pub fn cycle_in(reg: &Registry, year: i32, today: Day) -> Vec<CycleDue> {
    let this_year = today.year() == year;
    let mut out: Vec<CycleDue> = Vec::new();
    for s in reg.statuses(today, |_| true) {
        let date = s.standing.due().and_then(Day::from_number);
        let shown = match (date, s.standing.is_due()) {
            (_, true) if this_year => true,
            (Some(d), _) => d.year() == year,
            (None, _) => false,
        };
        if !shown {
            continue;
        }
        let id = s.course.course.id;
        match out.iter_mut().find(|c| c.course_id == id && c.date == date) {
            Some(c) => c.people += 1,
            None => out.push(CycleDue {
                course_id: id,
                course: s.course.course.name.clone(),
                overdue: s.standing.is_due(),
                date,
                people: 1,
            }),
        }
    }
    out.sort_by(|a, b| (a.date.is_some(), &a.date, &a.course).cmp(&(b.date.is_some(), &b.date, &b.course)));
    out
}

/// When a completion on `on` runs out for a course recurring every `every` months.
pub fn valid_until(on: Day, every: Option<i64>) -> Option<Day> {
    let every = every.filter(|m| *m > 0)?;
    Day::from_number(add_months(on.number(), every))
}
