//! `beredd demo --size large`: the demo municipality grown to the size of a large one, for the
//! benchmarks and the load script (issue 25). On top of the ordinary demo it adds, in one
//! transaction: ten administrations of three departments of nine units (310 units), 3 000 staff,
//! 1 000 systems, a critical activity per unit, 5 000 classified information assets, 3 000 risks,
//! 50 000 dependencies, 300 approved plans and an exercise whose log has 5 000 entries. Names are
//! plain and numbered ("Enhet 3.2.4", "System 0412"), so nobody takes them for real data; the
//! same seed gives the same municipality every time.

use std::collections::HashSet;

use beredd_domain::classification::Levels;
use beredd_domain::risk::RiskDecision;
use beredd_domain::{ContactKind, Criticality, Hosting, LogKind, NeedKind, NodeKind, SystemKind, UnitKind};

use super::ACTOR;
use crate::platform::clock::Day;
use crate::platform::db::Db;
use crate::store::incidents::{self, NewEntry, NewIncident};
use crate::store::{activities, assets, dependencies, people, plans, risks, suppliers, systems, units};

/// How many of each the large municipality has (beyond the ordinary demo's own).
pub struct Size {
    pub administrations: usize,
    pub departments: usize,
    pub units_per_department: usize,
    pub staff: usize,
    pub systems: usize,
    pub assets: usize,
    pub risks: usize,
    pub dependencies: usize,
    pub log_entries: usize,
}

pub const LARGE: Size = Size {
    administrations: 10,
    departments: 3,
    units_per_department: 9,
    staff: 3_000,
    systems: 1_000,
    assets: 5_000,
    risks: 3_000,
    dependencies: 50_000,
    log_entries: 5_000,
};

/// A small deterministic generator (xorshift64*): the same municipality every time, without a
/// dependency for it.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Kristina", "Per", "Lena", "Mikael", "Sara",
    "Fredrik", "Emma", "Jonas", "Ida", "Ahmed", "Fatima", "Mohammed", "Aino", "Niklas", "Elin", "Oskar", "Hanna",
];
const LAST: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Lindberg",
    "Lindqvist",
    "Berg",
    "Nyström",
    "Holm",
    "Sandberg",
    "Ali",
    "Öberg",
    "Åström",
    "Lundgren",
    "Forsberg",
    "Hassan",
    "Mäkinen",
];

/// What was added, for the summary line.
pub struct Grown {
    pub units: usize,
    pub people: usize,
    pub systems: usize,
    pub assets: usize,
    pub risks: usize,
    pub dependencies: usize,
    pub plans: usize,
    pub log_entries: usize,
}

impl std::fmt::Display for Grown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "storleken stor: {} enheter, {} personer, {} system, {} informationstillgångar, {} risker, {} beroenden, {} godkända planer och en övning med {} loggposter till",
            self.units,
            self.people,
            self.systems,
            self.assets,
            self.risks,
            self.dependencies,
            self.plans,
            self.log_entries
        )
    }
}

