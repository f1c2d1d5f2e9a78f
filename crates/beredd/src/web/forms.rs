//! Posted forms and the generic form fields every register's page is built from.

use std::collections::HashMap;

use beredd_domain::FieldError;

use crate::platform::i18n::Tr;

/// The fields of a posted form, in order; a name may occur several times (check boxes).
#[derive(Debug, Default, Clone)]
pub struct FormData {
    pairs: Vec<(String, String)>,
}

impl FormData {
    pub fn parse(bytes: &[u8]) -> FormData {
        FormData { pairs: form_urlencoded::parse(bytes).into_owned().collect() }
    }
    pub fn from_pairs(pairs: Vec<(String, String)>) -> FormData {
        FormData { pairs }
    }
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    pub fn text(&self, name: &str) -> &str {
        self.get(name).unwrap_or("")
    }
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }
    pub fn checked(&self, name: &str) -> bool {
        matches!(self.get(name), Some("on" | "true" | "1"))
    }
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.pairs.retain(|(k, _)| k != name);
        self.pairs.push((name.to_owned(), value.into()));
    }
    pub fn push(&mut self, name: &str, value: impl Into<String>) {
        self.pairs.push((name.to_owned(), value.into()));
    }
}

/// Field errors collected while parsing a form, keyed by field name.
#[derive(Debug, Default, Clone)]
pub struct Errors(pub HashMap<String, FieldError>);

impl Errors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn add(&mut self, field: impl Into<String>, e: FieldError) {
        self.0.entry(field.into()).or_insert(e);
    }
    /// Keeps the value, or records the error and returns the default.
    pub fn take<T: Default>(&mut self, field: impl Into<String>, r: Result<T, FieldError>) -> T {
        r.unwrap_or_else(|e| {
            self.add(field, e);
            T::default()
        })
    }
    /// Adds what a use case found wrong; a field that has an error keeps it.
    pub fn absorb(&mut self, found: crate::services::Invalid) {
        for (field, e) in found.0 {
            self.add(field, e);
        }
    }
    pub fn message(&self, field: &str, tr: &Tr) -> Option<String> {
        self.0.get(field).map(|e| error_text(e, tr))
    }
}

impl From<crate::services::Invalid> for Errors {
    fn from(found: crate::services::Invalid) -> Errors {
        let mut e = Errors::default();
        e.absorb(found);
        e
    }
}

pub use crate::services::invalid::error_text;

/// The error summary of a form: (field id, "Label: message") for each field with an error.
/// A group of check boxes is linked through its first box, which can take focus.
pub fn summary(fields: &[Field]) -> Vec<(String, String)> {
    fields
        .iter()
        .filter_map(|f| {
            let target = match (&f.kind, f.choices.first()) {
                (FieldKind::MultiCheck | FieldKind::Radio, Some(c)) => format!("{}-{}", f.name, c.value),
                _ => f.name.to_owned(),
            };
            f.error.as_ref().map(|e| (target, format!("{}: {e}", f.label)))
        })
        .collect()
}

/// Parses an optional id from a select box: empty is none, anything not a known id is an error.
pub use crate::services::invalid::optional_id;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// A day: the browser's date picker, which also takes typing, and sends ÅÅÅÅ-MM-DD.
    Date,
    TextArea,
    Number,
    Tel,
    Email,
    Password,
    Checkbox,
    Select,
    /// Several check boxes under one legend.
    MultiCheck,
    /// One choice among radio buttons under one legend.
    Radio,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// Indentation for trees (units); 0 for flat lists.
    pub depth: usize,
}

/// One input with its label, value, hint and error, ready for `_field.html`.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub label: String,
    pub kind: FieldKind,
    pub value: String,
    pub values: Vec<String>,
    pub choices: Vec<Choice>,
    pub required: bool,
    pub hint: Option<String>,
    /// A hint of its own for some choices of a radio group or check boxes, by value: shown under
    /// the choice's label and read with it (`aria-describedby`).
    pub choice_hints: Vec<(String, String)>,
    pub error: Option<String>,
    pub autocomplete: &'static str,
    pub maxlength: usize,
    /// "obligatorisk" in the user's language, shown after a required field's label.
    pub required_text: String,
}

