import { match, matchKeeping } from '../engine/match';
import type { MatchInput, MatchOptions } from '../engine/options';
import { ValidationError, type Issue } from '../errors';
import { parseParticipants, type Participant } from '../model/participant';
import { parseProgram, type PairRef } from '../model/program';
import type { MatchResult } from '../model/result';

/** What changed in the cohort since the previous result. */
export interface CohortChange {
  /** Ids of people who left the programme. */
  readonly left?: readonly string[];
  /** People who joined (full participant records, raw or parsed). */
  readonly joined?: readonly unknown[];
  /** Pairs that did not work: never formed again. */
  readonly failed?: readonly PairRef[];
}

/** One line of what a re-match changed, and why. */
export interface PairChange {
  /**
   * `kept`: an unaffected pair left as it was; `moved`: an unaffected pair broken up for a better
   * total (within `maxChanges`); `ended`: a pair of the previous result that is gone because a
   * member left or it failed; `new`: a pair that did not exist before.
   */
  readonly kind: 'kept' | 'moved' | 'ended' | 'new';
  readonly juniorId: string;
  readonly seniorId: string;
  /** Why, in the result's locale. */
  readonly reason: string;
}

/** Options of {@link rematch}: those of `match`, plus how many unaffected pairs may move. */
export interface RematchOptions extends MatchOptions {
  /** How many unaffected pairs may be broken up for a better total. Default 0. */
  readonly maxChanges?: number;
}

/** What {@link rematch} returns: the new result and exactly what changed. */
export interface RematchResult extends MatchResult {
  /** Every pair of the previous result and of the new one, with what happened to it. */
  readonly changes: readonly PairChange[];
  /**
   * What the optimality claim covers: the result is optimal among the solutions that keep all
   * unaffected pairs but at most `maxChanges` (and never re-form a failed pair).
   */
  readonly optimalUnder: { readonly unaffectedPairs: number; readonly maxChanges: number };
}

const key = (p: PairRef) => `${p.juniorId}\u0000${p.seniorId}`;

/**
 * Re-matches a running cohort after people left, joined, or pairs failed. Unaffected pairs (both
 * members still there, the pair not failed) stay as they are, unless `maxChanges` allows breaking
 * up that many of them for a better result; failed pairs are never formed again; everyone else
 * (newcomers, people whose partner left or whose pair failed, people unpaired before) is matched
 * by the program's objective and rules. With `maxChanges` 0 the kept pairs are locked and the rest
 * is solved exactly by the core; above 0 the "keep all but k" rule is one more side rule for the
 * rules solver.
 *
 * @param previous - The result being changed (its pairs are read; never mutated).
 * @param change - Who left, who joined, which pairs failed.
 * @param input - The participants of the previous result (before the change) and the program.
 * @param options - `maxChanges` (default 0), and any option of `match`.
 * @returns A `MatchResult` of the changed cohort with `changes` and the scope of its optimality.
 * @throws ValidationError naming the bad id (`change.left[2]`, `change.failed[0].seniorId`, ...).
 * @example
 * const next = rematch(result, { left: ['s-1002'], failed: [{ juniorId: 'j-2001', seniorId: 's-1001' }] }, { participants, program });
 */
