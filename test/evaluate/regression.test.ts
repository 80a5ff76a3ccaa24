import { describe, expect, test } from 'vitest';
import { nonNegativeShrunk, ridgeLinear, ridgeLogistic, type LinearFit } from '../../src/evaluate/regression';
import { Random } from '../../src/generate/random';

type Matrix = number[][];

const freeze = (X: Matrix): readonly (readonly number[])[] => Object.freeze(X.map((row) => Object.freeze(row)));

function design(random: Random, n: number, p: number, draw: () => number = () => random.gauss(0, 1)): Matrix {
  return Array.from({ length: n }, () => Array.from({ length: p }, draw));
}

const residuals = (X: Matrix, y: readonly number[], fit: LinearFit): number[] => X.map((row, i) => y[i]! - fit.predict(row));

/** (1/n) Σ r² + lambda Σ (b - prior)². */
function shrunkObjective(X: Matrix, y: readonly number[], lambda: number, prior: readonly number[], a: number, b: readonly number[]): number {
  let loss = 0;
  X.forEach((row, i) => {
    let r = y[i]! - a;
    row.forEach((v, k) => (r -= v * b[k]!));
    loss += r * r;
  });
  let penalty = 0;
  b.forEach((v, k) => (penalty += (v - prior[k]!) ** 2));
  return loss / X.length + lambda * penalty;
}

/** Gradient of the shrunk objective: [d/da, d/db_1, ...]. */
function shrunkGradient(X: Matrix, y: readonly number[], lambda: number, prior: readonly number[], fit: LinearFit): number[] {
  const r = residuals(X, y, fit);
  const n = X.length;
  const g = [(-2 / n) * r.reduce((s, v) => s + v, 0)];
  fit.coefficients.forEach((b, k) => {
    let s = 0;
    X.forEach((row, i) => (s += row[k]! * r[i]!));
    g.push((-2 / n) * s + 2 * lambda * (b - prior[k]!));
  });
  return g;
}

/** Gaussian elimination with partial pivoting; null when (numerically) singular. */
function gaussSolve(A: number[][], b: number[]): number[] | null {
  const m = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  const scale = Math.max(1e-300, ...A.map((row) => Math.max(...row.map(Math.abs))));
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[pivot]![c]!)) pivot = r;
    if (Math.abs(M[pivot]![c]!) < 1e-11 * scale) return null;
    [M[c], M[pivot]] = [M[pivot]!, M[c]!];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= m; k++) M[r]![k] = M[r]![k]! - f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[m]! / row[i]!);
}

/**
 * Unconstrained minimiser of (1/n) Σ (y - a - X_S b_S)² + lambda Σ_{k in S} (b_k - prior_k)² over the columns
 * in S (others 0): the normal equations [[n, 1'X], [X'1, X'X + n lambda I]] [a; b] = [1'y; X'y + n lambda prior].
 */
function subsetSolve(X: Matrix, y: readonly number[], lambda: number, prior: readonly number[], S: readonly number[]) {
  const n = X.length;
  const cols = [(_: number[]) => 1, ...S.map((k) => (row: number[]) => row[k]!)];
  const m = cols.length;
  const A = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => X.reduce((s, row) => s + cols[i]!(row) * cols[j]!(row), 0)),
  );
  const rhs = Array.from({ length: m }, (_, i) => X.reduce((s, row, r) => s + cols[i]!(row) * y[r]!, 0));
  S.forEach((k, i) => {
    A[i + 1]![i + 1] = A[i + 1]![i + 1]! + n * lambda;
    rhs[i + 1] = rhs[i + 1]! + n * lambda * prior[k]!;
  });
  const solution = gaussSolve(A, rhs);
  if (solution === null) return null;
  const b = new Array<number>(X[0]!.length).fill(0);
  S.forEach((k, i) => (b[k] = solution[i + 1]!));
  return { a: solution[0]!, b };
}

