import { beforeAll, describe, expect, test } from 'vitest';
import { highsSolver, loadHighsSolver, type HighsLike } from '../../src/highs';
import { lpSolver } from '../../src/rules/lp-solver';
import { objectiveOf, satisfiesRows, type MipModel, type MipRow, type MipSolver } from '../../src/rules/mip';
import { chance, int, rng, type Rng } from '../helpers/random';

const NO_LIMIT = { timeLimitMs: Infinity };

let highs: MipSolver;

beforeAll(async () => {
  highs = await loadHighsSolver();
});

/** A row from plain arrays (indices sorted here). */
function row(terms: readonly (readonly [number, number])[], lower: number, upper: number): MipRow {
  const sorted = [...terms].sort((a, b) => a[0] - b[0]);
  return { index: Int32Array.from(sorted.map((t) => t[0])), value: Float64Array.from(sorted.map((t) => t[1])), lower, upper };
}

/** The value of a row at a 0-1 point. */
function activity(r: MipRow, x: Uint8Array): number {
  let sum = 0;
  for (let k = 0; k < r.index.length; k++) if (x[r.index[k]!] === 1) sum += r.value[k]!;
  return sum;
}

type RowKind = 'le' | 'ge' | 'range' | 'eq' | 'any';

/**
 * A random 0-1 model: integer row coefficients, sides drawn around the activity of a random point
 * (so most models are feasible, some are not), objective with full-precision fractions.
 */
function randomModel(rand: Rng, n: number, kinds: readonly RowKind[] = ['le', 'ge', 'range', 'eq']): MipModel {
  const objective = Float64Array.from({ length: n }, () => rand() * 20 - 6);
  const point = Uint8Array.from({ length: n }, () => (chance(rand, 0.5) ? 1 : 0));
  const rows: MipRow[] = [];
  const count = int(rand, 0, 6);
  for (let r = 0; r < count; r++) {
    const terms: [number, number][] = [];
    for (let i = 0; i < n; i++) if (chance(rand, 0.5)) terms.push([i, int(rand, -4, 5) || 1]);
    const base = activity(row(terms, 0, 0), point);
    const shift = chance(rand, 0.8) ? 0 : int(rand, -3, 3);
    const kind = kinds[int(rand, 0, kinds.length - 1)]!;
    if (kind === 'le') rows.push(row(terms, -Infinity, base + shift));
    else if (kind === 'ge') rows.push(row(terms, base + shift, Infinity));
    else if (kind === 'eq') rows.push(row(terms, base + shift, base + shift));
    else if (kind === 'range') rows.push(row(terms, base + shift - int(rand, 0, 2), base + shift + int(rand, 0, 2)));
    else rows.push(row(terms, -Infinity, Infinity));
  }
  return { variables: n, objective, rows };
}

/** Best objective over all 0-1 points meeting the rows (exact: integer rows); null when none does. */
function bruteForce(model: MipModel): number | null {
  let best: number | null = null;
  const x = new Uint8Array(model.variables);
  for (let mask = 0; mask < 1 << model.variables; mask++) {
    for (let i = 0; i < model.variables; i++) x[i] = (mask >> i) & 1;
    if (!model.rows.every((r) => { const a = activity(r, x); return a >= r.lower && a <= r.upper; })) continue;
    const value = objectiveOf(model, x);
    if (best === null || value > best) best = value;
  }
  return best;
}

/** Asserts that a solver's result on a model matches the brute-force optimum. */
function expectExact(solver: MipSolver, model: MipModel, best: number | null): void {
  const result = solver.solve(model, NO_LIMIT);
  if (best === null) {
    expect(result.status).toBe('infeasible');
    expect(result.x).toBeNull();
    return;
  }
  expect(result.status).toBe('optimal');
  expect(result.x).not.toBeNull();
  const x = result.x!;
  expect(x.length).toBe(model.variables);
  expect(satisfiesRows(model, x)).toBe(true);
  expect(objectiveOf(model, x)).toBeCloseTo(best, 9);
  expect(result.bound).toBeCloseTo(best, 9);
}

