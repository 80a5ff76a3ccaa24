import { describe, expect, test } from 'vitest';
import { generateOrganisation, match, matchAsync } from '../../src/index';
import { assertValidResult } from '../helpers/check-result';

const person = (id: string, role: 'junior' | 'senior', extra: Record<string, unknown> = {}) => ({
  id,
  name: id.toUpperCase(),
  role,
  volunteer: true,
  department: 'IT',
  skills: { 'ai-tools': role === 'junior' ? 5 : 1, strategy: role === 'senior' ? 5 : 1 },
  wants: { 'ai-tools': role === 'senior' ? 4 : 0, strategy: role === 'junior' ? 4 : 0 },
  ...extra,
});

describe('crafted infeasible programmes are diagnosed', () => {
  test('mustMatch: a senior with no eligible junior, with the rules that exclude them', () => {
    const participants = [
      person('j-1', 'junior', { languages: ['fr'] }),
      person('j-2', 'junior', { languages: ['fr'] }),
      person('s-3', 'senior', { languages: ['de'], tags: ['comex'] }),
      person('s-4', 'senior', { languages: ['fr'] }),
    ];
    const program = { quotas: [{ id: 'comex', kind: 'mustMatch' as const, tag: 'comex' }] };
    const result = match({ participants, program });
    assertValidResult(result, { participants, program });
    expect(result.status).toBe('infeasible');
    expect(result.pairs).toEqual([]);
    const [conflict, ...more] = result.diagnosis!.conflicts;
    expect(more).toEqual([]);
    expect(conflict!.rule).toBe('comex');
    expect(conflict!.people).toEqual(['s-3']);
    expect(conflict!.message).toMatch(/mustMatch "comex": senior s-3 \(S-3\): no eligible junior: 2 juniors excluded: 2 by sharedLanguage/);
    expect(result.diagnosis!.relaxations).toEqual([expect.objectContaining({ rule: 'comex', change: { remove: ['s-3'] } })]);
    expect(result.unmatched.filter((u) => u.reason === 'rules').map((u) => u.id)).toEqual(['j-1', 'j-2', 's-4']);
    expect(match({ participants, program }, { locale: 'fr' }).diagnosis!.conflicts[0]!.message).toMatch(/aucun junior possible/);
  });

  test('minPairs: a department that cannot have enough pairs', () => {
    const participants = [
      person('j-1', 'junior', { department: 'Sales' }),
      person('j-2', 'junior', { department: 'Sales' }),
      person('s-1', 'senior', { department: 'Legal' }),
      person('s-2', 'senior', { department: 'Finance' }),
    ];
    const program = { quotas: [{ id: 'per-dept', kind: 'minPairs' as const, per: { side: 'senior' as const, field: 'department' as const }, count: 2 }] };
    const result = match({ participants, program });
    expect(result.status).toBe('infeasible');
    const rules = result.diagnosis!.conflicts.map((c) => c.rule);
    expect(rules).toEqual(['per-dept', 'per-dept']);
    expect(result.diagnosis!.conflicts[0]!.message).toBe('minPairs "per-dept": senior department "Finance" needs 2 pairs, at most 1 can be formed');
    expect(result.diagnosis!.conflicts[0]!.people).toEqual(['s-2']);
    expect(result.diagnosis!.relaxations[0]!.change).toEqual({ count: 1, group: ['Finance'] });
  });

  test('a cross-site share that must-match pairs cannot reach, with the share that can hold', () => {
    const participants = [
      person('j-1', 'junior', { site: 'Paris' }),
      person('j-2', 'junior', { site: 'Lyon' }),
      person('j-3', 'junior', { site: 'Paris' }),
      person('s-1', 'senior', { site: 'Paris', tags: ['comex'] }),
      person('s-2', 'senior', { site: 'Paris', tags: ['comex'] }),
      person('s-3', 'senior', { site: 'Paris', tags: ['comex'] }),
    ];
    const program = {
      quotas: [
        { id: 'cross-site', kind: 'minShare' as const, where: 'differentSite' as const, share: 0.5 },
        { id: 'comex', kind: 'mustMatch' as const, tag: 'comex' },
      ],
    };
    const result = match({ participants, program });
    expect(result.status).toBe('infeasible');
    const conflicts = result.diagnosis!.conflicts;
    expect(conflicts.map((c) => c.rule).sort()).toEqual(['comex', 'comex', 'comex', 'cross-site'].sort());
    const share = conflicts.find((c) => c.rule === 'cross-site')!;
    expect(share.message).toMatch(/quota "cross-site" >= 50% cannot hold: at most 33(\.\d)?% of pairs can cross sites/);
    const relax = result.diagnosis!.relaxations.find((r) => r.rule === 'cross-site')!;
    expect(relax.change.share).toBeGreaterThanOrEqual(0.33);
    expect(relax.change.share).toBeLessThanOrEqual(1 / 3);
    // The relaxation holds: the programme with it is feasible.
    const relaxed = match({ participants, program: { quotas: [{ ...program.quotas[0]!, share: relax.change.share as number }, program.quotas[1]!] } });
    expect(relaxed.status).toBe('optimal');
    expect(result.diagnosis!.minimal).toBe(true);
  });
});

