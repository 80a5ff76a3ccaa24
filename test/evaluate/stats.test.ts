import { describe, expect, test } from 'vitest';
import { Random } from '../../src/generate/random';
import {
  bootstrapInterval,
  kendallTauB,
  mean,
  pearson,
  ranks,
  rocAuc,
  spearman,
  standardize,
  take,
} from '../../src/evaluate/stats';

const frozen = <T>(xs: T[]): readonly T[] => Object.freeze(xs);

// Tiny hand-worked case.
// x = [1, 2, 2, 3] has mid-ranks [1, 2.5, 2.5, 4]; y = [1, 3, 2, 4] has ranks [1, 3, 2, 4].
const tinyX = frozen([1, 2, 2, 3]);
const tinyY = frozen([1, 3, 2, 4]);

// A case with ties on both sides (digits of pi / of e-like), n = 12.
const piX = frozen([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8]);
const piY = frozen([2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5]);
const piPositive = frozen([true, false, true, false, true, true, false, true, false, false, true, true]);

// Scores against 1..5 satisfaction ratings (many ties), n = 20.
const likertScore = frozen([
  62.5, 71.0, 48.25, 71.0, 55.0, 80.5, 62.5, 39.0, 71.0, 55.0, 90.0, 48.25, 62.5, 80.5, 33.0, 71.0, 55.0, 62.5, 90.0,
  44.0,
]);
const likertRating = frozen([3, 4, 2, 5, 3, 5, 3, 2, 4, 2, 5, 3, 4, 4, 1, 3, 3, 2, 5, 2]);
const likertCompleted = frozen(
  [1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0].map((v) => v === 1),
);

/** O(n²) tau-b straight from the definition, as an oracle for Knight's algorithm. */
function tauBBruteForce(x: readonly number[], y: readonly number[]): number | null {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  let pairs = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      pairs++;
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      if (dx * dy > 0) concordant++;
      if (dx * dy < 0) discordant++;
    }
  }
  const denominator = Math.sqrt((pairs - tiesX) * (pairs - tiesY));
  return denominator > 0 ? (concordant - discordant) / denominator : null;
}

function randomTied(random: Random, n: number, levels: number): number[] {
  return Array.from({ length: n }, () => random.int(1, levels));
}

describe('mean, standardize, take', () => {
  test('mean', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean(Float64Array.of(-1, 1))).toBe(0);
    expect(mean([])).toBeNull();
  });

  test('standardize gives zero mean and unit population sd; a constant sample gives zeros', () => {
    const s = standardize(frozen([2, 4, 4, 4, 5, 5, 7, 9]));
    // mean 5, population variance (9+1+1+1+0+0+4+16)/8 = 4, sd 2.
    expect(s.mean).toBe(5);
    expect(s.sd).toBe(2);
    expect(Array.from(s.values)).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    const c = standardize([0.1, 0.1, 0.1]);
    expect(c.sd).toBe(0);
    expect(Array.from(c.values)).toEqual([0, 0, 0]);
    expect(() => standardize([])).toThrow(RangeError);
    expect(() => standardize([1, Number.NaN])).toThrow(/values\[1\]/);
  });

  test('take picks values by index', () => {
    expect(Array.from(take([10, 20, 30], Int32Array.of(2, 2, 0)))).toEqual([30, 30, 10]);
    expect(() => take([1], [1])).toThrow(RangeError);
  });
});

