//! One small stable sort for every layer. The standard library's sorts are compiled anew for
//! each element type and ordering, and each copy costs the browser app about 2 KB of its first
//! load (five copies were in it: the catalogue's entries and errors, the stays abroad twice,
//! and `collect` into a `BTreeSet`); this merge sort is a few hundred bytes per copy. Sets are
//! built with `extend` rather than `collect`, which sorts.
//!
//! Pure: imports nothing.

/// Sorts `items` by `key`, keeping equal items in their order: a merge sort over runs of
/// up to 16 items sorted by insertion, O(n log n) comparisons, and O(n) for items already
/// in order (the usual case: stays are mostly entered by date; the engine bench sorts 3,650).
///
/// ```
/// use residence_core::domain::sort::sort_by_key;
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// sort_by_key(&mut v, |&(n, _)| n);
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let all = std::mem::take(items);
    *items = merge_sort(all, &key);
}

/// The longest run sorted by insertion rather than split further.
const RUN: usize = 16;

fn merge_sort<T, K: Ord>(mut left: Vec<T>, key: &impl Fn(&T) -> K) -> Vec<T> {
    if left.len() <= RUN {
        // Insertion: an item moves back only past strictly greater ones, so ties keep order.
        for i in 1..left.len() {
            let mut j = i;
            while j > 0 && key(&left[j]) < key(&left[j - 1]) {
                left.swap(j, j - 1);
                j -= 1;
            }
        }
        return left;
    }
    let right = merge_sort(left.split_off(left.len() / 2), key);
    let mut left = merge_sort(left, key);
    if let (Some(a), Some(b)) = (left.last(), right.first()) {
        if key(a) <= key(b) {
            // Already in order: no merge.
            left.extend(right);
            return left;
        }
    }
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut left, mut right) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(a), Some(b)) = (left.peek(), right.peek()) {
        // Take from the right only when strictly smaller: equal items keep their order.
        let next = if key(b) < key(a) {
            &mut right
        } else {
            &mut left
        };
        out.extend(next.next());
    }
    out.extend(left);
    out.extend(right);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut theirs = v;
            theirs.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, theirs);
        }

        /// Long lists, mostly in order with a few items out of place, as stays are entered.
        #[test]
        fn agrees_on_long_nearly_sorted_lists(n in 0usize..4000, swaps in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..20)) {
            let mut v: Vec<(usize, usize)> = (0..n).map(|i| (i / 3, i)).collect();
            for (a, b) in swaps {
                if n > 0 {
                    v.swap(a.index(n), b.index(n));
                }
            }
            let mut ours = v.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut theirs = v;
            theirs.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, theirs);
        }
    }
}
