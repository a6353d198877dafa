//! One stable sort for the engine and its callers. The standard library's sorts are compiled
//! again for every element type and comparison, a few KB of WebAssembly each; here only one
//! list of indices is ever sorted, whatever the items. (Collecting into a `BTreeMap` sorts
//! too, once per call site: [`map_of`] inserts instead.)

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

/// Sorts `items` by `order`, equal items keeping their order (a stable sort).
pub fn sort_stable_by<T>(items: &mut Vec<T>, order: impl Fn(&T, &T) -> Ordering) {
    let mut ranked: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut ranked, &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => order(x, y),
        _ => Ordering::Equal,
    });
    permute(items, ranked);
}

/// Sorts `items` by the date `day` gives each, equal dates keeping their order (a stable
/// sort). Each date is computed once: the thousands of payments of a big dossier sort fast.
pub fn sort_by_date<T>(items: &mut Vec<T>, day: impl Fn(&T) -> NaiveDate) {
    let days: Vec<i32> = items.iter().map(|x| day(x).num_days_from_ce()).collect();
    let mut ranked: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut ranked, &|a, b| days.get(a).cmp(&days.get(b)));
    permute(items, ranked);
}

/// Sorts indices by `order`, equal ones in ascending order.
#[inline(never)]
fn sort_indices(indices: &mut [usize], order: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_unstable_by(|&a, &b| order(a, b).then(a.cmp(&b)));
}

/// Reorders `items` so that the item at `order`'s n-th index comes n-th.
fn permute<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The map of `pairs`, inserted one by one (a later key replaces an earlier one, as `collect`
/// does).
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        sort_stable_by(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(
            items,
            [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c'), (2, 'f')]
        );
        // An item moves past every item that orders after it, however far.
        let mut far = vec![(2, 'a'), (3, 'b'), (1, 'c'), (2, 'd'), (0, 'e')];
        sort_stable_by(&mut far, |x, y| x.0.cmp(&y.0));
        assert_eq!(far, [(0, 'e'), (1, 'c'), (2, 'a'), (2, 'd'), (3, 'b')]);
        let mut none: Vec<u8> = Vec::new();
        sort_stable_by(&mut none, u8::cmp);
        assert!(none.is_empty());
        let mut descending = vec![3, 1, 2];
        sort_stable_by(&mut descending, |a: &i32, b| b.cmp(a));
        assert_eq!(descending, [3, 2, 1]);
    }

    #[test]
    fn dates_sort_stably() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 1, d).unwrap_or_default();
        let mut items = vec![
            (day(3), 'a'),
            (day(1), 'b'),
            (day(3), 'c'),
            (day(2), 'd'),
            (day(1), 'e'),
        ];
        sort_by_date(&mut items, |x| x.0);
        let letters: String = items.iter().map(|x| x.1).collect();
        assert_eq!(letters, "bedac");
        let mut none: Vec<NaiveDate> = Vec::new();
        sort_by_date(&mut none, |d| *d);
        assert!(none.is_empty());
    }

    #[test]
    fn a_map_keeps_the_last_value_of_a_key() {
        let map = map_of([("b", 1), ("a", 2), ("b", 3)]);
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [("a", 2), ("b", 3)]);
    }

    #[test]
    fn a_long_list_is_sorted_stably() {
        // Past the lengths where sorts switch strategy; keys repeat, so stability shows.
        let mut items: Vec<(u32, usize)> =
            (0..1000).map(|i| ((i * 7919) % 13, i as usize)).collect();
        sort_stable_by(&mut items, |x, y| x.0.cmp(&y.0));
        assert!(items
            .windows(2)
            .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        assert_eq!(items.len(), 1000);
    }
}
