//! Every message id the code builds at run time from a known vocabulary exists in both languages
//! and formats with the arguments the code gives it. No grep finds these ids: they are put
//! together with `format!("cycle-kind-{k}")`, from a register's slug, by a domain enum's
//! `label_id()` and so on. Each family is checked over its whole vocabulary, taken from where the
//! code takes it.

use std::cell::RefCell;

use beredd_domain::classification::{Aspect, LegalFlag};
use beredd_domain::framework::{self, TextKind};
use beredd_domain::incident;
use beredd_domain::plan::{self, PlanContent};
use beredd_domain::reporting::Duty;
use beredd_domain::risk::{self, Level};
use beredd_domain::text::FieldError;
use beredd_domain::*;
use fluent_bundle::{FluentArgs, FluentValue};

use crate::platform::i18n::{Catalog, Lang, Tr};
use crate::web::register::Register;

/// The problems found, per family, in both languages.
struct Check {
    tr: [Tr; 2],
    problems: Vec<String>,
}

impl Check {
    fn new() -> Check {
        let catalog = Catalog::load();
        Check { tr: [Tr::new(catalog.clone(), Lang::Sv), Tr::new(catalog, Lang::En)], problems: Vec::new() }
    }

    fn render(&mut self, family: &str, id: &str, args: Option<&FluentArgs>) {
        for tr in &self.tr {
            if let (_, Some(problem)) = tr.render(id, args) {
                self.problems.push(format!("{family}: {problem}"));
            }
        }
    }

    /// Ids the code shows with `Tr::t`, without arguments.
    fn plain<S: AsRef<str>>(&mut self, family: &str, ids: impl IntoIterator<Item = S>) {
        for id in ids {
            self.render(family, id.as_ref(), None);
        }
    }

