/**
 * Public types of the low-level assignment API ({@link solveAssignment}, {@link verifyAssignment}).
 *
 * @module
 */

/** Per-row or per-column capacities: a typed array or a plain array of non-negative integers. */
export type Capacities = Int32Array | readonly number[];

/** Fields shared by dense and sparse problems. */
interface ProblemBase {
  /** Number of rows; a non-negative integer. */
  readonly rows: number;
  /** Number of columns; a non-negative integer. */
  readonly cols: number;
  /** Most pairs each row may take; length `rows`; default 1 for every row. */
  readonly rowCapacity?: Capacities;
  /** Most pairs each column may take; length `cols`; default 1 for every column. */
  readonly colCapacity?: Capacities;
}

/**
 * A full weight matrix, row-major: the weight of pair (i, j) is `weights[i * cols + j]`.
 * `NaN` marks a forbidden pair, and so does an infinitely bad weight (`-Infinity` when
 * maximising, `Infinity` when minimising); an infinitely good one is an input error.
 */
export interface DenseAssignmentProblem extends ProblemBase {
  /** `rows * cols` weights, row-major. */
  readonly weights: Float64Array;
}

/**
 * Only the allowed pairs, in any order: pair k is (`row[k]`, `col[k]`) with weight `weight[k]`.
 * A pair may appear once; weights are finite or infinitely bad (then the pair is forbidden).
 */
export interface SparseAssignmentProblem extends ProblemBase {
  readonly edges: {
    readonly row: Int32Array;
    readonly col: Int32Array;
    readonly weight: Float64Array;
  };
}

/** A dense or a sparse problem. */
export type AssignmentProblem = DenseAssignmentProblem | SparseAssignmentProblem;

/**
 * Which pairs count as a solution.
 * - `perfect`: the side with the smaller total capacity is saturated (with unit capacities: every
 *   row of the smaller side is assigned, as in scipy's `linear_sum_assignment`); status
 *   `infeasible` when the allowed pairs cannot do it.
 * - `maxWeight`: any set of pairs, best total (pairs that worsen the total are left out).
 * - `maxCardinality`: as many pairs as possible, then the best total among those.
 */
export type AssignmentMode = 'perfect' | 'maxWeight' | 'maxCardinality';

/** Options of {@link solveAssignment}. */
export interface AssignmentOptions {
  /** Maximise the total weight (default `true`) or minimise it. */
  readonly maximize?: boolean;
  /** Which pairs count as a solution; default `perfect`. */
  readonly mode?: AssignmentMode;
}

/** `optimal`: the pairs are a best solution; `infeasible`: mode `perfect` cannot be satisfied. */
export type AssignmentStatus = 'optimal' | 'infeasible';

/**
 * Dual values that prove a solution optimal (see {@link verifyAssignment}). Written here for
 * maximisation; for minimisation every inequality flips (the duals of the negated problem,
 * negated).
 *
 * - `row[i] + col[j] + cardinality >= w(i, j)` on every allowed pair, with equality on chosen
 *   pairs as soon as the pair's row or column has capacity 1. (When both have a larger capacity,
 *   a chosen pair may exceed the sum: the pair's own bound of one unit pays the difference, which
 *   enters the dual bound.)
 * - Signs: in `maxWeight` and `maxCardinality`, `row` and `col` are `>= 0`, and positive only on
 *   full rows and columns; in `perfect`, the saturated side's values have any sign.
 * - `cardinality` is the dual of "the number of pairs is fixed": 0 except in `maxCardinality`.
 * - Dual bound = `sum(rowCapacity * row) + sum(colCapacity * col) + pairs * cardinality + sum of
 *   the excesses above`, equal to `objective` at optimality.
 */
export interface AssignmentDuals {
  readonly row: Float64Array;
  readonly col: Float64Array;
  readonly cardinality: number;
}

/** What {@link solveAssignment} returns. Statuses are data: only malformed input throws. */
export interface AssignmentSolution {
  readonly status: AssignmentStatus;
  /**
   * Chosen pairs as `(row, col)` couples, flat: `[row0, col0, row1, col1, ...]`, ascending by
   * row then column. When `infeasible`, a largest set of pairs (best total among those).
   */
  readonly pairs: Int32Array;
  /** Total weight of the chosen pairs. */
  readonly objective: number;
  /** The certificate of the solution (of the largest partial one when `infeasible`). */
  readonly duals: AssignmentDuals;
  /** The mode solved. */
  readonly mode: AssignmentMode;
  /** Whether the total was maximised. */
  readonly maximize: boolean;
}

/** What {@link verifyAssignment} finds. */
export interface AssignmentVerdict {
  /** Status `optimal` and the certificate holds: the pairs are a best solution. */
  readonly optimal: boolean;
  /**
   * The status is proven: `optimal` as above, or `infeasible` with a maximum set of pairs that is
   * smaller than a perfect assignment needs.
   */
  readonly certified: boolean;
  /**
   * Largest violation of a certificate condition (dual feasibility, signs, complementary
   * slackness, duality gap), in weight units; `Infinity` when the pairs themselves are invalid.
   */
  readonly maxViolation: number;
  /** Tolerance the violations were held to (relative to the largest magnitude involved). */
  readonly tolerance: number;
  /** First failures found, readable (empty when certified). */
  readonly failures: readonly string[];
}
