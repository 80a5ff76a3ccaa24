/**
 * Deeply frozen inputs work and no input is ever mutated: each function runs on a deep-frozen
 * structured clone of its input (a write would throw in strict mode) and a second clone still
 * equals the input afterwards. `match`, `scorePairs`, `explainPairChoice`, `planRotation`,
 * `rematch`, `mentorCircles` and `evaluateHistory` on small cohorts.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  evaluateHistory,
  explainPairChoice,
  LockedPairConflictError,
  match,
  mentorCircles,
  planRotation,
  rematch,
  scorePairs,
  type MatchResult,
  type ProgramInput,
} from '../../src/index';
import { matchInput, type RawInput } from '../helpers/arbitraries';
import { deepFreeze, params, TIMEOUT } from './support';

/**
 * Runs `run` on a deep-frozen structured clone of `value` (any write throws in strict mode), then
 * checks the clone still equals a second clone taken before.
 */
function frozen<T, R>(value: T, run: (input: T) => R): R {
  const before = structuredClone(value);
  const copy = deepFreeze(structuredClone(value));
  const out = run(copy);
  expect(copy).toEqual(before);
  return out;
}

const small = matchInput({ maxPerSide: 3, maxQuotas: 1 });
const locale = fc.constantFrom('en' as const, 'fr' as const);

/**
 * Ids the program names (locked, forbidden, mustMatch). Today `rematch` throws a ValidationError
 * on the program when one of them leaves, so the property lets someone else leave.
 */
function namedByProgram(program: ProgramInput): Set<string> {
  const constraints = program.constraints ?? {};
  const named = new Set<string>();
  for (const p of [...(constraints.forbiddenPairs ?? []), ...(constraints.lockedPairs ?? [])]) named.add(p.juniorId).add(p.seniorId);
  for (const q of program.quotas ?? []) if (q.kind === 'mustMatch') for (const id of q.ids ?? []) named.add(id);
  return named;
}

/** Whether a locked pair names past partners (either side's `pastPartners`). */
function lockedPastPartners(input: RawInput): boolean {
  const past = new Map(input.participants.map((p) => [String(p.id), (p.pastPartners ?? []) as string[]] as const));
  return (input.program.constraints?.lockedPairs ?? []).some(
    (l) => past.get(l.juniorId)!.includes(l.seniorId) || past.get(l.seniorId)!.includes(l.juniorId),
  );
}

/** The previous result's pairs as a history cohort with outcomes. */
function cohortOf(id: string, input: RawInput, result: MatchResult) {
  const pairs = result.pairs.map((p, i) => ({
    juniorId: p.juniorId,
    seniorId: p.seniorId,
    outcome: i % 3 === 2 ? null : { satisfaction: 1 + (i % 5), completed: i % 2 === 0, sessions: i },
  }));
  return { id, participants: input.participants, pairs };
}

describe('frozen inputs work and are never mutated', () => {
  test.prop([small, locale], params)(
    'match and scorePairs',
    (input, loc) => {
      frozen(input, (i) => match(i, { locale: loc }));
      frozen(input, (i) => scorePairs(i.participants, i.program));
    },
    TIMEOUT,
  );

  test.prop([small, locale, fc.nat(), fc.nat()], params)(
    'explainPairChoice',
    (input, loc, a, b) => {
      const juniors = input.participants.filter((p) => p.role === 'junior');
      const seniors = input.participants.filter((p) => p.role === 'senior');
      const question = { juniorId: String(juniors[a % juniors.length]!.id), seniorId: String(seniors[b % seniors.length]!.id) };
      frozen({ input, question }, ({ input: i, question: q }) => explainPairChoice(i, q, { locale: loc }));
    },
    TIMEOUT,
  );

  test.prop([small, locale, fc.constantFrom('sequential' as const, 'best' as const)], params)(
    'planRotation over 2 rounds',
    (input, loc, strategy) => {
      frozen(input, (i) => {
        try {
          return planRotation(i, { rounds: 2, strategy, locale: loc });
        } catch (error) {
          // A rotation switches avoidPastPartners on: a locked pair of past partners then conflicts.
          expect(error).toBeInstanceOf(LockedPairConflictError);
          expect(lockedPastPartners(i), (error as Error).message).toBe(true);
          return null;
        }
      });
    },
    TIMEOUT,
  );

  test.prop([small, locale, fc.nat(), fc.constantFrom(0, 1)], params)(
    'rematch, mentorCircles and evaluateHistory (no bootstrap) from a frozen result',
    (input, loc, pick, maxChanges) => {
      const previous = deepFreeze(match(input, { locale: loc }));
      const named = namedByProgram(input.program);
      const free = input.participants.map((p) => String(p.id)).filter((id) => !named.has(id));
      const lockedKeys = new Set((input.program.constraints?.lockedPairs ?? []).map((p) => `${p.juniorId}|${p.seniorId}`));
      const failable = previous.pairs.filter((p) => !lockedKeys.has(`${p.juniorId}|${p.seniorId}`));
      const change = {
        left: free.length > 0 ? [free[pick % free.length]!] : [],
        joined: [{ id: 'new-1', role: pick % 2 === 0 ? 'junior' : 'senior', volunteer: true, department: 'Sales', skills: { 'ai-tools': 5 }, wants: { strategy: 4 }, languages: ['fr'] }],
        failed: failable.length > 0 ? [{ juniorId: failable[0]!.juniorId, seniorId: failable[0]!.seniorId }] : [],
      };
      const before = structuredClone(previous);
      frozen({ change, input }, ({ change: c, input: i }) => rematch(previous, c, i, { maxChanges, locale: loc }));
      frozen({ participants: input.participants }, (i) => mentorCircles(previous, i, { size: [2, 3], locale: loc }));
      // One cohort: the replay and the statistics (a second one doubles the time, adds no input to mutate).
      const history = { cohorts: [cohortOf('c1', input, previous)] };
      frozen({ history, program: input.program }, ({ history: h, program: p }) => evaluateHistory(h, p, { resamples: 0 }));
      expect(previous).toEqual(before);
    },
    TIMEOUT,
  );
});