describe('highsSolver', () => {
  test('name and autoMaxVariables', () => {
    expect(highs.name).toBe('highs');
    expect(highs.autoMaxVariables).toBe(200_000);
    const fake: HighsLike = { solve: () => ({ Status: 'Optimal', ObjectiveValue: 0, Columns: {} }) };
    expect(highsSolver(fake, { autoMaxVariables: 50 }).autoMaxVariables).toBe(50);
  });

  test('random models: optimum equals brute force (and infeasible ones reported so)', () => {
    const rand = rng(20240611);
    let infeasible = 0;
    for (let t = 0; t < 250; t++) {
      const model = randomModel(rand, int(rand, 1, 12));
      const best = bruteForce(model);
      if (best === null) infeasible++;
      expectExact(highs, model, best);
    }
    expect(infeasible).toBeGreaterThan(10);
  });

  test('equality rows', () => {
    const rand = rng(77);
    for (let t = 0; t < 80; t++) {
      const model = randomModel(rand, int(rand, 2, 12), ['eq']);
      expectExact(highs, model, bruteForce(model));
    }
    // Integrality matters: the LP relaxation is feasible, no 0-1 point is.
    const parity: MipModel = { variables: 3, objective: Float64Array.from([1, 1, 1]), rows: [row([[0, 2], [1, 2], [2, 2]], 3, 3)] };
    expect(highs.solve(parity, NO_LIMIT).status).toBe('infeasible');
  });

  test('infeasible models', () => {
    const models: MipModel[] = [
      { variables: 2, objective: Float64Array.from([1, 2]), rows: [row([[0, 1], [1, 1]], 3, Infinity)] },
      { variables: 2, objective: Float64Array.from([1, 2]), rows: [row([[0, 1]], 1, Infinity), row([[0, 1], [1, 1]], -Infinity, 0)] },
      { variables: 3, objective: Float64Array.from([1, 0, -1]), rows: [row([[0, 1], [1, 1], [2, 1]], 1.2, 1.8)] },
      // A row with no terms that excludes 0, and a row whose sides cross.
      { variables: 2, objective: Float64Array.from([1, 1]), rows: [row([], 1, Infinity)] },
      { variables: 2, objective: Float64Array.from([1, 1]), rows: [row([[0, 1]], 1, 0)] },
    ];
    for (const model of models) {
      expect(bruteForce(model)).toBeNull();
      expect(highs.solve(model, NO_LIMIT)).toEqual({ status: 'infeasible', x: null, bound: -Infinity });
    }
  });

  test('empty model', () => {
    expect(highs.solve({ variables: 0, objective: new Float64Array(0), rows: [] }, NO_LIMIT)).toEqual({ status: 'optimal', x: new Uint8Array(0), bound: 0 });
    expect(highs.solve({ variables: 0, objective: new Float64Array(0), rows: [row([], -Infinity, 2)] }, NO_LIMIT).status).toBe('optimal');
    expect(highs.solve({ variables: 0, objective: new Float64Array(0), rows: [row([], 1, Infinity)] }, NO_LIMIT).status).toBe('infeasible');
  });

  test('variables in no row, rows with no finite side, zero objective', () => {
    const model: MipModel = {
      variables: 4,
      objective: Float64Array.from([0, -1, 3, 0]),
      rows: [row([[1, 1], [2, 1]], -Infinity, Infinity), row([], -1, 1)],
    };
    expectExact(highs, model, 3);
  });

  test('long rows are written over several lines and solved', () => {
    const n = 600;
    const rand = rng(5);
    const objective = Float64Array.from({ length: n }, () => rand() * 100 - 10);
    const all = Array.from({ length: n }, (_, i) => [i, 1 + (i % 3) / 7] as const);
    const model: MipModel = { variables: n, objective, rows: [row(all.map(([i]) => [i, 1]), -Infinity, 7), row(all, 0, Infinity)] };
    const top = [...objective].sort((a, b) => b - a).slice(0, 7).filter((v) => v > 0).reduce((a, b) => a + b, 0);
    const result = highs.solve(model, { timeLimitMs: 30_000 });
    expect(result.status).toBe('optimal');
    expect(objectiveOf(model, result.x!)).toBeCloseTo(top, 9);
  });

  test('does not mutate the model', () => {
    const model = randomModel(rng(9), 10);
    const copy = structuredClone(model);
    highs.solve(model, NO_LIMIT);
    expect(model).toEqual(copy);
  });

  test('agrees with lpSolver on the same random models', () => {
    const rand = rng(4242);
    for (let t = 0; t < 120; t++) {
      const model = randomModel(rand, int(rand, 1, 12));
      const a = highs.solve(model, NO_LIMIT);
      const b = lpSolver.solve(model, NO_LIMIT);
      expect(a.status).toBe(b.status);
      if (a.status === 'optimal') {
        expect(objectiveOf(model, a.x!)).toBeCloseTo(objectiveOf(model, b.x!), 9);
        expect(a.bound).toBeCloseTo(b.bound, 9);
      }
    }
  });
});

