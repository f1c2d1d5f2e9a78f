//! The paper forms a plan's template brings (journalblad, signeringslista, telefonordination …):
//! each form once in a binder or kit, however many of its plans bring it, in the order of
//! `plan_templates::FORMS`. The layouts are in `beredd-render/typst/forms.typ`; the kit draws the
//! same forms as plain tables from `columns`.

use serde_json::{Value, json};

use crate::content::plan_templates::FORMS;
use crate::platform::i18n::Tr;

/// One form: its labels (key in the layout, Fluent id), the columns the kit prints (keys of
/// `labels`) and how many empty rows the kit gives it.
struct Form {
    id: &'static str,
    labels: &'static [(&'static str, &'static str)],
    columns: &'static [&'static str],
    rows: usize,
}

const PERSON: (&str, &str) = ("person", "form-f-person");
const PNR: (&str, &str) = ("pnr", "form-f-pnr");
const UNIT: (&str, &str) = ("unit", "form-f-unit");
const DATE: (&str, &str) = ("date", "form-f-date");
const TIME: (&str, &str) = ("time", "form-f-time");
const SHEET: (&str, &str) = ("sheet", "form-f-sheet");
const SIGNATURE: (&str, &str) = ("signature", "form-f-signature");
const ENTERED: (&str, &str) = ("entered", "form-f-entered");

const ALL: &[Form] = &[
    Form {
        id: "journalblad",
        labels: &[
            ("title", "form-journal"),
            ("note", "form-journal-note"),
            PERSON,
            PNR,
            UNIT,
            SHEET,
            ("datetime", "form-f-datetime"),
            ("entry", "form-f-entry"),
            ("author", "form-f-author"),
            ENTERED,
        ],
        columns: &["datetime", "entry", "author", "entered"],
        rows: 14,
    },
    Form {
        id: "signeringslista",
        labels: &[
            ("title", "form-signing"),
            ("note", "form-signing-note"),
            PERSON,
            PNR,
            UNIT,
            ("month", "form-f-month"),
            ("nurse", "form-f-nurse-responsible"),
            ("drug", "form-f-drug"),
            ("at", "form-f-at"),
            ("legend", "form-f-legend"),
            ("name", "form-f-name"),
            ("initials", "form-f-initials"),
            ("title_col", "form-f-title"),
        ],
        columns: &["drug", "at", "initials"],
        rows: 12,
    },
    Form {
        id: "telefonordination",
        labels: &[
            ("title", "form-phone-order"),
            ("note", "form-phone-order-note"),
            PERSON,
            PNR,
            DATE,
            TIME,
            ("doctor", "form-f-doctor"),
            ("drug", "form-f-drug-form"),
            ("dose", "form-f-dose"),
            ("reason", "form-f-reason"),
            ("read_back", "form-f-read-back"),
            ("received", "form-f-received-nurse"),
            ("confirmed", "form-f-confirmed"),
            ENTERED,
        ],
        columns: &["time", "person", "doctor", "drug", "dose", "received"],
        rows: 10,
    },
    Form {
        id: "tillsynslista",
        labels: &[
            ("title", "form-rounds"),
            ("note", "form-rounds-note"),
            UNIT,
            DATE,
            ("shift", "form-f-shift"),
            ("staff", "form-f-staff"),
            ("room", "form-f-room"),
            ("planned", "form-f-planned"),
            ("round", "form-f-round"),
            ("observed", "form-f-observed"),
        ],
        columns: &["room", "planned", "round", "round", "round", "observed"],
        rows: 16,
    },
    Form {
        id: "nyckelkvittering",
        labels: &[
            ("title", "form-keys"),
            ("note", "form-keys-note"),
            UNIT,
            SHEET,
            ("key", "form-f-key"),
            ("out", "form-f-key-out"),
            ("taken", "form-f-key-taken"),
            ("back", "form-f-key-back"),
            ("received", "form-f-key-received"),
        ],
        columns: &["key", "out", "taken", "back", "received"],
        rows: 18,
    },
    Form {
        id: "orosanmalningar",
        labels: &[
            ("title", "form-concern"),
            ("note", "form-concern-note"),
            UNIT,
            SHEET,
            ("no", "form-f-no"),
            ("received", "form-f-concern-received"),
            ("child", "form-f-child"),
            ("reporter", "form-f-reporter"),
            ("safety", "form-f-safety"),
            ("deadline", "form-f-deadline"),
            ("outcome", "form-f-outcome"),
            ("officer", "form-f-officer"),
            ENTERED,
        ],
        columns: &["no", "received", "child", "reporter", "safety", "deadline", "outcome", "officer"],
        rows: 12,
    },
    Form {
        id: "beslut-bistand",
        labels: &[
            ("title", "form-decision"),
            ("note", "form-decision-note"),
            PERSON,
            PNR,
            ("applied", "form-f-applied"),
            ("applies", "form-f-applies"),
            ("law", "form-f-law"),
            ("outcome", "form-f-decision-outcome"),
            ("granted", "form-f-granted"),
            ("partly", "form-f-partly"),
            ("refused", "form-f-refused"),
            ("scope", "form-f-scope"),
            ("period", "form-f-period"),
            ("reasons", "form-f-reasons"),
            ("decider", "form-f-decider"),
            DATE,
            SIGNATURE,
            ("notified", "form-f-notified"),
            ("appeal", "form-f-appeal"),
            ENTERED,
        ],
        columns: &["person", "applies", "outcome", "decider", "date"],
        rows: 10,
    },
    Form {
        id: "normberakning",
        labels: &[
            ("title", "form-norm"),
            ("note", "form-norm-note"),
            ("person", "form-f-applicant"),
            PNR,
            ("co", "form-f-co-applicant"),
            ("children", "form-f-children"),
            ("month", "form-f-norm-month"),
            ("item", "form-f-item"),
            ("amount", "form-f-amount"),
            ("needs", "form-f-needs"),
            ("need_rows", "form-norm-need-rows"),
            ("needs_sum", "form-f-needs-sum"),
            ("incomes", "form-f-incomes"),
            ("income_rows", "form-norm-income-rows"),
            ("incomes_sum", "form-f-incomes-sum"),
            ("result", "form-f-norm-result"),
            ("last", "form-f-last-calculation"),
            ("by", "form-f-calculated-by"),
            ("checked", "form-f-checked-by"),
        ],
        columns: &["item", "amount"],
        rows: 20,
    },
    Form {
        id: "utbetalningsunderlag",
        labels: &[
            ("title", "form-payments"),
            ("note", "form-payments-note"),
            UNIT,
            ("payday", "form-f-payday"),
            SHEET,
            ("no", "form-f-no"),
            ("payee", "form-f-payee"),
            PNR,
            ("account", "form-f-account"),
            ("amount", "form-f-amount"),
            ("regarding", "form-f-regarding"),
            ("prepared", "form-f-prepared"),
            ("paid", "form-f-paid"),
            ("reconciled", "form-f-reconciled"),
            ("sum", "form-f-sum"),
            ("approved", "form-f-approved-by"),
        ],
        columns: &["no", "payee", "account", "amount", "regarding", "paid", "reconciled"],
        rows: 14,
    },
];

