/**
 * An independent checker of match results: re-implements every hard rule and the built-in score
 * formulas naively, without the engine's code, and checks a result against them.
 */
import { expect } from 'vitest';
import { maxTimezoneGapHours } from '../../src/model/timezone';
import type { MatchResult, Participant, Program } from '../../src/index';
import { matchResultSchema, parseParticipants, parseProgram } from '../../src/index';

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

function chainAbove(p: Participant, byId: Map<string, Participant>): Set<string> {
  const above = new Set<string>();
  let current: Participant | undefined = p;
  while (current?.managerId !== undefined && !above.has(current.managerId)) {
    above.add(current.managerId);
    current = byId.get(current.managerId);
  }
  return above;
}

/** Names of the hard rules a pair breaks, by the naive reading of the formats README. */
export function brokenRules(j: Participant, s: Participant, program: Program, byId: Map<string, Participant>, year = 2026): string[] {
  const c = program.constraints;
  const broken: string[] = [];
  if (c.volunteersOnly && !(j.volunteer && s.volunteer)) broken.push('volunteersOnly');
  if (c.forbiddenPairs.some((p) => p.juniorId === j.id && p.seniorId === s.id)) broken.push('forbiddenPairs');
  if (c.avoidPastPartners && ((j.pastPartners ?? []).includes(s.id) || (s.pastPartners ?? []).includes(j.id))) broken.push('avoidPastPartners');
  if (c.notInReportingLine && (chainAbove(j, byId).has(s.id) || chainAbove(s, byId).has(j.id))) broken.push('notInReportingLine');
  if (c.differentDepartment && j.department === s.department) broken.push('differentDepartment');
  if (c.sharedLanguage && j.languages && s.languages && !j.languages.some((a) => s.languages!.some((b) => primary(a) === primary(b)))) {
    broken.push('sharedLanguage');
  }
  if (c.maxTimezoneGapHours !== undefined && j.timezone && s.timezone && maxTimezoneGapHours(j.timezone, s.timezone, year) > c.maxTimezoneGapHours + 1e-9) {
    broken.push('maxTimezoneGapHours');
  }
  if (c.minAvailabilityOverlap > 0 && j.availability && s.availability) {
    const common = new Set(j.availability.filter((slot) => s.availability!.includes(slot)));
    if (common.size < c.minAvailabilityOverlap) broken.push('minAvailabilityOverlap');
  }
  return broken;
}

function transfer(teacher: Participant, learner: Participant, skills: readonly string[]): number {
  let gained = 0;
  let wanted = 0;
  for (const k of skills) {
    const want = learner.wants[k] ?? 0;
    if (want <= 0) continue;
    wanted += want;
    gained += Math.max(0, (teacher.skills[k] ?? 0) - (learner.skills[k] ?? 0)) * want;
  }
  return wanted === 0 ? 0 : gained / (5 * Math.max(5, wanted));
}

/** The built-in scorers' values for a pair, by the formulas documented in the README. */
export function naiveValues(j: Participant, s: Participant, program: Program): Record<string, number> {
  const juniorTaught = program.skills.filter((k) => k.teacher === 'junior').map((k) => k.id);
  const seniorTaught = program.skills.filter((k) => k.teacher === 'senior').map((k) => k.id);
  const slots = j.availability && s.availability ? new Set(j.availability.filter((x) => s.availability!.includes(x))).size : 0;
  return {
    skillGap: transfer(j, s, juniorTaught),
    reciprocity: transfer(s, j, seniorTaught),
    crossSilo: (j.department !== s.department ? 0.5 : 0) + (j.site && s.site && j.site !== s.site ? 0.5 : 0),
    availability: Math.min(2, slots) / 2,
    openness: ((j.openness ?? 2.5) + (s.openness ?? 2.5)) / 10,
  };
}

/** The pair score 0..100 by the naive formulas (built-in scorers only). */
export function naiveScore(j: Participant, s: Participant, program: Program): number {
  const values = naiveValues(j, s, program);
  const ids = Object.keys(program.weights).sort();
  const total = ids.reduce((a, id) => a + program.weights[id]!, 0);
  return ids.reduce((sum, id) => sum + (100 * program.weights[id]! * (values[id] ?? 0)) / total, 0);
}

