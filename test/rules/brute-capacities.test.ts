/**
 * Brute force over every set of eligible pairs (capacities up to 2, locked pairs, several quotas)
 * against `match`, for the three objectives. Capacities above 1 on both sides once hid a counting
 * bug in `maxPairs`; this file keeps that case covered.
 */
import { describe, expect, test } from 'vitest';
import { match, parseParticipants, parseProgram, scorePairs, type Participant, type Program, type ProgramInput } from '../../src/index';
import { assertValidResult, quotaViolations } from '../helpers/check-result';
import { randomCohort } from '../helpers/cohort';
import { rng, type Rng } from '../helpers/random';

type Objective = Program['objective'];

interface Best {
  readonly count: number;
  readonly floor: number;
  readonly total: number;
}

function better(objective: Objective, a: Best, b: Best | null): boolean {
  if (b === null) return true;
  const eps = 1e-7;
  if (objective === 'maxScore') return a.total > b.total + eps;
  if (a.count !== b.count) return a.count > b.count;
  if (objective === 'maximin' && Math.abs(a.floor - b.floor) > eps) return a.floor > b.floor;
  return a.total > b.total + eps;
}

/** Every set of eligible pairs within capacities, locked pairs included, quotas checked from the raw fields. */
function bruteForce(people: readonly Participant[], program: Program, raw: unknown): Best | null {
  const { juniorIds, seniorIds, scores } = scorePairs(raw, { ...program, constraints: { ...program.constraints, lockedPairs: [] } });
  const byId = new Map(people.map((p) => [p.id, p] as const));
  const cap = (id: string) => {
    const p = byId.get(id)!;
    return p.capacity ?? program.capacity[p.role];
  };
  const cols = seniorIds.length;
  const edges: { j: number; c: number; w: number; locked: boolean }[] = [];
  const locked = new Set(program.constraints.lockedPairs.map((l) => `${l.juniorId}|${l.seniorId}`));
  juniorIds.forEach((jid, j) =>
    seniorIds.forEach((sid, c) => {
      const w = scores[j * cols + c]!;
      if (!Number.isNaN(w)) edges.push({ j, c, w, locked: locked.has(`${jid}|${sid}`) });
    }),
  );
  const rowLoad = new Int32Array(juniorIds.length);
  const colLoad = new Int32Array(cols);
  const rowCap = juniorIds.map(cap);
  const colCap = seniorIds.map(cap);
  const chosen: number[] = [];
  let best: Best | null = null;
  const visit = (k: number) => {
    if (k === edges.length) {
      const pairs = chosen.map((i) => [byId.get(juniorIds[edges[i]!.j]!)!, byId.get(seniorIds[edges[i]!.c]!)!] as const);
      if (quotaViolations(pairs, people, program).length > 0) return;
      let total = 0;
      let floor = Infinity;
      for (const i of chosen) {
        total += edges[i]!.w;
        if (!edges[i]!.locked) floor = Math.min(floor, edges[i]!.w);
      }
      const value = { count: chosen.length, floor, total };
      if (better(program.objective, value, best)) best = value;
      return;
    }
    const e = edges[k]!;
    if (!e.locked) visit(k + 1);
    if (rowLoad[e.j]! < rowCap[e.j]! && colLoad[e.c]! < colCap[e.c]!) {
      rowLoad[e.j]!++;
      colLoad[e.c]!++;
      chosen.push(k);
      visit(k + 1);
      chosen.pop();
      rowLoad[e.j]!--;
      colLoad[e.c]!--;
    }
  };
  visit(0);
  return best;
}

function quotas(rand: Rng, people: readonly Record<string, unknown>[]): NonNullable<ProgramInput['quotas']> {
  const out: NonNullable<ProgramInput['quotas']> = [];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const n = Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) {
    const id = `q${i}`;
    const kind = pick(['minShare', 'maxShare', 'genderShare', 'minPairs', 'maxPairs', 'mustTag', 'mustIds'] as const);
    const share = pick([0, 0.25, 0.5, 1, Math.round(rand() * 10) / 10]);
    if (kind === 'minShare') out.push({ id, kind: 'minShare', where: pick(['differentSite', 'differentDepartment'] as const), share });
    else if (kind === 'maxShare') out.push({ id, kind: 'maxShare', where: pick(['differentSite', 'differentDepartment'] as const), share });
    else if (kind === 'genderShare') out.push({ id, kind: pick(['minShare', 'maxShare'] as const), where: { side: pick(['junior', 'senior'] as const), attribute: 'gender', equals: 'F' }, share });
    else if (kind === 'minPairs') out.push({ id, kind: 'minPairs', per: { side: pick(['junior', 'senior'] as const), field: pick(['department', 'site'] as const) }, count: pick([1, 1, 2]) });
    else if (kind === 'maxPairs') out.push({ id, kind: 'maxPairs', per: { side: pick(['junior', 'senior'] as const), attribute: 'gender' }, count: pick([0, 1, 2, 3]) });
    else if (kind === 'mustTag') out.push({ id, kind: 'mustMatch', tag: 'comex' });
    else out.push({ id, kind: 'mustMatch', ids: [String(pick(people).id)] });
  }
  return out;
}

