import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  LockedPairConflictError,
  PluginError,
  ValidationError,
  defineConstraint,
  defineScorer,
  match,
  parseParticipants,
  parseProgram,
  scorePairs,
  type MatchResult,
  type ProgramInput,
} from '../../src/index';
import { bruteForceMatch } from '../helpers/brute-match';
import { assertValidResult, naiveScore } from '../helpers/check-result';
import { randomCohort } from '../helpers/cohort';
import { person } from '../helpers/people';
import { rng as seeded } from '../helpers/random';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const sampleProgram = { ...(fixture('program.sample.json') as ProgramInput), quotas: [] };
const withoutTimes = (r: MatchResult) => ({ ...r, stats: { ...r.stats, timeMs: null } });

describe('match on the shared samples', () => {
  test('the 12 sample participants under the sample program (without its quotas)', () => {
    const input = { participants: fixture('participants.sample.json'), program: sampleProgram };
    const result = match(input);
    assertValidResult(result, input);
    expect(result.status).toBe('optimal');
    expect(result.pairs.length).toBeGreaterThanOrEqual(4);
    const bernard = result.unmatched.find((u) => u.id === 's-1006');
    expect(bernard).toMatchObject({ reason: 'not-volunteer', detail: 'Bernard Chevalier did not volunteer', name: 'Bernard Chevalier' });
    // Chloé reports to Nathalie: never paired together.
    expect(result.pairs.some((p) => p.juniorId === 'j-2003' && p.seniorId === 's-1004')).toBe(false);
  });

  test('org-200 under the sample program gives a valid, optimal result', () => {
    const input = { participants: fixture('org-200.json'), program: sampleProgram };
    const result = match(input);
    assertValidResult(result, input);
    const scores = scorePairs(input.participants, sampleProgram);
    expect(result.stats.eligiblePairs).toBe(Array.from(scores.scores).filter((s) => !Number.isNaN(s)).length);
    expect(result.pairs.length + result.unmatched.length).toBeGreaterThan(100);
  });

  test('French texts', () => {
    const result = match({ participants: fixture('participants.sample.json'), program: sampleProgram }, { locale: 'fr' });
    expect(result.locale).toBe('fr');
    expect(result.pairs[0]!.explanation).toMatch(/ et .*: [\d,]+ points\./);
    expect(result.unmatched.find((u) => u.id === 's-1006')?.detail).toBe("Bernard Chevalier n'est pas volontaire");
  });
});