impl Field {
    pub fn new(
        name: impl Into<String>,
        label: String,
        kind: FieldKind,
        form: &FormData,
        errors: &Errors,
        tr: &Tr,
    ) -> Field {
        let name: String = name.into();
        Field {
            label,
            value: form.text(&name).to_owned(),
            values: form.all(&name).into_iter().map(str::to_owned).collect(),
            kind,
            choices: Vec::new(),
            required: false,
            hint: None,
            choice_hints: Vec::new(),
            error: errors.message(&name, tr),
            name,
            autocomplete: "off",
            maxlength: 0,
            required_text: tr.t("field-required"),
        }
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }
    pub fn choices(mut self, choices: Vec<Choice>) -> Self {
        self.choices = choices;
        self
    }
    pub fn choice_hints(mut self, hints: Vec<(String, String)>) -> Self {
        self.choice_hints = hints;
        self
    }
    /// The hint of the choice `value`, if it has one.
    pub fn choice_hint(&self, value: &str) -> Option<&str> {
        self.choice_hints.iter().find(|(v, _)| v == value).map(|(_, h)| h.as_str())
    }
    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = a;
        self
    }
    /// The longest value the input takes; a date input has no such attribute (its value is
    /// always ÅÅÅÅ-MM-DD), so there it is left out.
    pub fn maxlength(mut self, n: usize) -> Self {
        if self.kind != FieldKind::Date {
            self.maxlength = n;
        }
        self
    }
    pub fn is_checked(&self) -> bool {
        matches!(self.value.as_str(), "on" | "true" | "1")
    }
    pub fn has_value(&self, v: &str) -> bool {
        self.values.iter().any(|x| x == v) || self.value == v
    }
    pub fn is_textarea(&self) -> bool {
        self.kind == FieldKind::TextArea
    }
    pub fn is_checkbox(&self) -> bool {
        self.kind == FieldKind::Checkbox
    }
    pub fn is_select(&self) -> bool {
        self.kind == FieldKind::Select
    }
    pub fn is_multi(&self) -> bool {
        self.kind == FieldKind::MultiCheck || self.kind == FieldKind::Radio
    }
    pub fn choice_type(&self) -> &'static str {
        if self.kind == FieldKind::Radio { "radio" } else { "checkbox" }
    }
    pub fn input_type(&self) -> &'static str {
        match self.kind {
            FieldKind::Number => "number",
            FieldKind::Tel => "tel",
            FieldKind::Email => "email",
            FieldKind::Password => "password",
            FieldKind::Date => "date",
            _ => "text",
        }
    }
    /// Ids of the hint and error paragraphs, for `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }
    pub fn indent(&self, depth: &usize) -> String {
        "\u{2003}".repeat(*depth)
    }
}

/// "Ja"/"Nej" in the user's language.
pub(crate) fn yes_no(b: bool, tr: &Tr) -> String {
    tr.t(if b { "yes" } else { "no" })
}

pub(crate) fn opt_string(v: Option<i64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

pub(crate) fn flag(b: bool) -> String {
    if b { "on".into() } else { String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_out_of_range_names_both_ends() {
        use crate::platform::i18n::{Catalog, Lang};
        let tr = Tr::new(Catalog::load(), Lang::Sv);
        let e = FieldError::Number { min: 1, max: 365 };
        assert_eq!(error_text(&e, &tr), "Ange ett heltal från 1 till och med 365.");
    }

    #[test]
    fn repeated_names_are_all_kept() {
        let f = FormData::parse(b"units=1&units=2&name=Hemtj%C3%A4nst");
        assert_eq!(f.all("units"), ["1", "2"]);
        assert_eq!(f.get("name"), Some("Hemtjänst"));
    }

    #[test]
    fn an_id_must_be_one_we_know() {
        assert_eq!(optional_id("", |_| false), Ok(None));
        assert_eq!(optional_id("7", |id| id == 7), Ok(Some(7)));
        assert_eq!(optional_id("8", |id| id == 7), Err(FieldError::Missing));
        assert_eq!(optional_id("x", |_| true), Err(FieldError::Missing));
    }
}
