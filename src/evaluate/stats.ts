import { Random } from '../generate/random';
import type { Interval } from './types';

/** A sample of numbers: a plain read-only array or a typed array, never mutated. */
export type Sample = readonly number[] | Float64Array;

/**
 * Arithmetic mean of a sample.
 *
 * @param values - The sample; not mutated.
 * @returns The mean, or null for an empty sample.
 * @example
 * mean([1, 2, 6]); // 3
 */
export function mean(values: Sample): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum / n;
}

/** What {@link standardize} returns. */
export interface Standardized {
  /** `(value - mean) / sd` for each value; all zeros when the sample is constant. */
  readonly values: Float64Array;
  readonly mean: number;
  /** Population standard deviation (divisor n); 0 when the sample is constant. */
  readonly sd: number;
}

/**
 * Centres a sample on its mean and scales it to unit population standard deviation.
 *
 * @param values - The sample (at least one value); not mutated.
 * @returns The z-scores with the mean and standard deviation used; a constant sample gives zeros and `sd` 0.
 * @throws RangeError for an empty sample or a value that is not finite.
 * @example
 * standardize([1, 3]).values; // Float64Array [-1, 1]
 */
export function standardize(values: Sample): Standardized {
  const n = values.length;
  if (n === 0) throw new RangeError('standardize needs at least one value');
  checkFinite(values, 'values');
  const m = mean(values)!;
  const out = new Float64Array(n);
  if (isConstant(values)) return { values: out, mean: values[0]!, sd: 0 };
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    out[i] = d;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / n);
  for (let i = 0; i < n; i++) out[i] = out[i]! / sd;
  return { values: out, mean: m, sd };
}

/**
 * The values of a sample at the given positions, e.g. a bootstrap resample.
 *
 * @param values - The sample; not mutated.
 * @param indices - Positions into `values`, repeats allowed.
 * @returns A new array with `values[indices[i]]` at position i.
 * @throws RangeError for a position outside the sample.
 * @example
 * take([10, 20, 30], Int32Array.of(2, 2, 0)); // Float64Array [30, 30, 10]
 */
export function take(values: Sample, indices: Int32Array | readonly number[]): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const v = values[indices[i]!];
    if (v === undefined) throw new RangeError(`index ${indices[i]} out of range 0..${values.length - 1}`);
    out[i] = v;
  }
  return out;
}

/**
 * Mid-ranks of a sample: 1-based ranks, tied values sharing the average of the ranks they span.
 *
 * @param values - The sample; not mutated.
 * @returns The rank of each value, in the input's order.
 * @throws RangeError for a value that is not finite.
 * @example
 * ranks([10, 30, 20, 20]); // Float64Array [1, 4, 2.5, 2.5]
 */
export function ranks(values: Sample): Float64Array {
  checkFinite(values, 'values');
  const n = values.length;
  const order = sortedOrder(values);
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const v = values[order[i]!]!;
    while (j < n && values[order[j]!]! === v) j++;
    // Positions i..j-1 (0-based) are tied: ranks i+1..j, average (i + 1 + j) / 2.
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) out[order[k]!] = rank;
    i = j;
  }
  return out;
}

/**
 * Pearson's product-moment correlation.
 *
 * @param x - First sample; not mutated.
 * @param y - Second sample, same length; not mutated.
 * @returns The correlation in [-1, 1], or null when it is undefined or meaningless: fewer than 3 values, or
 * either sample constant.
 * @throws RangeError for samples of different lengths or a value that is not finite.
 * @example
 * pearson([1, 2, 3], [2, 4, 7]); // 0.993...
 */
export function pearson(x: Sample, y: Sample): number | null {
  checkPair(x, y);
  return correlation(x, y);
}

/**
 * Spearman's rank correlation: Pearson's correlation of the mid-ranks, so ties are handled as in
 * `scipy.stats.spearmanr`.
 *
 * @param x - First sample; not mutated.
 * @param y - Second sample, same length; not mutated.
 * @returns The correlation in [-1, 1], or null with fewer than 3 values or a constant sample.
 * @throws RangeError for samples of different lengths or a value that is not finite.
 * @example
 * spearman([1, 2, 2, 3], [1, 3, 2, 4]); // sqrt(0.9) = 0.9487
 */
