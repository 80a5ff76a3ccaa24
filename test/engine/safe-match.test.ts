import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BinomeError, defineScorer, InternalError, match, safeMatch, safeMatchAsync, ValidationError } from '../../src/index';
import { person } from '../helpers/people';

const participants = JSON.parse(readFileSync(new URL('../fixtures/participants.sample.json', import.meta.url), 'utf8')) as { participants: Record<string, unknown>[] };

describe('safeMatch', () => {
  test('the result when all is well, equal to match', () => {
    const outcome = safeMatch({ participants });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.result.pairs).toEqual(match({ participants }).pairs);
  });

  test('each error code as data, with its issues and paths', () => {
    const bad = structuredClone(participants);
    (bad.participants[2]!.skills as Record<string, number>)['ai-tools'] = 7;
    const invalid = safeMatch({ participants: bad });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!invalid.ok) expect(invalid.error.issues[0]).toMatchObject({ path: ['participants', 2, 'skills', 'ai-tools'], received: 7 });

    const people = [person('j-1', 'junior', { managerId: 's-1' }), person('s-1', 'senior')];
    const locked = safeMatch({ participants: people, program: { constraints: { lockedPairs: [{ juniorId: 'j-1', seniorId: 's-1' }] } } });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked-pair-conflict' } });

    const liar = defineScorer({ id: 'liar', score: () => 2, explain: () => [] });
    const plugin = safeMatch({ participants, program: { weights: { skillGap: 1, liar: 1 } } }, { scorers: [liar] });
    expect(plugin).toMatchObject({ ok: false, error: { code: 'invalid-plugin' } });
  });

  test('a hole in the plug-in lists is a plug-in error at its index, not a TypeError (found by fuzzing safeMatch)', () => {
    // eslint-disable-next-line no-sparse-arrays
    for (const [name, options] of [['scorers', { scorers: [, ] }], ['constraints', { constraints: [, ] }]] as const) {
      const outcome = safeMatch({ participants }, options as never);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-plugin' } });
      if (!outcome.ok) expect(outcome.error.message).toBe(`${name}[0]: must be an object or a factory function`);
    }
  });

  test('an exception thrown by a plug-in comes back as internal-error with its cause', async () => {
    const cause = new TypeError('boom');
    const thrower = defineScorer({ id: 'thrower', score: () => { throw cause; }, explain: () => [] });
    const input = { participants, program: { weights: { skillGap: 1, thrower: 1 } } };
    for (const outcome of [safeMatch(input, { scorers: [thrower] }), await safeMatchAsync(input, { scorers: [thrower] })]) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error).toBeInstanceOf(InternalError);
      expect(outcome.error).toBeInstanceOf(BinomeError);
      expect(outcome.error.code).toBe('internal-error');
      expect(outcome.error.cause).toBe(cause);
      expect(outcome.error.message).toBe('match: unexpected error: TypeError: boom');
    }
  });

  test('an infeasible programme is a result, not an error', () => {
    const program = { quotas: [{ id: 'all', kind: 'minShare', where: 'differentSite', share: 1 }, { id: 'none', kind: 'maxShare', where: 'differentSite', share: 0 }, { id: 'one', kind: 'minPairs', per: { side: 'junior', field: 'department' }, count: 1 }] };
    const outcome = safeMatch({ participants, program });
    expect(outcome).toMatchObject({ ok: true, result: { status: 'infeasible' } });
  });
});

describe('options are checked like input', () => {
  test.each([
    [{ locale: 'de' }, 'options.locale: must be "en" or "fr", got "de"'],
    [{ solver: 'fast' }, 'options.solver: must be "auto", "mip" or "lagrangian", got "fast"'],
    [{ timeLimitMs: -1 }, 'options.timeLimitMs: must be a number of milliseconds >= 0, got -1'],
    [{ timeLimitMs: Number.NaN }, 'options.timeLimitMs: must be a number of milliseconds >= 0, got NaN'],
    [{ timezoneYear: 1.5 }, 'options.timezoneYear: must be a whole year 1970..2200, got 1.5'],
    [{ alternatives: 'yes' }, 'options.alternatives: must be true or false, got "yes"'],
    [{ scorers: 'skillGap' }, 'options.scorers: must be an array of plug-ins, got "skillGap"'],
  ])('%j', (options, message) => {
    expect(() => match({ participants }, options as never)).toThrow(ValidationError);
    expect(() => match({ participants }, options as never)).toThrow(message);
  });
});
