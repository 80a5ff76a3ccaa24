import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  ValidationError,
  builtinScorerIds,
  defaultWeights,
  defineScorer,
  match,
  parseParticipants,
  parseProgram,
  presetByName,
  presetNames,
  presets,
  withPreset,
  type ProgramInput,
} from '../../src/index';
import { servedGoals } from '../../src/explain/pairs';
import { assertValidResult, checkQuotas } from '../helpers/check-result';
import { person } from '../helpers/people';

const participants: unknown = JSON.parse(readFileSync(new URL('../fixtures/participants.sample.json', import.meta.url), 'utf8'));

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError');
}

describe('presets', () => {
  test('are the four documented programmes, deeply frozen', () => {
    expect(presetNames).toEqual(['digitalTransformation', 'diversityInclusion', 'shadowComex', 'reciprocalExchange']);
    expect(Object.isFrozen(presets)).toBe(true);
    for (const name of presetNames) {
      const preset = presets[name];
      expect(Object.isFrozen(preset), name).toBe(true);
      expect(Object.isFrozen(preset.weights), name).toBe(true);
      expect(Object.isFrozen(preset.goals), name).toBe(true);
      expect(Object.isFrozen(preset.goals?.[0]), name).toBe(true);
    }
  });

  test.each(presetNames)('%s parses, names only built-in scorers, and has goals', (name) => {
    const program = parseProgram(presets[name]);
    expect(Object.keys(program.weights).every((id) => builtinScorerIds.includes(id))).toBe(true);
    expect(program.goals.length).toBeGreaterThan(0);
    for (const goal of program.goals) for (const id of goal.scorers ?? []) expect(builtinScorerIds).toContain(id);
    expect(program.constraints.volunteersOnly).toBe(true);
    expect(program.constraints.notInReportingLine).toBe(true);
  });

  test.each(presetNames)('%s matches the sample cohort within its rules and quotas', (name) => {
    const input = { participants, program: presets[name] };
    const result = match(input);
    expect(result.status).not.toBe('infeasible');
    expect(result.pairs.length).toBeGreaterThan(0);
    assertValidResult(result, input);
    const program = parseProgram(presets[name]);
    checkQuotas(result, parseParticipants(participants, { skills: program.skills }), program);
  });

  test('the specifics of each preset', () => {
    const weights = (name: keyof typeof presets) => parseProgram(presets[name]).weights;
    const top = (w: Record<string, number>) => Object.entries(w).sort((a, b) => b[1] - a[1])[0]![0];
    expect(top(weights('digitalTransformation'))).toBe('skillGap');
    expect(weights('diversityInclusion').crossSilo).toBeGreaterThan(defaultWeights.crossSilo!);
    expect(parseProgram(presets.diversityInclusion).quotas).toEqual([
      { id: 'cross-department', kind: 'minShare', of: 'pairs', where: 'differentDepartment', share: 0.5 },
    ]);
    expect(weights('reciprocalExchange').skillGap).toBe(weights('reciprocalExchange').reciprocity);
    const comex = parseProgram(presets.shadowComex);
    expect(comex.quotas).toEqual([{ id: 'comex-all-matched', kind: 'mustMatch', tag: 'comex' }]);
    expect(comex.capacity).toEqual({ junior: 1, senior: 1 });
    expect(comex.objective).toBe('maxPairsThenScore');
    expect(comex.goals.find((g) => g.tag === 'comex')?.label).toBe('Executive committee mentoring');
    // The sample's executive (s-1001, tagged comex) gets a partner.
    expect(match({ participants, program: presets.shadowComex }).pairs.some((p) => p.seniorId === 's-1001')).toBe(true);
  });
});

describe('presetByName', () => {
  test('takes the name as listed or in kebab case', () => {
    expect(presetByName('shadowComex')).toBe(presets.shadowComex);
    expect(presetByName('shadow-comex')).toBe(presets.shadowComex);
    expect(presetByName('digital-transformation')).toBe(presets.digitalTransformation);
    for (const name of presetNames) expect(presetByName(name)).toBe(presets[name]);
  });

  test('names an unknown preset, the known ones and the closest', () => {
    expect(errorOf(() => presetByName('shadowComx'))).toBe(
      'preset: unknown preset (known: digitalTransformation, diversityInclusion, shadowComex, reciprocalExchange; did you mean "shadowComex"?), got "shadowComx"',
    );
    expect(errorOf(() => presetByName('diversity'))).toBe(
      'preset: unknown preset (known: digitalTransformation, diversityInclusion, shadowComex, reciprocalExchange), got "diversity"',
    );
    expect(errorOf(() => presetByName('constructor'))).toContain('preset: unknown preset');
  });
});

