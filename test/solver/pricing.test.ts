import { afterEach, describe, expect, it } from 'vitest';
import { solveAssignment, verifyAssignment, type AssignmentMode, type SparseAssignmentProblem } from '../../src/index';
import { pricingThresholds } from '../../src/solver/pricing';
import { chance, int, rng, type Rng } from '../helpers/random';

const saved = { ...pricingThresholds };
afterEach(() => Object.assign(pricingThresholds, saved));

/** A sparse problem with `degree` random pairs per row and structured (row + column + noise) weights. */
function structured(rand: Rng, rows: number, cols: number, degree: number, capacities: 'rows' | 'cols' | 'none'): SparseAssignmentProblem {
  const rowBias = Array.from({ length: rows }, () => rand() * 40);
  const colBias = Array.from({ length: cols }, () => rand() * 40);
  const row: number[] = [];
  const col: number[] = [];
  const weight: number[] = [];
  for (let r = 0; r < rows; r++) {
    const picked = new Set<number>();
    while (picked.size < Math.min(degree, cols)) picked.add(int(rand, 0, cols - 1));
    for (const c of picked) {
      row.push(r);
      col.push(c);
      weight.push(chance(rand, 0.3) ? Math.round(rowBias[r]! + colBias[c]!) : rowBias[r]! + colBias[c]! + rand() * 20);
    }
  }
  const problem: SparseAssignmentProblem = {
    rows,
    cols,
    edges: { row: Int32Array.from(row), col: Int32Array.from(col), weight: Float64Array.from(weight) },
  };
  if (capacities === 'rows') return { ...problem, rowCapacity: Array.from({ length: rows }, () => int(rand, 0, 2)) };
  if (capacities === 'cols') return { ...problem, colCapacity: Array.from({ length: cols }, () => int(rand, 1, 3)) };
  return problem;
}

describe('part-then-price (large dense-ish sparse problems)', () => {
  const modes: AssignmentMode[] = ['perfect', 'maxWeight', 'maxCardinality'];
  it('gives the same optimum as the direct solve, with a certificate valid on every pair', () => {
    const rand = rng(2024);
    let priced = 0;
    for (let t = 0; t < 120; t++) {
      const rows = int(rand, 30, 70);
      const cols = int(rand, 30, 70);
      const degree = int(rand, 30, 60);
      const problem = structured(rand, rows, cols, degree, (['rows', 'cols', 'none'] as const)[t % 3]!);
      for (const mode of modes) {
        for (const maximize of [true, false]) {
          Object.assign(pricingThresholds, saved);
          const direct = solveAssignment(problem, { mode, maximize });
          Object.assign(pricingThresholds, { minEdges: 0, minDegree: 25 });
          const viaParts = solveAssignment(problem, { mode, maximize });
          priced++;
          expect(viaParts.status, `instance ${t} ${mode}`).toBe(direct.status);
          const scale = Math.max(1, Math.abs(direct.objective));
          expect(Math.abs(viaParts.objective - direct.objective), `instance ${t} ${mode} ${maximize}`).toBeLessThanOrEqual(1e-9 * scale);
          expect(viaParts.pairs.length).toBe(direct.pairs.length);
          const verdict = verifyAssignment(problem, viaParts);
          expect(verdict.certified, `${t} ${mode}: ${verdict.failures.join('; ')}`).toBe(true);
        }
      }
    }
    expect(priced).toBe(720);
  });
});
