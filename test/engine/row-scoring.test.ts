/**
 * The typed-column scoring loop against the object interface: for random cohorts and programs,
 * every pair gets the same score (bit for bit) or the same refusal from `makeScoreRow` as from
 * `makeEligibleScore`, with built-in and custom plug-ins mixed.
 */
import { describe, expect, test } from 'vitest';
import { defineConstraint, defineScorer, defaultSkills, type MatchOptions } from '../../src/index';
import { makeEligibleScore } from '../../src/engine/pair-scoring';
import { prepare } from '../../src/engine/prepare';
import { makeScoreRow } from '../../src/engine/row-scoring';
import { compileColumns } from '../../src/model/columns';
import { randomCohort } from '../helpers/cohort';
import { chance, int, pick, rng, type Rng } from '../helpers/random';

const languagePool = ['fr', 'fr-CA', 'EN', 'en-GB', 'de', 'es', 'ar', 'zh-Hant'];
const manyLanguages = Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26)) + 'x');
const manySlots = Array.from({ length: 40 }, (_, i) => `slot-${i}`);

/** A random cohort with the extra variety the typed columns must get right. */
function cohort(rand: Rng, wide: boolean): Record<string, unknown>[] {
  const people = randomCohort(rand, { juniors: int(rand, 0, 12), seniors: int(rand, 0, 12), ties: chance(rand, 0.5) });
  const ids = people.map((p) => p.id as string);
  for (const p of people) {
    if (chance(rand, 0.5)) p.languages = Array.from({ length: int(rand, 0, 3) }, () => pick(rand, wide ? manyLanguages : languagePool));
    if (wide && chance(rand, 0.6)) p.availability = Array.from({ length: int(rand, 0, 6) }, () => pick(rand, manySlots));
    if (chance(rand, 0.3)) p.pastPartners = Array.from({ length: int(rand, 1, 3) }, () => pick(rand, ids));
  }
  return people;
}

/** A random program switching every built-in rule and weight on or off. */
function program(rand: Rng, people: readonly Record<string, unknown>[]): Record<string, unknown> {
  const juniors = people.filter((p) => p.role === 'junior').map((p) => p.id as string);
  const seniors = people.filter((p) => p.role === 'senior').map((p) => p.id as string);
  const forbiddenPairs =
    juniors.length > 0 && seniors.length > 0 && chance(rand, 0.4)
      ? Array.from({ length: int(rand, 1, 4) }, () => ({ juniorId: pick(rand, juniors), seniorId: pick(rand, seniors) }))
      : [];
  const weight = () => (chance(rand, 0.2) ? 0 : int(rand, 1, 10) / 10);
  return {
    weights: { skillGap: weight(), reciprocity: weight(), crossSilo: weight(), availability: weight(), openness: 0.05 + weight() },
    constraints: {
      volunteersOnly: chance(rand, 0.5),
      notInReportingLine: chance(rand, 0.6),
      differentDepartment: chance(rand, 0.3),
      sharedLanguage: chance(rand, 0.6),
      ...(chance(rand, 0.5) ? { maxTimezoneGapHours: pick(rand, [0, 1, 3, 6, 9]) } : {}),
      minAvailabilityOverlap: pick(rand, [0, 0, 1, 2]),
      avoidPastPartners: chance(rand, 0.6),
      minScore: pick(rand, [0, 0, 10, 25, 40]),
      forbiddenPairs,
    },
  };
}

/** Custom plug-ins, sometimes: they must run through their object interface, in order. */
function plugins(rand: Rng): { options: MatchOptions; weights: Record<string, number> } {
  if (!chance(rand, 0.4)) return { options: {}, weights: {} };
  return {
    options: {
      scorers: [defineScorer({ id: 'tenure', score: (j, s) => ((j.id.length + s.id.charCodeAt(2)) % 7) / 6, explain: () => [] })],
      constraints: [defineConstraint({ id: 'oddEven', allows: (j, s) => (j.id.charCodeAt(3) + s.id.charCodeAt(3)) % 3 !== 0, why: (j, s) => ({ messageId: 'constraint.forbiddenPairs', params: { junior: j.id, senior: s.id } }) })],
    },
    weights: { tenure: 0.3 },
  };
}