describe('ranks', () => {
  test('mid-ranks, 1-based, in input order', () => {
    expect(Array.from(ranks(tinyX))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(ranks([10, 30, 20, 20]))).toEqual([1, 4, 2.5, 2.5]);
    // Three-way tie at the top: ranks 2, 3, 4 average 3.
    expect(Array.from(ranks(Float64Array.of(5, 1, 5, 5)))).toEqual([3, 1, 3, 3]);
    expect(Array.from(ranks([7, 7, 7]))).toEqual([2, 2, 2]);
    expect(Array.from(ranks([]))).toEqual([]);
  });

  test('ranks always sum to n(n+1)/2', () => {
    const random = new Random(3);
    for (let t = 0; t < 50; t++) {
      const n = random.int(1, 40);
      const r = ranks(randomTied(random, n, 5));
      expect(r.reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2);
    }
  });

  test('rejects values that are not finite', () => {
    expect(() => ranks([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('pearson', () => {
  test('tiny case by hand', () => {
    // x - 2 = [-1, 0, 0, 1], y - 2.5 = [-1.5, 0.5, -0.5, 1.5]: Sxy = 3, Sxx = 2, Syy = 5, r = 3 / sqrt(10).
    expect(pearson(tinyX, tinyY)).toBeCloseTo(3 / Math.sqrt(10), 14);
  });

  test('against scipy.stats.pearsonr', () => {
    // python3 -c "from scipy import stats; print(stats.pearsonr(x, y).statistic)"
    expect(pearson(piX, piY)).toBeCloseTo(0.09979900759721554, 12);
    expect(pearson(likertScore, likertRating)).toBeCloseTo(0.8781610716635575, 12);
  });

  test('exact lines give ±1; invariant to affine maps', () => {
    expect(pearson([1, 2, 3, 4], [3, 5, 7, 9])).toBeCloseTo(1, 15);
    expect(pearson([1, 2, 3, 4], [9, 7, 5, 3])).toBeCloseTo(-1, 15);
    const shifted = piX.map((v) => 1000 + 3 * v);
    expect(pearson(shifted, piY)).toBeCloseTo(pearson(piX, piY)!, 12);
  });

  test('null with fewer than 3 values or a constant side (even 0.1 repeated)', () => {
    expect(pearson([1, 2], [2, 1])).toBeNull();
    expect(pearson([], [])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
  });

  test('rejects mismatched lengths and values that are not finite', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => pearson([1, 2, Infinity], [1, 2, 3])).toThrow(/x\[2\]/);
  });
});

describe('spearman', () => {
  test('tiny case by hand', () => {
    // Ranks [1, 2.5, 2.5, 4] and [1, 3, 2, 4], both of mean 2.5:
    // deviations [-1.5, 0, 0, 1.5] and [-1.5, 0.5, -0.5, 1.5]; S12 = 4.5, S11 = 4.5, S22 = 5;
    // rho = 4.5 / sqrt(4.5 * 5) = sqrt(0.9). scipy.stats.spearmanr: 0.9486832980505139.
    expect(spearman(tinyX, tinyY)).toBeCloseTo(Math.sqrt(0.9), 14);
  });

  test('against scipy.stats.spearmanr (ties on both sides)', () => {
    // python3 -c "from scipy import stats; print(stats.spearmanr(x, y).statistic)"
    expect(spearman(piX, piY)).toBeCloseTo(0.1415796863640157, 12);
    expect(spearman(likertScore, likertRating)).toBeCloseTo(0.8711463474979263, 12);
  });

  test('monotone maps give ±1; accepts typed arrays', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 1000])).toBeCloseTo(1, 15);
    expect(spearman(Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1))).toBeCloseTo(-1, 15);
  });

  test('null with fewer than 3 values or a constant side', () => {
    expect(spearman([1, 2], [1, 2])).toBeNull();
    expect(spearman([1, 1, 1, 1], [1, 2, 3, 4])).toBeNull();
    expect(spearman([1, 2, 3, 4], [5, 5, 5, 5])).toBeNull();
  });
});

describe('kendallTauB', () => {
  test('tiny case by hand', () => {
    // Pairs of positions: (0,1) (0,2) (0,3) (1,3) (2,3) concordant; (1,2) tied in x only.
    // n0 = 6, n1 = 1 (x ties), n2 = 0, C - D = 5: tau-b = 5 / sqrt((6 - 1) * 6) = sqrt(5/6).
    // scipy.stats.kendalltau: 0.912870929175277.
    expect(kendallTauB(tinyX, tinyY)).toBeCloseTo(Math.sqrt(5 / 6), 14);
  });

  test('against scipy.stats.kendalltau (tau-b by default)', () => {
    // python3 -c "from scipy import stats; print(stats.kendalltau(x, y).statistic)"
    expect(kendallTauB(piX, piY)).toBeCloseTo(0.17109647770728875, 12);
    expect(kendallTauB(likertScore, likertRating)).toBeCloseTo(0.7828774468735356, 12);
  });

  test("Knight's O(n log n) count equals the O(n²) definition on random tied data", () => {
    const random = new Random(11);
    for (let t = 0; t < 300; t++) {
      const n = random.int(2, 60);
      const x = randomTied(random, n, random.int(1, 8));
      const y = randomTied(random, n, random.int(1, 8));
      const expected = tauBBruteForce(x, y);
      const actual = kendallTauB(x, y);
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 12);
    }
  });

  test('±1 for perfect agreement or reversal; n = 2 is defined', () => {
    expect(kendallTauB([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTauB([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    expect(kendallTauB([1, 2], [2, 1])).toBe(-1);
  });

  test('null when undefined: fewer than 2 values or a constant side', () => {
    expect(kendallTauB([1], [1])).toBeNull();
    expect(kendallTauB([], [])).toBeNull();
    expect(kendallTauB([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(kendallTauB([1, 2, 3], [0, 0, 0])).toBeNull();
  });
});

describe('rocAuc', () => {
  test('tiny case by hand', () => {
    // Positives score {2, 3}, negatives {1, 2}: 2>1, 2=2 (one half), 3>1, 3>2: (1 + 0.5 + 1 + 1) / 4.
    expect(rocAuc(tinyX, [false, true, false, true])).toBe(0.875);
  });

  test('against Mann-Whitney U / (n1 n0) from scipy', () => {
    // Positives {3,4,5,9,6,5,8}, negatives {1,1,2,5,3}: U = 3.5+4+4.5+5+5+4.5+5 = 31.5, / 35 = 0.9.
    expect(rocAuc(piX, piPositive)).toBeCloseTo(0.9, 14);
    // stats.mannwhitneyu(pos, neg).statistic = 80.0, n1 = 11, n0 = 9: 80 / 99.
    expect(rocAuc(likertScore, likertCompleted)).toBeCloseTo(80 / 99, 14);
  });

  test('perfect, reversed and all-tied scores', () => {
    expect(rocAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(rocAuc([1, 2, 3, 4], [true, true, false, false])).toBe(0);
    expect(rocAuc([5, 5, 5], [true, false, true])).toBe(0.5);
  });

  test('equals the pairwise definition on random tied data', () => {
    const random = new Random(5);
    for (let t = 0; t < 100; t++) {
      const n = random.int(2, 50);
      const s = randomTied(random, n, 6);
      const pos = s.map(() => random.chance(0.4));
      let wins = 0;
      let pairs = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (!pos[i] || pos[j]) continue;
          pairs++;
          wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
        }
      }
      if (pairs === 0) expect(rocAuc(s, pos)).toBeNull();
      else expect(rocAuc(s, pos)).toBeCloseTo(wins / pairs, 12);
    }
  });

  test('null when a class is empty', () => {
    expect(rocAuc([1, 2, 3], [true, true, true])).toBeNull();
    expect(rocAuc([1, 2, 3], [false, false, false])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
    expect(() => rocAuc([1, 2], [true])).toThrow(RangeError);
  });
});

describe('bootstrapInterval', () => {
  const normal = (n: number, seed: number): Float64Array => {
    const random = new Random(seed);
    return Float64Array.from({ length: n }, () => random.gauss(0, 1));
  };
  const meanOf = (xs: Float64Array) => (idx: Int32Array) => mean(take(xs, idx));

  test('the estimate is the statistic of the whole sample, inside the interval', () => {
    const xs = normal(400, 1);
    const ci = bootstrapInterval(xs.length, meanOf(xs), { seed: 7 })!;
    expect(ci.estimate).toBe(mean(xs));
    expect(ci.low).toBeLessThan(ci.estimate);
    expect(ci.high).toBeGreaterThan(ci.estimate);
    // 95% interval of a mean of 400 N(0, 1): width about 2 * 1.96 / 20 = 0.196.
    expect(ci.high - ci.low).toBeGreaterThan(0.15);
    expect(ci.high - ci.low).toBeLessThan(0.25);
  });

  test('deterministic for a seed, different for another', () => {
    const xs = normal(100, 2);
    const a = bootstrapInterval(xs.length, meanOf(xs), { seed: 3, resamples: 300 });
    const b = bootstrapInterval(xs.length, meanOf(xs), { seed: 3, resamples: 300 });
    const c = bootstrapInterval(xs.length, meanOf(xs), { seed: 4, resamples: 300 });
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  test('narrower with more data, wider with more confidence', () => {
    const small = normal(50, 3);
    const large = normal(2000, 3);
    const width = (ci: { low: number; high: number } | null) => ci!.high - ci!.low;
    const wSmall = width(bootstrapInterval(small.length, meanOf(small), { seed: 1 }));
    const wLarge = width(bootstrapInterval(large.length, meanOf(large), { seed: 1 }));
    expect(wLarge * 3).toBeLessThan(wSmall); // expected ratio sqrt(40) = 6.3
    const w80 = width(bootstrapInterval(large.length, meanOf(large), { seed: 1, confidence: 0.8 }));
    expect(w80).toBeLessThan(wLarge);
  });

  test('works with a correlation statistic and skips null resamples', () => {
    // n = 4: some resamples repeat one case, making a side constant (spearman null).
    let nulls = 0;
    const ci = bootstrapInterval(
      4,
      (idx) => {
        const r = spearman(take(tinyX, idx), take(tinyY, idx));
        if (r === null) nulls++;
        return r;
      },
      { seed: 9 },
    )!;
    expect(nulls).toBeGreaterThan(0);
    expect(ci.estimate).toBeCloseTo(Math.sqrt(0.9), 14);
    expect(ci.low).toBeGreaterThanOrEqual(-1);
    expect(ci.high).toBeLessThanOrEqual(1);
  });

  test('null when the estimate is null; the estimate alone when every resample is null', () => {
    expect(bootstrapInterval(10, () => null, { seed: 1 })).toBeNull();
    expect(bootstrapInterval(10, () => Number.NaN, { seed: 1 })).toBeNull();
    expect(bootstrapInterval(0, (idx) => (idx.length === 0 ? null : 1), { seed: 1 })).toBeNull();
    const onlyIdentity = (idx: Int32Array) => (idx.every((v, i) => v === i) ? 0.5 : null);
    expect(bootstrapInterval(30, onlyIdentity, { seed: 1, resamples: 50 })).toEqual({ estimate: 0.5, low: 0.5, high: 0.5 });
  });

  test('the statistic gets a fresh array each call: identity first, then indices in range', () => {
    const seen: Int32Array[] = [];
    bootstrapInterval(
      6,
      (idx) => {
        seen.push(idx);
        return idx.length;
      },
      { seed: 2, resamples: 20 },
    );
    expect(seen).toHaveLength(21);
    expect(Array.from(seen[0]!)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(seen).size).toBe(21);
    for (const idx of seen) for (const i of idx) expect(i >= 0 && i < 6).toBe(true);
  });

  test('stratified resampling keeps every group size and draws within the group', () => {
    const labels = frozen(['b', 'a', 'c', 'a', 'c', 'c', 'b', 'c', 'c', 'a', 'c', 'c', 'c', 'b', 'c', 'c', 'c', 'b', 'c', 'b']);
    const sizes = (idx: Int32Array) => {
      const count = new Map<string, number>();
      for (const i of idx) count.set(labels[i]!, (count.get(labels[i]!) ?? 0) + 1);
      return count;
    };
    const stratifiedSizes: Map<string, number>[] = [];
    let sameGroup = true;
    let distinct = 0;
    bootstrapInterval(
      labels.length,
      (idx) => {
        stratifiedSizes.push(sizes(idx));
        idx.forEach((v, i) => {
          if (labels[v] !== labels[i]) sameGroup = false;
        });
        distinct += new Set(idx).size;
        return 0;
      },
      { seed: 5, resamples: 200, stratified: labels },
    );
    expect(sameGroup).toBe(true);
    expect(distinct).toBeLessThan(201 * labels.length); // it does resample
    for (const s of stratifiedSizes) expect(s).toEqual(new Map([['b', 5], ['a', 3], ['c', 12]]));

    // Without strata the sizes vary.
    const plainSizes: number[] = [];
    bootstrapInterval(labels.length, (idx) => (plainSizes.push(sizes(idx).get('a') ?? 0), 0), { seed: 5, resamples: 200 });
    expect(new Set(plainSizes).size).toBeGreaterThan(1);
  });

  test('stratified with numeric labels works with a real statistic', () => {
    const xs = normal(300, 8);
    const cohorts = Array.from({ length: 300 }, (_, i) => i % 3);
    const ci = bootstrapInterval(xs.length, meanOf(xs), { seed: 1, stratified: cohorts })!;
    expect(ci.low).toBeLessThan(ci.estimate);
    expect(ci.high).toBeGreaterThan(ci.estimate);
  });

  test('rejects bad options', () => {
    const stat = () => 1;
    expect(() => bootstrapInterval(3, stat, { seed: 1, resamples: 0 })).toThrow(RangeError);
    expect(() => bootstrapInterval(3, stat, { seed: 1, resamples: 2.5 })).toThrow(RangeError);
    expect(() => bootstrapInterval(3, stat, { seed: 1, confidence: 1 })).toThrow(RangeError);
    expect(() => bootstrapInterval(-1, stat, { seed: 1 })).toThrow(RangeError);
    expect(() => bootstrapInterval(3, stat, { seed: 1, stratified: ['a'] })).toThrow(RangeError);
  });
});
