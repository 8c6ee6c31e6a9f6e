//! One small stable sort for every layer. The standard library's sorts are compiled anew for
//! each element type and ordering, and each copy costs the browser app about 2 KB of its first
//! load (five copies were in it: the catalogue's entries and errors, the stays abroad twice,
//! and `collect` into a `BTreeSet`); this merge sort is a few hundred bytes per copy. Sets are
//! built with `extend` rather than `collect`, which sorts.
//!
//! Pure: imports nothing.

/// Sorts `items` by `key`, keeping equal items in their order (a top-down merge sort:
/// O(n log n) comparisons; the checker sorts at most a few thousand items).
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

fn merge_sort<T, K: Ord>(mut left: Vec<T>, key: &impl Fn(&T) -> K) -> Vec<T> {
    if left.len() < 2 {
        return left;
    }
    let right = merge_sort(left.split_off(left.len() / 2), key);
    let left = merge_sort(left, key);
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
    }
}
