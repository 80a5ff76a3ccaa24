import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect, test } from 'vitest';
import { parseProgram } from '../../src/model/program';
import {
  RUNS,
  anything,
  check,
  corpusAtEveryPath,
  count,
  fixtureJson,
  fixtureText,
  jsonText,
  mutate,
  mutateText,
  mutations,
  parseOptions,
  reportTally,
  textMutations,
} from './fuzz-helpers';

const sample = fixtureJson('program.sample.json');
const sampleText = fixtureText('program.sample.json');

afterAll(reportTally);

describe('fuzz parseProgram', () => {
  test('the sample passes', () => {
    expect(check(() => parseProgram(sample)).ok).toBe(true);
  });

  it.prop([anything], { numRuns: RUNS })('any value: success or a located library error', (value) => {
    count('parseProgram', check(() => parseProgram(value)));
    count('parseProgram', check(() => parseProgram({ weights: value, constraints: { lockedPairs: value }, quotas: [value], goals: value })));
  });

  it.prop([fc.jsonValue()], { numRuns: RUNS })('random JSON: success or a located library error', (value) => {
    count('parseProgram', check(() => parseProgram(value)));
  });

  it.prop([mutations(sample)], { numRuns: RUNS })('mutated sample: success or a located library error', (changes) => {
    const doc = mutate(sample, changes);
    count('parseProgram', check(() => parseProgram(doc)));
    count('parseProgram', check(() => parseProgram(doc, { limits: { maxSkills: 4, maxQuotas: 1, maxStringLength: 10 } })));
  });

  it.prop([fc.oneof(fc.constant(sampleText), mutations(sample).map((changes) => jsonText(mutate(sample, changes)))), textMutations], { numRuns: RUNS })(
    'mutated text (truncated, duplicate keys, ...): success or a located library error',
    (text, edits) => {
      let doc: unknown;
      try {
        doc = JSON.parse(mutateText(text, edits)) as unknown;
      } catch {
        return; // not JSON: the loaders' concern (fuzzed through the CLI)
      }
      count('parseProgram', check(() => parseProgram(doc)));
    },
  );

  it.prop([fc.oneof(fc.constant<unknown>(sample), mutations(sample).map((changes) => mutate(sample, changes))), parseOptions], { numRuns: RUNS })(
    'any parse options (wrong limits, maxStringLength): success or a located library error',
    (doc, options) => {
      count('parseProgram', check(() => parseProgram(doc, options as never)));
    },
  );

  test('every path gets every hostile value, and reserved keys', () => {
    const cases = corpusAtEveryPath(sample);
    expect(cases.length).toBeGreaterThan(500);
    for (const { doc } of cases) count('parseProgram', check(() => parseProgram(doc)));
  });
});