/** Options of {@link assertValidResult}. */
export interface CheckOptions {
  /** True when custom scorers were used: scores are then not recomputed naively. */
  readonly customScorers?: boolean;
  /** Ids that a custom constraint forbade, as `junior|senior` keys, to check too. */
  readonly forbidden?: ReadonlySet<string>;
  /** True when the engine added rules of its own (`rematch` with `maxChanges`): solved by the rules path. */
  readonly engineRules?: boolean;
}

/**
 * Checks a result against its input: no hard rule broken, capacities held, locked pairs present,
 * everyone accounted for exactly once (paired, or unmatched with a reason), contributions adding
 * up to each score, scores equal to the naive formulas, pairs sorted.
 */
export function assertValidResult(result: MatchResult, input: { participants: unknown; program?: unknown }, options: CheckOptions = {}): void {
  // The result is exactly what the published schema (and its JSON Schema) says.
  const shape = matchResultSchema.safeParse(result);
  expect(shape.success, shape.success ? '' : JSON.stringify(shape.error.issues.slice(0, 3))).toBe(true);
  const program = parseProgram(input.program ?? {});
  const people = parseParticipants(input.participants, { skills: program.skills });
  const byId = new Map(people.map((p) => [p.id, p]));
  const load = new Map<string, number>();
  const seenPairs = new Set<string>();
  let total = 0;
  for (const pair of result.pairs) {
    const j = byId.get(pair.juniorId);
    const s = byId.get(pair.seniorId);
    expect(j?.role, `pair ${pair.juniorId}/${pair.seniorId}: junior`).toBe('junior');
    expect(s?.role, `pair ${pair.juniorId}/${pair.seniorId}: senior`).toBe('senior');
    const key = `${pair.juniorId}|${pair.seniorId}`;
    expect(seenPairs.has(key), `pair ${key} listed twice`).toBe(false);
    seenPairs.add(key);
    expect(brokenRules(j!, s!, program, byId), `pair ${key} breaks hard rules`).toEqual([]);
    if (options.forbidden) expect(options.forbidden.has(key), `pair ${key} forbidden by a custom rule`).toBe(false);
    expect(pair.score, `pair ${key} score below minScore`).toBeGreaterThanOrEqual(program.constraints.minScore - 1e-9);
    expect(pair.score).toBeGreaterThanOrEqual(0);
    expect(pair.score).toBeLessThanOrEqual(100 + 1e-9);
    const sum = pair.contributions.reduce((a, c) => a + c.points, 0);
    expect(Math.abs(sum - pair.score), `pair ${key}: contributions add up`).toBeLessThan(1e-9);
    for (const c of pair.contributions) {
      expect(Math.abs(c.points - 100 * c.share * c.value), `pair ${key}: ${c.scorer} points = 100 * share * value`).toBeLessThan(1e-9);
      expect(c.reasons.length, `pair ${key}: ${c.scorer} has reasons`).toBeGreaterThan(0);
    }
    if (!options.customScorers) {
      expect(Math.abs(naiveScore(j!, s!, program) - pair.score), `pair ${key}: score matches the documented formulas`).toBeLessThan(1e-9);
    }
    expect(pair.explanation.length).toBeGreaterThan(0);
    expect(pair.explanation).not.toMatch(/NaN|undefined|\[object/);
    load.set(j!.id, (load.get(j!.id) ?? 0) + 1);
    load.set(s!.id, (load.get(s!.id) ?? 0) + 1);
    total += pair.score;
  }
  for (const [id, count] of load) {
    const p = byId.get(id)!;
    expect(count, `${id} over capacity`).toBeLessThanOrEqual(p.capacity ?? program.capacity[p.role]);
  }
  // With no solution (infeasible rules, or stopped first) there are no pairs at all.
  const solved = result.status === 'optimal' || result.status === 'feasible';
  if (!solved) expect(result.pairs).toEqual([]);
  for (const locked of solved ? program.constraints.lockedPairs : []) {
    expect(seenPairs.has(`${locked.juniorId}|${locked.seniorId}`), `locked pair ${locked.juniorId}/${locked.seniorId} present`).toBe(true);
  }
  const unmatchedIds = result.unmatched.map((u) => u.id);
  expect(new Set(unmatchedIds).size, 'unmatched listed once each').toBe(unmatchedIds.length);
  for (const u of result.unmatched) {
    const p = byId.get(u.id);
    expect(p, `unmatched ${u.id} exists`).toBeDefined();
    expect(u.role).toBe(p!.role);
    expect(load.has(u.id), `${u.id} both paired and unmatched`).toBe(false);
    expect(['not-volunteer', 'no-eligible-partner', 'outcompeted', 'below-min-score', 'capacity', 'rules', 'time-limit']).toContain(u.reason);
    expect(u.detail.length).toBeGreaterThan(0);
    expect(u.detail).not.toMatch(/NaN|undefined|\[object/);
    if (u.reason === 'not-volunteer') expect(p!.volunteer).toBe(false);
  }
  for (const p of people) {
    expect(load.has(p.id) || unmatchedIds.includes(p.id), `${p.id} accounted for`).toBe(true);
    if (program.constraints.volunteersOnly && !p.volunteer) expect(unmatchedIds, `${p.id} is not a volunteer`).toContain(p.id);
  }
  expect(Math.abs(result.objective - total)).toBeLessThan(1e-6);
  const order = result.pairs.map((p) => [p.juniorId, p.seniorId] as const);
  const sorted = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  expect(order, 'pairs sorted by junior id then senior id').toEqual(sorted);
  expect(result.stats.pairs).toBe(result.pairs.length);
  expect(result.stats.unmatched).toBe(result.unmatched.length);
  const ruled = program.quotas.length > 0 || program.objective === 'maximin' || options.engineRules === true;
  if (ruled && (result.status === 'optimal' || result.status === 'feasible')) checkQuotas(result, people, program);
  if (!ruled) {
    expect(result.status).toBe('optimal');
    expect(result.method).toBe('core');
  }
  if (result.stats.certificate !== null) {
    // Quotas that bind no one leave the core alone, with its certificate.
    expect(result.method).toBe('core');
    expect(result.stats.certificate.verified, 'certificate verified').toBe(true);
    if (!options.customScorers) checkCertificate(result, people, program, byId, seenPairs, options);
  } else expect(ruled, 'only rule solves lack a certificate').toBe(true);
  if (result.status === 'optimal') {
    expect(result.gap).toBe(0);
    if (program.objective !== 'maxScore') expect(result.stats.pairsProven).toBe(true);
  }
  if (program.objective === 'maxScore') expect(result.stats.pairsProven).toBeNull();
  if (result.bound !== null) expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-6);
}

/** Recomputes every quota of the program on the result's pairs, from the raw fields. */
export function checkQuotas(result: MatchResult, people: readonly Participant[], program: Program): void {
  const byId = new Map(people.map((p) => [p.id, p] as const));
  const pairs = result.pairs.map((p) => [byId.get(p.juniorId)!, byId.get(p.seniorId)!] as const);
  expect(quotaViolations(pairs, people, program)).toEqual([]);
}

/** The quotas a set of pairs breaks, recomputed from the raw fields (one line per broken group). */
export function quotaViolations(pairs: readonly (readonly [Participant, Participant])[], people: readonly Participant[], program: Program): string[] {
  const out: string[] = [];
  const expectAtLeast = (value: number, least: number, what: string) => {
    if (value < least - 1e-9) out.push(`${what}: ${value} < ${least}`);
  };
  const expectAtMost = (value: number, most: number, what: string) => {
    if (value > most + 1e-9) out.push(`${what}: ${value} > ${most}`);
  };
  const paired = new Set(pairs.flatMap(([j, s]) => [j.id, s.id]));
  const tol = 0;
  for (const q of program.quotas) {
    if (q.kind === 'minShare' || q.kind === 'maxShare') {
      const hits = pairs.filter(([j, s]) =>
        q.where === 'differentSite'
          ? j.site != null && s.site != null && j.site !== s.site
          : q.where === 'differentDepartment'
            ? j.department !== s.department
            : (q.where.side === 'junior' ? j : s).attributes?.[q.where.attribute] === q.where.equals,
      ).length;
      if (q.kind === 'minShare') expectAtLeast(hits, q.share * pairs.length - tol, `quota ${q.id}`);
      else expectAtMost(hits, q.share * pairs.length + tol, `quota ${q.id}`);
    } else if (q.kind === 'minPairs' || q.kind === 'maxPairs') {
      const side = q.per.side;
      const valuesOf = (p: Participant): string[] => {
        if ('attribute' in q.per) {
          const v = p.attributes?.[q.per.attribute];
          return v === undefined || v === null ? [] : [`${typeof v}:${String(v)}`];
        }
        if (q.per.field === 'department') return [`string:${p.department}`];
        if (q.per.field === 'site') return p.site == null ? [] : [`string:${p.site}`];
        return [...new Set(p.tags ?? [])].map((t) => `string:${t}`);
      };
      const counts = new Map<string, number>();
      const matchable = people.filter((p) => p.role === side && (p.volunteer || !program.constraints.volunteersOnly));
      const groups = q.values ? q.values.map((v) => `${typeof v}:${String(v)}`) : [...new Set(matchable.flatMap(valuesOf))];
      for (const g of groups) counts.set(g, 0);
      for (const [j, s] of pairs) for (const v of valuesOf(side === 'junior' ? j : s)) if (counts.has(v)) counts.set(v, counts.get(v)! + 1);
      for (const [g, n] of counts) {
        if (q.kind === 'minPairs') expectAtLeast(n, q.count, `quota ${q.id} group ${g}`);
        else expectAtMost(n, q.count, `quota ${q.id} group ${g}`);
      }
    } else {
      const must = q as Extract<Program['quotas'][number], { kind: 'mustMatch' }>;
      const named = must.ids ? new Set(must.ids) : null;
      for (const p of people) {
        const listed = named ? named.has(p.id) : (p.tags ?? []).includes(must.tag ?? '');
        if (!listed || (program.constraints.volunteersOnly && !p.volunteer)) continue;
        if (!paired.has(p.id)) out.push(`mustMatch ${q.id}: ${p.id} not paired`);
      }
    }
  }
  return out;
}

/**
 * Recomputes the dual bound of the certificate from the documented formulas: over every eligible
 * pair that is not locked, with the capacities the locked pairs leave, the bound must equal the
 * total of the unlocked pairs (LP duality), and the duals must have the signs of the objective.
 */
function checkCertificate(
  result: MatchResult,
  people: readonly Participant[],
  program: Program,
  byId: Map<string, Participant>,
  chosen: ReadonlySet<string>,
  options: CheckOptions,
): void {
  const certificate = result.stats.certificate!;
  const lockedKeys = new Set(program.constraints.lockedPairs.map((l) => `${l.juniorId}|${l.seniorId}`));
  const lockedLoad = new Map<string, number>();
  for (const key of lockedKeys) for (const id of key.split('|')) lockedLoad.set(id, (lockedLoad.get(id) ?? 0) + 1);
  const capacity = (p: Participant) => (p.capacity ?? program.capacity[p.role]) - (lockedLoad.get(p.id) ?? 0);
  const lambda = certificate.cardinality;
  if (program.objective === 'maxScore') expect(lambda).toBe(0);
  let bound = 0;
  let primal = 0;
  let count = 0;
  let scale = 0;
  for (const [id, u] of Object.entries(certificate.juniors)) {
    expect(u, `junior dual ${id} >= 0`).toBeGreaterThanOrEqual(0);
    bound += capacity(byId.get(id)!) * u;
  }
  for (const [id, v] of Object.entries(certificate.seniors)) {
    expect(v, `senior dual ${id} >= 0`).toBeGreaterThanOrEqual(0);
    bound += capacity(byId.get(id)!) * v;
  }
  const juniors = people.filter((p) => p.role === 'junior' && certificate.juniors[p.id] !== undefined);
  const seniors = people.filter((p) => p.role === 'senior' && certificate.seniors[p.id] !== undefined);
  for (const j of juniors) {
    for (const s of seniors) {
      const key = `${j.id}|${s.id}`;
      if (lockedKeys.has(key) || options.forbidden?.has(key)) continue;
      if (brokenRules(j, s, program, byId).length > 0) continue;
      const w = naiveScore(j, s, program);
      if (w < program.constraints.minScore - 1e-9) continue;
      scale = Math.max(scale, Math.abs(w));
      const excess = w - certificate.juniors[j.id]! - certificate.seniors[s.id]! - lambda;
      if (excess > 0) bound += excess;
      if (chosen.has(key)) {
        primal += w;
        count++;
      }
    }
  }
  bound += count * lambda;
  expect(Math.abs(bound - primal), 'dual bound equals the total of the unlocked pairs').toBeLessThan(1e-9 * Math.max(1, scale) * Math.max(1, count) + 1e-9);
}