/// Every Fluent id the forms use, so a test can check both languages have them.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    ALL.iter().flat_map(|f| f.labels.iter().map(|(_, id)| *id)).chain(["form-protected", "form-marking"])
}

/// The forms that plans made from these templates bring, each once, in the binder's order.
pub fn chosen<'a>(templates: impl IntoIterator<Item = Option<&'a str>>) -> Vec<&'static str> {
    let wanted: Vec<&String> = templates.into_iter().flat_map(crate::content::plan_templates::forms_of).collect();
    FORMS.iter().copied().filter(|id| wanted.iter().any(|w| w.as_str() == *id)).collect()
}

/// The forms as the binder and the kit print them: id, labels, and the kit's columns and rows.
/// A line of a label holding several rows (the normberäkning's items) is split on " | ".
pub fn values(tr: &Tr, ids: &[&str]) -> Value {
    let forms: Vec<Value> = ids
        .iter()
        .filter_map(|id| ALL.iter().find(|f| f.id == *id))
        .map(|f| {
            let mut l = serde_json::Map::new();
            for (k, id) in f.labels {
                let text = tr.t(id);
                let v = if k.ends_with("_rows") { json!(text.split(" | ").collect::<Vec<_>>()) } else { json!(text) };
                l.insert((*k).to_owned(), v);
            }
            let columns: Vec<Value> = f.columns.iter().map(|k| l[*k].clone()).collect();
            json!({ "id": f.id, "l": l, "columns": columns, "rows": f.rows })
        })
        .collect();
    Value::Array(forms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_a_template_may_name_has_a_layout_and_columns_from_its_labels() {
        for id in FORMS {
            let f = ALL.iter().find(|f| f.id == *id).unwrap_or_else(|| panic!("{id} has no definition"));
            for c in f.columns {
                assert!(f.labels.iter().any(|(k, _)| k == c), "{id}: column {c} is not a label");
            }
            assert!(f.labels.iter().any(|(k, _)| *k == "title") && f.labels.iter().any(|(k, _)| *k == "note"));
        }
        assert_eq!(ALL.len(), FORMS.len());
    }

    #[test]
    fn a_form_two_templates_bring_is_chosen_once_in_the_binders_order() {
        let both = chosen([Some("halso-och-sjukvard"), Some("sarskilt-boende"), None, Some("nope")]);
        assert_eq!(both.iter().filter(|f| **f == "signeringslista").count(), 1, "{both:?}");
        assert_eq!(both.first(), Some(&"journalblad"), "{both:?}");
        assert!(chosen([None]).is_empty());
    }
}