describe('match equals brute force on random small cohorts', () => {
  const cases = 520;
  test.each(['maxScore', 'maxPairsThenScore'] as const)('%s, with capacities, constraints, forbidden and locked pairs', (objective) => {
    const rand = seeded(objective === 'maxScore' ? 11 : 29);
    let nonTrivial = 0;
    for (let t = 0; t < cases; t++) {
      const participants = randomCohort(rand, { juniors: 1 + Math.floor(rand() * 4), seniors: 1 + Math.floor(rand() * 4), capacities: true, ties: t % 3 === 0 });
      const base = {
        objective,
        constraints: { minScore: rand() < 0.3 ? 20 : 0, maxTimezoneGapHours: rand() < 0.3 ? 5 : undefined, minAvailabilityOverlap: rand() < 0.2 ? 1 : 0 },
      };
      const scores = scorePairs(participants, base);
      const people = parseParticipants(participants);
      const capOf = (id: string) => people.find((p) => p.id === id)!.capacity ?? 1;
      const rowCap = scores.juniorIds.map(capOf);
      const colCap = scores.seniorIds.map(capOf);
      const eligible: [number, number][] = [];
      scores.juniorIds.forEach((_, r) => scores.seniorIds.forEach((__, c) => {
        if (!Number.isNaN(scores.scores[r * scores.seniorIds.length + c]!)) eligible.push([r, c]);
      }));
      const forbidden = eligible.filter(() => rand() < 0.15);
      const lockable = eligible.filter((e) => !forbidden.includes(e));
      const locked = lockable.length > 0 && rand() < 0.25 ? [lockable[Math.floor(rand() * lockable.length)]!] : [];
      const ref = ([r, c]: readonly [number, number]) => ({ juniorId: scores.juniorIds[r]!, seniorId: scores.seniorIds[c]! });
      const program = { ...base, constraints: { ...base.constraints, forbiddenPairs: forbidden.map(ref), lockedPairs: locked.map(ref) } };
      const input = { participants, program };
      const result = match(input);
      assertValidResult(result, input);
      const masked = { ...scores, scores: scores.scores.map((s, k) => (forbidden.some(([r, c]) => r * scores.seniorIds.length + c === k) ? Number.NaN : s)) };
      const best = bruteForceMatch(masked, rowCap, colCap, objective, locked);
      if (objective === 'maxPairsThenScore') expect(result.pairs.length, `case ${t}`).toBe(best.pairs);
      expect(result.objective, `case ${t}`).toBeCloseTo(best.total, 9);
      if (result.pairs.length > 1) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(cases / 4);
  });

  test('the input order never changes the result', () => {
    const rand = seeded(7);
    for (let t = 0; t < 60; t++) {
      const participants = randomCohort(rand, { juniors: 6, seniors: 6, capacities: true, ties: t % 2 === 0 });
      const shuffled = [...participants].reverse().sort(() => rand() - 0.5);
      const program = { objective: t % 2 === 0 ? 'maxScore' : 'maxPairsThenScore' } as const;
      expect(withoutTimes(match({ participants: shuffled, program }))).toEqual(withoutTimes(match({ participants, program })));
    }
  });

  test('the input is never mutated', () => {
    const participants = randomCohort(seeded(3), { juniors: 5, seniors: 5 });
    const program = { constraints: { lockedPairs: [] as { juniorId: string; seniorId: string }[] } };
    const before = structuredClone({ participants, program });
    match({ participants: Object.freeze(participants), program: Object.freeze(program) });
    expect({ participants, program }).toEqual(before);
  });
});

describe('explanations add up', () => {
  test('the alternative cost equals the drop of the optimum when that pair is locked', () => {
    const rand = seeded(99);
    let checked = 0;
    for (let t = 0; t < 120 && checked < 60; t++) {
      const objective = t % 2 === 0 ? 'maxScore' : 'maxPairsThenScore';
      const participants = randomCohort(rand, { juniors: 4, seniors: 4, capacities: t % 3 === 0 });
      const input = { participants, program: { objective } };
      const result = match(input);
      for (const pair of result.pairs) {
        for (const alt of pair.alternatives) {
          const forced = alt.side === 'junior' ? { juniorId: pair.juniorId, seniorId: alt.partnerId } : { juniorId: alt.partnerId, seniorId: pair.seniorId };
          const other = match({ participants, program: { objective, constraints: { lockedPairs: [forced] } } });
          if (alt.cost === null) {
            expect(other.pairs.length).toBeLessThan(result.pairs.length);
          } else {
            if (objective === 'maxPairsThenScore') expect(other.pairs.length).toBe(result.pairs.length);
            expect(alt.cost).toBeCloseTo(result.objective - other.objective, 9);
            expect(alt.cost).toBeGreaterThanOrEqual(-1e-9);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  test('ranks agree with the score matrix', () => {
    const participants = fixture('org-200.json');
    const result = match({ participants, program: sampleProgram });
    const scores = scorePairs(participants, sampleProgram);
    const m = scores.seniorIds.length;
    for (const pair of result.pairs.slice(0, 40)) {
      const r = scores.juniorIds.indexOf(pair.juniorId);
      const c = scores.seniorIds.indexOf(pair.seniorId);
      const row = scores.juniorIds.length && Array.from({ length: m }, (_, k) => scores.scores[r * m + k]!).filter((s) => !Number.isNaN(s));
      expect(pair.ranks.junior.of).toBe((row as number[]).length);
      expect(pair.ranks.junior.rank).toBe((row as number[]).filter((s) => s > pair.score).length + 1 + countTiesBefore(scores, r, c, 'row'));
      expect(pair.score).toBeCloseTo(scores.scores[r * m + c]!, 12);
    }
  });
});

function countTiesBefore(scores: ReturnType<typeof scorePairs>, r: number, c: number, along: 'row'): number {
  const m = scores.seniorIds.length;
  const w = scores.scores[r * m + c]!;
  let n = 0;
  if (along === 'row') for (let k = 0; k < c; k++) if (scores.scores[r * m + k] === w) n++;
  return n;
}

describe('unmatched participants always get a reason', () => {
  test('no-eligible-partner counts exclusions by the first rule that refuses', () => {
    const participants = [
      person('j-1', 'junior', { name: 'Léa', languages: ['fr'] }),
      person('s-1', 'senior', { languages: ['en'] }),
      person('s-2', 'senior', { languages: ['de'] }),
      person('s-3', 'senior', { volunteer: false }),
    ];
    const result = match({ participants });
    assertValidResult(result, { participants });
    expect(result.unmatched.find((u) => u.id === 'j-1')).toEqual({
      id: 'j-1',
      name: 'Léa',
      role: 'junior',
      reason: 'no-eligible-partner',
      detail: 'no eligible senior: 3 seniors excluded: 2 by sharedLanguage and 1 by volunteersOnly',
    });
    const fr = match({ participants }, { locale: 'fr' });
    expect(fr.unmatched.find((u) => u.id === 'j-1')?.detail).toBe('aucun senior possible : 3 seniors exclus (2 par sharedLanguage et 1 par volunteersOnly)');
  });

  test('below-min-score', () => {
    const participants = [person('j-1', 'junior', { department: 'IT', openness: 0 }), person('s-1', 'senior', { department: 'IT', openness: 0 })];
    const result = match({ participants, program: { constraints: { minScore: 50 } } });
    expect(result.unmatched.map((u) => u.reason)).toEqual(['below-min-score', 'below-min-score']);
    expect(result.unmatched[0]!.detail).toBe('1 eligible partner, but the best score is 0, below the minimum of 50');
  });

  test('capacity: more junior places than senior places', () => {
    const participants = [person('j-1', 'junior'), person('j-2', 'junior'), person('j-3', 'junior'), person('s-1', 'senior', { capacity: 2 })];
    const result = match({ participants });
    assertValidResult(result, { participants });
    expect(result.pairs).toHaveLength(2);
    expect(result.unmatched).toHaveLength(1);
    expect(result.unmatched[0]).toMatchObject({ reason: 'capacity', detail: 'more junior places than senior places (3 for 2); the only eligible senior is full' });
  });

  test('outcompeted: a free senior exists, but not one this junior may meet', () => {
    const participants = [
      person('j-1', 'junior', { skills: { 'ai-tools': 5 } }),
      person('j-2', 'junior', { skills: { 'ai-tools': 2 } }),
      person('s-1', 'senior', { wants: { 'ai-tools': 5 } }),
      person('s-2', 'senior', { languages: ['en'] }),
      person('s-3', 'senior', { languages: ['en'] }),
      person('j-3', 'junior', { languages: ['en'] }),
    ];
    const withLanguages = participants.map((p) => (p.languages ? p : { ...p, languages: ['fr'] }));
    const result = match({ participants: withLanguages, program: { objective: 'maxScore' } });
    assertValidResult(result, { participants: withLanguages, program: { objective: 'maxScore' } });
    const j2 = result.unmatched.find((u) => u.id === 'j-2');
    expect(j2?.reason).toBe('outcompeted');
    expect(j2?.detail).toMatch(/^1 eligible partner, all paired with others for a better total; the top option, s-1 \([\d.]+ points\), is paired with j-1: forcing it would lower the total by [\d.]+ points$/);
  });

  test('everyone is accounted for on a cohort with non-volunteers and isolated people', () => {
    const participants = randomCohort(seeded(5), { juniors: 30, seniors: 20, capacities: true });
    const input = { participants, program: { constraints: { minScore: 15, minAvailabilityOverlap: 1 } } };
    assertValidResult(match(input), input);
  });
});

describe('locked pairs', () => {
  const participants = [
    person('j-1', 'junior', { managerId: 's-1' }),
    person('j-2', 'junior'),
    person('s-1', 'senior'),
    person('s-2', 'senior'),
  ];
  test('a locked pair is in the result even when it lowers the total', () => {
    const program = { constraints: { lockedPairs: [{ juniorId: 'j-2', seniorId: 's-1' }] } };
    const result = match({ participants, program });
    assertValidResult(result, { participants, program });
    expect(result.pairs.find((p) => p.juniorId === 'j-2')).toMatchObject({ seniorId: 's-1', locked: true, alternatives: [] });
    expect(result.pairs.find((p) => p.juniorId === 'j-2')!.explanation).toContain('The program locks j-2 with s-1.');
  });

  test('a locked pair that breaks a hard rule is an error naming both', () => {
    const program = { constraints: { lockedPairs: [{ juniorId: 'j-1', seniorId: 's-1' }] } };
    expect(() => match({ participants, program })).toThrow(LockedPairConflictError);
    expect(() => match({ participants, program })).toThrow(
      "program.constraints.lockedPairs[0]: locked pair j-1 / s-1 breaks notInReportingLine: j-1 is in s-1's reporting line",
    );
  });

  test('locked pairs over capacity, twice, or below minScore are errors', () => {
    const twice = { constraints: { lockedPairs: [{ juniorId: 'j-2', seniorId: 's-2' }, { juniorId: 'j-2', seniorId: 's-2' }] } };
    expect(() => match({ participants, program: twice })).toThrow(/listed twice/);
    const over = { constraints: { lockedPairs: [{ juniorId: 'j-2', seniorId: 's-2' }, { juniorId: 'j-2', seniorId: 's-1' }] } };
    expect(() => match({ participants, program: over })).toThrow('j-2 is locked in 2 pairs but has capacity 1');
    const low = { constraints: { minScore: 90, lockedPairs: [{ juniorId: 'j-2', seniorId: 's-2' }] } };
    expect(() => match({ participants, program: low })).toThrow(/breaks minScore: score [\d.]+ is below the minimum of 90/);
  });

  test('references to unknown people or wrong roles are validation errors', () => {
    const program = { constraints: { lockedPairs: [{ juniorId: 's-1', seniorId: 'x' }], forbiddenPairs: [{ juniorId: 'j-1', seniorId: 's-2' }] } };
    expect(() => match({ participants, program })).toThrow(ValidationError);
    expect(() => match({ participants, program })).toThrow(
      'program.constraints.lockedPairs[0].juniorId: "s-1" is a senior, not a junior, got "s-1"\nprogram.constraints.lockedPairs[0].seniorId: no senior with this id among the participants, got "x"',
    );
  });
});

describe('the sample program, quotas included', () => {
  test('meets its cross-site quota and must-match rule, and says which method proved it', () => {
    const participants = fixture('participants.sample.json');
    const program = fixture('program.sample.json');
    const result = match({ participants, program });
    assertValidResult(result, { participants, program });
    expect(result.status).toBe('optimal');
    expect(result.method === 'lagrangian' || result.method.startsWith('mip/')).toBe(true);
    expect(result.gap).toBe(0);
  });
});

describe('plug-ins', () => {
  const participants = randomCohort(seeded(17), { juniors: 6, seniors: 6 });
  const tenure = defineScorer({
    id: 'tenure',
    score: (j, s) => Math.min(1, Math.max(0, ((s.tenureYears ?? 0) - (j.tenureYears ?? 0)) / 30)),
    explain: () => [{ text: { en: 'years in the company', fr: "années dans l'entreprise" } }],
  });
  test('a custom scorer is weighted and explained; a custom constraint is enforced', () => {
    const noSales = defineConstraint((context) => ({
      id: 'noSalesSeniors',
      allows: (_j, s) => s.department !== 'Sales' || context.seniors.length === 0,
      why: () => ({ text: 'no sales seniors' }),
    }));
    const program = { weights: { skillGap: 1, tenure: 1 } };
    const result = match({ participants, program }, { scorers: [tenure], constraints: [noSales], locale: 'fr' });
    const people = parseParticipants(participants);
    const forbidden = new Set(people.filter((p) => p.role === 'junior').flatMap((j) => people.filter((s) => s.department === 'Sales' && s.role === 'senior').map((s) => `${j.id}|${s.id}`)));
    assertValidResult(result, { participants, program }, { customScorers: true, forbidden });
    for (const pair of result.pairs) {
      expect(pair.contributions.map((c) => c.scorer)).toEqual(['skillGap', 'tenure']);
      expect(pair.contributions[1]!.reasons).toEqual(["années dans l'entreprise"]);
    }
  });

  test('bad plug-ins are reported with code invalid-plugin', () => {
    const bad = defineScorer({ id: 'bad', score: () => 2, explain: () => [] });
    expect(() => match({ participants, program: { weights: { skillGap: 1, bad: 1 } } }, { scorers: [bad] })).toThrow(PluginError);
    expect(() => match({ participants, program: { weights: { skillGap: 1, bad: 1 } } }, { scorers: [bad] })).toThrow(/scorers\.bad: score\(.*\) must return a number in \[0, 1\], got 2/);
    expect(() => match({ participants }, { scorers: [tenure] })).toThrow(/program\.weights\.tenure: custom scorer "tenure" has no positive weight/);
    expect(() => match({ participants, program: { weights: { skilGap: 1 } } })).toThrow(/program\.weights\.skilGap: no scorer with this id .*did you mean "skillGap"/);
    expect(() => defineScorer({ id: '', score: () => 0, explain: () => [] })).toThrow(/id must be a non-empty string/);
    const clash = defineScorer({ id: 'openness', score: () => 0, explain: () => [] });
    expect(() => match({ participants }, { scorers: [clash] })).toThrow(/already used by a built-in scorer/);
  });
});

describe('scorePairs', () => {
  test('dense matrix in id order; NaN where a rule or minScore forbids; scores by the documented formulas', () => {
    const participants = fixture('participants.sample.json');
    const { juniorIds, seniorIds, scores } = scorePairs(participants, sampleProgram);
    expect(juniorIds).toEqual(['j-2001', 'j-2002', 'j-2003', 'j-2004', 'j-2005', 'j-2006']);
    expect(seniorIds).toEqual(['s-1001', 's-1002', 's-1003', 's-1004', 's-1005', 's-1006']);
    const program = parseProgram(sampleProgram);
    const people = new Map(parseParticipants(participants).map((p) => [p.id, p]));
    const at = (j: string, s: string) => scores[juniorIds.indexOf(j) * seniorIds.length + seniorIds.indexOf(s)]!;
    expect(at('j-2003', 's-1004')).toBeNaN();
    expect(at('j-2001', 's-1006')).toBeNaN();
    expect(at('j-2002', 's-1002')).toBeNaN();
    expect(at('j-2001', 's-1001')).toBeCloseTo(naiveScore(people.get('j-2001')!, people.get('s-1001')!, program), 12);
    for (const s of scores) if (!Number.isNaN(s)) expect(s).toBeGreaterThanOrEqual(program.constraints.minScore);
  });
});
