/**
 * MIP adapter for HiGHS through the `highs` package (HiGHS compiled to WebAssembly), an optional
 * peer dependency: install it next to `binome` and pass {@link loadHighsSolver}'s result (or
 * {@link highsSolver} around an instance you loaded) as the rules' MIP solver. Far faster than the
 * bundled `javascript-lp-solver` on models beyond a few hundred variables.
 *
 * @module
 */
import { objectiveOf, type MipLimits, type MipModel, type MipResult, type MipSolver } from './rules/mip';

/**
 * The part of a loaded `highs` instance used here: its one-shot `solve`, which reads a CPLEX
 * LP-format string. Structural, so that `highs` need not be installed to type-check against this
 * module.
 */
export interface HighsLike {
  /**
   * Solves an LP-format model.
   *
   * @param problem - The model in CPLEX LP format.
   * @param options - HiGHS options by name.
   * @returns The model status, the objective and the column values by name.
   */
  solve(
    problem: string,
    options?: Record<string, string | number | boolean>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, HighsColumnLike> };
}

/** A column of a HiGHS result: its value `Primal` when HiGHS has a solution. */
export interface HighsColumnLike {
  /** Value of the column; absent when HiGHS has no solution. */
  readonly Primal?: number;
  /** Zero-based column index (unused; declared so that HiGHS's own column types match). */
  readonly Index?: number;
}

/** Options of {@link highsSolver} and {@link loadHighsSolver}. */
export interface HighsSolverOptions {
  /** Largest model (in variables) that `solver: "auto"` hands to HiGHS. Default 200,000. */
  readonly autoMaxVariables?: number;
}

/** Default {@link MipSolver.autoMaxVariables} of the HiGHS adapter. */
const DEFAULT_AUTO_MAX_VARIABLES = 200_000;

/** Longest line written (the LP format limits line length; HiGHS reads longer, others may not). */
const LINE_LIMIT = 240;

/** HiGHS statuses meaning a limit stopped the solve, possibly with an incumbent. */
const LIMIT_STATUSES: ReadonlySet<string> = new Set([
  'Time limit reached',
  'Iteration limit reached',
  'Solution limit reached',
  'Memory limit reached',
  'Interrupted by user',
  'Bound on objective reached',
  'Target for objective reached',
]);

/**
 * Appends `head`, the terms `sum(value[k] * x[index[k]])` (`x[k]` when `index` is null) and `tail`
 * to `lines`, breaking lines before {@link LINE_LIMIT} characters.
 */
function writeExpression(lines: string[], head: string, count: number, index: Int32Array | null, value: Float64Array, tail: string): void {
  let line = head;
  for (let k = 0; k < count; k++) {
    const v = value[k]!;
    if (!Number.isFinite(v)) throw new RangeError(`highs: non-finite coefficient ${v} in ${head.trim()}`);
    const term = `${v < 0 ? '-' : '+'} ${String(Math.abs(v))} x${index === null ? k : index[k]!}`;
    if (line.length + term.length + 1 > LINE_LIMIT) {
      lines.push(line);
      line = '';
    }
    line += ` ${term}`;
  }
  if (tail !== '') {
    if (line.length + tail.length + 1 > LINE_LIMIT) {
      lines.push(line);
      line = '';
    }
    line += ` ${tail}`;
  }
  lines.push(line);
}

/**
 * Writes a model in CPLEX LP format: variables `x0..x{n-1}` (all in the objective, so each is
 * declared), rows `r<k>` (a two-sided row as `r<k>l` and `r<k>u`), every variable binary. Rows with
 * no terms or no finite side are left out: the caller has checked them.
 */
function toLpFormat(model: MipModel): string {
  const lines: string[] = ['Maximize'];
  writeExpression(lines, ' obj:', model.variables, null, model.objective, '');
  let headed = false;
  model.rows.forEach((row, r) => {
    const hasLower = row.lower > -Infinity;
    const hasUpper = row.upper < Infinity;
    if (row.index.length === 0 || (!hasLower && !hasUpper)) return;
    if (!headed) {
      lines.push('Subject To');
      headed = true;
    }
    const n = row.index.length;
    if (hasLower && hasUpper && row.lower === row.upper) writeExpression(lines, ` r${r}:`, n, row.index, row.value, `= ${String(row.lower)}`);
    else if (hasLower && hasUpper) {
      writeExpression(lines, ` r${r}l:`, n, row.index, row.value, `>= ${String(row.lower)}`);
      writeExpression(lines, ` r${r}u:`, n, row.index, row.value, `<= ${String(row.upper)}`);
    } else if (hasLower) writeExpression(lines, ` r${r}:`, n, row.index, row.value, `>= ${String(row.lower)}`);
    else writeExpression(lines, ` r${r}:`, n, row.index, row.value, `<= ${String(row.upper)}`);
  });
  lines.push('Binaries');
  let line = '';
  for (let i = 0; i < model.variables; i++) {
    const name = `x${i}`;
    if (line.length + name.length + 1 > LINE_LIMIT) {
      lines.push(line);
      line = '';
    }
    line += ` ${name}`;
  }
  if (line !== '') lines.push(line);
  lines.push('End', '');
  return lines.join('\n');
}

