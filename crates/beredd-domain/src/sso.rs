//! Single sign-on's group mapping: which groups at the organisation's identity provider give
//! which role in Beredd, and (for unit managers) which units. The administrator writes it as
//! lines of text, one group a line:
//!
//! ```text
//! beredd-administratorer = admin
//! krisledning = crisis_staff
//! chefer-hemtjanst = unit_manager: 12, 14
//! ```
//!
//! A user with several groups gets the most privileged role among them (the order of
//! [`Role::ALL`]), and the units of every matching line with that role.

use crate::roles::Role;
use crate::text::FieldError;

/// One line of the mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRole {
    pub group: String,
    pub role: Role,
    pub units: Vec<i64>,
}

/// At most this many lines.
pub const MAX_LINES: usize = 200;

/// Reads the mapping; an error names the line (1-based). Empty lines and lines starting with
/// `#` are skipped.
pub fn parse(text: &str) -> Result<Vec<GroupRole>, FieldError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |error: FieldError| FieldError::Line { line: i + 1, error: Box::new(error) };
        if line.chars().any(char::is_control) {
            return Err(at(FieldError::ControlChars));
        }
        let Some((group, right)) = line.rsplit_once('=') else { return Err(at(FieldError::Choice)) };
        let group = group.trim();
        if group.is_empty() {
            return Err(at(FieldError::Required));
        }
        if group.chars().count() > 200 {
            return Err(at(FieldError::TooLong { max: 200 }));
        }
        let (role, units) = match right.split_once(':') {
            Some((role, units)) => (role, Some(units)),
            None => (right, None),
        };
        let role = Role::parse(role).map_err(at)?;
        let mut ids = Vec::new();
        for u in units.unwrap_or_default().split(',').map(str::trim).filter(|u| !u.is_empty()) {
            match u.parse::<i64>() {
                Ok(id) if id > 0 => ids.push(id),
                _ => return Err(at(FieldError::Missing)),
            }
        }
        if role == Role::UnitManager && ids.is_empty() {
            return Err(at(FieldError::NothingChosen));
        }
        if role != Role::UnitManager && !ids.is_empty() {
            return Err(at(FieldError::Choice));
        }
        out.push(GroupRole { group: group.to_owned(), role, units: ids });
        if out.len() > MAX_LINES {
            return Err(FieldError::TooManyLines { max: MAX_LINES });
        }
    }
    Ok(out)
}

/// The role and units `groups` give, or `None` when no line matches: the provider let the user
/// in, but the organisation has not let them into Beredd. Groups are compared without regard to
/// case.
pub fn resolve(mapping: &[GroupRole], groups: &[String]) -> Option<(Role, Vec<i64>)> {
    let matched: Vec<&GroupRole> =
        mapping.iter().filter(|m| groups.iter().any(|g| g.trim().eq_ignore_ascii_case(&m.group))).collect();
    let role = Role::ALL.iter().copied().find(|r| matched.iter().any(|m| m.role == *r))?;
    let mut units: Vec<i64> = matched.iter().filter(|m| m.role == role).flat_map(|m| m.units.iter().copied()).collect();
    units.sort_unstable();
    units.dedup();
    Some((role, units))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPPING: &str = "# Beredd\nberedd-admin = admin\n\nkrisledning = crisis_staff\nchefer = unit_manager: 4, 2\nchefer-norr = unit_manager: 7\nalla = reader\n";

    fn groups(g: &[&str]) -> Vec<String> {
        g.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_most_privileged_matching_role_wins_with_the_units_of_its_lines() {
        let m = parse(MAPPING).unwrap();
        assert_eq!(m.len(), 5);
        assert_eq!(resolve(&m, &groups(&["alla", "KRISLEDNING"])), Some((Role::CrisisStaff, vec![])));
        assert_eq!(resolve(&m, &groups(&["alla", "chefer", "chefer-norr"])), Some((Role::UnitManager, vec![2, 4, 7])));
        assert_eq!(resolve(&m, &groups(&["beredd-admin", "chefer"])), Some((Role::Admin, vec![])));
        assert_eq!(resolve(&m, &groups(&["någon-annan"])), None);
        assert_eq!(resolve(&m, &[]), None);
    }

    #[test]
    fn a_bad_line_is_named() {
        let line = |text: &str| match parse(text) {
            Err(FieldError::Line { line, error }) => (line, *error),
            other => panic!("expected a line error, got {other:?}"),
        };
        assert_eq!(line("a = admin\nb = chef"), (2, FieldError::Choice));
        assert_eq!(line("\n\nb = unit_manager"), (3, FieldError::NothingChosen));
        assert_eq!(line("b = unit_manager: x"), (1, FieldError::Missing));
        assert_eq!(line("b = reader: 3"), (1, FieldError::Choice));
        assert_eq!(line(" = reader"), (1, FieldError::Required));
        assert_eq!(line("utan likhetstecken"), (1, FieldError::Choice));
        assert!(parse("").unwrap().is_empty());
    }
}
