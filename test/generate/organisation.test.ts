import { describe, expect, test } from 'vitest';
import { generateOrganisation, match, parseParticipants, ValidationError, type Participant } from '../../src/index';

const org = (juniors: number, seniors: number, seed = 1) => generateOrganisation({ juniors, seniors, seed }).participants;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe('generateOrganisation', () => {
  const people = org(600, 400, 5);

  test('is deterministic: same options, same organisation; another seed, another one', () => {
    expect(org(600, 400, 5)).toEqual(people);
    expect(org(600, 400, 6)).not.toEqual(people);
  });

  test('gives exactly the requested juniors and seniors, with unique ids, sorted', () => {
    expect(people.filter((p) => p.role === 'junior')).toHaveLength(600);
    expect(people.filter((p) => p.role === 'senior')).toHaveLength(400);
    const ids = people.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^E\d{6,}$/);
  });

  test('passes parseParticipants unchanged', () => {
    expect(parseParticipants(people)).toEqual(people);
  });

  test('has a management forest without loops, whose managers are participants or outsiders', () => {
    const byId = new Map(people.map((p) => [p.id, p] as const));
    let inside = 0;
    for (const p of people) {
      const seen = new Set<string>([p.id]);
      let current: Participant | undefined = p;
      while (current?.managerId !== undefined) {
        expect(seen.has(current.managerId)).toBe(false);
        seen.add(current.managerId);
        if (current === p && byId.has(current.managerId)) inside++;
        current = byId.get(current.managerId);
      }
    }
    // Some chains stay inside the cohort (the comex reports to the CEO), others leave it.
    expect(inside).toBeGreaterThan(20);
    expect(inside).toBeLessThan(people.length);
    expect(people.filter((p) => p.managerId === undefined)).toHaveLength(1);
  });

  test('looks like the shared organisations: volunteers, levels by role, wishes following gaps', () => {
    const juniors = people.filter((p) => p.role === 'junior');
    const seniors = people.filter((p) => p.role === 'senior');
    const share = people.filter((p) => p.volunteer).length / people.length;
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(0.95);
    for (const p of people) for (const v of [...Object.values(p.skills), ...Object.values(p.wants)]) expect(Number.isInteger(v) && v >= 0 && v <= 5).toBe(true);
    const level = (group: readonly Participant[], skill: string) => mean(group.map((p) => p.skills[skill] ?? 0));
    expect(level(juniors, 'ai-tools')).toBeGreaterThan(level(seniors, 'ai-tools') + 1);
    expect(level(seniors, 'strategy')).toBeGreaterThan(level(juniors, 'strategy') + 1);
    expect(mean(seniors.map((p) => Object.keys(p.wants).filter((k) => ['ai-tools', 'social-media', 'collab-tools'].includes(k)).length))).toBeGreaterThan(0.8);
    expect(mean(juniors.map((p) => (p.wants.strategy ?? 0) + (p.wants.leadership ?? 0)))).toBeGreaterThan(2);
    expect(people.filter((p) => p.tags?.includes('comex')).length).toBeGreaterThanOrEqual(3);
    expect(new Set(people.map((p) => p.site)).size).toBeGreaterThan(5);
  });

  test('feeds match() end to end', () => {
    const small = org(120, 100, 3);
    const result = match({ participants: small, program: {} });
    expect(result.pairs.length).toBeGreaterThan(50);
    expect(result.stats.certificate?.verified).toBe(true);
  });

  test('handles empty sides', () => {
    expect(org(0, 0)).toEqual([]);
    expect(org(10, 0).every((p) => p.role === 'junior')).toBe(true);
    expect(parseParticipants(org(0, 10))).toHaveLength(10);
  });

  test.each([
    [{ juniors: -1, seniors: 2 }, 'options.juniors'],
    [{ juniors: 1.5, seniors: 2 }, 'options.juniors'],
    [{ juniors: 1, seniors: 2_000_000 }, 'options.seniors'],
    [{ juniors: 1, seniors: 1, volunteerRate: 2 }, 'options.volunteerRate'],
    [{ juniors: 1, seniors: 1, seed: Number.NaN }, 'options.seed'],
  ])('rejects %o naming %s', (options, path) => {
    expect(() => generateOrganisation(options)).toThrow(ValidationError);
    expect(() => generateOrganisation(options)).toThrow(path);
  });
});