describe('withPreset', () => {
  test('merges weights key by key; a weight of 0 switches a scorer off', () => {
    const program = withPreset(presets.digitalTransformation, { weights: { availability: 0, crossSilo: 0.3 } });
    expect(program.weights).toEqual({ skillGap: 0.6, reciprocity: 0.1, crossSilo: 0.3, availability: 0, openness: 0.1 });
    const result = match({ participants, program });
    expect(result.pairs.length).toBeGreaterThan(0);
    for (const pair of result.pairs) expect(pair.contributions.map((c) => c.scorer)).toEqual(['skillGap', 'reciprocity', 'crossSilo', 'openness']);
    // A preset without weights: the override merges into the default weights.
    expect(withPreset({ name: 'bare' }, { weights: { openness: 0 } }).weights).toEqual({ ...defaultWeights, openness: 0 });
  });

  test('merges constraints and capacity key by key', () => {
    const program = withPreset(presets.shadowComex, { constraints: { maxTimezoneGapHours: 6, volunteersOnly: false }, capacity: { senior: 2 } });
    expect(program.constraints).toEqual({ volunteersOnly: false, notInReportingLine: true, maxTimezoneGapHours: 6 });
    expect(program.capacity).toEqual({ junior: 1, senior: 2 });
    expect(program.quotas).toEqual(presets.shadowComex.quotas);
    expect(program.goals).toEqual(presets.shadowComex.goals);
  });

  test('replaces lists whole, and scalars', () => {
    const base: ProgramInput = {
      ...presets.diversityInclusion,
      constraints: { forbiddenPairs: [{ juniorId: 'j-1', seniorId: 's-1' }], minScore: 5 },
    };
    const goals = [{ id: 'mine', label: 'Mon objectif', tag: 'hipo' }];
    const program = withPreset(base, {
      name: 'Mine',
      objective: 'maximin',
      quotas: [],
      goals,
      skills: [{ id: 'no-code', label: 'No-code tools', domain: 'digital-tools', teacher: 'junior' }],
      constraints: { forbiddenPairs: [{ juniorId: 'j-2', seniorId: 's-2' }] },
    });
    expect(program.name).toBe('Mine');
    expect(program.objective).toBe('maximin');
    expect(program.quotas).toEqual([]);
    expect(program.goals).toEqual(goals);
    expect(program.goals).not.toBe(goals);
    expect(program.skills).toHaveLength(1);
    expect(program.constraints).toEqual({ forbiddenPairs: [{ juniorId: 'j-2', seniorId: 's-2' }], minScore: 5 });
    expect(program.weights).toEqual(presets.diversityInclusion.weights);
  });

  test('an undefined field is not given', () => {
    const program = withPreset(presets.shadowComex, { objective: undefined, constraints: { minScore: undefined } } as ProgramInput);
    expect(program.objective).toBe('maxPairsThenScore');
    expect(program.constraints).toEqual(presets.shadowComex.constraints);
    expect(withPreset(presets.reciprocalExchange)).toEqual(presets.reciprocalExchange);
  });

  test('never mutates its inputs, and shares nothing with them', () => {
    const preset = structuredClone(presets.shadowComex) as ProgramInput;
    const overrides: ProgramInput = { weights: { openness: 0.3 }, constraints: { minScore: 10 }, goals: [{ id: 'g', label: 'G', tag: 'comex' }] };
    const before = structuredClone({ preset, overrides });
    const program = withPreset(preset, overrides);
    expect({ preset, overrides }).toEqual(before);
    expect(Object.isFrozen(program)).toBe(false);
    (program.quotas as unknown[]).push({ id: 'x', kind: 'mustMatch', tag: 'x' });
    (program.goals![0] as { label: string }).label = 'changed';
    (program.weights as Record<string, number>).skillGap = 1;
    expect({ preset, overrides }).toEqual(before);
    // Frozen presets work too, and stay as they were.
    const fromFrozen = withPreset(presets.shadowComex, {});
    (fromFrozen.capacity as { senior: number }).senior = 3;
    expect(presets.shadowComex.capacity).toEqual({ junior: 1, senior: 1 });
  });

  test('the result is validated by parseProgram like any program', () => {
    expect(errorOf(() => parseProgram(withPreset(presets.shadowComex, { weights: { skillGap: -1 } })))).toBe(
      'program.weights.skillGap: must be >= 0, got -1',
    );
  });
});