describe('time limit and abort', () => {
  const org = generateOrganisation({ juniors: 150, seniors: 150, seed: 4 });
  const program = {
    quotas: [
      { id: 'cross-site', kind: 'minShare' as const, where: 'differentSite' as const, share: 0.9 },
      { id: 'gender', kind: 'minShare' as const, where: { side: 'junior' as const, attribute: 'gender', equals: 'F' }, share: 0.6 },
    ],
  };
  test('a time limit of 0 returns at once with a clear status and a valid result', () => {
    const result = match({ participants: org.participants, program }, { timeLimitMs: 0, solver: 'mip' });
    assertValidResult(result, { participants: org.participants, program });
    expect(['feasible', 'time-limit', 'optimal']).toContain(result.status);
    if (result.status !== 'optimal') expect(result.stats.stopped).toBe('time-limit');
    if (result.status === 'time-limit') expect(result.unmatched.some((u) => u.reason === 'time-limit')).toBe(true);
  });
  test('an aborted signal stops matchAsync, which resolves with the best solution so far', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await matchAsync({ participants: org.participants, program }, { signal: controller.signal, solver: 'mip' });
    assertValidResult(result, { participants: org.participants, program });
    if (result.status !== 'optimal') expect(result.stats.stopped).toBe('aborted');
  });
  test('a signal fired by a timer during the solve stops it', async () => {
    const result = await matchAsync({ participants: org.participants, program }, { signal: AbortSignal.timeout(30), solver: 'mip' });
    assertValidResult(result, { participants: org.participants, program });
    expect(['optimal', 'feasible', 'time-limit']).toContain(result.status);
  });
  test('bad input still throws from matchAsync as a rejected promise', async () => {
    await expect(matchAsync({ participants: [{ id: 'x' }] })).rejects.toThrow(/participants\[0\]/);
  });
});

describe('explanations name the rules that shaped the result', () => {
  // Cross-site pairs score higher (crossSilo), so without the rule every pair would cross sites.
  // j-2 (Lille) and s-2 (Lyon) have only partners on other sites.
  const participants = [
    person('j-1', 'junior', { site: 'Paris', department: 'Sales' }),
    person('j-2', 'junior', { site: 'Lille', department: 'Sales' }),
    person('s-1', 'senior', { site: 'Paris', department: 'Finance' }),
    person('s-2', 'senior', { site: 'Lyon', department: 'Finance' }),
  ];
  const program = { objective: 'maxScore' as const, quotas: [{ id: 'same-site', kind: 'maxShare' as const, where: 'differentSite' as const, share: 0 }] };

  test('a pair formed for the rule says so, with the partner and points the rule cost', () => {
    const free = match({ participants, program: { objective: 'maxScore' } });
    expect(free.stats.crossSiteShare).toBe(1);
    const result = match({ participants, program });
    assertValidResult(result, { participants, program });
    expect(result.status).toBe('optimal');
    expect(result.stats.crossSiteShare).toBe(0);
    const pair = result.pairs.find((p) => p.juniorId === 'j-1')!;
    expect(pair.seniorId).toBe('s-1');
    const freePartner = free.pairs.find((p) => p.juniorId === 'j-1')!;
    const delta = freePartner.score - pair.score;
    expect(delta).toBeGreaterThan(0);
    const shown = delta.toFixed(1).replace(/\.0$/, '');
    expect(pair.explanation).toContain(`Paired to meet "same-site"; without the rules, J-1 would have gone to ${freePartner.seniorId.toUpperCase()} (+${shown} points).`);
    const fr = match({ participants, program }, { locale: 'fr' }).pairs.find((p) => p.juniorId === 'j-1')!;
    expect(fr.explanation).toContain('Binôme formé pour respecter "same-site"');
  });

  test('someone the rule leaves out gets reason rules, with whom they would have had', () => {
    const free = match({ participants, program: { objective: 'maxScore' } });
    const result = match({ participants, program });
    const left = result.unmatched.filter((u) => u.reason === 'rules');
    expect(left.map((u) => u.id)).toEqual(['j-2', 's-2']);
    for (const u of left) {
      const had = free.pairs.find((p) => p.juniorId === u.id || p.seniorId === u.id)!;
      const partner = had.juniorId === u.id ? had.seniorId : had.juniorId;
      expect(u.detail).toBe(`left out to meet "same-site"; without the rules, ${u.id.toUpperCase()} would be paired with ${partner.toUpperCase()}`);
    }
  });
});
