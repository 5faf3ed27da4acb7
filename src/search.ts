// Binary search over sorted arrays.

/**
 * The first index whose item is not `before` the sought place, or items.length: `before` must
 * hold for a prefix of `items` and fail for the rest.
 */
export function lowerBound<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