describe('goals', () => {
  // j-1 teaches s-1 (an executive) what s-1 wants; j-2 and s-2 have nothing to exchange.
  const cohort = [
    person('j-1', 'junior', { name: 'Léa', department: 'Marketing', skills: { 'ai-tools': 5 } }),
    person('j-2', 'junior', { name: 'Hugo', department: 'IT' }),
    person('s-1', 'senior', { name: 'Catherine', department: 'Finance', tags: ['comex'], skills: { 'ai-tools': 0 }, wants: { 'ai-tools': 5 } }),
    person('s-2', 'senior', { name: 'Paul', department: 'IT' }),
  ];
  const forbidden = [
    { juniorId: 'j-1', seniorId: 's-2' },
    { juniorId: 'j-2', seniorId: 's-1' },
  ];
  const goals = [
    { id: 'digital', label: 'Digital upskilling of leaders', scorers: ['skillGap'] },
    { id: 'comex', label: 'Executive committee mentoring', tag: 'comex' },
  ];
  const program: ProgramInput = { constraints: { forbiddenPairs: forbidden }, goals };

  test('a pair serving goals says which, in English and French', () => {
    const en = match({ participants: cohort, program });
    const fr = match({ participants: cohort, program }, { locale: 'fr' });
    const pair = en.pairs.find((p) => p.juniorId === 'j-1')!;
    const skillGap = pair.contributions.find((c) => c.scorer === 'skillGap')!;
    expect(skillGap.points / pair.score).toBeGreaterThanOrEqual(0.25);
    expect(pair.explanation).toMatchInlineSnapshot(
      `"Léa and Catherine: 57.5 points. Léa teaches Catherine Generative AI tools: 5 vs 0, Catherine wants it 5/5. Catherine is Léa's choice no. 1 of 1 eligible; Léa is Catherine's no. 1 of 1. Serves the programme's goals: "Digital upskilling of leaders" and "Executive committee mentoring"."`,
    );
    expect(fr.pairs.find((p) => p.juniorId === 'j-1')!.explanation).toMatchInlineSnapshot(
      `"Léa et Catherine : 57,5 points. Léa initie Catherine à : Generative AI tools (5 contre 0, souhait de Catherine 5/5). Catherine est le choix n° 1 de Léa sur 1 possibles ; Léa est le n° 1 de Catherine sur 1. Sert les objectifs du programme : « Digital upskilling of leaders » et « Executive committee mentoring »."`,
    );
  });

  test('a pair serving no goal has no such sentence', () => {
    for (const locale of ['en', 'fr'] as const) {
      const pair = match({ participants: cohort, program }, { locale }).pairs.find((p) => p.juniorId === 'j-2')!;
      expect(pair.explanation).not.toMatch(/Serves|Sert /);
    }
  });

  test('a tag goal is served when either side carries the tag; one goal reads in the singular', () => {
    const tagged = cohort.map((p) => (p.id === 'j-2' ? { ...p, tags: ['comex'] } : p));
    const onlyTag: ProgramInput = { ...program, goals: [goals[1]!] };
    const en = match({ participants: tagged, program: onlyTag });
    const fr = match({ participants: tagged, program: onlyTag }, { locale: 'fr' });
    expect(en.pairs.find((p) => p.juniorId === 'j-2')!.explanation).toMatch(/ Serves the programme's goal: "Executive committee mentoring"\.$/);
    expect(fr.pairs.find((p) => p.juniorId === 'j-2')!.explanation).toMatch(/ Sert l'objectif du programme : « Executive committee mentoring »\.$/);
    expect(en.pairs.find((p) => p.juniorId === 'j-1')!.explanation).toContain(`Serves the programme's goal: "Executive committee mentoring".`);
  });

  test('the goals sentence comes right after the ranks', () => {
    const text = match({ participants: cohort, program }).pairs[0]!.explanation;
    expect(text.indexOf('Serves')).toBeGreaterThan(text.indexOf("Léa is Catherine's no. 1"));
  });

  test('without goals, explanations are unchanged', () => {
    const withGoals = match({ participants: cohort, program }).pairs;
    const without = match({ participants: cohort, program: { constraints: { forbiddenPairs: forbidden } } }).pairs;
    expect(without.map((p) => p.explanation)).toEqual(withGoals.map((p) => p.explanation.replace(/ Serves the programme's goals?: .*$/, '')));
    expect(without[0]!.explanation.endsWith("Léa is Catherine's no. 1 of 1.")).toBe(true);
  });

  test('a scorer serves a goal from a quarter of the points', () => {
    const j = parseParticipants([person('j', 'junior')])[0]!;
    const s = parseParticipants([person('s', 'senior', { tags: ['x'] })])[0]!;
    const goal = { id: 'g', label: 'G', scorers: ['skillGap', 'crossSilo'] };
    const served = (points: number, score = 100) => servedGoals([goal], j, s, [{ scorer: 'crossSilo', points }], score).length === 1;
    expect(served(25)).toBe(true);
    expect(served(24.9)).toBe(false);
    expect(served(0, 0)).toBe(false);
    expect(servedGoals([{ id: 't', label: 'T', tag: 'x' }], j, s, [], 0)).toHaveLength(1);
    expect(servedGoals([{ id: 't', label: 'T', tag: 'y' }], j, s, [], 0)).toHaveLength(0);
  });

  test('a goal can name a custom scorer', () => {
    const seniority = defineScorer({ id: 'seniority', score: () => 1, explain: () => [{ text: 'seniority' }] });
    const result = match(
      { participants: cohort, program: { weights: { skillGap: 0.5, seniority: 0.5 }, constraints: { forbiddenPairs: forbidden }, goals: [{ id: 's', label: 'Seniority', scorers: ['seniority'] }] } },
      { scorers: [seniority] },
    );
    expect(result.pairs.every((p) => p.explanation.includes('Serves the programme\'s goal: "Seniority".'))).toBe(true);
  });

  test.each([
    [{ goals: [{ id: 'g', label: 'G' }] }, 'program.goals[0]: a goal needs "scorers" or "tag" (or both)'],
    [{ goals: [{ id: 'g', label: 'G', scorers: [] }] }, 'program.goals[0]: a goal needs "scorers" or "tag" (or both)'],
    [
      { goals: [{ id: 'g', label: 'G', tag: 'a' }, { id: 'g', label: 'H', tag: 'b' }] },
      'program.goals[1].id: duplicate goal id, got "g"',
    ],
    [{ goals: [{ id: 'g', label: 'G', scorer: ['skillGap'] }] }, 'program.goals[0].scorer: unknown field (did you mean "scorers"?)'],
    [{ goals: [{ id: 'g', label: '', tag: 'a' }] }, 'program.goals[0].label: must not be empty, got ""'],
  ])('%j is refused with its path', (input, message) => {
    expect(errorOf(() => parseProgram(input))).toBe(message);
  });

  test('an unknown scorer id in a goal is reported like an unknown weight key', () => {
    const input = { participants: cohort, program: { goals: [{ id: 'g', label: 'G', scorers: ['crossSilo', 'skilGap'] }] } };
    expect(errorOf(() => match(input))).toBe(
      'program.goals[0].scorers[1]: no scorer with this id (known: skillGap, reciprocity, crossSilo, availability, openness; did you mean "skillGap"?), got "skilGap"',
    );
    const both = { participants: cohort, program: { weights: { skillGap: 1, opennes: 1 }, goals: [{ id: 'g', label: 'G', scorers: ['nope'] }] } };
    expect(errorOf(() => match(both))).toBe(
      [
        'program.weights.opennes: no scorer with this id (known: skillGap, reciprocity, crossSilo, availability, openness; did you mean "openness"?)',
        'program.goals[0].scorers[0]: no scorer with this id (known: skillGap, reciprocity, crossSilo, availability, openness), got "nope"',
      ].join('\n'),
    );
  });
});