describe('ridgeLinear', () => {
  test('recovers y = 1 + 2 x1 - 3 x2 (+ noise 1e-9) with lambda about 0, to 1e-6', () => {
    const random = new Random(1);
    const X = design(random, 300, 2);
    const y = X.map(([x1, x2]) => 1 + 2 * x1! - 3 * x2! + random.gauss(0, 1e-9));
    for (const lambda of [0, 1e-12]) {
      const fit = ridgeLinear(freeze(X), Object.freeze(y), lambda);
      expect(Math.abs(fit.intercept - 1)).toBeLessThan(1e-6);
      expect(Math.abs(fit.coefficients[0]! - 2)).toBeLessThan(1e-6);
      expect(Math.abs(fit.coefficients[1]! + 3)).toBeLessThan(1e-6);
      expect(fit.predict([1, 1])).toBeCloseTo(0, 6);
    }
  });

  test('equals the normal equations with an unpenalised intercept on random problems', () => {
    const random = new Random(2);
    for (let t = 0; t < 50; t++) {
      const n = random.int(5, 60);
      const p = random.int(1, 4);
      const X = design(random, n, p, () => random.gauss(random.int(-3, 3), random.pick([0.1, 1, 10])));
      const y = X.map((row) => row.reduce((s, v) => s + v * random.gauss(0, 1), 5) + random.gauss(0, 1));
      const lambda = random.pick([0, 0.01, 1, 100]);
      const expected = subsetSolve(X, y, lambda, new Array<number>(p).fill(0), [...Array(p).keys()]);
      if (expected === null) continue;
      const fit = ridgeLinear(X, y, lambda);
      expect(fit.intercept).toBeCloseTo(expected.a, 7);
      fit.coefficients.forEach((b, k) => expect(b).toBeCloseTo(expected.b[k]!, 7));
    }
  });

  test('larger lambda shrinks the coefficients towards 0, not the intercept', () => {
    const random = new Random(3);
    const X = design(random, 100, 3);
    const y = X.map(([a, b, c]) => 10 + a! + b! + c!);
    const fit = ridgeLinear(X, y, 1e6);
    for (const b of fit.coefficients) expect(Math.abs(b)).toBeLessThan(1e-4);
    expect(fit.intercept).toBeCloseTo(10 + X.reduce((s, [a, b, c]) => s + a! + b! + c!, 0) / 100, 3);
  });

  test('a constant column gets 0; fewer rows than columns and duplicated columns stay finite and stationary', () => {
    const random = new Random(4);
    const X = design(random, 30, 2).map((row) => [row[0]!, 7, row[1]!]);
    const y = X.map((row) => 1 + row[0]! - row[2]!);
    const fit = ridgeLinear(X, y, 0);
    expect(fit.coefficients[1]).toBe(0);
    expect(fit.coefficients[0]).toBeCloseTo(1, 10);
    expect(fit.intercept).toBeCloseTo(1, 10);

    const wide = design(random, 3, 6);
    const yWide = [1, 2, 3];
    const zeros = new Array<number>(6).fill(0);
    const fitWide = ridgeLinear(wide, yWide, 0.1);
    expect(fitWide.coefficients.every(Number.isFinite)).toBe(true);
    for (const g of shrunkGradient(wide, yWide, 0.1, zeros, fitWide)) expect(Math.abs(g)).toBeLessThan(1e-10);

    // lambda = 0 with a duplicated column: singular, yet an exact fit with finite coefficients.
    const dup = design(random, 20, 1).map(([x]) => [x!, x!]);
    const yDup = dup.map(([x]) => 3 * x! - 1);
    const fitDup = ridgeLinear(dup, yDup, 0);
    expect(fitDup.coefficients.every(Number.isFinite)).toBe(true);
    expect(fitDup.coefficients[0]! + fitDup.coefficients[1]!).toBeCloseTo(3, 8);
    for (const r of residuals(dup, yDup, fitDup)) expect(Math.abs(r)).toBeLessThan(1e-9);
  });

  test('a weight of 2 equals a repeated row', () => {
    const X = [[0, 1], [1, 0], [2, 3], [3, 1], [4, 4]];
    const y = [1, 2, 2, 5, 3];
    const weighted = ridgeLinear(X, y, 0.3, { weights: [1, 2, 1, 1, 1] });
    const repeated = ridgeLinear([...X, [1, 0]], [...y, 2], 0.3);
    // With weights the loss is Σ w r² / Σ w, the same as the mean over the 6 rows.
    expect(weighted.intercept).toBeCloseTo(repeated.intercept, 12);
    weighted.coefficients.forEach((b, k) => expect(b).toBeCloseTo(repeated.coefficients[k]!, 12));
  });

  test('rejects values that are not finite naming the row and column, and bad shapes', () => {
    const X = [[1, 2], [3, 4], [5, 6], [7, Number.NaN]];
    expect(() => ridgeLinear(X, [1, 2, 3, 4], 0)).toThrow(/X\[3\]\[1\]/);
    expect(() => ridgeLinear([[1], [2]], [1, Infinity], 0)).toThrow(/y\[1\]/);
    expect(() => ridgeLinear([[1], [2, 3]], [1, 2], 0)).toThrow(RangeError);
    expect(() => ridgeLinear([[1], [2]], [1], 0)).toThrow(RangeError);
    expect(() => ridgeLinear([], [], 0)).toThrow(RangeError);
    expect(() => ridgeLinear([[1], [2]], [1, 2], -1)).toThrow(RangeError);
    expect(() => ridgeLinear([[1], [2]], [1, 2], 0, { weights: [1, -1] })).toThrow(RangeError);
    expect(() => ridgeLinear([[1], [2]], [1, 2], 0).predict([1, 2])).toThrow(RangeError);
  });
});

