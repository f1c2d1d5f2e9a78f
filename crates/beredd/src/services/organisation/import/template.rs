//! The xlsx template of each register: the Swedish column headings, one example row, and a list
//! to pick from for each coded column (its Swedish labels, which an import reads back).

use beredd_domain::{ContactKind, Criticality, Hosting, NeedKind, NodeKind, ResourceKind, SystemKind, UnitKind};
use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};

use super::Kind;
use crate::platform::i18n::{Catalog, Lang, Tr};

/// The example row, by field key.
fn example(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::People => &[
            ("employee_number", "10234"),
            ("name", "Anna Lindqvist"),
            ("kind", "Personal"),
            ("title", "Undersköterska"),
            ("unit", "Björkbackens särskilda boende"),
            ("work_phone", "070-174 06 05"),
            ("email", "anna.lindqvist@exempel.se"),
            ("reachable_off_hours", "Ja"),
        ],
        Kind::Units => &[
            ("code", "4410"),
            ("name", "Björkbackens särskilda boende"),
            ("kind", "Enhet"),
            ("parent", "Vård och omsorg"),
            ("address", "Björkvägen 3"),
            ("staff_count", "42"),
            ("around_the_clock", "Ja"),
        ],
        Kind::Suppliers => &[
            ("org_number", "556677-8899"),
            ("name", "Omsorgssystem AB"),
            ("contract_ref", "Avtal 2024-118"),
            ("phone", "08-123 456 00"),
            ("email", "support@exempel.se"),
        ],
        Kind::Systems => &[
            ("code", "SYS-017"),
            ("name", "Verksamhetssystem för omsorgen"),
            ("purpose", "Dokumentation av insatser i vård och omsorg"),
            ("kind", "IT-system"),
            ("hosting", "Hos leverantör (moln)"),
            ("supplier", "Omsorgssystem AB"),
            ("units", "Björkbackens särskilda boende; Hemtjänst Norr"),
        ],
        Kind::Activities => &[
            ("unit", "Björkbackens särskilda boende"),
            ("name", "Läkemedelshantering"),
            ("criticality", "Akut – inom timmar"),
            ("society_critical", "Ja"),
            ("recipients", "Boende på särskilt boende"),
        ],
        Kind::Dependencies => &[
            ("from_kind", "Verksamhet"),
            ("from", "Läkemedelshantering"),
            ("to_kind", "System"),
            ("to", "Verksamhetssystem för omsorgen"),
            ("need", "Försämras"),
            ("fallback", "Signeringslistor på papper i läkemedelsrummet"),
        ],
        Kind::Assets => &[
            ("name", "Genomförandeplaner i hemtjänsten"),
            ("personal_data", "Ja"),
            ("sensitive_personal_data", "Ja"),
            ("secrecy_osl", "Ja"),
            ("osl_reference", "26 kap. 1 § OSL"),
            ("systems", "Verksamhetssystem för omsorgen"),
            ("units", "Hemtjänst Norr"),
        ],
        Kind::Resources => &[
            ("name", "Reservkraft Björkbacken"),
            ("kind", "El"),
            ("description", "Dieselaggregat som startar av sig självt vid strömavbrott"),
        ],
    }
}

/// The labels (Swedish) a coded field takes, if it is one.
fn choices(kind: Kind, field: &str, sv: &Tr) -> Option<Vec<String>> {
    fn labels<V: Copy>(all: &[V], label: fn(V) -> &'static str, sv: &Tr) -> Vec<String> {
        all.iter().map(|v| sv.t(label(*v))).collect()
    }
    match (kind, field) {
        (_, "reachable_off_hours" | "around_the_clock" | "society_critical") => Some(vec!["Ja".into(), "Nej".into()]),
        (Kind::Assets, f) if beredd_domain::classification::LegalFlag::parse(f).is_ok() => {
            Some(vec!["Ja".into(), "Nej".into()])
        }
        (Kind::People, "kind") => Some(labels(ContactKind::ALL, ContactKind::label_id, sv)),
        (Kind::Units, "kind") => Some(labels(UnitKind::ALL, UnitKind::label_id, sv)),
        (Kind::Systems, "kind") => Some(labels(SystemKind::ALL, SystemKind::label_id, sv)),
        (Kind::Systems, "hosting") => Some(labels(Hosting::ALL, Hosting::label_id, sv)),
        (Kind::Systems, "provides") | (Kind::Resources, "kind") => {
            Some(labels(ResourceKind::ALL, ResourceKind::label_id, sv))
        }
        (Kind::Dependencies, "from_kind") => {
            Some([NodeKind::Activity, NodeKind::System].iter().map(|k| sv.t(k.label_id())).collect())
        }
        (Kind::Dependencies, "to_kind") => {
            Some(NodeKind::ALL.iter().filter(|k| k.may_be_depended_on()).map(|k| sv.t(k.label_id())).collect())
        }
        (Kind::Dependencies, "need") => Some(labels(NeedKind::ALL, NeedKind::label_id, sv)),
        (Kind::Activities, "criticality") => Some(labels(Criticality::ALL, Criticality::label_id, sv)),
        _ => None,
    }
}

/// The template as an xlsx file.
pub fn workbook(kind: Kind) -> Result<Vec<u8>, XlsxError> {
    let sv = Tr::new(Catalog::load(), Lang::Sv);
    let template = Template { name: kind.slug(), fields: kind.fields(), example: example(kind), notes: &[] };
    write(&template, |field| choices(kind, field, &sv))
}

/// A template: its sheet's name, the columns, one example row (by field key) and lines of
/// guidance for a second sheet ("Läs mig"), if any.
pub struct Template<'a> {
    pub name: &'a str,
    pub fields: &'a [super::FieldDef],
    pub example: &'a [(&'a str, &'a str)],
    pub notes: &'a [&'a str],
}

/// Writes a template, with a list to pick from for each field `choices` gives one for.
pub fn write(t: &Template, choices: impl Fn(&str) -> Option<Vec<String>>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(t.name)?;
    let bold = Format::new().set_bold();
    for (c, f) in t.fields.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, f.heading, &bold)?;
        sheet.set_column_width(c, (f.heading.chars().count() as f64 + 4.0).max(16.0))?;
        if let Some((_, v)) = t.example.iter().find(|(k, _)| *k == f.key) {
            sheet.write_string(1, c, *v)?;
        }
        if let Some(list) = choices(f.key) {
            let dv = DataValidation::new().allow_list_strings(&list)?;
            sheet.add_data_validation(1, c, 5000, c, &dv)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    if !t.notes.is_empty() {
        let notes = book.add_worksheet();
        notes.set_name("Läs mig")?;
        notes.set_column_width(0, 110)?;
        for (r, line) in t.notes.iter().enumerate() {
            notes.write_string(r as u32, 0, *line)?;
        }
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_example_value_is_in_its_list_and_names_a_field() {
        let sv = Tr::new(Catalog::load(), Lang::Sv);
        for kind in Kind::ALL {
            for (field, value) in example(*kind) {
                assert!(kind.fields().iter().any(|f| f.key == *field), "{kind:?} {field}");
                if let Some(list) = choices(*kind, field, &sv) {
                    assert!(list.iter().any(|l| l == value), "{kind:?} {field}: {value} not in {list:?}");
                }
            }
            assert!(workbook(*kind).unwrap().starts_with(b"PK"));
        }
    }
}