export function rematch(previous: MatchResult, change: CohortChange, input: MatchInput, options: RematchOptions = {}): RematchResult {
  const { maxChanges = 0, ...matchOptions } = options;
  const program = parseProgram(input.program ?? {});
  const before = parseParticipants(input.participants, { ...matchOptions.parse, skills: program.skills });
  const joined = parseParticipants(change.joined ?? [], { ...matchOptions.parse, skills: program.skills });
  const issues: Issue[] = [];
  if (!Number.isInteger(maxChanges) || maxChanges < 0) issues.push({ path: ['options', 'maxChanges'], message: 'must be a whole number >= 0', received: maxChanges });
  const known = new Map(before.map((p) => [p.id, p] as const));
  (change.left ?? []).forEach((id, i) => {
    if (!known.has(id)) issues.push({ path: ['change', 'left', i], message: 'names no participant of the cohort', received: id });
  });
  joined.forEach((p, i) => {
    if (known.has(p.id)) issues.push({ path: ['change', 'joined', i, 'id'], message: 'is already a participant of the cohort', received: p.id });
  });
  (change.failed ?? []).forEach((pair, i) => {
    for (const field of ['juniorId', 'seniorId'] as const) {
      if (!known.has(pair[field])) issues.push({ path: ['change', 'failed', i, field], message: 'names no participant of the cohort', received: pair[field] });
    }
  });
  previous.pairs.forEach((pair, i) => {
    for (const field of ['juniorId', 'seniorId'] as const) {
      if (!known.has(pair[field])) issues.push({ path: ['previous', 'pairs', i, field], message: 'names no participant of input.participants', received: pair[field] });
    }
  });
  const [first, ...rest] = issues;
  if (first) throw new ValidationError([first, ...rest]);

  const left = new Set(change.left ?? []);
  const failed = new Set((change.failed ?? []).map(key));
  const participants: Participant[] = [...before.filter((p) => !left.has(p.id)), ...joined];
  const unaffected = previous.pairs.filter((p) => !left.has(p.juniorId) && !left.has(p.seniorId) && !failed.has(key(p))).map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId }));
  const failedPairs = (change.failed ?? []).filter((p) => !left.has(p.juniorId) && !left.has(p.seniorId)).map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId }));
  // The program's own references to people who left are dropped, and a failed pair is no longer locked.
  const present = (p: PairRef) => !left.has(p.juniorId) && !left.has(p.seniorId);
  const programLocked = program.constraints.lockedPairs.filter((p) => present(p) && !failed.has(key(p)));
  const constraints = {
    ...program.constraints,
    forbiddenPairs: [...program.constraints.forbiddenPairs.filter(present), ...failedPairs],
    lockedPairs: maxChanges === 0 ? [...programLocked, ...unaffected.filter((p) => !programLocked.some((l) => key(l) === key(p)))] : programLocked,
  };
  const quotas = program.quotas
    .map((q) => (q.kind === 'mustMatch' && q.ids ? { ...q, ids: q.ids.filter((id) => !left.has(id)) } : q))
    .filter((q) => !(q.kind === 'mustMatch' && q.ids && q.ids.length === 0));
  const next = { participants, program: { ...program, constraints, quotas } };
  const keep = Math.max(0, unaffected.length - maxChanges);
  const result =
    maxChanges === 0 || unaffected.length === 0
      ? match(next, matchOptions)
      : matchKeeping(next, matchOptions, [{ id: 'unchanged-pairs', kind: 'keepPairs', pairs: unaffected, count: keep }]);

  const fr = (options.locale ?? 'en') === 'fr';
  const now = new Set(result.pairs.map(key));
  const name = (id: string) => {
    const p = known.get(id) ?? joined.find((q) => q.id === id);
    return p?.name ?? id;
  };
  const changes: PairChange[] = [];
  for (const p of previous.pairs) {
    const ref = { juniorId: p.juniorId, seniorId: p.seniorId };
    if (left.has(p.juniorId) || left.has(p.seniorId)) {
      const who = left.has(p.juniorId) ? p.juniorId : p.seniorId;
      changes.push({ kind: 'ended', ...ref, reason: fr ? `${name(who)} a quitté le programme` : `${name(who)} left the programme` });
    } else if (failed.has(key(p))) {
      changes.push({ kind: 'ended', ...ref, reason: fr ? 'le binôme n’a pas fonctionné : il ne sera pas reformé' : 'the pair did not work: it is never formed again' });
    } else if (now.has(key(p))) {
      changes.push({ kind: 'kept', ...ref, reason: fr ? 'binôme non concerné par le changement, gardé' : 'unaffected by the change, kept' });
    } else {
      changes.push({
        kind: 'moved',
        ...ref,
        reason: fr
          ? `binôme défait pour un meilleur résultat (au plus ${maxChanges} ${maxChanges > 1 ? 'binômes inchangés peuvent bouger' : 'binôme inchangé peut bouger'})`
          : `broken up for a better result (at most ${maxChanges} unaffected ${maxChanges === 1 ? 'pair' : 'pairs'} may move)`,
      });
    }
  }
  const previousKeys = new Set(previous.pairs.map(key));
  const joinedIds = new Set(joined.map((p) => p.id));
  for (const p of result.pairs) {
    if (previousKeys.has(key(p))) continue;
    const newcomer = [p.juniorId, p.seniorId].filter((id) => joinedIds.has(id)).map(name);
    const reason = newcomer.length > 0 ? (fr ? `${newcomer.join(' et ')} vient d’arriver` : `${newcomer.join(' and ')} joined`) : fr ? 'nouveau binôme formé avec les personnes libres' : 'new pair among the people left free';
    changes.push({ kind: 'new', juniorId: p.juniorId, seniorId: p.seniorId, reason });
  }
  const order = { ended: 0, moved: 1, kept: 2, new: 3 } as const;
  changes.sort((a, b) => order[a.kind] - order[b.kind] || (a.juniorId < b.juniorId ? -1 : a.juniorId > b.juniorId ? 1 : a.seniorId < b.seniorId ? -1 : a.seniorId > b.seniorId ? 1 : 0));
  return { ...result, changes, optimalUnder: { unaffectedPairs: unaffected.length, maxChanges } };
}