/// Grows the demo organisation `org` to `size`.
pub async fn grow(db: &Db, org: i64, size: &Size) -> anyhow::Result<Grown> {
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let mut tx = db.begin_write().await?;
    let catalogue = crate::content::catalogue::Catalogue::load()?;

    // Units: administrations, their departments, their units.
    let mut leaves = Vec::new();
    let mut departments = Vec::new();
    let mut count_units = 0;
    for a in 1..=size.administrations {
        let top = units::insert(&mut tx, org, &unit(None, UnitKind::Forvaltning, format!("Förvaltning {a}"))).await?;
        for d in 1..=size.departments {
            let mid =
                units::insert(&mut tx, org, &unit(Some(top), UnitKind::Verksamhetsomrade, format!("Område {a}.{d}")))
                    .await?;
            for u in 1..=size.units_per_department {
                let mut input = unit(Some(mid), UnitKind::Enhet, format!("Enhet {a}.{d}.{u}"));
                input.around_the_clock = u == 1;
                input.staff_count = Some(10 + dice.below(40) as i64);
                input.code = Some(format!("L{a:02}{d}{u}"));
                leaves.push(units::insert(&mut tx, org, &input).await?);
            }
            departments.push(mid);
            count_units += 1;
        }
        count_units += 1;
    }
    count_units += leaves.len();

    // Staff, spread over the units; the first of each unit manages it.
    let mut staff = Vec::with_capacity(size.staff);
    for n in 0..size.staff {
        let unit_id = leaves[n % leaves.len()];
        let p = people::PersonInput {
            kind: ContactKind::Staff,
            name: format!("{} {}", dice.pick(FIRST), dice.pick(LAST)),
            title: Some(if n < leaves.len() { "Enhetschef" } else { "Undersköterska" }.to_owned()),
            unit_id: Some(unit_id),
            organisation: None,
            supplier_id: None,
            work_phone: Some(format!("070-{:03} {:02} {:02}", 100 + n / 10_000, (n / 100) % 100, n % 100)),
            private_phone: None,
            email: None,
            reachable_off_hours: n % 7 == 0,
            notes: None,
            employee_number: Some(format!("S{n:05}")),
        };
        let id = people::insert(&mut tx, org, &p).await?;
        if n < leaves.len() {
            sqlx::query("UPDATE units SET manager_id = $1 WHERE org_id = $2 AND id = $3")
                .bind(id)
                .bind(org)
                .bind(unit_id)
                .execute(&mut *tx)
                .await?;
        }
        staff.push(id);
    }

    // Systems, owned by someone, used by one to three units, some from the demo's suppliers.
    let supplier_ids: Vec<i64> = suppliers::list(&mut *tx, org).await?.into_iter().map(|s| s.id).collect();
    let mut system_ids = Vec::with_capacity(size.systems);
    for n in 0..size.systems {
        let unit_ids: Vec<i64> = {
            let mut v: Vec<i64> = (0..1 + dice.below(3)).map(|_| *dice.pick(&leaves)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let s = systems::SystemInput {
            name: format!("System {n:04}"),
            purpose: Some("Verksamhetssystem i den stora demokommunen.".into()),
            kind: *dice.pick(SystemKind::ALL),
            owner_id: Some(*dice.pick(&staff)),
            supplier_id: (n % 3 == 0 && !supplier_ids.is_empty()).then(|| *dice.pick(&supplier_ids)),
            hosting: *dice.pick(Hosting::ALL),
            notes: None,
            provides: None,
            code: Some(format!("SYS{n:04}")),
            unit_ids,
        };
        system_ids.push(systems::insert(&mut tx, org, &s).await?);
    }

    // A critical activity per unit, depending on systems; systems depend on earlier systems.
    let mut activity_ids = Vec::with_capacity(leaves.len());
    for (i, u) in leaves.iter().enumerate() {
        let a = activities::ActivityInput {
            unit_id: *u,
            name: format!("Kärnverksamhet {}", i + 1),
            description: None,
            recipients: Some("Kommuninvånare".into()),
            criticality: if i % 4 == 0 { Criticality::Akut } else { Criticality::Kritisk },
            society_critical: i % 4 == 0,
        };
        activity_ids.push(activities::insert(&mut tx, org, &a).await?);
    }
    let mut edges = HashSet::new();
    let mut count_deps = 0;
    while count_deps < size.dependencies {
        let (from, to) = if count_deps % 10 == 0 {
            ((NodeKind::Activity, *dice.pick(&activity_ids)), (NodeKind::System, *dice.pick(&system_ids)))
        } else {
            let (x, y) = (dice.below(system_ids.len()), dice.below(system_ids.len()));
            if x == y {
                continue;
            }
            ((NodeKind::System, system_ids[x.max(y)]), (NodeKind::System, system_ids[x.min(y)]))
        };
        if !edges.insert((from, to)) {
            continue;
        }
        let need = if dice.below(3) == 0 { NeedKind::Degraded } else { NeedKind::Stops };
        let d = dependencies::DependencyInput { from, to, need, fallback: None, notes: None };
        dependencies::insert(&mut tx, org, &d).await?;
        count_deps += 1;
    }

    // Information assets, each in a system and a unit, classified.
    for n in 0..size.assets {
        let a = assets::AssetInput {
            name: format!("Informationsmängd {n:04}"),
            description: None,
            owner_id: Some(*dice.pick(&staff)),
            flags: Vec::new(),
            osl_reference: None,
            process_code: None,
            system_ids: vec![*dice.pick(&system_ids)],
            unit_ids: vec![*dice.pick(&leaves)],
            gdpr: assets::Gdpr::default(),
        };
        let id = assets::insert(&mut tx, org, &a).await?;
        let level = |d: &mut Dice| 1 + d.below(4) as u8;
        let levels = Levels::new(level(&mut dice), level(&mut dice), level(&mut dice), level(&mut dice))
            .map_err(|_| anyhow::anyhow!("levels"))?;
        let c = assets::ClassificationInput::beredd(levels, [None, None, None, None], None);
        assets::classify(&mut tx, org, id, &c, ACTOR, &catalogue.version).await?;
    }

    // Risks: an analysis per administration.
    let per = size.risks.div_ceil(size.administrations.max(1));
    let mut count_risks = 0;
    for a in 1..=size.administrations {
        let analysis = risks::Analysis {
            id: 0,
            title: format!("Riskanalys förvaltning {a}"),
            scope: format!("Förvaltning {a}"),
            held_on: on(2026, 3, 15),
            participants: None,
            method: None,
            created_by: ACTOR.into(),
            scope_kind: Some(beredd_domain::RiskScope::Org),
            scope_id: None,
        };
        let analysis_id = risks::add_analysis(&mut *tx, org, &analysis).await?;
        for n in 0..per.min(size.risks - count_risks) {
            let (l, c) = (1 + dice.below(4) as i64, 1 + dice.below(4) as i64);
            let risk = risks::Risk {
                id: 0,
                analysis_id,
                threat: format!("Hot {a}.{n}: avbrott i {}", dice.pick(&["nätet", "elen", "systemet", "leveransen"])),
                vulnerability: None,
                consequence_text: None,
                likelihood: l,
                consequence: c,
                measures: None,
                residual_likelihood: l.min(2),
                residual_consequence: c,
                owner_id: Some(*dice.pick(&staff)),
                decision: if l * c > 6 { RiskDecision::Treat } else { RiskDecision::Accept },
                decided_by: Some(ACTOR.into()),
                action_id: None,
            };
            risks::add_risk(&mut *tx, org, &risk).await?;
            count_risks += 1;
        }
    }

    let planned: Vec<i64> = leaves.iter().chain(&departments).copied().collect();
    let count_plans = plans_for(&mut tx, org, &planned).await?;
    let count_log = exercise(&mut tx, db, org, &leaves, size.log_entries).await?;
    // The units' managers were set with a statement of their own.
    crate::store::versions::bump(&mut *tx, org).await?;
    tx.commit().await?;
    Ok(Grown {
        units: count_units,
        people: staff.len(),
        systems: system_ids.len(),
        assets: size.assets,
        risks: count_risks,
        dependencies: count_deps,
        plans: count_plans,
        log_entries: count_log,
    })
}

fn unit(parent_id: Option<i64>, kind: UnitKind, name: String) -> units::UnitInput {
    units::UnitInput {
        parent_id,
        kind,
        name,
        manager_id: None,
        address: None,
        staff_count: None,
        around_the_clock: false,
        description: None,
        code: None,
    }
}

/// An approved plan for each unit and department (300), drafted from the first template as a
/// coordinator would start one.
async fn plans_for(tx: &mut sqlx::AnyConnection, org: i64, planned: &[i64]) -> anyhow::Result<usize> {
    let templates = crate::content::plan_templates::load()?;
    let template = templates.first().ok_or_else(|| anyhow::anyhow!("no plan template"))?;
    let all_units = units::list(&mut *tx, org).await?;
    let all_people = people::list(&mut *tx, org).await?;
    let all_activities = activities::list(&mut *tx, org).await?;
    let all_dependencies = dependencies::list(&mut *tx, org).await?;
    let all_systems = systems::list_in(&mut *tx, org).await?;
    let all_suppliers = suppliers::list(&mut *tx, org).await?;
    let regs = crate::services::continuity::plans::Registers {
        units: &all_units,
        activities: &all_activities,
        people: &all_people,
        dependencies: &all_dependencies,
        systems: &all_systems,
        suppliers: &all_suppliers,
    };
    let mut n = 0;
    for u in planned {
        let mut content = crate::services::continuity::plans::draft(template, &regs, &[*u]);
        content.hotline.number = "0923-650 00".into();
        let name = format!(
            "Kontinuitetsplan {}",
            all_units.iter().find(|x| x.id == *u).map(|x| x.name.as_str()).unwrap_or("")
        );
        let id = plans::create(&mut *tx, org, &name, Some(&template.id), &[*u], &content, ACTOR).await?;
        let approval = plans::Approval { approver_id: None, approver: ACTOR, recorded_by: ACTOR };
        let due = crate::services::continuity::plans::one_year_after(on(2026, 9, 1));
        plans::approve(&mut *tx, org, (id, 1), &approval, due).await?;
        n += 1;
    }
    Ok(n)
}

/// An exercise over the whole municipality whose log holds `entries` entries, signed and chained
/// as any log is.
async fn exercise(
    tx: &mut sqlx::AnyConnection,
    db: &Db,
    org: i64,
    leaves: &[i64],
    entries: usize,
) -> anyhow::Result<usize> {
    let n = NewIncident {
        title: "Storövning: it-avbrott i hela kommunen",
        what_happened: Some("Övning i stor skala: alla verksamhetssystem ligger nere."),
        discovered_at: "2026-10-01T06:00:00Z",
        raised_by: None,
        exercise: true,
        started_by: ACTOR,
        uid: None,
        participants: None,
        times_zone_known: true,
    };
    let id = incidents::create(&mut *tx, org, &n, &leaves[..leaves.len().min(20)]).await?;
    for i in 0..entries {
        let minute = i % (24 * 60);
        let entry = NewEntry {
            version: beredd_domain::incident::LOG_VERSION,
            uid: None,
            kind: if i % 10 == 0 { LogKind::Event } else { LogKind::Information },
            text: format!("Lägesrapport {}: enhet {} rapporterar läget.", i + 1, 1 + i % leaves.len().max(1)),
            decided_by: None,
            grounds: None,
            author: ACTOR.into(),
            occurred_at: Some(format!("2026-10-{:02}T{:02}:{:02}:00Z", 1 + i / (24 * 60), minute / 60, minute % 60)),
            corrects: None,
            source: super::LOG_SOURCE.into(),
        };
        incidents::append(&mut *tx, &db.keys, org, id, entry, ACTOR).await?;
    }
    Ok(entries)
}

/// A day of the large demo's history (each one a day the calendar has).
fn on(year: i32, month: u8, day: u8) -> Day {
    Day::from_ymd(year, month, day).unwrap_or_else(crate::platform::clock::today)
}
