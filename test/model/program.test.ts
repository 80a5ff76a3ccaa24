import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ValidationError, defaultProgram, defaultSkills, defaultWeights, jsonSchema, parseProgram } from '../../src/index';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

function messageOf(input: unknown): string {
  try {
    parseProgram(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError');
}

describe('parseProgram', () => {
  test('{} is valid and gets every default', () => {
    const program = parseProgram({});
    expect(program.skills).toEqual(defaultSkills);
    expect(program.weights).toEqual(defaultWeights);
    expect(program.constraints).toEqual({
      volunteersOnly: true,
      notInReportingLine: true,
      differentDepartment: false,
      sharedLanguage: true,
      minAvailabilityOverlap: 0,
      avoidPastPartners: true,
      minScore: 0,
      forbiddenPairs: [],
      lockedPairs: [],
    });
    expect(program.quotas).toEqual([]);
    expect(program.capacity).toEqual({ junior: 1, senior: 1 });
    expect(program.objective).toBe('maxPairsThenScore');
    expect(defaultProgram).toEqual(program);
  });

  test('the shared sample validates, quotas included', () => {
    const program = parseProgram(fixture('program.sample.json'));
    expect(program.quotas.map((q) => q.kind)).toEqual(['minShare', 'mustMatch']);
    expect(program.constraints.maxTimezoneGapHours).toBe(6);
    expect(program.skills).toHaveLength(12);
  });

  test('partial sections are completed', () => {
    const program = parseProgram({ constraints: { minScore: 20 }, capacity: { junior: 2 } });
    expect(program.constraints.minScore).toBe(20);
    expect(program.constraints.volunteersOnly).toBe(true);
    expect(program.capacity).toEqual({ junior: 2, senior: 1 });
  });

  test.each([
    [{ weights: { reciprocity: -1 } }, 'program.weights.reciprocity: must be >= 0, got -1'],
    [{ weights: { skillGap: 0 } }, 'program.weights: at least one weight must be positive, got {"skillGap":0}'],
    [{ objective: 'fastest' }, 'program.objective: must be one of "maxScore", "maxPairsThenScore", "maximin", got "fastest"'],
    [{ constraints: { minScore: 120 } }, 'program.constraints.minScore: must be <= 100, got 120'],
    [{ constraints: { maxTimezoneGapHours: -2 } }, 'program.constraints.maxTimezoneGapHours: must be >= 0, got -2'],
    [{ constraints: { minAvailabilityOverlap: 1.5 } }, 'program.constraints.minAvailabilityOverlap: must be an integer (got number), got 1.5'],
    [{ constraints: { lockedPairs: [{ juniorId: 'a' }] } }, 'program.constraints.lockedPairs[0].seniorId: is required'],
    [{ constraints: { sharedLangage: true } }, 'program.constraints.sharedLangage: unknown field (did you mean "sharedLanguage"?)'],
    [{ capacity: { junior: 0 } }, 'program.capacity.junior: must be >= 1, got 0'],
    [{ skills: [{ id: 'x', teacher: 'both' }] }, 'program.skills[0].teacher: must be one of "junior", "senior", got "both"'],
    [{ skills: [{ id: 'x', teacher: 'junior' }, { id: 'x', teacher: 'senior' }] }, 'program.skills[1].id: duplicate skill id, got "x"'],
    [{ skills: [{ id: 'constructor', teacher: 'junior' }] }, 'program.skills[0].id: reserved name, choose another skill id, got "constructor"'],
    [{ wieghts: {} }, 'program.wieghts: unknown field (did you mean "weights"?)'],
    [{ quotas: [{ id: 'q', kind: 'minShare', where: 'differentSite', share: 1.5 }] }, 'program.quotas[0].share: must be <= 1, got 1.5'],
    [{ quotas: [{ id: 'q', kind: 'mustMatch' }] }, 'program.quotas[0]: mustMatch needs exactly one of "tag" or "ids"'],
    [{ quotas: [{ id: 'q', kind: 'mustMatch', tag: 'a' }, { id: 'q', kind: 'mustMatch', tag: 'b' }] }, 'program.quotas[1].id: duplicate quota id, got "q"'],
    [{ quotas: [{ id: 'q', kind: 'atLeast' }] }, 'program.quotas[0].kind: must be one of'],
  ])('%j is refused with its path', (input, message) => {
    expect(messageOf(input)).toContain(message);
  });

  test('every quota kind of the formats README validates', () => {
    const program = parseProgram({
      quotas: [
        { id: 'a', kind: 'minShare', of: 'pairs', where: 'differentSite', share: 0.3 },
        { id: 'b', kind: 'maxShare', where: { side: 'junior', attribute: 'gender', equals: 'F' }, share: 0.7 },
        { id: 'c', kind: 'minPairs', per: { side: 'senior', field: 'department' }, count: 2 },
        { id: 'd', kind: 'maxPairs', per: { side: 'junior', attribute: 'band' }, count: 6 },
        { id: 'e', kind: 'mustMatch', ids: ['s-1'] },
      ],
      objective: 'maximin',
    });
    expect(program.quotas).toHaveLength(5);
  });

  test('the input is never mutated', () => {
    const raw = { constraints: { minScore: 5 } };
    parseProgram(raw);
    expect(raw).toEqual({ constraints: { minScore: 5 } });
  });
});

describe('jsonSchema', () => {
  test('describes each input document', () => {
    const participant = jsonSchema('participant');
    expect(participant.type).toBe('object');
    expect(participant.required).toEqual(['id', 'role', 'volunteer', 'department', 'skills', 'wants']);
    expect(participant.additionalProperties).toBe(false);
    const program = jsonSchema('program') as { properties: Record<string, unknown> };
    expect(Object.keys(program.properties)).toEqual(['name', 'skills', 'weights', 'constraints', 'quotas', 'capacity', 'objective', 'goals']);
    expect(JSON.stringify(jsonSchema('history'))).toContain('"cohorts"');
    expect(JSON.stringify(jsonSchema('participants'))).toContain('anyOf');
    expect(JSON.stringify(jsonSchema('result'))).toContain('"unmatched"');
  });
});

describe('defaultProgram', () => {
  test('is deeply frozen, and a program built from it by spreading works', () => {
    expect(Object.isFrozen(defaultProgram)).toBe(true);
    expect(Object.isFrozen(defaultProgram.constraints.lockedPairs)).toBe(true);
    expect(Object.isFrozen(defaultProgram.skills[0])).toBe(true);
    expect(parseProgram({ ...defaultProgram, objective: 'maxScore' }).objective).toBe('maxScore');
  });
});

describe('reserved keys in programs and histories', () => {
  test('are reported with their path', () => {
    expect(messageOf(JSON.parse('{"weights":{"__proto__":1,"skillGap":1}}'))).toBe('program.weights.__proto__: reserved key "__proto__" is not allowed');
  });
});
