// Kendall's τ-b between two score lists (ties handled), in O(n log n) by Knight's method:
// sort by x (then y), count the pairs tied in x, in both, and in y, and count the discordant
// pairs as the swaps a merge sort by y makes. Used to measure how well a method recovers a
// known true order (simulate.ts): 1 = the same order, 0 = unrelated, −1 = reversed.

/** τ-b of x and y; NaN with fewer than two pairs or when either list is constant. */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`kendallTau: ${n} and ${y.length} values`);
  if (n < 2) return NaN;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const pairs = (t: number) => (t * (t - 1)) / 2;
  let tiedX = 0;
  let tiedXY = 0;
  for (let i = 0, runX = 1, runXY = 1; i < n; i++) {
    const last = i === n - 1;
    const sameX = !last && x[order[i + 1]] === x[order[i]];
    const sameXY = sameX && y[order[i + 1]] === y[order[i]];
    if (sameXY) runXY++;
    else {
      tiedXY += pairs(runXY);
      runXY = 1;
    }
    if (sameX) runX++;
    else {
      tiedX += pairs(runX);
      runX = 1;
    }
  }
  // Merge sort of the y values in x order; a swap is a pair ordered one way by x and the other by y.
  let a = Float64Array.from(order, (i) => y[i]);
  let b = new Float64Array(n);
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (a[j] < a[i]) {
          b[k++] = a[j++];
          swaps += mid - i;
        } else b[k++] = a[i++];
      }
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
    }
    [a, b] = [b, a];
  }
  let tiedY = 0;
  for (let i = 0, run = 1; i < n; i++) {
    if (i < n - 1 && a[i + 1] === a[i]) run++;
    else {
      tiedY += pairs(run);
      run = 1;
    }
  }
  const total = pairs(n);
  const denom = Math.sqrt((total - tiedX) * (total - tiedY));
  if (denom === 0) return NaN;
  return (total - tiedX - tiedY + tiedXY - 2 * swaps) / denom;
}
