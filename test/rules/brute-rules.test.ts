import { beforeAll, describe, expect, test } from 'vitest';
import { loadHighsSolver } from '../../src/highs';
import type { MipSolver } from '../../src/index';
import { match, parseParticipants, parseProgram, scorePairs, type Participant, type Program, type ProgramInput } from '../../src/index';
import { assertValidResult, quotaViolations } from '../helpers/check-result';
import { randomCohort } from '../helpers/cohort';
import { rng, type Rng } from '../helpers/random';

type Objective = Program['objective'];

/** A small random cohort with sites, attributes and tags for quotas to bite on. */
function cohort(rand: Rng, juniors: number, seniors: number): Record<string, unknown>[] {
  return randomCohort(rand, { juniors, seniors }).map((p) => ({
    ...p,
    attributes: { gender: rand() < 0.5 ? 'F' : 'M' },
    ...(rand() < 0.25 ? { tags: ['comex'] } : {}),
  }));
}

/** One to three random quotas. */
function quotas(rand: Rng, people: readonly Record<string, unknown>[]): NonNullable<ProgramInput['quotas']> {
  const out: NonNullable<ProgramInput['quotas']> = [];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const id = `q${i}`;
    const kind = pick(['minShare', 'maxShare', 'genderShare', 'minPairs', 'maxPairs', 'mustTag', 'mustIds'] as const);
    const share = Math.round(rand() * 10) / 10;
    if (kind === 'minShare') out.push({ id, kind: 'minShare', where: 'differentSite', share });
    else if (kind === 'maxShare') out.push({ id, kind: 'maxShare', where: 'differentDepartment', share });
    else if (kind === 'genderShare') out.push({ id, kind: pick(['minShare', 'maxShare'] as const), where: { side: pick(['junior', 'senior'] as const), attribute: 'gender', equals: 'F' }, share });
    else if (kind === 'minPairs') out.push({ id, kind: 'minPairs', per: { side: pick(['junior', 'senior'] as const), field: pick(['department', 'site'] as const) }, count: 1 });
    else if (kind === 'maxPairs') out.push({ id, kind: 'maxPairs', per: { side: pick(['junior', 'senior'] as const), attribute: 'gender' }, count: 1 + Math.floor(rand() * 2) });
    else if (kind === 'mustTag') out.push({ id, kind: 'mustMatch', tag: 'comex' });
    else out.push({ id, kind: 'mustMatch', ids: [String(pick(people).id)] });
  }
  return out;
}

interface Best {
  readonly count: number;
  readonly floor: number;
  readonly total: number;
}

/** Every matching of the eligible pairs (capacity 1), the rules checked from the raw fields. */
function bruteForce(people: readonly Participant[], program: Program, raw: unknown): Best | null {
  const { juniorIds, seniorIds, scores } = scorePairs(raw, { ...program, constraints: { ...program.constraints, lockedPairs: [] } });
  const locked = new Set(program.constraints.lockedPairs.map((l) => `${l.juniorId}|${l.seniorId}`));
  const byId = new Map(people.map((p) => [p.id, p] as const));
  const cols = seniorIds.length;
  let best: Best | null = null;
  const usedCol = new Uint8Array(cols);
  const chosen: [number, number][] = [];
  const better = (a: Best, b: Best | null): boolean => {
    if (b === null) return true;
    const eps = 1e-7;
    if (program.objective === 'maxScore') return a.total > b.total + eps;
    if (a.count !== b.count) return a.count > b.count;
    if (program.objective === 'maximin' && Math.abs(a.floor - b.floor) > eps) return a.floor > b.floor;
    return a.total > b.total + eps;
  };
  const visit = (r: number) => {
    if (r === juniorIds.length) {
      const keys = new Set(chosen.map(([j, c]) => `${juniorIds[j]}|${seniorIds[c]}`));
      for (const key of locked) if (!keys.has(key)) return;
      const pairs = chosen.map(([j, c]) => [byId.get(juniorIds[j]!)!, byId.get(seniorIds[c]!)!] as const);
      if (quotaViolations(pairs, people, program).length > 0) return;
      let total = 0;
      let floor = Infinity;
      for (const [j, c] of chosen) {
        total += scores[j * cols + c]!;
        // The floor of maximin is over the pairs that are not locked.
        if (!locked.has(`${juniorIds[j]}|${seniorIds[c]}`)) floor = Math.min(floor, scores[j * cols + c]!);
      }
      const value = { count: chosen.length, floor: chosen.length === 0 ? Infinity : floor, total };
      if (better(value, best)) best = value;
      return;
    }
    visit(r + 1);
    for (let c = 0; c < cols; c++) {
      const w = scores[r * cols + c]!;
      if (Number.isNaN(w) || usedCol[c]) continue;
      usedCol[c] = 1;
      chosen.push([r, c]);
      visit(r + 1);
      chosen.pop();
      usedCol[c] = 0;
    }
  };
  visit(0);
  return best;
}

function instance(seed: number, objective: Objective) {
  const rand = rng(seed);
  const raw = cohort(rand, 3 + Math.floor(rand() * 3), 3 + Math.floor(rand() * 3));
  const constraints = { sharedLanguage: rand() < 0.5 };
  const input: ProgramInput = { objective, quotas: quotas(rand, raw), constraints };
  // One in four instances locks an eligible pair, which counts towards every rule.
  if (rand() < 0.25) {
    const { juniorIds, seniorIds, scores } = scorePairs(raw, { constraints });
    const eligible: [string, string][] = [];
    juniorIds.forEach((j, r) => seniorIds.forEach((s, c) => Number.isNaN(scores[r * seniorIds.length + c]!) || eligible.push([j, s])));
    const pick = eligible[Math.floor(rand() * eligible.length)];
    if (pick) input.constraints = { ...constraints, lockedPairs: [{ juniorId: pick[0], seniorId: pick[1] }] };
  }
  return { raw, program: parseProgram(input), people: parseParticipants(raw) };
}

