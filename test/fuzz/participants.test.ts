import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect, test } from 'vitest';
import { parseParticipants } from '../../src/model/participant';
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

const sample = fixtureJson('participants.sample.json') as { participants: unknown[] };
const sampleText = fixtureText('participants.sample.json');

/** The document as a loader would hand it over: parsed JSON text, or the syntax error's issue. */
function parseText(text: string): unknown {
  return JSON.parse(text) as unknown;
}

afterAll(reportTally);

describe('fuzz parseParticipants', () => {
  test('the sample passes, in both document shapes', () => {
    expect(check(() => parseParticipants(sample)).ok).toBe(true);
    expect(check(() => parseParticipants(sample.participants)).ok).toBe(true);
  });

  it.prop([anything], { numRuns: RUNS })('any value: success or a located library error', (value) => {
    count('parseParticipants', check(() => parseParticipants(value)));
    count('parseParticipants', check(() => parseParticipants({ participants: value })));
    count('parseParticipants', check(() => parseParticipants([value])));
  });

  it.prop([fc.jsonValue()], { numRuns: RUNS })('random JSON: success or a located library error', (value) => {
    count('parseParticipants', check(() => parseParticipants(value, { unknownFields: 'strip' })));
  });

  it.prop([mutations(sample)], { numRuns: RUNS })('mutated sample: success or a located library error', (changes) => {
    const doc = mutate(sample, changes);
    count('parseParticipants', check(() => parseParticipants(doc)));
    count('parseParticipants', check(() => parseParticipants(doc, { unknownFields: 'strip', limits: { maxListLength: 3, maxSkillsPerPerson: 5 } })));
  });

  it.prop([mutations(sample), textMutations], { numRuns: RUNS })('mutated text (truncated, duplicate keys, ...): success or a located library error', (changes, edits) => {
    const text = mutateText(jsonText(mutate(sample, changes)), edits);
    let doc: unknown;
    try {
      doc = parseText(text);
    } catch {
      return; // not JSON: the loaders' own concern (fuzzed through the CLI)
    }
    count('parseParticipants', check(() => parseParticipants(doc)));
  });

  it.prop([fc.oneof(fc.constant<unknown>(sample), mutations(sample).map((changes) => mutate(sample, changes))), parseOptions], { numRuns: RUNS })(
    'any parse options (wrong unknownFields, skills, limits): success or a located library error',
    (doc, options) => {
      count('parseParticipants', check(() => parseParticipants(doc, options as never)));
    },
  );

  test('text edits of the sample file itself', () => {
    fc.assert(
      fc.property(textMutations, (edits) => {
        let doc: unknown;
        try {
          doc = parseText(mutateText(sampleText, edits));
        } catch {
          return;
        }
        count('parseParticipants', check(() => parseParticipants(doc)));
      }),
      { numRuns: RUNS },
    );
  });

  test('every path of a record gets every hostile value, and reserved keys', () => {
    const cases = corpusAtEveryPath(sample, (path) => path.length <= 1 || path[1] === 0);
    expect(cases.length).toBeGreaterThan(300);
    for (const { doc } of cases) {
      const outcome = check(() => parseParticipants(doc));
      count('parseParticipants', outcome);
    }
  });
});
