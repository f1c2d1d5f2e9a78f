//! What an assessment's overview page and its exports show: the tally per chapter and in total,
//! and each requirement's answer with the actions linked to it.

use std::collections::HashMap;

use beredd_domain::framework::{self, Framework, Tally};

use super::answers::answer_map;
use crate::platform::db::DbError;
use crate::store::actions::{self, Action};
use crate::store::frameworks::{self as store, Answer, Assessment};

pub struct Summary {
    /// Each chapter (the index of its node) with its tally, in order.
    pub chapters: Vec<(usize, Tally)>,
    pub total: Tally,
    answers: HashMap<String, Answer>,
    /// (requirement id, action id), in the order they were linked.
    links: Vec<(String, i64)>,
    actions: Vec<Action>,
}

impl Summary {
    /// The answer to a requirement.
    pub fn answer(&self, node: &str) -> Option<&Answer> {
        self.answers.get(node)
    }
    /// The actions linked to a requirement.
    pub fn actions(&self, node: &str) -> Vec<&Action> {
        self.links
            .iter()
            .filter(|(n, _)| n == node)
            .filter_map(|(_, aid)| self.actions.iter().find(|x| x.id == *aid))
            .collect()
    }
}

/// The summary of assessment `a` of the organisation against `fw`.
pub async fn summary(pool: &sqlx::AnyPool, org: i64, a: &Assessment, fw: &Framework) -> Result<Summary, DbError> {
    let (answers, map) = answer_map(pool, a.key()).await?;
    let links = store::linked_actions(pool, a.key()).await?;
    let actions = actions::list(pool, org).await?;
    let (chapters, total) = framework::tally(fw, &map);
    let answers = answers.into_iter().map(|x| (x.node_id.clone(), x)).collect();
    Ok(Summary { chapters, total, answers, links, actions })
}
