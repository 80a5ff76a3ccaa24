import { describe, expect, test } from 'vitest';
import { availability, crossSilo, openness, parseProgram, reciprocity, renderReason, skillGap, type CohortContext, type Participant } from '../../src/index';
import { participant } from '../helpers/people';

function context(program: unknown = {}): CohortContext {
  const p = parseProgram(program);
  return { program: p, juniors: [], seniors: [], byId: new Map(), skillsById: new Map(p.skills.map((s) => [s.id, s])), timezoneYear: 2026 };
}
const texts = (reasons: readonly Parameters<typeof renderReason>[0][], locale: 'en' | 'fr' = 'en') => reasons.map((r) => renderReason(r, locale));

const lea = participant('j-1', 'junior', {
  name: 'Léa',
  department: 'Marketing',
  site: 'Paris',
  skills: { 'ai-tools': 5, 'social-media': 4, strategy: 1 },
  wants: { strategy: 4, industry: 2 },
  availability: ['mon-am', 'tue-pm', 'wed-am'],
  openness: 4.5,
});
const marc = participant('s-1', 'senior', {
  name: 'Marc',
  department: 'Finance',
  site: 'Lyon',
  skills: { 'ai-tools': 1, 'social-media': 4, strategy: 5, industry: 3 },
  wants: { 'ai-tools': 4, 'social-media': 3 },
  availability: ['tue-pm', 'wed-am', 'fri-am'],
  openness: 3,
});

describe('skillGap', () => {
  const scorer = skillGap(context());
  test('gap times desire, normalised by the larger of the desires and 5', () => {
    // ai-tools: gap 4, want 4 -> 16; social-media: gap 0. wanted = 7 -> 16 / (5 * 7)
    expect(scorer.score(lea, marc)).toBeCloseTo(16 / 35, 12);
  });
  test('a single weak desire caps the score', () => {
    const s = participant('s-2', 'senior', { wants: { 'ai-tools': 1 } });
    const j = participant('j-2', 'junior', { skills: { 'ai-tools': 5 } });
    expect(scorer.score(j, s)).toBeCloseTo((5 * 1) / 25, 12);
  });
  test('full marks for a 5-vs-0 teacher on the only skill wanted at 5', () => {
    const s = participant('s-2', 'senior', { wants: { 'ai-tools': 5 } });
    const j = participant('j-2', 'junior', { skills: { 'ai-tools': 5 } });
    expect(scorer.score(j, s)).toBe(1);
  });
  test('senior-taught skills do not count, nor a senior who wants nothing', () => {
    expect(scorer.score(lea, participant('s-3', 'senior', { wants: { strategy: 5 } }))).toBe(0);
    expect(scorer.score(lea, participant('s-3', 'senior'))).toBe(0);
  });
  test('explains each skill taught, biggest first, in English and French', () => {
    expect(texts(scorer.explain(lea, marc))).toEqual(['Léa teaches Marc Generative AI tools: 5 vs 1, Marc wants it 4/5']);
    expect(texts(scorer.explain(lea, marc), 'fr')).toEqual(['Léa initie Marc à : Generative AI tools (5 contre 1, souhait de Marc 4/5)']);
    expect(texts(scorer.explain(lea, participant('s-3', 'senior')))).toEqual(['s-3 listed no digital or social skill to learn']);
    expect(texts(scorer.explain(participant('j-9', 'junior'), marc))).toEqual(['j-9 knows nothing better than Marc among what Marc wants to learn']);
  });
  test('follows the program taxonomy', () => {
    const custom = skillGap(context({ skills: [{ id: 'strategy', teacher: 'junior' }], weights: { skillGap: 1 } }));
    const j = participant('j-2', 'junior', { skills: { strategy: 5 } });
    const s = participant('s-2', 'senior', { wants: { strategy: 5 } });
    expect(custom.score(j, s)).toBe(1);
  });
});

