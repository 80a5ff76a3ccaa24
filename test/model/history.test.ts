import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ValidationError, parseHistory } from '../../src/index';
import { person } from '../helpers/people';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

function messageOf(input: unknown): string {
  try {
    parseHistory(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError');
}

const cohort = (extra: Record<string, unknown> = {}) => ({
  id: 'c-1',
  participants: [person('j-1', 'junior'), person('s-1', 'senior')],
  pairs: [{ juniorId: 'j-1', seniorId: 's-1', outcome: { satisfaction: 4.5, completed: true, sessions: 9 } }],
  ...extra,
});

describe('parseHistory', () => {
  test('the shared sample validates', () => {
    const history = parseHistory(fixture('history.sample.json'));
    expect(history.cohorts.length).toBeGreaterThan(0);
    expect(history.cohorts[0]!.pairs.length).toBeGreaterThan(0);
  });

  test('outcome fields are optional, null means absent', () => {
    const history = parseHistory({
      cohorts: [cohort({ pairs: [{ juniorId: 'j-1', seniorId: 's-1', outcome: { satisfaction: null, completed: false } }] })],
    });
    expect(history.cohorts[0]!.pairs[0]!.outcome).toEqual({ completed: false });
    expect(parseHistory({ cohorts: [cohort({ pairs: [{ juniorId: 'j-1', seniorId: 's-1' }] })] }).cohorts[0]!.pairs[0]!.outcome).toEqual({});
  });

  test('a cohort with no pairs is valid', () => {
    expect(parseHistory({ cohorts: [cohort({ pairs: [] })] }).cohorts[0]!.pairs).toEqual([]);
  });

  test.each([
    [{ cohorts: [cohort({ pairs: [{ juniorId: 'j-1', seniorId: 's-9' }] })] }, 'cohorts[0].pairs[0].seniorId: no senior with this id in cohort "c-1", got "s-9"'],
    [{ cohorts: [cohort({ pairs: [{ juniorId: 's-1', seniorId: 's-1' }] })] }, 'cohorts[0].pairs[0].juniorId: "s-1" is a senior, not a junior, got "s-1"'],
    [{ cohorts: [cohort({ pairs: [{ juniorId: 'j-1', seniorId: 's-1', outcome: { satisfaction: 7 } }] })] }, 'cohorts[0].pairs[0].outcome.satisfaction: must be <= 5, got 7'],
    [{ cohorts: [cohort({ pairs: [{ juniorId: 'j-1', seniorId: 's-1', outcome: { sessions: -1 } }] })] }, 'cohorts[0].pairs[0].outcome.sessions: must be >= 0, got -1'],
    [{ cohorts: [cohort(), cohort()] }, 'cohorts[1].id: duplicate cohort id (first at cohorts[0]), got "c-1"'],
    [{ cohorts: [cohort({ participants: [person('j-1', 'junior', { skills: { 'ai-tools': 8 } }), person('s-1', 'senior')] })] }, 'cohorts[0].participants[0].skills.ai-tools: level must be 0..5, got 8'],
    [{ cohorts: [cohort({ pairs: [{ juniorId: 'j-1', seniorId: 's-1' }, { juniorId: 'j-1', seniorId: 's-1' }] })] }, 'cohorts[0].pairs[1]: duplicate pair in the cohort'],
    [{ cohorts: {} }, 'cohorts: must be an array (got object)'],
    [{ cohort: [] }, 'cohort: unknown field'],
  ])('%# names the cohort, the record and the field', (input, message) => {
    expect(messageOf(input)).toContain(message);
  });
});

test('a "__proto__" key in an outcome is reported', () => {
  const doc = JSON.parse(JSON.stringify({ cohorts: [cohort()] }).replace('"sessions":9', '"sessions":9,"__proto__":{"x":1}')) as unknown;
  expect(messageOf(doc)).toBe('cohorts[0].pairs[0].outcome.__proto__: reserved key "__proto__" is not allowed');
});
