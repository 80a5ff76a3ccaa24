import solver from 'javascript-lp-solver';
import type { MipLimits, MipModel, MipResult, MipSolver } from './mip';

/** The JSON model of javascript-lp-solver (the subset used here). */
interface JsonModel {
  optimize: string;
  opType: 'max';
  constraints: Record<string, { min?: number; max?: number }>;
  variables: Record<string, Record<string, number>>;
  binaries: Record<string, 1>;
  options?: { timeout?: number; tolerance?: number };
}

/** Largest dense tableau (numbers) the adapter hands to the solver: 40 million, 320 MB. */
const MAX_TABLEAU_CELLS = 4e7;

/** Extra milliseconds beyond which a solve counts as stopped by its timeout. */
const TIMEOUT_SLACK_MS = 5;

/**
 * The bundled exact MIP adapter: `javascript-lp-solver` (branch and cut on a dense simplex tableau,
 * pure JavaScript). Right for small models: the engine hands it the pairs left after reduced-cost
 * fixing, typically tens to a few hundred variables.
 *
 * A solve that runs into the time limit is reported `feasible` with its incumbent (checked by the
 * engine) or `time-limit`; this solver gives no bound of its own then (`bound` is `Infinity`).
 */
export const lpSolver: MipSolver = {
  name: 'javascript-lp-solver',
  autoMaxVariables: 400,
  solve(model: MipModel, limits: MipLimits): MipResult {
    // Its simplex keeps a dense tableau (variables x rows): refuse what would not fit in memory.
    const cells = (model.variables + 1) * (model.rows.length + model.variables + 1);
    if (cells > MAX_TABLEAU_CELLS) {
      return {
        status: 'time-limit',
        x: null,
        bound: Infinity,
        note: 'javascript-lp-solver cannot take a 0-1 program this large (its dense tableau would not fit in memory), so a question only it could settle is left open; pass the HiGHS adapter from binome/highs as mipSolver',
      };
    }
    const json: JsonModel = { optimize: '_obj', opType: 'max', constraints: {}, variables: {}, binaries: {} };
    const vars: Record<string, number>[] = [];
    for (let i = 0; i < model.variables; i++) {
      const v: Record<string, number> = { _obj: model.objective[i]! };
      vars.push(v);
      json.variables[`x${i}`] = v;
      json.binaries[`x${i}`] = 1;
    }
    model.rows.forEach((row, r) => {
      const bound: { min?: number; max?: number } = {};
      if (row.lower > -Infinity) bound.min = row.lower;
      if (row.upper < Infinity) bound.max = row.upper;
      json.constraints[`r${r}`] = bound;
      for (let k = 0; k < row.index.length; k++) vars[row.index[k]!]![`r${r}`] = row.value[k]!;
    });
    const timed = Number.isFinite(limits.timeLimitMs);
    if (timed) json.options = { timeout: Math.max(1, Math.floor(limits.timeLimitMs)) };
    const start = Date.now();
    const out = solver.Solve(json as Parameters<typeof solver.Solve>[0]) as Record<string, unknown>;
    const stopped = timed && Date.now() - start >= limits.timeLimitMs - TIMEOUT_SLACK_MS;
    if (out.feasible !== true || out.isIntegral === false) return { status: stopped ? 'time-limit' : 'infeasible', x: null, bound: stopped ? Infinity : -Infinity };
    const x = new Uint8Array(model.variables);
    for (let i = 0; i < model.variables; i++) {
      const value = out[`x${i}`];
      if (typeof value === 'number' && value > 0.5) x[i] = 1;
    }
    if (stopped) return { status: 'feasible', x, bound: Infinity };
    let objective = 0;
    for (let i = 0; i < model.variables; i++) if (x[i] === 1) objective += model.objective[i]!;
    return { status: 'optimal', x, bound: objective };
  },
};