describe('typed-column scoring equals the object interface', () => {
  test.each([
    ['usual cohorts', false, 11],
    ['over 32 languages and slots', true, 12],
  ])('%s: same score or refusal on every pair of 400 random cohorts', (_, wide, seed) => {
    const rand = rng(seed);
    let pairs = 0;
    let eligible = 0;
    for (let t = 0; t < 400; t++) {
      const participants = cohort(rand, wide);
      const base = program(rand, participants);
      const extra = plugins(rand);
      const input = { participants, program: { ...base, weights: { ...(base.weights as object), ...extra.weights } } };
      const prepared = prepare(input, extra.options);
      const { juniors, seniors } = prepared.context;
      const eligibleScore = makeEligibleScore(prepared);
      const scoreRow = makeScoreRow(prepared, juniors, seniors);
      const candidates = new Int32Array(seniors.length);
      const total = new Float64Array(seniors.length);
      for (let r = 0; r < juniors.length; r++) {
        const count = scoreRow(r, candidates, total);
        const typed = new Map<number, number>();
        for (let i = 0; i < count; i++) {
          if (i > 0) expect(candidates[i]!).toBeGreaterThan(candidates[i - 1]!);
          typed.set(candidates[i]!, total[i]!);
        }
        for (let c = 0; c < seniors.length; c++) {
          const expected = eligibleScore(juniors[r]!, seniors[c]!);
          const got = typed.get(c) ?? Number.NaN;
          if (!Object.is(got, expected)) {
            throw new Error(`trial ${t}: ${juniors[r]!.id} x ${seniors[c]!.id}: typed ${got}, object ${expected}`);
          }
          pairs++;
          if (!Number.isNaN(expected)) eligible++;
        }
      }
    }
    // Both outcomes must be well represented for the comparison to mean something.
    expect(pairs).toBeGreaterThan(10_000);
    expect(eligible).toBeGreaterThan(pairs / 10);
    expect(eligible).toBeLessThan(pairs * 0.9);
  });
});

describe('compileColumns', () => {
  const skills = defaultSkills;
  const person = (id: string, extra: Record<string, unknown> = {}) =>
    ({ id, role: 'junior', volunteer: true, department: 'IT', skills: {}, wants: {}, ...extra }) as never;

  test('integer levels go in a Float32Array, fractional ones keep doubles', () => {
    const integer = compileColumns([person('a', { skills: { 'ai-tools': 4 } })], [], [], skills, 2027);
    expect(integer.juniors.skills).toBeInstanceOf(Float32Array);
    const fractional = compileColumns([person('a', { skills: { 'ai-tools': 3.7 } })], [], [], skills, 2027);
    expect(fractional.juniors.skills).toBeInstanceOf(Float64Array);
    expect(fractional.juniors.skills[skills.findIndex((s) => s.id === 'ai-tools')]).toBe(3.7);
  });

  test('the management tree becomes nested intervals, through people who are not matchable', () => {
    // ceo > vp > (lead > dev), (ops); vp is on neither side.
    const ceo = person('ceo');
    const vp = person('vp', { managerId: 'ceo' });
    const lead = person('lead', { managerId: 'vp' });
    const dev = person('dev', { managerId: 'lead' });
    const ops = person('ops', { managerId: 'vp' });
    const c = compileColumns([ceo, lead, dev, ops], [], [ceo, vp, lead, dev, ops], skills, 2027);
    const { enter, exit } = c.juniors;
    const above = (a: number, b: number) => enter[a]! < enter[b]! && exit[b]! <= exit[a]!;
    expect(above(0, 2)).toBe(true); // ceo above dev
    expect(above(1, 2)).toBe(true); // lead above dev
    expect(above(1, 3)).toBe(false); // lead, ops: siblings' branches
    expect(above(2, 1)).toBe(false);
    expect(above(3, 3)).toBe(false);
  });

  test('a chain 100,000 deep does not overflow the stack', () => {
    const n = 100_000;
    const people = Array.from({ length: n }, (_, i) => person(`p${i}`, i === 0 ? {} : { managerId: `p${i - 1}` }));
    const c = compileColumns([people[n - 1]!], [people[0]!], people, skills, 2027);
    expect(c.seniors.enter[0]).toBe(0);
    expect(c.juniors.enter[0]).toBe(n - 1);
    expect(c.juniors.exit[0]!).toBeLessThanOrEqual(c.seniors.exit[0]!);
  });
});
