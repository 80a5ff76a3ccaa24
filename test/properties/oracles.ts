/**
 * Naive oracles of the property tests, independent of the engine's solvers: the best set of pairs
 * by enumeration, the largest number of pairs by a textbook maximum flow, and whether locked pairs
 * can hold by the README's reading of the rules.
 */
import { parseParticipants, parseProgram, scorePairs, type Participant } from '../../src/index';
import type { RawInput } from '../helpers/arbitraries';
import { brokenRules, naiveScore, quotaViolations } from '../helpers/check-result';
import { bestSubset, type PairSet } from '../helpers/subsets';
import { MIN_SCORE_TOLERANCE } from '../../src/engine/pair-scoring';

/** Parsed program and participants of a raw input, with capacities and the score matrix. */
export function parsed(input: RawInput) {
  const program = parseProgram(input.program);
  const people = parseParticipants(input.participants, { skills: program.skills });
  const byId = new Map(people.map((p) => [p.id, p] as const));
  const capacity = (id: string) => {
    const p = byId.get(id)!;
    return p.capacity ?? program.capacity[p.role];
  };
  return { program, people, byId, capacity };
}

/**
 * The best set of eligible pairs within capacities that holds the locked pairs and meets every
 * quota (recomputed from the raw fields), by enumerating every subset; null when none does.
 * `maximin` is read as `maxPairsThenScore` (most pairs, then the best total).
 */
export function bruteBest(input: RawInput): PairSet | null {
  const { program, people, byId, capacity } = parsed(input);
  const scores = scorePairs(input.participants, { ...program, constraints: { ...program.constraints, lockedPairs: [] } });
  const locked = program.constraints.lockedPairs.map((l) => [scores.juniorIds.indexOf(l.juniorId), scores.seniorIds.indexOf(l.seniorId)] as const);
  const objective = program.objective === 'maxScore' ? 'maxScore' : 'maxPairsThenScore';
  return bestSubset(scores, scores.juniorIds.map(capacity), scores.seniorIds.map(capacity), objective, (pairs) => {
    if (!locked.every(([r, c]) => pairs.some(([a, b]) => a === r && b === c))) return false;
    if (program.quotas.length === 0) return true;
    const chosen = pairs.map(([r, c]) => [byId.get(scores.juniorIds[r]!)!, byId.get(scores.seniorIds[c]!)!] as const) as (readonly [Participant, Participant])[];
    return quotaViolations(chosen, people, program).length === 0;
  });
}

/**
 * Whether the locked pairs can all hold, by the README's reading of the rules, `minScore` being met
 * within {@link MIN_SCORE_TOLERANCE} (the deep run found the oracle without it calling a locked
 * pair of 14.999999999999998 by the naive sum, 15 by the engine, below a `minScore` of 15).
 * `problem` says why they cannot (a rule, `minScore`, a repeat, a capacity); null when they can.
 * `edge` names a locked pair whose naive score lies within 1e-12 of `minScore -
 * MIN_SCORE_TOLERANCE`: the naive sum and the engine's differ by a few ulps and may fall on either
 * side of that edge, so when `problem` is null either answer is right.
 */
export function lockProblem(input: RawInput): { readonly problem: string | null; readonly edge: string | null } {
  const { program, byId, capacity } = parsed(input);
  const load = new Map<string, number>();
  const seen = new Set<string>();
  const lowest = program.constraints.minScore - MIN_SCORE_TOLERANCE;
  let edge: string | null = null;
  for (const { juniorId, seniorId } of program.constraints.lockedPairs) {
    const j = byId.get(juniorId)!;
    const s = byId.get(seniorId)!;
    const key = `${juniorId}|${seniorId}`;
    if (seen.has(key)) return { problem: `${key} listed twice`, edge };
    seen.add(key);
    const broken = brokenRules(j, s, program, byId);
    if (broken.length > 0) return { problem: `${key} breaks ${broken.join(', ')}`, edge };
    const score = naiveScore(j, s, program);
    if (Math.abs(score - lowest) < 1e-12) edge ??= key;
    else if (score < lowest) return { problem: `${key} below minScore`, edge };
    for (const id of [juniorId, seniorId]) load.set(id, (load.get(id) ?? 0) + 1);
  }
  for (const [id, n] of load) if (n > capacity(id)) return { problem: `${id} locked ${n} times`, edge };
  return { problem: null, edge };
}

/** Eligible pairs (row, col in id order), the distinct scores they have, and capacities. */
export function eligibleOf(input: RawInput) {
  const { capacity } = parsed(input);
  const scores = scorePairs(input.participants, input.program);
  const m = scores.seniorIds.length;
  const edges: [number, number][] = [];
  const values = new Set<number>();
  scores.juniorIds.forEach((_, r) => {
    for (let c = 0; c < m; c++) {
      const w = scores.scores[r * m + c]!;
      if (Number.isNaN(w)) continue;
      edges.push([r, c]);
      values.add(w);
    }
  });
  return { scores, edges, values, rowCap: scores.juniorIds.map(capacity), colCap: scores.seniorIds.map(capacity) };
}

/** Largest number of pairs within capacities: a maximum flow source -> junior -> senior -> sink. */
export function maxPairs(edges: readonly (readonly [number, number])[], rowCap: readonly number[], colCap: readonly number[]): number {
  const n = rowCap.length;
  const size = n + colCap.length + 2;
  const source = size - 2;
  const sink = size - 1;
  const cap = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  rowCap.forEach((c, r) => (cap[source]![r] = c));
  colCap.forEach((c, k) => (cap[n + k]![sink] = c));
  for (const [r, c] of edges) cap[r]![n + c] = 1;
  const augment = (u: number, seen: boolean[]): boolean => {
    if (u === sink) return true;
    seen[u] = true;
    for (let v = 0; v < size; v++) {
      if (seen[v] || cap[u]![v]! <= 0 || !augment(v, seen)) continue;
      cap[u]![v]!--;
      cap[v]![u]!++;
      return true;
    }
    return false;
  };
  let flow = 0;
  while (augment(source, new Array<boolean>(size).fill(false))) flow++;
  return flow;
}
