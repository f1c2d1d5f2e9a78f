//! The demo's yearly cycle: recurring work with owners.

use super::*;

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
        let start = check(f, key, "start", beredd_domain::text::optional_date(&c.start))?.unwrap_or_default();
        let until = check(f, key, "until", beredd_domain::text::optional_date(c.until.as_deref().unwrap_or("")))?;
        let n = crate::store::cycle::NewItem {
            title: key,
            kind,
            owner_id: lookup(&l.people, f, key, "owner", &c.owner)?,
            unit_id: lookup(&l.units, f, key, "unit", &c.unit)?,
            start_date: &start,
            every_months: c.every,
            until_date: until.as_deref(),
            notes: None,
        };
        crate::store::cycle::insert(&mut *l.tx, l.org, &n).await?;
    }

    Ok(())
}
