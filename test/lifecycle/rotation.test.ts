import { describe, expect, test } from 'vitest';
import { parseParticipants, parseProgram, planRotation, scorePairs, ValidationError, type MatchResult, type Participant } from '../../src/index';
import { colourRounds } from '../../src/lifecycle/rotation';
import { assertValidResult } from '../helpers/check-result';
import { randomCohort } from '../helpers/cohort';
import { rng } from '../helpers/random';
import { bestSubset } from '../helpers/subsets';

const key = (j: string, s: string) => `${j}|${s}`;

/** No pair twice across rounds, none with a past partner, capacities per round. */
function checkRotation(rounds: readonly MatchResult[], people: readonly Participant[], capacity: { junior: number; senior: number }) {
  const seen = new Set<string>();
  const byId = new Map(people.map((p) => [p.id, p] as const));
  for (const round of rounds) {
    const load = new Map<string, number>();
    for (const p of round.pairs) {
      expect(seen.has(key(p.juniorId, p.seniorId))).toBe(false);
      seen.add(key(p.juniorId, p.seniorId));
      const j = byId.get(p.juniorId)!;
      const s = byId.get(p.seniorId)!;
      expect(j.pastPartners?.includes(s.id) || s.pastPartners?.includes(j.id)).toBeFalsy();
      for (const person of [j, s]) load.set(person.id, (load.get(person.id) ?? 0) + 1);
    }
    for (const [id, n] of load) {
      const p = byId.get(id)!;
      expect(n).toBeLessThanOrEqual(p.capacity ?? capacity[p.role]);
    }
  }
}

describe('planRotation', () => {
  test('sequential: each round equals the brute-force best given the earlier rounds', () => {
    let rounds = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rand = rng(seed * 31);
      const raw = randomCohort(rand, { juniors: 2 + Math.floor(rand() * 3), seniors: 2 + Math.floor(rand() * 3), capacities: seed % 3 === 0 });
      const objective = seed % 2 === 0 ? 'maxScore' : 'maxPairsThenScore';
      const input = { participants: raw, program: { objective, constraints: { notInReportingLine: true } } };
      const plan = planRotation(input, { rounds: 3 });
      const people = parseParticipants(raw);
      checkRotation(plan.rounds, people, { junior: 1, senior: 1 });
      const used: { juniorId: string; seniorId: string }[] = [];
      for (const round of plan.rounds) {
        const program = parseProgram({ objective, constraints: { notInReportingLine: true, avoidPastPartners: true, forbiddenPairs: [...used] } });
        assertValidResult(round, { participants: raw, program });
        const scores = scorePairs(raw, program);
        const cap = (id: string) => people.find((p) => p.id === id)!.capacity ?? 1;
        const best = bestSubset(scores, scores.juniorIds.map(cap), scores.seniorIds.map(cap), objective)!;
        if (objective === 'maxPairsThenScore') expect(round.pairs.length).toBe(best.count);
        expect(round.objective).toBeCloseTo(best.total, 6);
        used.push(...round.pairs.map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId })));
        rounds++;
      }
      expect(plan.pairs).toBe(used.length);
    }
    expect(rounds).toBe(90);
  });

  test('joint: the most pairs over all rounds (brute force with capacities times the rounds), split without repeats', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rand = rng(seed * 57);
      const raw = randomCohort(rand, { juniors: 2 + Math.floor(rand() * 2), seniors: 2 + Math.floor(rand() * 2), capacities: seed % 2 === 0 });
      const input = { participants: raw, program: { constraints: { notInReportingLine: true } } };
      const count = 2;
      const joint = planRotation(input, { rounds: count, strategy: 'joint' });
      const people = parseParticipants(raw);
      checkRotation(joint.rounds, people, { junior: 1, senior: 1 });
      const program = parseProgram({ constraints: { notInReportingLine: true, avoidPastPartners: true } });
      const scores = scorePairs(raw, program);
      const cap = (id: string) => (people.find((p) => p.id === id)!.capacity ?? 1) * count;
      const best = bestSubset(scores, scores.juniorIds.map(cap), scores.seniorIds.map(cap), 'maxPairsThenScore')!;
      expect(joint.pairs).toBe(best.count);
      expect(joint.totalScore).toBeCloseTo(best.total, 6);
      const sequential = planRotation(input, { rounds: count });
      expect(joint.pairs).toBeGreaterThanOrEqual(sequential.pairs);
      const chosen = planRotation(input, { rounds: count, strategy: 'best' });
      expect(chosen.pairs).toBe(Math.max(joint.pairs, sequential.pairs));
    }
  });

  test('colourRounds splits a degree-bounded set of pairs into rounds within capacities', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = rng(seed);
      const rows = 1 + Math.floor(rand() * 6);
      const cols = 1 + Math.floor(rand() * 6);
      const count = 1 + Math.floor(rand() * 4);
      const rowCap = Array.from({ length: rows }, () => 1 + Math.floor(rand() * 2));
      const colCap = Array.from({ length: cols }, () => 1 + Math.floor(rand() * 2));
      const rowLoad = new Array<number>(rows).fill(0);
      const colLoad = new Array<number>(cols).fill(0);
      const pairs: [number, number][] = [];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          if (rand() < 0.7 && rowLoad[r]! < rowCap[r]! * count && colLoad[c]! < colCap[c]! * count) {
            pairs.push([r, c]);
            rowLoad[r]!++;
            colLoad[c]!++;
          }
        }
      }
      const colour = colourRounds(pairs, rowCap, colCap, count);
      for (let round = 0; round < count; round++) {
        const rl = new Array<number>(rows).fill(0);
        const cl = new Array<number>(cols).fill(0);
        pairs.forEach(([r, c], k) => {
          if (colour[k] !== round) return;
          rl[r]!++;
          cl[c]!++;
        });
        rl.forEach((n, r) => expect(n).toBeLessThanOrEqual(rowCap[r]!));
        cl.forEach((n, c) => expect(n).toBeLessThanOrEqual(colCap[c]!));
      }
      expect([...colour].every((c) => c >= 0 && c < count)).toBe(true);
    }
  });

  test('quotas hold in every sequential round; joint refuses them; bad options are errors', () => {
    const rand = rng(7);
    const raw = randomCohort(rand, { juniors: 5, seniors: 5 });
    const program = { quotas: [{ id: 'cross', kind: 'minShare', where: 'differentDepartment', share: 0.5 }] };
    const plan = planRotation({ participants: raw, program }, { rounds: 2 });
    for (const round of plan.rounds) if (round.status !== 'infeasible') assertValidResult(round, { participants: raw, program: { ...program, constraints: { avoidPastPartners: true, forbiddenPairs: plan.rounds[0] === round ? [] : plan.rounds[0]!.pairs.map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId })) } } });
    expect(() => planRotation({ participants: raw, program }, { rounds: 2, strategy: 'joint' })).toThrow('options.strategy: joint planning does not support quotas; use sequential');
    expect(() => planRotation({ participants: raw }, { rounds: 0 })).toThrow(ValidationError);
    expect(planRotation({ participants: raw, program }, { rounds: 2, strategy: 'best' }).warnings).toContain('joint planning skipped: it does not support quotas');
  });
});