describe('ridgeLogistic', () => {
  test('recovers known coefficients on 20,000 simulated rows to within 0.1', () => {
    const random = new Random(5);
    const truth = { a: -0.5, b: [1.2, -0.8, 0.3] };
    const X = design(random, 20_000, 3).map(([x1, x2, x3]) => [x1!, 2 + x2!, x3! > 0 ? 1 : 0]);
    const y = X.map((row) => {
      const eta = truth.a + row.reduce((s, v, k) => s + v * truth.b[k]!, 0);
      return random.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    });
    const fit = ridgeLogistic(freeze(X), y, 1e-6);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(15);
    expect(Math.abs(fit.intercept - truth.a)).toBeLessThan(0.1);
    fit.coefficients.forEach((b, k) => expect(Math.abs(b - truth.b[k]!)).toBeLessThan(0.1));
  });

  test('the gradient of the penalised objective vanishes at the fit', () => {
    const random = new Random(6);
    for (let t = 0; t < 20; t++) {
      const n = random.int(10, 200);
      const p = random.int(1, 4);
      const X = design(random, n, p, () => random.gauss(0, random.pick([0.1, 1, 5])));
      const y = X.map(() => random.chance(0.4));
      const lambda = random.pick([0.001, 0.1, 1]);
      const fit = ridgeLogistic(X, y, lambda);
      expect(fit.converged).toBe(true);
      const r = X.map((row, i) => fit.predict(row) - (y[i] ? 1 : 0));
      expect(Math.abs(r.reduce((s, v) => s + v, 0) / n)).toBeLessThan(1e-12);
      fit.coefficients.forEach((b, k) => {
        const g = X.reduce((s, row, i) => s + row[k]! * r[i]!, 0) / n + 2 * lambda * b;
        expect(Math.abs(g)).toBeLessThan(1e-12);
      });
    }
  });

  test('stays finite on perfectly separable data; the penalty bounds the coefficients', () => {
    const X = Array.from({ length: 20 }, (_, i) => [i + 1, (i * 7) % 5]);
    const y = X.map(([x]) => x! > 10);
    const fit = ridgeLogistic(X, y, 0.01);
    expect(fit.converged).toBe(true);
    expect([fit.intercept, ...fit.coefficients].every(Number.isFinite)).toBe(true);
    expect(fit.predict([15, 0])).toBeGreaterThan(0.5);
    expect(fit.predict([5, 0])).toBeLessThan(0.5);
    const stronger = ridgeLogistic(X, y, 1);
    expect(Math.abs(stronger.coefficients[0]!)).toBeLessThan(Math.abs(fit.coefficients[0]!));

    // Without a penalty the optimum is at infinity: the fit stops at the cap, finite.
    const free = ridgeLogistic(X, y, 0);
    expect([free.intercept, ...free.coefficients].every(Number.isFinite)).toBe(true);
    expect(free.predict([15, 0])).toBeGreaterThan(0.99);
    expect(free.predict([5, 0])).toBeLessThan(0.01);
    // A single class: the intercept runs off, finitely.
    const one = ridgeLogistic([[1], [2], [3]], [1, 1, 1], 0.1);
    expect([one.intercept, ...one.coefficients].every(Number.isFinite)).toBe(true);
    expect(one.predict([2])).toBeGreaterThan(0.99);
  });

  test('a constant column gets 0; fewer rows than columns stays finite; booleans equal 0/1', () => {
    const random = new Random(7);
    const X = design(random, 50, 2).map((row) => [row[0]!, 1, row[1]!]);
    const y = X.map((row) => (row[0]! + random.gauss(0, 1) > 0 ? 1 : 0));
    const fit = ridgeLogistic(X, y, 0.01);
    expect(fit.coefficients[1]).toBe(0);
    const asBooleans = ridgeLogistic(X, y.map((v) => v === 1), 0.01);
    expect(asBooleans.coefficients).toEqual(fit.coefficients);
    const wide = ridgeLogistic(design(random, 3, 8), [0, 1, 1], 0.05);
    expect([wide.intercept, ...wide.coefficients].every(Number.isFinite)).toBe(true);
  });

  test('rejects outcomes other than 0, 1 or booleans, and values that are not finite', () => {
    expect(() => ridgeLogistic([[1], [2]], [0, 2 as 1], 0)).toThrow(/y\[1\]/);
    expect(() => ridgeLogistic([[1], [Number.NaN]], [0, 1], 0)).toThrow(/X\[1\]\[0\]/);
    expect(() => ridgeLogistic([[1], [2]], [0, 1], 0, { maxIterations: -1 })).toThrow(RangeError);
  });
});

