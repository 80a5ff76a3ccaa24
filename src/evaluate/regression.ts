/**
 * Tiny regression models for the history evaluation: a handful of features, hundreds of rows. Every fit
 * works on columns centred and scaled to unit (weighted) standard deviation and maps the result back, so the
 * penalties below are on the coefficients of the columns as given. A constant column gets coefficient 0 (its
 * effect is the intercept's), except in {@link nonNegativeShrunk} where the penalty pulls it to its prior.
 */

/** A design matrix: one row per observation, the same number of columns in every row; never mutated. */
export type Rows = readonly (readonly number[] | Float64Array)[];

/** A numeric vector: a plain read-only array or a typed array; never mutated. */
export type Vector = readonly number[] | Float64Array;

/** A fitted linear model `intercept + x · coefficients`. */
export interface LinearFit {
  readonly intercept: number;
  /** One coefficient per column of the design matrix. */
  readonly coefficients: readonly number[];
  /**
   * The model's value for one row.
   *
   * @throws RangeError for a row of the wrong length.
   */
  predict(x: Vector): number;
}

/** A fitted logistic model: probability `1 / (1 + exp(-(intercept + x · coefficients)))`. */
export interface LogisticFit {
  readonly intercept: number;
  /** One coefficient per column of the design matrix (log-odds per unit). */
  readonly coefficients: readonly number[];
  /** Newton iterations made. */
  readonly iterations: number;
  /** Whether the steps fell below the tolerance before the iteration cap. */
  readonly converged: boolean;
  /**
   * The predicted probability for one row, in [0, 1].
   *
   * @throws RangeError for a row of the wrong length.
   */
  predict(x: Vector): number;
}

/** Options of {@link ridgeLinear}. */
export interface RidgeOptions {
  /** Non-negative weight per row (not all zero); all 1 by default. */
  readonly weights?: Vector;
}

/** Options of {@link ridgeLogistic}. */
export interface LogisticOptions {
  /** Non-negative weight per row (not all zero); all 1 by default. */
  readonly weights?: Vector;
  /** Cap on Newton iterations; 100 by default. */
  readonly maxIterations?: number;
  /** Converged when no parameter moves by more than this (on the standardised scale); 1e-10 by default. */
  readonly tolerance?: number;
}

/** Options of {@link nonNegativeShrunk}. */
export interface NonNegativeOptions {
  /** Strength of the pull towards `prior` (finite, >= 0). */
  readonly lambda: number;
  /** Coefficients the penalty pulls towards, one per column. */
  readonly prior: Vector;
  /** Non-negative weight per row (not all zero); all 1 by default. */
  readonly weights?: Vector;
}

/**
 * Ridge regression with an unpenalised intercept: minimises
 * `(1/W) Σ w_i (y_i - a - x_i · b)² + lambda Σ_k b_k²` (W = Σ w_i, so with unit weights the first term is the
 * mean squared residual), solving the normal equations by Cholesky.
 *
 * With `lambda = 0` and collinear columns (or fewer rows than columns) the redundant columns get 0.
 *
 * @param X - Rows of features; not mutated.
 * @param y - One target per row; not mutated.
 * @param lambda - Penalty strength (finite, >= 0).
 * @param options - Row weights.
 * @returns Intercept, coefficients and a predictor.
 * @throws RangeError naming the row and column of a value that is not finite, or for ragged rows, mismatched
 * lengths, no rows, or a bad lambda or weight.
 * @example
 * ridgeLinear([[0], [1], [2]], [1, 3, 5], 0); // intercept 1, coefficients [2]
 */
