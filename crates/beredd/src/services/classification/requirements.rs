//! The requirement catalogue as the organisation reads it: searched by area and words, narrowed
//! to what a classification yields, with the requirements it has turned off.

use beredd_domain::classification::{LegalFlag, Levels};

use crate::content::catalogue::{Catalogue, Requirement};
use crate::platform::db::DbError;
use crate::store::local_requirements::{self, Disabled};

/// What to look for; an empty area or needle matches everything.
pub struct Search<'a> {
    pub area: &'a str,
    /// Words to find in the id, title or text, in lower case.
    pub needle: &'a str,
    /// Only the requirements that these levels and flags yield.
    pub yielded_by: Option<(Levels, &'a [LegalFlag])>,
}

impl Search<'_> {
    pub fn matches(&self, r: &Requirement) -> bool {
        (self.area.is_empty() || r.area == self.area)
            && (self.needle.is_empty()
                || [&r.id, &r.title_sv, &r.title_en, &r.is_sv, &r.is_en]
                    .iter()
                    .any(|t| t.to_lowercase().contains(self.needle)))
            && self.yielded_by.as_ref().is_none_or(|(levels, flags)| r.applies.holds(levels, flags))
    }
}

/// The requirements of `c` that match, in its order.
pub fn search<'a>(c: &'a Catalogue, s: &Search) -> Vec<&'a Requirement> {
    c.requirements.iter().filter(|r| s.matches(r)).collect()
}

/// Beredd's requirements (from `base`) the organisation has turned off, with why.
pub async fn turned_off<'a>(
    pool: &sqlx::AnyPool,
    base: &'a Catalogue,
    org: i64,
) -> Result<Vec<(&'a Requirement, Disabled)>, DbError> {
    let off = local_requirements::disabled(pool, org).await?;
    Ok(off.into_iter().filter_map(|d| base.get(&d.requirement_id).map(|r| (r, d))).collect())
}

/// A requirement of the organisation's catalogue `c`, or one of Beredd's (`base`) it turned
/// off, which is still shown so that it can be turned on again; with its turning off.
pub async fn requirement<'a>(
    pool: &sqlx::AnyPool,
    c: &'a Catalogue,
    base: &'a Catalogue,
    org: i64,
    id: &str,
) -> Result<Option<(&'a Requirement, Option<Disabled>)>, DbError> {
    let off = local_requirements::disabled(pool, org).await?.into_iter().find(|d| d.requirement_id == id);
    let r = c.get(id).or_else(|| off.as_ref().and(base.get(id)));
    Ok(r.map(|r| (r, off)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_narrows_by_area_words_and_what_a_classification_yields() {
        let c = Catalogue::load().unwrap();
        let everything = Search { area: "", needle: "", yielded_by: None };
        assert_eq!(search(&c, &everything).len(), c.requirements.len());
        let area = c.areas[0].id.as_str();
        assert!(search(&c, &Search { area, ..everything }).iter().all(|r| r.area == area));
        let first = &c.requirements[0];
        let needle = first.id.to_lowercase();
        assert!(search(&c, &Search { needle: &needle, ..everything }).iter().any(|r| r.id == first.id));
        let levels = Levels::new(1, 1, 1, 1).unwrap();
        let low = search(&c, &Search { yielded_by: Some((levels, &[])), ..everything }).len();
        let levels = Levels::new(4, 4, 4, 4).unwrap();
        let high = search(&c, &Search { yielded_by: Some((levels, &[])), ..everything }).len();
        assert!(0 < low && low < high, "{low} {high}");
    }
}