    /// One id shown with these arguments.
    fn with(&mut self, family: &str, id: &str, args: &[(&str, FluentValue<'static>)]) {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            a.set(*name, value.clone());
        }
        self.render(family, id, Some(&a));
    }
}

/// A register's title, intro and form headings: `{slug}-title`, `-intro`, `-new`, `-edit`
/// (`register::title`), and its audit entity, which the audit trail must be able to name.
fn register<R: Register>(c: &mut Check) {
    let family = format!("register {}", R::SLUG);
    c.plain(&family, ["title", "intro", "new", "edit"].map(|suffix| format!("{}-{suffix}", R::SLUG)));
    if !crate::web::accounts::audit::ENTITIES.contains(&R::ENTITY) {
        c.problems.push(format!("{family}: its audit entity {:?} is not in audit::ENTITIES", R::ENTITY));
    }
}

fn field_errors() -> Vec<FieldError> {
    let all = vec![
        FieldError::Required,
        FieldError::TooLong { max: 200 },
        FieldError::TooShort { min: 10 },
        FieldError::ControlChars,
        FieldError::Phone,
        FieldError::Email,
        FieldError::OrgNumber,
        FieldError::Number { min: 0, max: 4 },
        FieldError::Choice,
        FieldError::Username,
        FieldError::Duplicate,
        FieldError::Cycle,
        FieldError::SelfEdge,
        FieldError::RtoNotBelowMtpd,
        FieldError::NothingChosen,
        FieldError::DuplicateDependency,
        FieldError::OverrideWithoutReason,
        FieldError::LevelWithoutJustification,
        FieldError::Date,
        FieldError::FutureDate,
        FieldError::DateTime,
        FieldError::TimeSkipped,
        FieldError::TimeRepeated { time: "02:30".into() },
        FieldError::ZoneMismatch,
        FieldError::Url,
        FieldError::Missing,
        FieldError::PasswordMismatch,
        FieldError::WrongPassword,
        FieldError::FileTooLarge { max_mb: 10 },
        FieldError::FileType,
        FieldError::FileEmpty,
        FieldError::Columns,
        FieldError::TooManyLines { max: 6 },
        FieldError::StepInUse { used: 5 },
        FieldError::TooFewLines { min: 2 },
        FieldError::NotInCatalogue,
        FieldError::PassphraseShort,
        FieldError::PassphraseRepetitive,
        FieldError::PassphraseGuessable,
        FieldError::Slug,
        FieldError::Host,
        FieldError::Line { line: 3, error: Box::new(FieldError::Phone) },
    ];
    // A new kind of error does not compile here until it is added to the list above.
    for e in &all {
        match e {
            FieldError::Required
            | FieldError::TooLong { .. }
            | FieldError::TooShort { .. }
            | FieldError::ControlChars
            | FieldError::Phone
            | FieldError::Email
            | FieldError::OrgNumber
            | FieldError::Number { .. }
            | FieldError::Choice
            | FieldError::Username
            | FieldError::Slug
            | FieldError::Host
            | FieldError::Duplicate
            | FieldError::Cycle
            | FieldError::SelfEdge
            | FieldError::RtoNotBelowMtpd
            | FieldError::NothingChosen
            | FieldError::DuplicateDependency
            | FieldError::OverrideWithoutReason
            | FieldError::LevelWithoutJustification
            | FieldError::Date
            | FieldError::FutureDate
            | FieldError::DateTime
            | FieldError::TimeSkipped
            | FieldError::TimeRepeated { .. }
            | FieldError::ZoneMismatch
            | FieldError::Url
            | FieldError::Missing
            | FieldError::PasswordMismatch
            | FieldError::WrongPassword
            | FieldError::FileTooLarge { .. }
            | FieldError::FileType
            | FieldError::FileEmpty
            | FieldError::Columns
            | FieldError::TooManyLines { .. }
            | FieldError::StepInUse { .. }
            | FieldError::TooFewLines { .. }
            | FieldError::NotInCatalogue
            | FieldError::PassphraseShort
            | FieldError::PassphraseRepetitive
            | FieldError::PassphraseGuessable
            | FieldError::Line { .. } => {}
        }
    }
    all
}

fn plan_gaps() -> Vec<plan::Gap> {
    use plan::Gap;
    let all = vec![
        Gap::NoLead,
        Gap::NoRoutines,
        Gap::RoutineIncomplete("Hemtjänst".into()),
        Gap::NoCallList,
        Gap::NoHotline,
        Gap::NoHotlineNumber,
        Gap::NoSpokesperson,
    ];
    for g in &all {
        match g {
            Gap::NoLead
            | Gap::NoRoutines
            | Gap::RoutineIncomplete(_)
            | Gap::NoCallList
            | Gap::NoHotline
            | Gap::NoHotlineNumber
            | Gap::NoSpokesperson => {}
        }
    }
    all
}

fn risk_levels() -> [Level; 4] {
    let all = [Level::Low, Level::Medium, Level::High, Level::Critical];
    for l in all {
        match l {
            Level::Low | Level::Medium | Level::High | Level::Critical => {}
        }
    }
    all
}

fn text_kinds() -> [TextKind; 3] {
    let all = [TextKind::Statute, TextKind::OwnWords, TextKind::Imported];
    for k in all {
        match k {
            TextKind::Statute | TextKind::OwnWords | TextKind::Imported => {}
        }
    }
    all
}

/// The section keys a plan's diff labels its lines with: those `PlanContent::to_lines` asks for
/// when every part of a plan has something in it.
fn plan_line_keys() -> Vec<String> {
    let content = PlanContent {
        lead: "x".into(),
        routines: vec![plan::RoutinePlan {
            activity: "x".into(),
            trigger: "x".into(),
            switch_back: "x".into(),
            steps: vec!["x".into()],
            resources: vec!["x".into()],
            reentry: vec!["x".into()],
            ..Default::default()
        }],
        call_list: vec![plan::CallEntry { name: "x".into(), phone: "x".into(), ..Default::default() }],
        externals: vec![plan::ExternalContact { name: "x".into(), phone: "x".into(), ..Default::default() }],
        checklists: vec![plan::Checklist { title: "x".into(), items: vec!["x".into()] }],
        ..Default::default()
    };
    let keys = RefCell::new(Vec::new());
    content.to_lines(|k| {
        keys.borrow_mut().push(k.to_owned());
        String::new()
    });
    let mut keys = keys.into_inner();
    keys.dedup();
    keys
}

#[test]
fn every_id_built_at_run_time_exists_in_both_languages() {
    let mut c = Check::new();
    let n = |v: i64| ("n", FluentValue::from(v));

    // ---- Shared: field errors (forms::error_text), roles, the domain's vocabularies ----
    for e in field_errors() {
        match (&e, e.arg(), e.text_arg()) {
            (FieldError::Number { min, max }, _, _) => {
                c.with("FieldError", e.message_id(), &[("min", FluentValue::from(*min)), n(*max)])
            }
            (_, Some(v), _) => c.with("FieldError", e.message_id(), &[n(v)]),
            (_, None, Some((name, v))) => {
                c.with("FieldError", e.message_id(), &[(name, FluentValue::from(v.to_owned()))])
            }
            (_, None, None) => c.plain("FieldError", [e.message_id()]),
        }
    }
    c.plain(
        "SecondFactorRule",
        crate::store::orgs::SecondFactorRule::ALL.iter().map(|r| format!("second-factor-rule-{}", r.code())),
    );
    c.plain("Role", Role::ALL.iter().map(|r| r.label_id()));
    c.plain("UnitKind", UnitKind::ALL.iter().map(|k| k.label_id()));
    c.plain("Criticality", Criticality::ALL.iter().map(|k| k.label_id()));
    c.plain("Hosting", Hosting::ALL.iter().map(|k| k.label_id()));
    c.plain("SystemKind", SystemKind::ALL.iter().map(|k| k.label_id()));
    c.plain("ContactKind", ContactKind::ALL.iter().map(|k| k.label_id()));
    c.plain("ResourceKind", ResourceKind::ALL.iter().map(|k| k.label_id()));
    c.plain("NodeKind", NodeKind::ALL.iter().map(|k| k.label_id()));
    c.plain("NeedKind", NeedKind::ALL.iter().map(|k| k.label_id()));
    c.plain("JobKind", beredd_domain::job::JobKind::ALL.iter().map(|k| k.label_id()));
    c.plain("JobState", beredd_domain::job::JobState::ALL.iter().map(|k| k.label_id()));
    c.plain("JobStep", beredd_domain::job::JobStep::ALL.iter().map(|k| k.label_id()));
    c.plain("Fulfilment", Fulfilment::ALL.iter().map(|k| k.label_id()));
    c.plain("ActionStatus", ActionStatus::ALL.iter().map(|k| k.label_id()));
    c.plain("Priority", Priority::ALL.iter().map(|k| k.label_id()));
    c.plain("LogKind", LogKind::ALL.iter().map(|k| k.label_id()));
    c.plain("BoardState", BoardState::ALL.iter().map(|k| k.label_id()));
    c.plain("StaffRole", StaffRole::ALL.iter().map(|k| k.label_id()));
    c.plain("PlanStatus", plan::PlanStatus::ALL.iter().map(|k| k.label_id()));

    // ---- The registers (register::title) and the audit trail (accounts::audit) ----
    use crate::web::continuity::scenarios::Scenarios;
    use crate::web::organisation::{
        activities::Activities, assets::Assets, dependencies::Dependencies, people::People, resources::Resources,
        suppliers::Suppliers, systems::Systems, units::Units,
    };
    register::<Units>(&mut c);
    register::<Activities>(&mut c);
    register::<People>(&mut c);
    register::<Systems>(&mut c);
    register::<Suppliers>(&mut c);
    register::<Resources>(&mut c);
    register::<Dependencies>(&mut c);
    register::<Assets>(&mut c);
    register::<Scenarios>(&mut c);
    register::<crate::web::actions::Actions>(&mut c);
    c.plain("audit action", crate::web::accounts::audit::ACTIONS.iter().map(|a| format!("audit-action-{a}")));
    c.plain("audit entity", crate::web::accounts::audit::ENTITIES.iter().map(|e| format!("entity-{e}")));

    // ---- Classification ----
    c.plain("Aspect", Aspect::ALL.iter().map(|a| a.label_id()));
    c.plain("Aspect hint", Aspect::ALL.iter().map(|a| format!("hint-aspect-{}", a.code())));
    c.plain("LegalFlag", LegalFlag::ALL.iter().map(|f| f.label_id()));
    for (_, q) in crate::web::classification::classify::QUESTIONS {
        c.plain("classification question", [q.to_owned()]);
        c.plain("classification answer", (0..=4).map(|l| format!("{q}-a{l}")));
    }

    // ---- Continuity: consequence levels, the analysis, plans, binder and kit ----
    c.plain("consequence level", (0..=4).map(|l| format!("level-{l}")).chain(["level-none".to_owned()]));
    for cp in crate::web::continuity::bia::CHECKPOINTS {
        c.plain("BIA checkpoint", [format!("field-level-{cp}"), format!("field-text-{cp}")]);
    }
    c.plain(
        "outage category",
        crate::services::continuity::outage::Category::ALL.iter().map(|k| format!("outage-category-{}", k.code())),
    );
    c.plain("outage duration", crate::web::continuity::outage::DURATIONS.iter().map(|(_, id)| *id));
    c.plain("plan diff line", plan_line_keys().iter().map(|k| format!("plan-line-{k}")));
    for g in plan_gaps() {
        match &g {
            plan::Gap::RoutineIncomplete(a) => {
                c.with("plan gap", g.message_id(), &[("activity", FluentValue::from(a.clone()))])
            }
            g => c.plain("plan gap", [g.message_id()]),
        }
    }
    c.plain("binder label", crate::services::continuity::binder::label_ids());
    c.plain("kit label", crate::services::continuity::kit::label_ids());

    // ---- Crisis ----
    c.plain("Duty", Duty::ALL.iter().map(|d| d.label_id()));
    c.plain("lesson kind", incident::LessonKind::ALL.iter().map(|k| k.label_id()));

    // ---- The shared library ----
    use beredd_domain::sharing::SharedKind;
    c.plain("shared kind", SharedKind::ALL.iter().map(|k| k.label_id()));
    c.plain("shared warning", SharedKind::ALL.iter().map(|k| format!("shared-warning-{}", k.code())));
    c.plain("IncidentStatus", incident::IncidentStatus::ALL.iter().map(|k| k.label_id()));
    for t in [incident::LessonTarget::Plan(1), incident::LessonTarget::Risk(1), incident::LessonTarget::Asset(1)] {
        c.with("lesson target", t.label_id(), &[("name", FluentValue::from("x"))]);
    }
    c.plain(
        "attention severity",
        crate::services::attention::Severity::ALL.iter().map(|s| crate::web::home::severity_label_id(*s)),
    );
    c.plain("nav-group", crate::web::page::GROUPS.iter().map(|(id, _)| id.to_string()));
    c.plain("channel", beredd_domain::Channel::ALL.iter().map(|k| k.label_id()));
    c.plain("backlog kind", beredd_domain::recovery::BacklogKind::ALL.iter().map(|k| k.label_id().to_owned()));
    c.plain("backlog priority", beredd_domain::recovery::BacklogPriority::ALL.iter().map(|k| k.label_id().to_owned()));

    // ---- Risks: the default scales, decisions and levels ----
    for kind in ["likelihood", "consequence"] {
        c.plain(
            "risk scale",
            (1..=risk::STEPS).flat_map(|s| [format!("risk-{kind}-{s}"), format!("risk-{kind}-{s}-desc")]),
        );
    }
    c.plain("risk decision", risk::RiskDecision::ALL.iter().map(|d| d.label_id()));
    c.plain("risk level", risk_levels().iter().map(|l| format!("risk-level-{}", l.code())));

    // ---- Frameworks ----
    c.plain("framework maturity", (0..=framework::MATURITY_MAX).map(|m| format!("fw-maturity-{m}")));
    c.plain("framework text kind", text_kinds().iter().map(|k| format!("fw-text-{}", k.code())));
    c.plain("framework status", framework::Status::ALL.iter().map(|s| s.label_id()));

    // ---- The management review ----
    c.plain(
        "review section",
        crate::services::governance::review::SECTIONS.iter().map(|k| format!("review-section-{k}")),
    );

    // ---- The yearly cycle ----
    c.plain("cycle kind", beredd_domain::cycle::CycleKind::ALL.iter().map(|k| k.label_id()));
    c.plain("month", (1..=12).map(|m| format!("month-{m}")));

    // ---- Governance: steering documents ----
    c.plain("document kind", beredd_domain::document::DocumentKind::ALL.iter().map(|k| k.label_id()));

    // ---- Governance: the record of processing (GDPR art. 30) ----
    use beredd_domain::gdpr;
    let codes = gdpr::LEGAL_BASES.iter().chain(&gdpr::SPECIAL_BASES).chain(&gdpr::TRANSFERS);
    c.plain("GDPR code", codes.map(|code| gdpr::label_id(code)));
    let missing = gdpr::missing(&gdpr::Entry { special: true, transfers: Some("safeguards"), ..Default::default() });
    assert_eq!(missing.len(), 10, "every kind of gap but one: {missing:?}");
    c.plain("GDPR gap", missing.iter().map(|m| m.label_id()));
    c.plain("GDPR gap", [gdpr::Missing::Transfers.label_id()]);

    // ---- The platform administrator's page ----
    use crate::web::platform::orgs::NEW_FIELDS;
    c.plain("platform new field", NEW_FIELDS.iter().map(|f| format!("platform-field-new-{f}")));
    c.plain("platform hint", NEW_FIELDS[1..].iter().map(|f| format!("platform-hint-{f}")));

    assert!(c.problems.is_empty(), "{} problems:\n{}", c.problems.len(), c.problems.join("\n"));
}

/// Every action and entity the code records in the audit trail (`audit::Change { action: "…",
/// entity: "…", … }`; a register's entity is checked above) is one the audit trail can name and
/// filter on: another would be shown as its bare code. They are string literals spread over the
/// handlers, so this reads the source.
#[test]
fn the_audit_trail_names_every_action_and_entity_the_code_records() {
    use crate::web::accounts::audit::{ACTIONS, ENTITIES};
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    /// The string literals that follow `key: "` in a source text, outside comments.
    fn values<'a>(src: &'a str, key: &str) -> Vec<&'a str> {
        let needle = format!("{key}: \"");
        src.match_indices(&needle)
            .filter(|(at, _)| !src[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
            .filter(|(at, _)| !src[..*at].rsplit('\n').next().unwrap_or("").trim_start().starts_with("//"))
            .filter_map(|(at, _)| src[at + needle.len()..].split('"').next())
            .collect()
    }
    let mut files = Vec::new();
    rust_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut unnamed = Vec::new();
    let mut seen = 0;
    for file in files {
        let src = std::fs::read_to_string(&file).expect("a source file");
        let short = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&file).display().to_string();
        for (key, known) in [("action", ACTIONS), ("entity", ENTITIES)] {
            for value in values(&src, key) {
                seen += 1;
                if !known.contains(&value) {
                    unnamed.push(format!("{short}: {key} {value:?}"));
                }
            }
        }
    }
    assert!(seen > 50, "the audit changes were not found in the source ({seen})");
    assert!(unnamed.is_empty(), "recorded but not in audit::ACTIONS or ENTITIES:\n{}", unnamed.join("\n"));
}
