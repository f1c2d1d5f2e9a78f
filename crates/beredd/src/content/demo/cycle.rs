//! The demo's yearly cycle: recurring work with owners.

use super::*;
use crate::platform::day::optional_day;

pub(super) async fn cycle(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "cycle.toml";
    let cycle_file: CycleFile = parse_optional(l.source, f)?;
    for c in &cycle_file.item {
        let key = &c.title;
        let kind = beredd_domain::cycle::CycleKind::parse(&c.kind)
            .ok()
            .filter(|_| crate::services::cycle::EVERY_MONTHS.contains(&c.every));
        let Some(kind) = kind else {
            bail!("{f}, post {key:?}: okänt slag {:?} eller intervall {}", c.kind, c.every);
        };
        let start = optional_day(&c.start).and_then(|d| d.ok_or(beredd_domain::FieldError::Required));
        let start = check(f, key, "start", start)?;
        let until = check(f, key, "until", optional_day(c.until.as_deref().unwrap_or("")))?;
        let n = crate::store::cycle::NewItem {
            title: key,
            kind,
            owner_id: lookup(&l.people, f, key, "owner", &c.owner)?,
            unit_id: lookup(&l.units, f, key, "unit", &c.unit)?,
            start_date: start,
            every_months: c.every,
            until_date: until,
            notes: None,
        };
        crate::store::cycle::insert(&mut *l.tx, l.org, &n).await?;
    }

    Ok(())
}