export function ridgeLinear(X: Rows, y: Vector, lambda: number, options: RidgeOptions = {}): LinearFit {
  checkLambda(lambda);
  checkVector(y, X.length, 'y');
  const d = prepare(X, y, options.weights);
  const q = d.columns.length;
  const A = new Float64Array(q * q);
  const r = new Float64Array(q);
  for (let a = 0; a < q; a++) {
    const za = d.z[a]!;
    for (let b = 0; b <= a; b++) {
      const v = weightedDot(d.w, za, d.z[b]!);
      A[a * q + b] = v;
      A[b * q + a] = v;
    }
    A[a * q + a] = A[a * q + a]! + lambda / d.scales[d.columns[a]!]! ** 2;
    r[a] = weightedDot(d.w, za, d.yc);
  }
  const beta = choleskySolve(A, r, q);
  const coefficients = new Array<number>(d.p).fill(0);
  for (let a = 0; a < q; a++) {
    const k = d.columns[a]!;
    coefficients[k] = beta[a]! / d.scales[k]!;
  }
  return linearFit(d.yMean - dot(d.means, coefficients), coefficients);
}

/**
 * Logistic regression with a ridge penalty and an unpenalised intercept, by Newton's method (IRLS) with a
 * backtracking line search: minimises `(1/W) Σ w_i [log(1 + e^η_i) - y_i η_i] + lambda Σ_k b_k²` where
 * `η_i = a + x_i · b`. The penalty keeps the coefficients finite on separable data; stops after
 * `maxIterations` (100) if not converged, always with finite values. With a single class, or `lambda = 0` on
 * separable data, the optimum is at infinity and the fit stops at the cap with large but finite values.
 *
 * @param X - Rows of features; not mutated.
 * @param y - One outcome per row: 0/1 or a boolean; not mutated.
 * @param lambda - Penalty strength (finite, >= 0).
 * @param options - Row weights, iteration cap, tolerance.
 * @returns Intercept, coefficients, convergence and a probability predictor.
 * @throws RangeError naming the row and column of a value that is not finite, for an outcome that is not 0, 1
 * or a boolean, ragged rows, mismatched lengths, no rows, or a bad lambda, weight or option.
 * @example
 * const fit = ridgeLogistic(X, completed, 0.01);
 * fit.predict(X[0]); // probability of completion
 */