describe.each(['maxScore', 'maxPairsThenScore', 'maximin'] as const)('%s with random quotas equals brute force', (objective) => {
  test('on 120 random cohorts of 3 to 5 juniors and seniors', () => {
    let infeasible = 0;
    let bound = 0;
    let lockedSeen = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const { raw, program, people } = instance(seed * 7919 + objective.length, objective);
      const expected = bruteForce(people, program, raw);
      const result = match({ participants: raw, program });
      assertValidResult(result, { participants: raw, program });
      if (expected === null) {
        expect(result.status, `seed ${seed}`).toBe('infeasible');
        expect(result.pairs).toEqual([]);
        expect(result.diagnosis?.conflicts.length, `seed ${seed}: conflicts named`).toBeGreaterThan(0);
        infeasible++;
        continue;
      }
      expect(result.status, `seed ${seed}`).toBe('optimal');
      expect(result.pairs.length, `seed ${seed}: pairs`).toBe(expected.count);
      expect(result.objective, `seed ${seed}: total`).toBeCloseTo(expected.total, 6);
      if (objective === 'maximin' && expected.floor !== Infinity) {
        const locked = new Set(program.constraints.lockedPairs.map((l) => `${l.juniorId}|${l.seniorId}`));
        const floor = Math.min(...result.pairs.filter((p) => !locked.has(`${p.juniorId}|${p.seniorId}`)).map((p) => p.score));
        expect(floor, `seed ${seed}: floor`).toBeCloseTo(expected.floor, 6);
      }
      if (program.constraints.lockedPairs.length > 0) lockedSeen++;
      if (result.pairs.length > 0) bound++;
    }
    // The random quotas must produce both outcomes, or the test proves little.
    expect(infeasible).toBeGreaterThan(3);
    expect(infeasible).toBeLessThan(100);
    expect(bound).toBeGreaterThan(10);
    expect(lockedSeen).toBeGreaterThan(5);
  });
});

describe('the solving methods agree', () => {
  let highs: MipSolver;
  beforeAll(async () => {
    highs = await loadHighsSolver();
  });
  test('javascript-lp-solver, HiGHS and auto are equal; the Lagrangian is never above the optimum and its bound never below', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const objective = (['maxScore', 'maxPairsThenScore', 'maximin'] as const)[seed % 3]!;
      const { raw, program } = instance(seed * 104729, objective);
      const auto = match({ participants: raw, program });
      const mip = match({ participants: raw, program }, { solver: 'mip' });
      const withHighs = match({ participants: raw, program }, { solver: 'mip', mipSolver: highs });
      const lagrangian = match({ participants: raw, program }, { solver: 'lagrangian' });
      expect(mip.status, `seed ${seed}`).toBe(auto.status);
      expect(withHighs.status, `seed ${seed}`).toBe(auto.status);
      if (auto.status !== 'optimal') continue;
      expect(mip.objective).toBeCloseTo(auto.objective, 6);
      expect(withHighs.objective).toBeCloseTo(auto.objective, 6);
      expect(mip.pairs.length).toBe(auto.pairs.length);
      expect(withHighs.pairs.length).toBe(auto.pairs.length);
      assertValidResult(lagrangian, { participants: raw, program });
      if (lagrangian.status === 'infeasible') throw new Error(`seed ${seed}: the Lagrangian method claimed infeasibility`);
      if (lagrangian.pairs.length === auto.pairs.length && objective !== 'maximin') {
        expect(lagrangian.objective).toBeLessThanOrEqual(auto.objective + 1e-6);
        if (lagrangian.bound !== null) expect(lagrangian.bound, `seed ${seed}: bound`).toBeGreaterThanOrEqual(auto.objective - 1e-6);
        if (lagrangian.gap !== null && lagrangian.bound !== null) expect(lagrangian.objective).toBeGreaterThanOrEqual(lagrangian.bound * (1 - lagrangian.gap) - 1e-6);
      }
    }
  });
});

describe('at a size brute force cannot reach', () => {
  let highs: MipSolver;
  beforeAll(async () => {
    highs = await loadHighsSolver();
  });
  test('on 60 x 60 organisations with a binding share cap, the Lagrangian bound is never below the HiGHS optimum and its solution never above', async () => {
    const { generateOrganisation } = await import('../../src/index');
    for (const seed of [1, 2, 3]) {
      const { participants } = generateOrganisation({ juniors: 60, seniors: 60, seed });
      const program = { quotas: [{ id: 'cap', kind: 'maxShare' as const, where: 'differentSite' as const, share: 0.4 }, { id: 'comex', kind: 'mustMatch' as const, tag: 'comex' }] };
      const exact = match({ participants, program }, { solver: 'mip', mipSolver: highs, alternatives: false });
      const lagrangian = match({ participants, program }, { solver: 'lagrangian', alternatives: false });
      assertValidResult(exact, { participants, program });
      assertValidResult(lagrangian, { participants, program });
      expect(exact.status).toBe('optimal');
      expect(lagrangian.pairs.length).toBe(exact.pairs.length);
      expect(lagrangian.objective).toBeLessThanOrEqual(exact.objective + 1e-6);
      expect(lagrangian.bound!).toBeGreaterThanOrEqual(exact.objective - 1e-6);
      expect(lagrangian.stats.crossSiteShare).toBeLessThanOrEqual(0.4 + 1e-12);
    }
  });
});