export function spearman(x: Sample, y: Sample): number | null {
  checkPair(x, y);
  if (x.length < 3 || isConstant(x) || isConstant(y)) return null;
  return correlation(ranks(x), ranks(y));
}

/**
 * Kendall's tau-b, corrected for ties on either side (as `scipy.stats.kendalltau`), by Knight's
 * O(n log n) algorithm: sort by (x, y), count the swaps a merge sort by y makes.
 *
 * `tau_b = (n0 - n1 - n2 + n3 - 2 swaps) / sqrt((n0 - n1) (n0 - n2))` where n0 = n(n-1)/2 and n1, n2, n3
 * count the pairs tied in x, in y, and in both.
 *
 * @param x - First sample; not mutated.
 * @param y - Second sample, same length; not mutated.
 * @returns tau-b in [-1, 1], or null when undefined: fewer than 2 values or a constant sample.
 * @throws RangeError for samples of different lengths or a value that is not finite.
 * @example
 * kendallTauB([1, 2, 2, 3], [1, 3, 2, 4]); // 5 / sqrt(30) = 0.9129
 */
export function kendallTauB(x: Sample, y: Sample): number | null {
  checkPair(x, y);
  const n = x.length;
  if (n < 2 || isConstant(x) || isConstant(y)) return null;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]! || a - b);

  const n0 = (n * (n - 1)) / 2;
  let n1 = 0;
  let n3 = 0;
  let runX = 1;
  let runXY = 1;
  for (let k = 1; k <= n; k++) {
    const sameX = k < n && x[order[k]!]! === x[order[k - 1]!]!;
    const sameXY = sameX && y[order[k]!]! === y[order[k - 1]!]!;
    if (sameX) runX++;
    else {
      n1 += (runX * (runX - 1)) / 2;
      runX = 1;
    }
    if (sameXY) runXY++;
    else {
      n3 += (runXY * (runXY - 1)) / 2;
      runXY = 1;
    }
  }

  // Merge sort of the y values in that order, counting the pairs it puts back in order (discordant pairs).
  let a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = y[order[i]!]!;
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
        if (a[j]! < a[i]!) {
          swaps += mid - i;
          b[k++] = a[j++]!;
        } else b[k++] = a[i++]!;
      }
      while (i < mid) b[k++] = a[i++]!;
      while (j < hi) b[k++] = a[j++]!;
    }
    const t = a;
    a = b;
    b = t;
  }

  let n2 = 0;
  let runY = 1;
  for (let k = 1; k <= n; k++) {
    if (k < n && a[k]! === a[k - 1]!) runY++;
    else {
      n2 += (runY * (runY - 1)) / 2;
      runY = 1;
    }
  }

  const denominator = Math.sqrt((n0 - n1) * (n0 - n2));
  if (!(denominator > 0)) return null;
  return clamp((n0 - n1 - n2 + n3 - 2 * swaps) / denominator);
}

/**
 * Area under the ROC curve of a score for a binary outcome, by Mann-Whitney: the probability that a
 * positive scores above a negative, ties counting one half.
 *
 * @param scores - One score per case; not mutated.
 * @param positives - Whether each case is positive, same length; not mutated.
 * @returns The AUC in [0, 1], or null when there is no positive or no negative.
 * @throws RangeError for inputs of different lengths or a score that is not finite.
 * @example
 * rocAuc([1, 2, 2, 3], [false, true, false, true]); // (1 + 0.5 + 1 + 1) / 4 = 0.875
 */
export function rocAuc(scores: Sample, positives: readonly boolean[]): number | null {
  if (scores.length !== positives.length) {
    throw new RangeError(`scores and positives differ in length: ${scores.length} and ${positives.length}`);
  }
  let nPos = 0;
  for (const p of positives) if (p) nPos++;
  const nNeg = positives.length - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  const r = ranks(scores);
  let rankSum = 0;
  for (let i = 0; i < r.length; i++) if (positives[i]) rankSum += r[i]!;
  const u = rankSum - (nPos * (nPos + 1)) / 2;
  return Math.min(1, Math.max(0, u / (nPos * nNeg)));
}