export function ridgeLogistic(
  X: Rows,
  y: readonly (0 | 1 | boolean)[],
  lambda: number,
  options: LogisticOptions = {},
): LogisticFit {
  checkLambda(lambda);
  const { maxIterations = 100, tolerance = 1e-10 } = options;
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new RangeError(`maxIterations must be a non-negative integer, got ${maxIterations}`);
  }
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be positive, got ${tolerance}`);
  if (y.length !== X.length) throw new RangeError(`y has ${y.length} values for ${X.length} rows`);
  const target = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v: unknown = y[i];
    if (v === 1 || v === true) target[i] = 1;
    else if (!(v === 0 || v === false)) throw new RangeError(`y[${i}] must be 0, 1 or a boolean, got ${String(v)}`);
  }
  const d = prepare(X, target, options.weights);
  const q = d.columns.length;
  const m = q + 1; // parameter 0 is the intercept on the standardised scale
  const penalty = new Float64Array(m);
  for (let a = 0; a < q; a++) penalty[a + 1] = lambda / d.scales[d.columns[a]!]! ** 2;
  const n = d.w.length;
  const eta = new Float64Array(n);

  const linear = (theta: Float64Array): void => {
    for (let i = 0; i < n; i++) eta[i] = theta[0]!;
    for (let a = 0; a < q; a++) {
      const za = d.z[a]!;
      const t = theta[a + 1]!;
      for (let i = 0; i < n; i++) eta[i] = eta[i]! + t * za[i]!;
    }
  };
  const objective = (theta: Float64Array): number => {
    linear(theta);
    let f = 0;
    for (let i = 0; i < n; i++) f += d.w[i]! * (softplus(eta[i]!) - target[i]! * eta[i]!);
    for (let k = 1; k < m; k++) f += penalty[k]! * theta[k]! ** 2;
    return f;
  };

  let theta: Float64Array = new Float64Array(m);
  let f = objective(theta);
  let iterations = 0;
  let converged = false;
  const g = new Float64Array(m);
  const H = new Float64Array(m * m);
  const pw = new Float64Array(n);
  const row = new Float64Array(m);
  while (iterations < maxIterations) {
    linear(theta);
    g.fill(0);
    H.fill(0);
    for (let i = 0; i < n; i++) {
      const p = sigmoid(eta[i]!);
      const wi = d.w[i]!;
      g[0] = g[0]! + wi * (p - target[i]!);
      pw[i] = wi * p * (1 - p);
    }
    for (let a = 0; a < q; a++) {
      let s = 0;
      const za = d.z[a]!;
      for (let i = 0; i < n; i++) s += d.w[i]! * (sigmoid(eta[i]!) - target[i]!) * za[i]!;
      g[a + 1] = s + 2 * penalty[a + 1]! * theta[a + 1]!;
    }
    for (let i = 0; i < n; i++) {
      row[0] = 1;
      for (let a = 0; a < q; a++) row[a + 1] = d.z[a]![i]!;
      const h = pw[i]!;
      if (h === 0) continue;
      for (let a = 0; a < m; a++) {
        const ha = h * row[a]!;
        for (let b = 0; b <= a; b++) H[a * m + b] = H[a * m + b]! + ha * row[b]!;
      }
    }
    for (let a = 0; a < m; a++) {
      H[a * m + a] = H[a * m + a]! + 2 * penalty[a]!;
      for (let b = 0; b < a; b++) H[b * m + a] = H[a * m + b]!;
    }
    const negG = g.map((v) => -v);
    const step = choleskySolve(H, negG, m);
    if (!step.every(Number.isFinite)) break;
    let slope = 0;
    for (let k = 0; k < m; k++) slope += g[k]! * step[k]!;
    if (!(slope < 0)) {
      converged = true; // no descent direction left: stationary to rounding
      break;
    }
    iterations++;
    let t = 1;
    let accepted: Float64Array | null = null;
    let fNew = f;
    for (let halvings = 0; halvings < 60; halvings++, t /= 2) {
      const candidate = theta.map((v, k) => v + t * step[k]!);
      if (!candidate.every(Number.isFinite)) continue;
      fNew = objective(candidate);
      // Armijo, or no change beyond rounding (near the optimum the decrease is below the precision of f).
      if (fNew <= f + 1e-4 * t * slope || fNew - f <= 1e-15 * Math.abs(f)) {
        accepted = candidate;
        break;
      }
    }
    if (accepted === null) {
      converged = true; // no step lowers the objective: stationary to rounding
      break;
    }
    let move = 0;
    for (let k = 0; k < m; k++) move = Math.max(move, Math.abs(t * step[k]!));
    theta = accepted;
    f = fNew;
    if (move <= tolerance) {
      converged = true;
      break;
    }
  }

  const coefficients = new Array<number>(d.p).fill(0);
  for (let a = 0; a < q; a++) {
    const k = d.columns[a]!;
    coefficients[k] = theta[a + 1]! / d.scales[k]!;
  }
  const intercept = theta[0]! - dot(d.means, coefficients);
  const p = d.p;
  return {
    intercept,
    coefficients,
    iterations,
    converged,
    predict: (x) => {
      if (x.length !== p) throw new RangeError(`expected ${p} features, got ${x.length}`);
      return sigmoid(intercept + dot(x, coefficients));
    },
  };
}

/**
 * Non-negative least squares shrunk towards a prior: minimises
 * `(1/W) Σ w_i (y_i - a - x_i · b)² + lambda Σ_k (b_k - prior_k)²` subject to `b >= 0`, the intercept `a`
 * free (W = Σ w_i, so with unit weights the first term is the mean squared residual). Solved exactly by the
 * Lawson-Hanson active-set method on the normal equations, then polished by projected coordinate descent
 * until no coefficient moves by more than 1e-12 (standardised scale). Deterministic.
 *
 * As lambda grows the coefficients tend to `max(prior, 0)`; with lambda 0 it is plain non-negative least
 * squares. A constant column gets `max(prior_k, 0)` when lambda > 0, else 0.
 *
 * @param X - Rows of features; not mutated.
 * @param y - One target per row; not mutated.
 * @param options - Penalty strength, prior coefficients, row weights.
 * @returns Intercept and coefficients, every coefficient finite and >= 0, and a predictor.
 * @throws RangeError naming the row and column of a value that is not finite (in X, y, weights or prior), or
 * for ragged rows, mismatched lengths, no rows, or a bad lambda or weight.
 * @example
 * nonNegativeShrunk(X, satisfaction, { lambda: 0.1, prior: [0.4, 0.3, 0.3] }).coefficients;
 */
export function nonNegativeShrunk(X: Rows, y: Vector, options: NonNegativeOptions): LinearFit {
  const { lambda, prior } = options;
  checkLambda(lambda);
  checkVector(y, X.length, 'y');
  const d = prepare(X, y, options.weights);
  checkVector(prior, d.p, 'prior');
  const q = d.columns.length;

  // Standardised problem: minimise b'ᵀ H b' - 2 rhsᵀ b' over b' >= 0, where b_k = b'_k sy / s_k.
  let sy = Math.sqrt(weightedDot(d.w, d.yc, d.yc));
  if (!(sy > 0 && Number.isFinite(sy))) sy = 1;
  const H = new Float64Array(q * q);
  const rhs = new Float64Array(q);
  for (let a = 0; a < q; a++) {
    const k = d.columns[a]!;
    const s = d.scales[k]!;
    const za = d.z[a]!;
    for (let b = 0; b <= a; b++) {
      const v = weightedDot(d.w, za, d.z[b]!);
      H[a * q + b] = v;
      H[b * q + a] = v;
    }
    const pen = lambda / s ** 2;
    H[a * q + a] = H[a * q + a]! + pen;
    rhs[a] = weightedDot(d.w, za, d.yc) / sy + pen * ((prior[k]! * s) / sy);
  }

  let beta: Float64Array = lawsonHanson(H, rhs, q);
  if (!beta.every((v) => Number.isFinite(v) && v >= 0)) beta = new Float64Array(q);
  coordinateDescent(H, rhs, q, beta);

  const coefficients = new Array<number>(d.p).fill(0);
  for (let k = 0; k < d.p; k++) if (d.scales[k] === 0 && lambda > 0) coefficients[k] = Math.max(0, prior[k]!);
  for (let a = 0; a < q; a++) {
    const k = d.columns[a]!;
    coefficients[k] = Math.max(0, (beta[a]! * sy) / d.scales[k]!);
  }
  return linearFit(d.yMean - dot(d.means, coefficients), coefficients);
}

/** Data standardised for the fits: weights summing to 1, non-constant columns centred and scaled. */
interface Prepared {
  readonly p: number;
  /** Row weights normalised to sum 1. */
  readonly w: Float64Array;
  /** Weighted mean of each column. */
  readonly means: Float64Array;
  /** Weighted population standard deviation of each column; exactly 0 for a constant column. */
  readonly scales: Float64Array;
  /** Indices of the non-constant columns. */
  readonly columns: readonly number[];
  /** Standardised non-constant columns, in the order of `columns`. */
  readonly z: readonly Float64Array[];
  readonly yMean: number;
  /** Centred y. */
  readonly yc: Float64Array;
}

function prepare(X: Rows, y: Vector, weights: Vector | undefined): Prepared {
  const n = X.length;
  if (n === 0) throw new RangeError('X has no rows');
  const p = X[0]!.length;
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    if (row.length !== p) throw new RangeError(`X[${i}] has ${row.length} columns, X[0] has ${p}`);
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(row[j])) throw new RangeError(`X[${i}][${j}] (row ${i}, column ${j}) is not a finite number: ${row[j]}`);
    }
  }
  const w = new Float64Array(n);
  if (weights === undefined) w.fill(1 / n);
  else {
    checkVector(weights, n, 'weights');
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (weights[i]! < 0) throw new RangeError(`weights[${i}] is negative: ${weights[i]}`);
      total += weights[i]!;
    }
    if (!(total > 0 && Number.isFinite(total))) throw new RangeError('weights must have a positive finite sum');
    for (let i = 0; i < n; i++) w[i] = weights[i]! / total;
  }

  const means = new Float64Array(p);
  const scales = new Float64Array(p);
  const columns: number[] = [];
  const z: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    let first: number | undefined;
    let constant = true;
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      const v = X[i]![j]!;
      if (first === undefined) first = v;
      else if (v !== first) constant = false;
      m += w[i]! * v;
    }
    if (constant) {
      means[j] = first ?? 0;
      continue;
    }
    means[j] = m;
    const c = new Float64Array(n);
    let big = 0;
    for (let i = 0; i < n; i++) {
      c[i] = X[i]![j]! - m;
      if (w[i]! > 0) big = Math.max(big, Math.abs(c[i]!));
    }
    let ss = 0;
    for (let i = 0; i < n; i++) ss += w[i]! * (c[i]! / big) ** 2;
    const s = big * Math.sqrt(ss);
    if (!(s > 0 && Number.isFinite(s))) continue;
    scales[j] = s;
    for (let i = 0; i < n; i++) c[i] = c[i]! / s;
    columns.push(j);
    z.push(c);
  }
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += w[i]! * y[i]!;
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = y[i]! - yMean;
  return { p, w, means, scales, columns, z, yMean, yc };
}

/** Relative pivot below which a variable counts as a combination of the previous ones (Cholesky). */
const PIVOT_TOLERANCE = 1e-12;

/**
 * Solves `A x = b` for a symmetric positive semi-definite m x m matrix (row-major) by Cholesky. A variable
 * whose pivot falls below PIVOT_TOLERANCE times its diagonal (a numerical combination of the previous ones)
 * is fixed at 0, which solves the system of the others exactly.
 */
function choleskySolve(A: Float64Array, b: Float64Array, m: number): Float64Array {
  const L = new Float64Array(m * m);
  const kept = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    let pivot = A[k * m + k]!;
    for (let j = 0; j < k; j++) pivot -= L[k * m + j]! ** 2;
    if (!(pivot > PIVOT_TOLERANCE * A[k * m + k]!) || !Number.isFinite(pivot)) continue;
    kept[k] = 1;
    const lkk = Math.sqrt(pivot);
    L[k * m + k] = lkk;
    for (let i = k + 1; i < m; i++) {
      let s = A[i * m + k]!;
      for (let j = 0; j < k; j++) s -= L[i * m + j]! * L[k * m + j]!;
      L[i * m + k] = s / lkk;
    }
  }
  const x = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    if (!kept[k]) continue;
    let s = b[k]!;
    for (let j = 0; j < k; j++) s -= L[k * m + j]! * x[j]!;
    x[k] = s / L[k * m + k]!;
  }
  for (let k = m - 1; k >= 0; k--) {
    if (!kept[k]) {
      x[k] = 0;
      continue;
    }
    let s = x[k]!;
    for (let j = k + 1; j < m; j++) s -= L[j * m + k]! * x[j]!;
    x[k] = s / L[k * m + k]!;
  }
  return x;
}

/**
 * Lawson-Hanson active-set method for `min xᵀ H x - 2 rᵀ x` subject to `x >= 0`, H symmetric positive
 * semi-definite (m x m, row-major). Iterations are capped; the caller polishes the result.
 */
function lawsonHanson(H: Float64Array, r: Float64Array, m: number): Float64Array {
  const x = new Float64Array(m);
  const passive = new Uint8Array(m);
  let scale = 1;
  for (let k = 0; k < m; k++) scale = Math.max(scale, Math.abs(r[k]!));
  const tolerance = 1e-12 * scale;
  const cap = 3 * m + 10;
  for (let outer = 0; outer < cap; outer++) {
    // Negative half-gradient r - H x; enter the most promising variable at its bound.
    let best = -1;
    let bestValue = tolerance;
    for (let k = 0; k < m; k++) {
      if (passive[k]) continue;
      let g = r[k]!;
      for (let j = 0; j < m; j++) g -= H[k * m + j]! * x[j]!;
      if (g > bestValue) {
        bestValue = g;
        best = k;
      }
    }
    if (best < 0) break;
    passive[best] = 1;
    for (let inner = 0; inner < cap; inner++) {
      const s = solvePassive(H, r, m, passive);
      let feasible = true;
      for (let k = 0; k < m; k++) if (passive[k] && !(s[k]! > 0)) feasible = false;
      if (feasible) {
        x.set(s);
        break;
      }
      let alpha = 1;
      for (let k = 0; k < m; k++) {
        if (passive[k] && !(s[k]! > 0)) {
          const denominator = x[k]! - s[k]!;
          alpha = Math.min(alpha, denominator > 0 ? x[k]! / denominator : 0);
        }
      }
      for (let k = 0; k < m; k++) {
        if (!passive[k]) continue;
        x[k] = x[k]! + alpha * (s[k]! - x[k]!);
        if (!(x[k]! > 1e-15)) {
          x[k] = 0;
          passive[k] = 0;
        }
      }
    }
  }
  return x;
}

/** Unconstrained minimiser over the passive variables, the others at 0. */
function solvePassive(H: Float64Array, r: Float64Array, m: number, passive: Uint8Array): Float64Array {
  const index: number[] = [];
  for (let k = 0; k < m; k++) if (passive[k]) index.push(k);
  const size = index.length;
  const A = new Float64Array(size * size);
  const b = new Float64Array(size);
  for (let a = 0; a < size; a++) {
    b[a] = r[index[a]!]!;
    for (let c = 0; c < size; c++) A[a * size + c] = H[index[a]! * m + index[c]!]!;
  }
  const solution = choleskySolve(A, b, size);
  const out = new Float64Array(m);
  for (let a = 0; a < size; a++) out[index[a]!] = solution[a]!;
  return out;
}

/** Projected coordinate descent for `min xᵀ H x - 2 rᵀ x`, `x >= 0`, from x (updated in place). */
function coordinateDescent(H: Float64Array, r: Float64Array, m: number, x: Float64Array): void {
  for (let sweep = 0; sweep < 100_000; sweep++) {
    let change = 0;
    let size = 1;
    for (let k = 0; k < m; k++) {
      const hkk = H[k * m + k]!;
      let next = 0;
      if (hkk > 0) {
        let s = r[k]!;
        for (let j = 0; j < m; j++) if (j !== k) s -= H[k * m + j]! * x[j]!;
        next = Math.max(0, s / hkk);
        if (!Number.isFinite(next)) next = 0;
      }
      change = Math.max(change, Math.abs(next - x[k]!));
      size = Math.max(size, next);
      x[k] = next;
    }
    if (change <= 1e-12 * size) return;
  }
}

function linearFit(intercept: number, coefficients: readonly number[]): LinearFit {
  const p = coefficients.length;
  return {
    intercept,
    coefficients,
    predict: (x) => {
      if (x.length !== p) throw new RangeError(`expected ${p} features, got ${x.length}`);
      return intercept + dot(x, coefficients);
    },
  };
}

function checkLambda(lambda: number): void {
  if (!(Number.isFinite(lambda) && lambda >= 0)) throw new RangeError(`lambda must be finite and >= 0, got ${lambda}`);
}

function checkVector(v: Vector, length: number, name: string): void {
  if (v.length !== length) throw new RangeError(`${name} has ${v.length} values, expected ${length}`);
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(v[i])) throw new RangeError(`${name}[${i}] is not a finite number: ${v[i]}`);
  }
}

function weightedDot(w: Float64Array, a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * a[i]! * b[i]!;
  return s;
}

function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/** log(1 + e^t) without overflow. */
function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}