describe('nonNegativeShrunk', () => {
  /** Scorer-like values in [0, 1] and y = X w + noise. */
  function problem(random: Random, n: number, weights: readonly number[], noise: number) {
    const X = design(random, n, weights.length, () => random.next());
    const y = X.map((row) => 2 + row.reduce((s, v, k) => s + v * weights[k]!, 0) + random.gauss(0, noise));
    return { X, y };
  }

  test('(a) recovers known non-negative weights [0.5, 0.3, 0, 0.2] with a small lambda', () => {
    const { X, y } = problem(new Random(8), 500, [0.5, 0.3, 0, 0.2], 0.01);
    const fit = nonNegativeShrunk(freeze(X), Object.freeze(y), { lambda: 1e-6, prior: Object.freeze([0.25, 0.25, 0.25, 0.25]) });
    [0.5, 0.3, 0, 0.2].forEach((w, k) => expect(Math.abs(fit.coefficients[k]! - w)).toBeLessThan(0.01));
    expect(Math.abs(fit.intercept - 2)).toBeLessThan(0.01);
  });

  test('(b) returns the prior (so prior-proportional weights) as lambda grows', () => {
    const { X, y } = problem(new Random(9), 200, [0.9, 0, 0.1, 0], 0.1);
    const prior = [0.4, 0.1, 0.3, 0.2];
    const fit = nonNegativeShrunk(X, y, { lambda: 1e9, prior });
    fit.coefficients.forEach((b, k) => expect(b).toBeCloseTo(prior[k]!, 8));
    const sum = fit.coefficients.reduce((s, v) => s + v, 0);
    fit.coefficients.forEach((b, k) => expect(b / sum).toBeCloseTo(prior[k]!, 8));
    // The pull grows with lambda: the distance to the prior shrinks.
    const distance = (lambda: number) =>
      nonNegativeShrunk(X, y, { lambda, prior }).coefficients.reduce((s, b, k) => s + (b - prior[k]!) ** 2, 0);
    expect(distance(0.01)).toBeLessThan(distance(0.0001));
    expect(distance(1)).toBeLessThan(distance(0.01));
    // A negative prior entry is pulled to the bound.
    expect(nonNegativeShrunk(X, y, { lambda: 1e9, prior: [-0.5, 0.1, 0.3, 0.2] }).coefficients[0]).toBe(0);
  });

  /** Random problems: negative true weights, constant or duplicated columns, fewer rows than columns. */
  function randomProblem(random: Random) {
    const n = random.int(2, 40);
    const p = random.int(1, 5);
    const X = design(random, n, p, () => random.next() * random.pick([1, 1, 5]));
    if (p > 1 && random.chance(0.2)) for (const row of X) row[p - 1] = 0.5; // constant column
    if (p > 2 && random.chance(0.2)) for (const row of X) row[1] = row[0]!; // duplicated column
    const truth = Array.from({ length: p }, () => random.next() * 2 - 1);
    const y = X.map((row) => row.reduce((s, v, k) => s + v * truth[k]!, random.gauss(0, 1)) + random.gauss(0, 0.2));
    const prior = Array.from({ length: p }, () => random.next());
    const lambda = random.pick([0, 1e-4, 0.01, 0.1, 10]);
    return { X, y, prior, lambda, p };
  }

  test('(c) never negative or non-finite on 200 random problems, and optimal against an enumeration of supports', () => {
    const random = new Random(10);
    let negativeUnconstrained = 0;
    for (let t = 0; t < 200; t++) {
      const { X, y, prior, lambda, p } = randomProblem(random);
      const fit = nonNegativeShrunk(X, y, { lambda, prior });
      expect(fit.coefficients).toHaveLength(p);
      for (const b of fit.coefficients) {
        expect(Number.isFinite(b)).toBe(true);
        expect(b).toBeGreaterThanOrEqual(0);
      }
      expect(Number.isFinite(fit.intercept)).toBe(true);

      const all = [...Array(p).keys()];
      const unconstrained = subsetSolve(X, y, lambda, prior, all);
      if (unconstrained?.b.some((b) => b < 0)) negativeUnconstrained++;
      // Oracle: the best feasible unconstrained minimiser over every support.
      let best = Infinity;
      for (let mask = 0; mask < 1 << p; mask++) {
        const S = all.filter((k) => mask & (1 << k));
        const candidate = subsetSolve(X, y, lambda, prior, S);
        if (candidate === null || candidate.b.some((b) => b < 0)) continue;
        best = Math.min(best, shrunkObjective(X, y, lambda, prior, candidate.a, candidate.b));
      }
      const ours = shrunkObjective(X, y, lambda, prior, fit.intercept, fit.coefficients);
      expect(ours).toBeLessThanOrEqual(best + 1e-9 * (1 + best));
    }
    expect(negativeUnconstrained).toBeGreaterThan(50);
  });

  test('(d) satisfies the KKT conditions on random problems', () => {
    const random = new Random(12);
    for (let t = 0; t < 200; t++) {
      const { X, y, prior, lambda } = randomProblem(random);
      const fit = nonNegativeShrunk(X, y, { lambda, prior });
      const [ga, ...g] = shrunkGradient(X, y, lambda, prior, fit);
      const tolerance = 1e-8;
      expect(Math.abs(ga!)).toBeLessThan(tolerance);
      g.forEach((gk, k) => {
        if (fit.coefficients[k] === 0) expect(gk).toBeGreaterThan(-tolerance);
        else expect(Math.abs(gk)).toBeLessThan(tolerance);
      });
    }
  });

  test('a constant column gets max(prior, 0) with a penalty, 0 without', () => {
    const X = [[0.1, 1], [0.5, 1], [0.9, 1], [0.3, 1]];
    const y = [1, 2, 3, 1.5];
    expect(nonNegativeShrunk(X, y, { lambda: 0.1, prior: [0.5, 0.25] }).coefficients[1]).toBe(0.25);
    expect(nonNegativeShrunk(X, y, { lambda: 0, prior: [0.5, 0.25] }).coefficients[1]).toBe(0);
  });

  test('a weight of 2 equals a repeated row; typed arrays are accepted', () => {
    const X = [[0.2, 0.9], [0.4, 0.1], [0.9, 0.5], [0.6, 0.7], [0.1, 0.3]];
    const y = [1.0, 1.4, 2.1, 1.9, 0.6];
    const weighted = nonNegativeShrunk(X.map((r) => Float64Array.from(r)), Float64Array.from(y), {
      lambda: 0.05,
      prior: Float64Array.of(0.5, 0.5),
      weights: [1, 1, 2, 1, 1],
    });
    const repeated = nonNegativeShrunk([...X, [0.9, 0.5]], [...y, 2.1], { lambda: 0.05, prior: [0.5, 0.5] });
    expect(weighted.intercept).toBeCloseTo(repeated.intercept, 10);
    weighted.coefficients.forEach((b, k) => expect(b).toBeCloseTo(repeated.coefficients[k]!, 10));
  });

  test('rejects values that are not finite naming the row and column, and bad options', () => {
    const X = [[0.1, 0.2], [0.3, Infinity], [0.5, 0.6]];
    expect(() => nonNegativeShrunk(X, [1, 2, 3], { lambda: 1, prior: [0, 0] })).toThrow(/X\[1\]\[1\]/);
    expect(() => nonNegativeShrunk(X, [1, 2, 3], { lambda: 1, prior: [0, 0] })).toThrow(RangeError);
    const ok = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]];
    expect(() => nonNegativeShrunk(ok, [1, Number.NaN, 3], { lambda: 1, prior: [0, 0] })).toThrow(/y\[1\]/);
    expect(() => nonNegativeShrunk(ok, [1, 2, 3], { lambda: 1, prior: [0] })).toThrow(/prior/);
    expect(() => nonNegativeShrunk(ok, [1, 2, 3], { lambda: 1, prior: [0, Number.NaN] })).toThrow(/prior\[1\]/);
    expect(() => nonNegativeShrunk(ok, [1, 2, 3], { lambda: Number.NaN, prior: [0, 0] })).toThrow(RangeError);
    expect(() => nonNegativeShrunk(ok, [1, 2, 3], { lambda: 1, prior: [0, 0], weights: [1, 1] })).toThrow(RangeError);
  });
});