/** True when a row is unsatisfiable whatever `x` is: its sides cross, or it has no terms and excludes 0. */
function rowImpossible(lower: number, upper: number, terms: number): boolean {
  return lower > upper || (terms === 0 && (lower > 0 || upper < 0));
}

/** The 0-1 point of HiGHS's columns (`Primal > 0.5`); null when a column has no value. */
function readSolution(columns: Record<string, HighsColumnLike>, variables: number): Uint8Array | null {
  const x = new Uint8Array(variables);
  for (let i = 0; i < variables; i++) {
    const primal = columns[`x${i}`]?.Primal;
    if (typeof primal !== 'number' || !Number.isFinite(primal)) return null;
    if (primal > 0.5) x[i] = 1;
  }
  return x;
}

/**
 * Wraps a loaded `highs` instance as a {@link MipSolver} named `highs`. The model goes to HiGHS
 * in CPLEX LP format with every variable binary; HiGHS solves it with a zero optimality gap
 * (`mip_rel_gap` and `mip_abs_gap` 0, so `optimal` means proven optimal) and `time_limit` set from
 * the limits.
 *
 * A solve stopped by a limit is reported `feasible` with HiGHS's incumbent (checked by the engine)
 * or `time-limit`; the one-shot API gives no dual bound then (`bound` is `Infinity`). A HiGHS
 * status other than optimal, infeasible or a limit throws.
 *
 * @param highs - A loaded instance: `await (await import('highs')).default()`.
 * @param options - `autoMaxVariables` (default 200,000).
 * @returns The adapter.
 */
export function highsSolver(highs: HighsLike, options: HighsSolverOptions = {}): MipSolver {
  return {
    name: 'highs',
    autoMaxVariables: options.autoMaxVariables ?? DEFAULT_AUTO_MAX_VARIABLES,
    solve(model: MipModel, limits: MipLimits): MipResult {
      for (const row of model.rows) {
        if (rowImpossible(row.lower, row.upper, row.index.length)) return { status: 'infeasible', x: null, bound: -Infinity };
      }
      if (model.variables === 0) return { status: 'optimal', x: new Uint8Array(0), bound: 0 };
      const settings: Record<string, string | number | boolean> = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 };
      if (Number.isFinite(limits.timeLimitMs)) settings.time_limit = Math.max(0, limits.timeLimitMs) / 1000;
      const out = highs.solve(toLpFormat(model), settings);
      // Binary variables are bounded, so "infeasible or unbounded" can only be infeasible.
      if (out.Status === 'Infeasible' || out.Status === 'Primal infeasible or unbounded') return { status: 'infeasible', x: null, bound: -Infinity };
      if (out.Status === 'Optimal') {
        const x = readSolution(out.Columns, model.variables);
        if (x === null) throw new Error('highs: status Optimal without a solution');
        return { status: 'optimal', x, bound: objectiveOf(model, x) };
      }
      if (LIMIT_STATUSES.has(out.Status)) {
        const x = readSolution(out.Columns, model.variables);
        return x === null ? { status: 'time-limit', x: null, bound: Infinity } : { status: 'feasible', x, bound: Infinity };
      }
      throw new Error(`highs: solve ended with status "${out.Status}"`);
    },
  };
}

/**
 * Loads the `highs` package (an optional peer dependency; its WebAssembly is instantiated once
 * here) and wraps it with {@link highsSolver}.
 *
 * @param options - `autoMaxVariables` (default 200,000).
 * @returns The adapter.
 * @throws When `highs` is not installed or fails to load.
 */
export async function loadHighsSolver(options: HighsSolverOptions = {}): Promise<MipSolver> {
  const mod = await import('highs');
  const highs = await mod.default();
  return highsSolver(highs, options);
}
