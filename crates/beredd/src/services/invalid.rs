//! Input a use case refused: for each field of the form it came from, why. A use case names the
//! fields after its input (its draft's field names); the web layer shows each message at its field.

use beredd_domain::FieldError;

use crate::platform::i18n::Tr;

/// The refused fields and why, in the order found; the first error found for a field is the one
/// kept. The page shows each beside its field.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Invalid(pub Vec<(String, FieldError)>);

impl Invalid {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| f == field)
    }
    pub fn add(&mut self, field: impl Into<String>, e: FieldError) {
        let field = field.into();
        if !self.has(&field) {
            self.0.push((field, e));
        }
    }
    /// The error kept for a field.
    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, e)| e)
    }
    /// The same with one more error.
    pub fn with(mut self, field: impl Into<String>, e: FieldError) -> Invalid {
        self.add(field, e);
        self
    }
    /// Keeps the value, or records the error and returns the default.
    pub fn take<T: Default>(&mut self, field: impl Into<String>, r: Result<T, FieldError>) -> T {
        r.unwrap_or_else(|e| {
            self.add(field, e);
            T::default()
        })
    }
    /// `Ok(value)` when nothing was refused.
    pub fn or<T>(self, value: T) -> Result<T, Invalid> {
        if self.is_empty() { Ok(value) } else { Err(self) }
    }
}

/// An optional id from a choice: empty is none, anything but a known id is an error.
pub fn optional_id(input: &str, known: impl Fn(i64) -> bool) -> Result<Option<i64>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<i64>() {
        Ok(id) if known(id) => Ok(Some(id)),
        _ => Err(FieldError::Missing),
    }
}

/// The message that explains an error; one on a line of a text area starts with the line.
pub fn error_text(e: &FieldError, tr: &Tr) -> String {
    let text = |e: &FieldError| match (e, e.arg(), e.text_arg()) {
        (FieldError::Number { min, max }, _, _) => {
            tr.args(e.message_id(), &[("min", &min.to_string()), ("n", &max.to_string())])
        }
        (_, Some(n), _) => tr.tn(e.message_id(), n),
        (_, None, Some((name, value))) => tr.ts(e.message_id(), name, value),
        (_, None, None) => tr.t(e.message_id()),
    };
    match e {
        FieldError::Line { line, error } => format!("{} {}", tr.tn("err-on-line", *line as i64), text(error)),
        e => text(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_error_of_a_field_is_the_one_kept_and_a_taken_value_falls_back_to_its_default() {
        let mut i = Invalid::default();
        assert_eq!(i.take("a", Ok::<_, FieldError>(Some(3))), Some(3));
        assert!(i.is_empty());
        assert_eq!(i.take("a", Err::<Option<i64>, _>(FieldError::Required)), None);
        i.add("a", FieldError::Choice);
        assert!(i.has("a") && !i.has("b"));
        assert!(matches!(i.get("a"), Some(FieldError::Required)));
        assert!(i.or(()).is_err());
        assert_eq!(Invalid::default().or(7).unwrap(), 7);
    }

    #[test]
    fn an_optional_id_is_empty_or_one_that_is_known() {
        assert_eq!(optional_id(" ", |_| false), Ok(None));
        assert_eq!(optional_id("4", |id| id == 4), Ok(Some(4)));
        assert_eq!(optional_id("5", |id| id == 4), Err(FieldError::Missing));
        assert_eq!(optional_id("x", |_| true), Err(FieldError::Missing));
    }
}