describe('highsSolver with a stub', () => {
  const model: MipModel = {
    variables: 3,
    objective: Float64Array.from([1.5, -0.1, 1 / 3]),
    rows: [row([[0, 1], [1, -2.25]], -Infinity, 1), row([[0, 1], [1, 1], [2, 1]], 1, 2), row([[1, 1], [2, 1]], 1, 1)],
  };
  const columns = { x0: { Primal: 1 }, x1: { Primal: 1e-9 }, x2: { Primal: 0.9999999 } };

  /** A stub answering `status` with `cols`, recording each call. */
  function stub(status: string, cols: Record<string, { Primal?: number }>) {
    const calls: { problem: string; options: Record<string, string | number | boolean> | undefined }[] = [];
    const fake: HighsLike = {
      solve(problem, options) {
        calls.push({ problem, options });
        return { Status: status, ObjectiveValue: 0, Columns: cols };
      },
    };
    return { solver: highsSolver(fake), calls };
  }

  test('writes the LP text and options', () => {
    const { solver, calls } = stub('Optimal', columns);
    expect(solver.solve(model, { timeLimitMs: 2500 })).toEqual({ status: 'optimal', x: Uint8Array.from([1, 0, 1]), bound: 1.5 + 1 / 3 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options).toEqual({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, time_limit: 2.5 });
    const text = calls[0]!.problem;
    expect(text).toContain(`obj: + 1.5 x0 - 0.1 x1 + ${String(1 / 3)} x2`);
    expect(text).toContain('r0: + 1 x0 - 2.25 x1 <= 1');
    expect(text).toContain('r1l: + 1 x0 + 1 x1 + 1 x2 >= 1');
    expect(text).toContain('r1u: + 1 x0 + 1 x1 + 1 x2 <= 2');
    expect(text).toContain('r2: + 1 x1 + 1 x2 = 1');
    expect(text).toMatch(/Binaries\n x0 x1 x2\nEnd/);
    solver.solve(model, NO_LIMIT);
    expect(calls[1]!.options).toEqual({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 });
  });

  test('keeps lines short on large models', () => {
    const n = 5000;
    const big: MipModel = {
      variables: n,
      objective: Float64Array.from({ length: n }, (_, i) => Math.PI * (i - 2000)),
      rows: [row(Array.from({ length: n }, (_, i) => [i, -Math.E * i] as const), -1e6 / 3, 1e6 / 7)],
    };
    const { solver, calls } = stub('Optimal', {});
    expect(() => solver.solve(big, NO_LIMIT)).toThrow(/without a solution/);
    const lines = calls[0]!.problem.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(250);
    expect(lines.join(' ').match(/x\d+/g)).toHaveLength(4 * n);
  });

  test('limit statuses', () => {
    expect(stub('Time limit reached', columns).solver.solve(model, NO_LIMIT)).toEqual({ status: 'feasible', x: Uint8Array.from([1, 0, 1]), bound: Infinity });
    expect(stub('Time limit reached', { x0: {}, x1: {}, x2: {} }).solver.solve(model, NO_LIMIT)).toEqual({ status: 'time-limit', x: null, bound: Infinity });
    expect(stub('Iteration limit reached', {}).solver.solve(model, NO_LIMIT).status).toBe('time-limit');
  });

  test('infeasible and unexpected statuses', () => {
    expect(stub('Infeasible', {}).solver.solve(model, NO_LIMIT)).toEqual({ status: 'infeasible', x: null, bound: -Infinity });
    expect(() => stub('Unknown', columns).solver.solve(model, NO_LIMIT)).toThrow(/Unknown/);
    expect(() => stub('Solve error', columns).solver.solve(model, NO_LIMIT)).toThrow(/Solve error/);
  });

  test('rejects non-finite coefficients', () => {
    const bad: MipModel = { variables: 1, objective: Float64Array.from([Number.NaN]), rows: [] };
    expect(() => stub('Optimal', columns).solver.solve(bad, NO_LIMIT)).toThrow(RangeError);
  });
});
