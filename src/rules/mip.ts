/**
 * The integer-program interface behind which programme rules are solved exactly: binary
 * variables (one per eligible pair), linear rows, a linear objective to maximise. Adapters wrap a
 * MIP solver ({@link lpSolver} bundled, `highsSolver` at `binome/highs`).
 *
 * @module
 */

/** One linear row: `lower <= sum(value[k] * x[index[k]]) <= upper`. */
export interface MipRow {
  /** Variable indices, ascending, no duplicates. */
  readonly index: Int32Array;
  /** Coefficients, one per index. */
  readonly value: Float64Array;
  /** Least value of the row; `-Infinity` for none. */
  readonly lower: number;
  /** Largest value of the row; `Infinity` for none. */
  readonly upper: number;
}

/** A 0-1 integer program: maximise `objective . x` over binary `x` subject to `rows`. */
export interface MipModel {
  /** Number of binary variables. */
  readonly variables: number;
  /** Objective coefficient of each variable (maximised). */
  readonly objective: Float64Array;
  /** The rows. */
  readonly rows: readonly MipRow[];
}

/** What a solve may spend. */
export interface MipLimits {
  /** Milliseconds left; `Infinity` for no limit. */
  readonly timeLimitMs: number;
}

/**
 * Outcome of a MIP solve: `optimal` (proven), `feasible` (a solution, not proven best: a limit was
 * hit), `infeasible` (proven: no 0-1 point meets the rows), `time-limit` (stopped with nothing).
 */
export type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'time-limit';

/** What a {@link MipSolver} returns. */
export interface MipResult {
  readonly status: MipStatus;
  /** The solution, one 0/1 per variable; null when there is none. */
  readonly x: Uint8Array | null;
  /** A proven upper bound of the objective; `Infinity` when the solver gives none. */
  readonly bound: number;
  /** Why the solver could not finish, when it is not the time limit (e.g. a model too large for it). */
  readonly note?: string;
}

/**
 * A MIP solver adapter. `solve` must be exact when it reports `optimal` and `infeasible`; the
 * engine checks every returned solution against the rows before using it, so an adapter that
 * returns a wrong point is caught rather than trusted.
 */
export interface MipSolver {
  /** Short name, reported in the result's `method` (`mip/<name>`). */
  readonly name: string;
  /**
   * Largest model (in variables, after the engine's reductions) that `solver: "auto"` hands to
   * this solver; larger ones go to the Lagrangian method. Default 5,000.
   */
  readonly autoMaxVariables?: number;
  /** Solves a model within the limits. Must not mutate the model. */
  solve(model: MipModel, limits: MipLimits): MipResult;
}

/** Absolute tolerance of row checks, relative to the row's scale. */
const ROW_TOLERANCE = 1e-9;

/**
 * Checks a 0-1 point against every row of a model.
 *
 * @returns True when each row holds within a small tolerance.
 */
export function satisfiesRows(model: MipModel, x: Uint8Array): boolean {
  for (const row of model.rows) {
    let sum = 0;
    let scale = 1;
    for (let k = 0; k < row.index.length; k++) {
      const v = row.value[k]!;
      scale += Math.abs(v);
      if (x[row.index[k]!] === 1) sum += v;
    }
    const tol = ROW_TOLERANCE * scale;
    if (sum < row.lower - tol || sum > row.upper + tol) return false;
  }
  return true;
}

/** The objective value of a 0-1 point. */
export function objectiveOf(model: MipModel, x: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < model.variables; i++) if (x[i] === 1) sum += model.objective[i]!;
  return sum;
}