function instance(seed: number, objective: Objective) {
  const rand = rng(seed);
  const raw = randomCohort(rand, { juniors: 2 + Math.floor(rand() * 3), seniors: 2 + Math.floor(rand() * 3), capacities: true, ties: rand() < 0.3 }).map((p) => ({
    ...p,
    attributes: { gender: rand() < 0.5 ? 'F' : 'M' },
    ...(rand() < 0.25 ? { tags: ['comex'] } : {}),
  }));
  const constraints: Record<string, unknown> = { sharedLanguage: rand() < 0.3, avoidPastPartners: false, notInReportingLine: rand() < 0.5 };
  const capacity = rand() < 0.3 ? { junior: 1 + Math.floor(rand() * 2), senior: 1 + Math.floor(rand() * 2) } : undefined;
  const input: ProgramInput = { objective, quotas: quotas(rand, raw), constraints, ...(capacity ? { capacity } : {}) };
  // Up to two locked pairs, within capacities.
  if (rand() < 0.5) {
    const { juniorIds, seniorIds, scores } = scorePairs(raw, input);
    const eligible: [string, string][] = [];
    juniorIds.forEach((j, r) => seniorIds.forEach((s, c) => Number.isNaN(scores[r * seniorIds.length + c]!) || eligible.push([j, s])));
    const lockedPairs: { juniorId: string; seniorId: string }[] = [];
    const load = new Map<string, number>();
    const people = parseParticipants(raw);
    const capOf = (id: string) => {
      const p = people.find((q) => q.id === id)!;
      return p.capacity ?? (capacity ? capacity[p.role] : 1);
    };
    const n = 1 + Math.floor(rand() * 2);
    for (let k = 0; k < n && eligible.length > 0; k++) {
      const [j, s] = eligible.splice(Math.floor(rand() * eligible.length), 1)[0]!;
      if ((load.get(j) ?? 0) >= capOf(j) || (load.get(s) ?? 0) >= capOf(s)) continue;
      load.set(j, (load.get(j) ?? 0) + 1);
      load.set(s, (load.get(s) ?? 0) + 1);
      lockedPairs.push({ juniorId: j, seniorId: s });
    }
    if (lockedPairs.length > 0) input.constraints = { ...constraints, lockedPairs };
  }
  return { raw, program: parseProgram(input), people: parseParticipants(raw) };
}

const SEEDS = Number(process.env.REVIEW_SEEDS ?? 150);

describe.each(['maxScore', 'maxPairsThenScore', 'maximin'] as const)('%s, capacities up to 2, locked pairs, quotas: equals brute force', (objective) => {
  test(`on ${SEEDS} random cohorts`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { raw, program, people } = instance(seed * 7727 + objective.length * 13, objective);
      const expected = bruteForce(people, program, raw);
      let result;
      try {
        result = match({ participants: raw, program });
      } catch (error) {
        failures.push(`seed ${seed}: threw ${(error as Error).message}`);
        continue;
      }
      try {
        assertValidResult(result, { participants: raw, program });
      } catch (error) {
        failures.push(`seed ${seed}: invalid result: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      if (expected === null) {
        if (result.status !== 'infeasible') failures.push(`seed ${seed}: expected infeasible, got ${result.status}`);
        continue;
      }
      if (result.status !== 'optimal') {
        failures.push(`seed ${seed}: expected optimal, got ${result.status} (${result.method})`);
        continue;
      }
      if (result.pairs.length !== expected.count) failures.push(`seed ${seed}: ${result.pairs.length} pairs, expected ${expected.count}`);
      else if (Math.abs(result.objective - expected.total) > 1e-6) failures.push(`seed ${seed}: total ${result.objective}, expected ${expected.total} (${result.method})`);
      if (result.bound !== null && result.bound < expected.total - 1e-6 && result.pairs.length === expected.count) failures.push(`seed ${seed}: bound ${result.bound} below optimum ${expected.total}`);
    }
    expect(failures).toEqual([]);
  });
});
