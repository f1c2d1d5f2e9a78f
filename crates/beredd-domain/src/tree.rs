//! The unit tree: display order and cycle checks. Parent links come from the database and may
//! in principle be broken, so every walk here is bounded and never loops.

use std::collections::{HashMap, HashSet};

/// Ancestors of `id`, nearest first, stopping at a root or at a cycle.
pub fn ancestors(parents: &HashMap<i64, Option<i64>>, id: i64) -> Vec<i64> {
    let mut out = Vec::new();
    let mut seen = HashSet::from([id]);
    let mut cur = parents.get(&id).copied().flatten();
    while let Some(p) = cur {
        if !seen.insert(p) {
            break;
        }
        out.push(p);
        cur = parents.get(&p).copied().flatten();
    }
    out
}

/// Whether giving `id` the parent `new_parent` would make the tree loop.
pub fn would_cycle(parents: &HashMap<i64, Option<i64>>, id: i64, new_parent: Option<i64>) -> bool {
    match new_parent {
        None => false,
        Some(p) if p == id => true,
        Some(p) => ancestors(parents, p).contains(&id),
    }
}

/// Depth-first order with depth, children sorted by `key`. Units whose parent is missing (or
/// who sit in a loop) are shown as roots so that nothing disappears from the list.
pub fn depth_first<K: Ord>(items: &[(i64, Option<i64>)], key: impl Fn(i64) -> K) -> Vec<(i64, usize)> {
    let ids: HashSet<i64> = items.iter().map(|(id, _)| *id).collect();
    let mut children: HashMap<Option<i64>, Vec<i64>> = HashMap::new();
    for (id, parent) in items {
        let parent = parent.filter(|p| ids.contains(p) && p != id);
        children.entry(parent).or_default().push(*id);
    }
    for list in children.values_mut() {
        list.sort_by_key(|id| key(*id));
    }
    let mut out = Vec::with_capacity(items.len());
    let mut visited = HashSet::new();
    let mut stack: Vec<(i64, usize)> =
        children.get(&None).map(|r| r.iter().rev().map(|id| (*id, 0)).collect()).unwrap_or_default();
    let walk = |stack: &mut Vec<(i64, usize)>, out: &mut Vec<(i64, usize)>, visited: &mut HashSet<i64>| {
        while let Some((id, depth)) = stack.pop() {
            if !visited.insert(id) {
                continue;
            }
            out.push((id, depth));
            if let Some(kids) = children.get(&Some(id)) {
                stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
            }
        }
    };
    walk(&mut stack, &mut out, &mut visited);
    // Whatever is left sits in a loop with no root: show it at the top level.
    for (id, _) in items {
        if !visited.contains(id) {
            stack.push((*id, 0));
            walk(&mut stack, &mut out, &mut visited);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parents(pairs: &[(i64, Option<i64>)]) -> HashMap<i64, Option<i64>> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn ancestors_are_listed_nearest_first() {
        let p = parents(&[(1, None), (2, Some(1)), (3, Some(2))]);
        assert_eq!(ancestors(&p, 3), vec![2, 1]);
    }

    #[test]
    fn moving_a_unit_under_its_own_child_is_a_cycle() {
        let p = parents(&[(1, None), (2, Some(1)), (3, Some(2))]);
        assert!(would_cycle(&p, 1, Some(3)));
        assert!(would_cycle(&p, 2, Some(2)));
        assert!(!would_cycle(&p, 3, Some(1)));
        assert!(!would_cycle(&p, 3, None));
    }

    #[test]
    fn a_broken_loop_in_stored_data_does_not_hang_the_walk() {
        let p = parents(&[(1, Some(2)), (2, Some(1))]);
        assert_eq!(ancestors(&p, 1), vec![2]);
        let order = depth_first(&[(1, Some(2)), (2, Some(1))], |id| id);
        assert_eq!(order.len(), 2);
    }

    #[test]
    fn depth_first_puts_children_under_their_parent() {
        let items = [(3, Some(1)), (1, None), (2, Some(1)), (4, Some(2))];
        assert_eq!(depth_first(&items, |id| id), vec![(1, 0), (2, 1), (4, 2), (3, 1)]);
    }
}
