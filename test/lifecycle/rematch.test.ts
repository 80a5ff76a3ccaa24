import { describe, expect, test } from 'vitest';
import { match, parseParticipants, parseProgram, rematch, scorePairs, ValidationError } from '../../src/index';
import { assertValidResult } from '../helpers/check-result';
import { randomCohort } from '../helpers/cohort';
import { person } from '../helpers/people';
import { rng } from '../helpers/random';
import { bestSubset } from '../helpers/subsets';

const key = (p: { juniorId: string; seniorId: string }) => `${p.juniorId}|${p.seniorId}`;

describe('rematch', () => {
  test('keeps every unaffected pair with maxChanges 0, never re-forms a failed pair, and equals brute force under those constraints', () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rand = rng(seed * 97);
      const raw = randomCohort(rand, { juniors: 3 + Math.floor(rand() * 2), seniors: 3 + Math.floor(rand() * 2) });
      const objective = seed % 2 === 0 ? 'maxScore' : 'maxPairsThenScore';
      const program = { objective, constraints: { notInReportingLine: true } };
      const previous = match({ participants: raw, program });
      if (previous.pairs.length < 2) continue;
      const failed = [previous.pairs[0]!];
      const left = rand() < 0.5 ? [previous.pairs[1]!.seniorId] : [];
      const joined = [person('j-new', 'junior', { skills: { 'ai-tools': 5 }, wants: { strategy: 4 }, languages: ['fr'] })];
      for (const maxChanges of [0, 1]) {
        const next = rematch(previous, { failed, left, joined }, { participants: raw, program }, { maxChanges });
        const now = new Set(next.pairs.map(key));
        expect(now.has(key(failed[0]!))).toBe(false);
        const unaffected = previous.pairs.filter((p) => key(p) !== key(failed[0]!) && !left.includes(p.seniorId) && !left.includes(p.juniorId));
        const broken = unaffected.filter((p) => !now.has(key(p)));
        expect(broken.length).toBeLessThanOrEqual(maxChanges);
        expect(next.changes.filter((c) => c.kind === 'moved').map(key).sort()).toEqual(broken.map(key).sort());
        expect(next.changes.filter((c) => c.kind === 'kept').length).toBe(unaffected.length - broken.length);
        expect(next.changes.filter((c) => c.kind === 'new').map(key).sort()).toEqual(next.pairs.filter((p) => !previous.pairs.some((q) => key(q) === key(p))).map(key).sort());
        // Brute force over the changed cohort: no failed pair, all but maxChanges unaffected pairs kept.
        const people = [...raw.filter((p) => !left.includes(String(p.id))), ...joined];
        const parsed = parseProgram({ ...program, constraints: { ...program.constraints, forbiddenPairs: failed.map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId })) } });
        const { changes: _changes, optimalUnder: _scope, ...plain } = next;
        // With maxChanges 0 the unaffected pairs are locked (the certificate covers the rest).
        const lockedPairs = maxChanges === 0 ? unaffected.map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId })) : [];
        assertValidResult(plain, { participants: people, program: { ...parsed, constraints: { ...parsed.constraints, lockedPairs } } }, { engineRules: maxChanges > 0 && unaffected.length > 0 });
        const scores = scorePairs(people, parsed);
        const cap = (id: string) => parseParticipants(people).find((p) => p.id === id)!.capacity ?? 1;
        const keepKeys = new Set(unaffected.map(key));
        const best = bestSubset(scores, scores.juniorIds.map(cap), scores.seniorIds.map(cap), objective, (pairs) => {
          const kept = pairs.filter(([r, c]) => keepKeys.has(`${scores.juniorIds[r]}|${scores.seniorIds[c]}`)).length;
          return kept >= unaffected.length - maxChanges;
        })!;
        if (objective === 'maxPairsThenScore') expect(next.pairs.length).toBe(best.count);
        expect(next.objective).toBeCloseTo(best.total, 5);
        expect(next.optimalUnder).toEqual({ unaffectedPairs: unaffected.length, maxChanges });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  test('a bigger maxChanges never does worse', () => {
    const rand = rng(5);
    const raw = randomCohort(rand, { juniors: 6, seniors: 6 });
    const previous = match({ participants: raw, program: { objective: 'maxScore' } });
    const failed = previous.pairs.slice(0, 1);
    const totals = [0, 1, 2, 10].map((maxChanges) => rematch(previous, { failed }, { participants: raw, program: { objective: 'maxScore' } }, { maxChanges }).objective);
    for (let i = 1; i < totals.length; i++) expect(totals[i]!).toBeGreaterThanOrEqual(totals[i - 1]! - 1e-9);
  });

  test('explains each change in en and fr, and names bad ids', () => {
    const raw = [
      person('j-1', 'junior', { name: 'Léa', skills: { 'ai-tools': 5 } }),
      person('j-2', 'junior', { name: 'Hugo', skills: { 'ai-tools': 4 } }),
      person('s-1', 'senior', { name: 'Anne', wants: { 'ai-tools': 5 } }),
      person('s-2', 'senior', { name: 'Marc', wants: { 'ai-tools': 3 } }),
    ];
    const previous = match({ participants: raw });
    const next = rematch(previous, { left: ['s-2'], joined: [person('s-3', 'senior', { name: 'Zoé', wants: { 'ai-tools': 4 } })] }, { participants: raw });
    const ended = next.changes.find((c) => c.kind === 'ended')!;
    expect(ended.reason).toBe('Marc left the programme');
    expect(next.changes.find((c) => c.kind === 'new')!.reason).toBe('Zoé joined');
    const fr = rematch(previous, { left: ['s-2'] }, { participants: raw }, { locale: 'fr' });
    expect(fr.changes.find((c) => c.kind === 'ended')!.reason).toBe('Marc a quitté le programme');
    expect(() => rematch(previous, { left: ['ghost'] }, { participants: raw })).toThrow('change.left[0]: names no participant of the cohort, got "ghost"');
    expect(() => rematch(previous, { failed: [{ juniorId: 'j-1', seniorId: 'nobody' }] }, { participants: raw })).toThrow(ValidationError);
    expect(() => rematch(previous, {}, { participants: raw }, { maxChanges: -1 })).toThrow('options.maxChanges: must be a whole number >= 0, got -1');
  });
});

describe('rematch and the program’s own references', () => {
  test('people who left may be named by the program; a locked pair that failed is unlocked', () => {
    const raw = [
      person('j-1', 'junior', { skills: { 'ai-tools': 5 } }),
      person('j-2', 'junior', { skills: { 'ai-tools': 4 } }),
      person('s-1', 'senior', { wants: { 'ai-tools': 5 } }),
      person('s-2', 'senior', { wants: { 'ai-tools': 3 } }),
    ];
    const program = {
      constraints: { forbiddenPairs: [{ juniorId: 'j-1', seniorId: 's-2' }], lockedPairs: [{ juniorId: 'j-2', seniorId: 's-2' }] },
      quotas: [{ id: 'vip', kind: 'mustMatch', ids: ['j-1'] }],
    };
    const previous = match({ participants: raw, program });
    const gone = rematch(previous, { left: ['j-1'] }, { participants: raw, program });
    expect(gone.pairs.map(key)).toEqual(['j-2|s-2']);
    const failed = rematch(previous, { failed: [{ juniorId: 'j-2', seniorId: 's-2' }] }, { participants: raw, program });
    expect(failed.pairs.map(key)).not.toContain('j-2|s-2');
    expect(failed.changes.find((c) => c.kind === 'ended')).toMatchObject({ juniorId: 'j-2', seniorId: 's-2' });
  });
});