/** Options of {@link bootstrapInterval}. */
export interface BootstrapOptions {
  /** Number of resamples (a positive integer); 1000 by default. */
  readonly resamples?: number;
  /** Confidence level in (0, 1); 0.95 by default. */
  readonly confidence?: number;
  /** Seed of the resampling; the same seed gives the same interval. */
  readonly seed: number;
  /**
   * A group label per case (e.g. the cohort id): each resample then draws, for each position, a case of the
   * same group, so every resample keeps the group sizes.
   */
  readonly stratified?: readonly (string | number)[];
}

/**
 * A percentile bootstrap interval of a statistic of n cases.
 *
 * The estimate is the statistic of the identity sample `[0, 1, ..., n-1]`; each resample draws n indices with
 * replacement (within each group when `stratified`); resamples whose statistic is null or not finite are
 * left out; `low` and `high` are the (1 - confidence) / 2 and (1 + confidence) / 2 quantiles (linear
 * interpolation) of the rest. When every resample is left out, `low` and `high` equal the estimate.
 *
 * @param n - Number of cases (a non-negative integer).
 * @param statistic - The statistic of the cases at the given indices; receives a fresh array on each call.
 * @param options - Resamples, confidence, seed, groups.
 * @returns The estimate with its interval, or null when the estimate is null or not finite.
 * @throws RangeError for a bad n, resample count, confidence, or group labels of the wrong length.
 * @example
 * const ci = bootstrapInterval(x.length, (idx) => spearman(take(x, idx), take(y, idx)), { seed: 1 });
 */
export function bootstrapInterval(
  n: number,
  statistic: (indices: Int32Array) => number | null,
  options: BootstrapOptions,
): Interval | null {
  const { resamples = 1000, confidence = 0.95, seed, stratified } = options;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (stratified !== undefined && stratified.length !== n) {
    throw new RangeError(`stratified has ${stratified.length} labels for ${n} cases`);
  }

  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  const estimate = statistic(identity);
  if (estimate === null || !Number.isFinite(estimate)) return null;

  // members[g] lists the cases of group g; groupOf[i] is the group of case i (all in one group unstratified).
  const groupOf = new Int32Array(n);
  const members: number[][] = [];
  if (stratified === undefined) members.push(Array.from({ length: n }, (_, i) => i));
  else {
    const byLabel = new Map<string | number, number>();
    for (let i = 0; i < n; i++) {
      const label = stratified[i]!;
      let g = byLabel.get(label);
      if (g === undefined) {
        g = members.length;
        byLabel.set(label, g);
        members.push([]);
      }
      members[g]!.push(i);
      groupOf[i] = g;
    }
  }

  const random = new Random(seed);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const indices = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const group = members[groupOf[i]!]!;
      indices[i] = group[Math.floor(random.next() * group.length)]!;
    }
    const value = statistic(indices);
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  if (values.length === 0) return { estimate, low: estimate, high: estimate };
  const sorted = Float64Array.from(values).sort();
  return {
    estimate,
    low: quantile(sorted, (1 - confidence) / 2),
    high: quantile(sorted, (1 + confidence) / 2),
  };
}

/** Quantile p of sorted values, linear interpolation between order statistics (R's type 7, numpy's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Pearson correlation of two checked samples of the same length; null under 3 values or a constant side. */
function correlation(x: Sample, y: Sample): number | null {
  const n = x.length;
  if (n < 3 || isConstant(x) || isConstant(y)) return null;
  const mx = mean(x)!;
  const my = mean(y)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0 && syy > 0)) return null;
  return clamp(sxy / Math.sqrt(sxx * syy));
}

function clamp(r: number): number {
  return Math.min(1, Math.max(-1, r));
}

function isConstant(values: Sample): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/** Positions of the values in increasing order of value (ties by position). */
function sortedOrder(values: Sample): Int32Array {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => values[a]! - values[b]! || a - b);
}

function checkFinite(values: Sample, name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`${name}[${i}] is not a finite number: ${values[i]}`);
  }
}

function checkPair(x: Sample, y: Sample): void {
  if (x.length !== y.length) throw new RangeError(`x and y differ in length: ${x.length} and ${y.length}`);
  checkFinite(x, 'x');
  checkFinite(y, 'y');
}
