//! One stable sort for the whole crate. Each `sort_by` with its own element type or closure is
//! another copy of the standard library's sort in the wasm (about 4 KB each), so callers sort
//! positions through [`positions`], compiled once, and move their items after.

use std::cmp::Ordering;

/// Sorts `positions` stably by `compare`.
pub fn positions(positions: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| compare(a, b));
}

/// Sorts `items` stably by `compare`, as `items.sort_by(compare)` does.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    positions(&mut order, &mut |a, b| match (items.get(a), items.get(b)) {
        (Some(a), Some(b)) => compare(a, b),
        _ => Ordering::Equal,
    });
    arrange(items, order);
}

/// Sorts `items` stably by the key `key` gives each, computed once per item, as
/// `items.sort_by_cached_key(key)` does.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    positions(&mut order, &mut |a, b| keys.get(a).cmp(&keys.get(b)));
    arrange(items, order);
}

/// Puts `items` in `order` (positions in the current `items`).
fn arrange<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|at| slots.get_mut(at).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_cached_key(&mut items, |item| std::cmp::Reverse(item.0));
        assert_eq!(items, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'd'), (0, 'e')]);
    }
}
