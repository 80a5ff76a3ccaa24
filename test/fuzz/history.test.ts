import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect, test } from 'vitest';
import { parseHistory } from '../../src/model/history';
import {
  RUNS,
  WIDE_OBJECT,
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

const sample = fixtureJson('history.sample.json');
const sampleText = fixtureText('history.sample.json');

afterAll(reportTally);

describe('fuzz parseHistory', () => {
  test('the sample passes', () => {
    expect(check(() => parseHistory(sample)).ok).toBe(true);
  });

  it.prop([anything], { numRuns: RUNS })('any value: success or a located library error', (value) => {
    count('parseHistory', check(() => parseHistory(value)));
    count('parseHistory', check(() => parseHistory({ cohorts: [{ id: 'c', participants: value, pairs: value }] })));
    count('parseHistory', check(() => parseHistory({ cohorts: value })));
  });

  it.prop([fc.jsonValue()], { numRuns: RUNS })('random JSON: success or a located library error', (value) => {
    count('parseHistory', check(() => parseHistory(value)));
  });

  it.prop([mutations(sample)], { numRuns: RUNS })('mutated sample: success or a located library error', (changes) => {
    const doc = mutate(sample, changes);
    count('parseHistory', check(() => parseHistory(doc)));
    count('parseHistory', check(() => parseHistory(doc, { unknownFields: 'strip', limits: { maxCohorts: 1, maxParticipants: 3 } })));
  });

  it.prop([fc.oneof(fc.constant(sampleText), mutations(sample).map((changes) => jsonText(mutate(sample, changes)))), textMutations], { numRuns: RUNS })(
    'mutated text (truncated, duplicate keys, ...): success or a located library error',
    (text, edits) => {
      let doc: unknown;
      try {
        doc = JSON.parse(mutateText(text, edits)) as unknown;
      } catch {
        return;
      }
      count('parseHistory', check(() => parseHistory(doc)));
    },
  );

  // Found by the deep run (after 48,115 cases): 50,000 bad skill levels in one record under
  // `maxSkillsPerPerson: Infinity` gave 50,000 zod issues (2 s under load); now the budget stops them.
  const wideSkills: [unknown, unknown] = [
    mutate(sample, [{ kind: 'replace', path: ['cohorts', 1, 'participants', 4, 'skills'], value: WIDE_OBJECT }]),
    { unknownFields: 'error', limits: { maxSkillsPerPerson: Number.POSITIVE_INFINITY } },
  ];
  it.prop([fc.oneof(fc.constant<unknown>(sample), mutations(sample).map((changes) => mutate(sample, changes))), parseOptions], { numRuns: RUNS, examples: [wideSkills] })(
    'any parse options (wrong unknownFields, skills, limits): success or a located library error',
    (doc, options) => {
      count('parseHistory', check(() => parseHistory(doc, options as never)));
    },
  );

  test('every path of the first cohort\'s first records gets every hostile value, and reserved keys', () => {
    const keep = (path: readonly (string | number)[]) => path.length <= 3 || ((path[3] === 0 || path[3] === 1) && path[1] === 0);
    const cases = corpusAtEveryPath(sample, keep);
    expect(cases.length).toBeGreaterThan(300);
    for (const { doc } of cases) count('parseHistory', check(() => parseHistory(doc)));
  });
});
