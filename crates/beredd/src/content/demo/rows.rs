//! The shape of each file under `library/demo/`, as serde reads it (unknown keys refused).

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OrgFile {
    pub(super) name: String,
    pub(super) org_number: Option<String>,
    /// Where the key folder, the backup passphrase and the break-glass accounts are kept.
    pub(super) keys_kept: Option<String>,
    pub(super) backup_kept: Option<String>,
    pub(super) break_glass_kept: Option<String>,
    /// The data protection officer: a person's key.
    pub(super) dpo: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitsFile {
    pub(super) unit: Vec<UnitRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitRow {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) parent: Option<String>,
    pub(super) manager: Option<String>,
    pub(super) address: Option<String>,
    pub(super) staff_count: Option<i64>,
    #[serde(default)]
    pub(super) around_the_clock: bool,
    pub(super) description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PeopleFile {
    pub(super) person: Vec<PersonRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PersonRow {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) title: Option<String>,
    pub(super) kind: String,
    pub(super) unit: Option<String>,
    pub(super) organisation: Option<String>,
    pub(super) supplier: Option<String>,
    pub(super) work_phone: Option<String>,
    pub(super) private_phone: Option<String>,
    pub(super) email: Option<String>,
    #[serde(default)]
    pub(super) reachable_off_hours: bool,
    pub(super) notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SuppliersFile {
    pub(super) supplier: Vec<SupplierRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SupplierRow {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) org_number: Option<String>,
    pub(super) contract_ref: Option<String>,
    pub(super) phone: Option<String>,
    pub(super) email: Option<String>,
    pub(super) notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SystemsFile {
    pub(super) system: Vec<SystemRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SystemRow {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) purpose: Option<String>,
    pub(super) kind: String,
    pub(super) owner: Option<String>,
    pub(super) supplier: Option<String>,
    pub(super) hosting: String,
    #[serde(default)]
    pub(super) units: Vec<String>,
    pub(super) notes: Option<String>,
    pub(super) provides: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ActivitiesFile {
    pub(super) activity: Vec<ActivityRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ActivityRow {
    pub(super) key: String,
    pub(super) unit: String,
    pub(super) name: String,
    pub(super) description: Option<String>,
    pub(super) recipients: Option<String>,
    pub(super) criticality: String,
    #[serde(default)]
    pub(super) society_critical: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct ResourcesFile {
    #[serde(default)]
    pub(super) resource: Vec<ResourceRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ResourceRow {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) description: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct DependenciesFile {
    #[serde(default)]
    pub(super) dependency: Vec<DependencyRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DependencyRow {
    pub(super) from: String,
    pub(super) to: String,
    pub(super) need: String,
    pub(super) fallback: Option<String>,
    pub(super) notes: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct BiaFile {
    #[serde(default)]
    pub(super) bia: Vec<BiaRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BiaRow {
    pub(super) activity: String,
    pub(super) mtpd_hours: Option<i64>,
    pub(super) rto_hours: Option<i64>,
    pub(super) rpo_hours: Option<i64>,
    pub(super) level_1h: Option<i64>,
    pub(super) text_1h: Option<String>,
    pub(super) level_4h: Option<i64>,
    pub(super) text_4h: Option<String>,
    pub(super) level_1d: Option<i64>,
    pub(super) text_1d: Option<String>,
    pub(super) level_3d: Option<i64>,
    pub(super) text_3d: Option<String>,
    pub(super) level_1w: Option<i64>,
    pub(super) text_1w: Option<String>,
    pub(super) level_1m: Option<i64>,
    pub(super) text_1m: Option<String>,
    pub(super) peak_periods: Option<String>,
    pub(super) min_staffing: Option<String>,
    pub(super) signed_off_by: Option<String>,
    pub(super) signed_off_at: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct AssetsFile {
    #[serde(default)]
    pub(super) asset: Vec<AssetRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AssetRow {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) description: Option<String>,
    pub(super) owner: Option<String>,
    #[serde(default)]
    pub(super) flags: Vec<String>,
    pub(super) osl_reference: Option<String>,
    pub(super) systems: Vec<String>,
    pub(super) units: Vec<String>,
    pub(super) classification: Option<ClassificationRow>,
    pub(super) gdpr: Option<GdprRow>,
}
/// An asset's entry in the record of processing (GDPR art. 30); codes as in `beredd_domain::gdpr`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GdprRow {
    pub(super) purpose: Option<String>,
    pub(super) legal_basis: Option<String>,
    pub(super) special_basis: Option<String>,
    pub(super) subjects: Option<String>,
    pub(super) data_categories: Option<String>,
    pub(super) recipients: Option<String>,
    pub(super) transfers: Option<String>,
    pub(super) transfer_details: Option<String>,
    pub(super) retention: Option<String>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClassificationRow {
    pub(super) k: u8,
    pub(super) r: u8,
    pub(super) t: u8,
    pub(super) s: u8,
    pub(super) why_k: Option<String>,
    pub(super) why_r: Option<String>,
    pub(super) why_t: Option<String>,
    pub(super) why_s: Option<String>,
    pub(super) classified_by: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct AssessmentsFile {
    #[serde(default)]
    pub(super) assessment: Vec<AssessmentRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AssessmentRow {
    pub(super) system: String,
    pub(super) requirement: String,
    pub(super) status: String,
    pub(super) how: Option<String>,
    pub(super) not_applicable_reason: Option<String>,
    pub(super) evidence_link: Option<String>,
    pub(super) assessed_by: String,
    pub(super) action_due: Option<String>,
    pub(super) action_owner: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct PlansFile {
    #[serde(default)]
    pub(super) plan: Vec<PlanRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanRow {
    pub(super) name: String,
    pub(super) template: String,
    pub(super) units: Vec<String>,
    pub(super) hotline_number: Option<String>,
    pub(super) approved_by: String,
    pub(super) approved_on: String,
    pub(super) printed_on: Option<String>,
    #[serde(default)]
    pub(super) revision: Vec<RevisionRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RevisionRow {
    pub(super) approved_by: String,
    pub(super) approved_on: String,
    pub(super) change_note: String,
    pub(super) lead: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct CycleFile {
    #[serde(default)]
    pub(super) item: Vec<CycleRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CycleRow {
    pub(super) title: String,
    pub(super) kind: String,
    pub(super) owner: Option<String>,
    pub(super) unit: Option<String>,
    pub(super) start: String,
    pub(super) every: i64,
    pub(super) until: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RisksFile {
    #[serde(default)]
    pub(super) analysis: Vec<AnalysisRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AnalysisRow {
    pub(super) title: String,
    /// "org", or "unit:KEY" / "system:KEY" with a key from the registers.
    pub(super) scope: String,
    pub(super) scope_text: Option<String>,
    pub(super) held_on: String,
    #[serde(default)]
    pub(super) participants: Vec<String>,
    pub(super) method: Option<String>,
    #[serde(default)]
    pub(super) risk: Vec<RiskRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RiskRow {
    pub(super) threat: String,
    pub(super) vulnerability: Option<String>,
    pub(super) consequence: Option<String>,
    #[serde(default)]
    pub(super) assets: Vec<String>,
    pub(super) likelihood: i64,
    pub(super) consequence_level: i64,
    pub(super) measures: Option<String>,
    pub(super) residual_likelihood: i64,
    pub(super) residual_consequence: i64,
    pub(super) owner: Option<String>,
    pub(super) decision: String,
    pub(super) due: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct FrameworksFile {
    #[serde(default)]
    pub(super) assessment: Vec<FrameworkAssessmentRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FrameworkAssessmentRow {
    pub(super) framework: String,
    pub(super) version: String,
    pub(super) title: String,
    pub(super) scope: Option<String>,
    pub(super) started_on: String,
    #[serde(default)]
    pub(super) answer: Vec<FrameworkAnswerRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FrameworkAnswerRow {
    pub(super) requirement: String,
    pub(super) status: String,
    pub(super) maturity: Option<i64>,
    pub(super) comment: Option<String>,
    pub(super) evidence: Option<String>,
    #[serde(default)]
    pub(super) requirements: Vec<String>,
    pub(super) action: Option<String>,
    pub(super) action_owner: Option<String>,
    pub(super) action_due: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct ExercisesFile {
    #[serde(default)]
    pub(super) exercise: Vec<ExerciseRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExerciseRow {
    pub(super) title: String,
    pub(super) units: Vec<String>,
    pub(super) discovered: String,
    pub(super) closed: Option<String>,
    pub(super) participants: Vec<String>,
    pub(super) what_happened: Option<String>,
    #[serde(default)]
    pub(super) inject: Vec<InjectRow>,
    #[serde(default)]
    pub(super) lesson: Vec<LessonRow>,
    #[serde(default)]
    pub(super) backlog: Vec<BacklogRow>,
    #[serde(default)]
    pub(super) hotline: Vec<HotlineRow>,
    #[serde(default)]
    pub(super) message: Vec<MessageRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HotlineRow {
    pub(super) number: String,
    pub(super) hours: Option<String>,
    pub(super) answered_by: String,
}
/// A message for the communication page; without `approved_by` (a person's key) it is a draft.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MessageRow {
    pub(super) channel: String,
    pub(super) text: String,
    pub(super) approved_by: Option<String>,
    pub(super) published: String,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InjectRow {
    pub(super) minute: i64,
    pub(super) text: String,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LessonRow {
    pub(super) kind: String,
    pub(super) text: String,
    pub(super) action_owner: Option<String>,
    pub(super) action_due: Option<String>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BacklogRow {
    pub(super) unit: String,
    pub(super) system: Option<String>,
    pub(super) kind: beredd_domain::recovery::BacklogKind,
    pub(super) total: i64,
    pub(super) done: i64,
    pub(super) assignee: Option<String>,
    pub(super) priority: beredd_domain::recovery::BacklogPriority,
}