describe('reciprocity', () => {
  const scorer = reciprocity(context());
  test('the same formula from senior to junior on senior-taught skills', () => {
    // strategy: gap 4, want 4 -> 16; industry: gap 3, want 2 -> 6; wanted 6 -> 22 / 30
    expect(scorer.score(lea, marc)).toBeCloseTo(22 / 30, 12);
    expect(texts(scorer.explain(lea, marc))).toEqual([
      'Marc teaches Léa Business strategy and decision making: 5 vs 1, Léa wants it 4/5',
      'Marc teaches Léa Industry and market knowledge: 3 vs 0, Léa wants it 2/5',
    ]);
  });
});

describe('crossSilo', () => {
  const scorer = crossSilo();
  test('half for departments, half for sites', () => {
    expect(scorer.score(lea, marc)).toBe(1);
    expect(scorer.score(lea, { ...marc, department: 'Marketing' } as Participant)).toBe(0.5);
    expect(scorer.score(lea, { ...marc, site: 'Paris' } as Participant)).toBe(0.5);
    const noSite = participant('s-4', 'senior', { department: 'Finance' });
    expect(scorer.score(lea, noSite)).toBe(0.5);
    expect(texts(scorer.explain(lea, noSite))).toEqual(['different departments: Marketing and Finance', 'site not given for s-4']);
    expect(texts(scorer.explain(lea, { ...marc, department: 'Marketing', site: 'Paris' } as Participant), 'fr')).toEqual([
      'même direction (Marketing)',
      'même site (Paris)',
    ]);
  });
});

describe('availability', () => {
  const scorer = availability();
  test('one common slot gives 0.5, two or more give 1, none or unknown 0', () => {
    expect(scorer.score(lea, marc)).toBe(1);
    expect(scorer.score(lea, participant('s-5', 'senior', { availability: ['mon-am', 'thu-am'] }))).toBe(0.5);
    expect(scorer.score(lea, participant('s-5', 'senior', { availability: ['thu-am'] }))).toBe(0);
    expect(scorer.score(lea, participant('s-5', 'senior'))).toBe(0);
    expect(scorer.score(participant('j-5', 'junior', { availability: ['a', 'a'] }), participant('s-5', 'senior', { availability: ['a'] }))).toBe(0.5);
    expect(texts(scorer.explain(lea, marc))).toEqual(['2 common slots: tue-pm, wed-am']);
    expect(texts(scorer.explain(lea, participant('s-5', 'senior')))).toEqual(['availability not given for s-5']);
  });
});

describe('openness', () => {
  const scorer = openness();
  test('mean of both sides on 0..5, a missing answer counts 2.5', () => {
    expect(scorer.score(lea, marc)).toBeCloseTo(0.75, 12);
    expect(scorer.score(lea, participant('s-6', 'senior'))).toBeCloseTo(0.7, 12);
    expect(texts(scorer.explain(lea, participant('s-6', 'senior')))).toEqual([
      'openness not given for s-6, counted as 2.5/5',
      'openness 4.5/5 (Léa) and 2.5/5 (s-6)',
    ]);
    expect(texts(scorer.explain(lea, marc), 'fr')).toEqual(['ouverture 4,5/5 (Léa) et 3/5 (Marc)']);
  });
});

describe('every built-in stays in [0, 1]', () => {
  test('at the extremes', () => {
    const max = participant('j-m', 'junior', {
      department: 'A',
      site: 'X',
      skills: Object.fromEntries(context().program.skills.map((s) => [s.id, 5])),
      wants: Object.fromEntries(context().program.skills.map((s) => [s.id, 5])),
      availability: ['a', 'b', 'c'],
      openness: 5,
    });
    const min = participant('s-m', 'senior', {
      department: 'B',
      site: 'Y',
      skills: {},
      wants: Object.fromEntries(context().program.skills.map((s) => [s.id, 5])),
      availability: ['a', 'b', 'c'],
      openness: 5,
    });
    for (const scorer of [skillGap(context()), reciprocity(context()), crossSilo(), availability(), openness()]) {
      for (const [j, s] of [[max, min], [min, max], [max, max]] as const) {
        const value = scorer.score(j as Participant, s as Participant);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
    expect(skillGap(context()).score(max, min)).toBe(1);
  });
});
