import { LockedPairConflictError, ValidationError, type Issue } from '../errors';
import { renderReason } from '../explain/messages/render';
import type { Reason } from '../explain/messages/types';
import { displayName } from '../model/context';
import type { Participant } from '../model/participant';
import type { Contribution, MatchResult } from '../model/result';
import type { RuleStatus } from '../rules/solve';
import { match } from './match';
import type { MatchInput, MatchOptions } from './options';
import { belowMinScore, makeScore } from './pair-scoring';
import { prepare } from './prepare';

/** The pair asked about. */
export interface PairQuestion {
  readonly juniorId: string;
  readonly seniorId: string;
}

/** A hard rule that refuses the pair, with its reason in the result's locale. */
export interface PairRefusal {
  /** Constraint id (`sharedLanguage`, a custom constraint's id) or `minScore`. */
  readonly rule: string;
  readonly reason: string;
}

/** What forcing the pair into the cohort changes, against the result without it. */
export interface ForcedPair {
  /** Status of the solve with the pair locked. */
  readonly status: RuleStatus;
  /** Number of pairs with the pair forced. */
  readonly pairs: number;
  /** Total score with the pair forced. */
  readonly totalScore: number;
  /** Pairs fewer than in the result (0 for `maxScore`-like outcomes that keep the count). */
  readonly pairsLost: number;
  /** Total score lost: result total minus forced total (negative when forcing costs pairs but frees score). */
  readonly cost: number;
  /** Pairs of the result that the forced solution breaks up. */
  readonly changedPairs: readonly { readonly juniorId: string; readonly seniorId: string }[];
}

/** The answer of {@link explainPairChoice}. */
export interface PairChoice {
  readonly juniorId: string;
  readonly seniorId: string;
  /** `paired`: in the result; `not-chosen`: eligible but not in it; `refused`: a hard rule forbids it. */
  readonly verdict: 'paired' | 'not-chosen' | 'refused';
  /** Pair score 0..100, also for a refused pair (what it would have scored). */
  readonly score: number;
  /** The scorers' shares of `score`, with reasons. */
  readonly contributions: readonly Contribution[];
  /** Every hard rule that refuses the pair, in attribution order; empty when eligible. */
  readonly refusals: readonly PairRefusal[];
  /** What forcing the pair changes; `null` when it is paired already or refused. */
  readonly forced: ForcedPair | null;
  /** A readable paragraph: the verdict, why, and what forcing would cost. */
  readonly explanation: string;
  /** The result the question is answered against (`match` on the same input and options). */
  readonly result: MatchResult;
}

/**
 * Answers "why are these two (not) paired?": whether the pair is in the best result, which hard
 * rules refuse it if any, and otherwise what forcing it would cost, found by solving again with the
 * pair locked (so the rules and the objective of the program are all taken into account). When
 * either solve is not proven optimal (time limit), the cost is measured between the solutions
 * found.
 *
 * @param input - Participants and program, as for `match`; never mutated.
 * @param question - The junior's and the senior's ids.
 * @param options - As for `match`; `locale` sets the language of the explanation.
 * @returns The verdict, the pair's score and contributions, refusals, the cost of forcing it and
 *   the result it is measured against.
 * @throws ValidationError when an id names nobody or the wrong role, and as `match` does.
 * @example
 * const why = explainPairChoice({ participants, program }, { juniorId: 'j-2001', seniorId: 's-1003' });
 * console.log(why.explanation);
 */
export function explainPairChoice(input: MatchInput, question: PairQuestion, options: MatchOptions = {}): PairChoice {
  const prepared = prepare(input, options);
  const junior = findPerson(prepared.context.byId, question.juniorId, 'junior', 'juniorId');
  const senior = findPerson(prepared.context.byId, question.seniorId, 'senior', 'seniorId');
  const locale = options.locale ?? 'en';
  const render = (reason: Reason) => renderReason(reason, locale);

  let score = 0;
  const contributions: Contribution[] = prepared.scorers.map(({ scorer, coef, share }) => {
    const value = scorer.score(junior, senior);
    score += coef * value;
    return { scorer: scorer.id, points: coef * value, value, share, reasons: scorer.explain(junior, senior).map(render) };
  });
  const refusals: PairRefusal[] = prepared.constraints
    .filter((c) => !c.allows(junior, senior))
    .map((c) => ({ rule: c.id, reason: render(c.why(junior, senior)) }));
  const minScore = prepared.program.constraints.minScore;
  if (belowMinScore(makeScore(prepared)(junior, senior), minScore)) {
    refusals.push({ rule: 'minScore', reason: render({ messageId: 'constraint.minScore', params: { score, min: minScore } }) });
  }

  const result = match(input, options);
  const names = { junior: displayName(junior), senior: displayName(senior) };
  const base = { juniorId: junior.id, seniorId: senior.id, score, contributions, refusals, result };
  const inResult = result.pairs.find((p) => p.juniorId === junior.id && p.seniorId === senior.id);
  if (inResult) {
    const text = [render({ messageId: 'choice.paired', params: { ...names, score } }), inResult.explanation];
    return { ...base, verdict: 'paired', forced: null, explanation: text.join(' ') };
  }
  if (refusals.length > 0) {
    const text = render({ messageId: 'choice.refused', params: { ...names, score, reasons: refusals.map((r) => r.reason) } });
    return { ...base, verdict: 'refused', forced: null, explanation: text };
  }

  const partnerNames = (id: string, key: 'juniorId' | 'seniorId', other: 'juniorId' | 'seniorId') =>
    result.pairs.filter((p) => p[key] === id).map((p) => displayName(prepared.context.byId.get(p[other])!));
  const text = [
    render({
      messageId: 'choice.notChosen',
      params: { ...names, score, juniorWith: partnerNames(junior.id, 'juniorId', 'seniorId'), seniorWith: partnerNames(senior.id, 'seniorId', 'juniorId') },
    }),
  ];
  const program = prepared.program;
  const alreadyLocked = program.constraints.lockedPairs.some((l) => l.juniorId === junior.id && l.seniorId === senior.id);
  const lockedPairs = alreadyLocked ? program.constraints.lockedPairs : [...program.constraints.lockedPairs, { juniorId: junior.id, seniorId: senior.id }];
  let withPair: MatchResult | null;
  try {
    withPair = match({ participants: prepared.participants, program: { ...program, constraints: { ...program.constraints, lockedPairs } } }, options);
  } catch (error) {
    // With the other locked pairs, one of the two has no capacity left for this one.
    if (!(error instanceof LockedPairConflictError)) throw error;
    withPair = null;
  }
  let forced: ForcedPair | null = null;
  if (withPair === null || withPair.status === 'infeasible') text.push(render({ messageId: 'choice.forceInfeasible', params: {} }));
  else if (withPair.status === 'time-limit') text.push(render({ messageId: 'choice.forceStopped', params: {} }));
  else {
    const kept = new Set(withPair.pairs.map((p) => `${p.juniorId}\u0000${p.seniorId}`));
    const changedPairs = result.pairs.filter((p) => !kept.has(`${p.juniorId}\u0000${p.seniorId}`)).map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId }));
    const cost = result.objective - withPair.objective;
    const pairsLost = result.pairs.length - withPair.pairs.length;
    forced = { status: withPair.status, pairs: withPair.pairs.length, totalScore: withPair.objective, pairsLost, cost, changedPairs };
    const changed = changedPairs.length;
    text.push(
      render(
        pairsLost > 0 && program.objective !== 'maxScore'
          ? { messageId: 'choice.forcePairs', params: { lost: pairsLost, cost, changed } }
          : { messageId: 'choice.forceCost', params: { cost: Math.max(0, cost), changed } },
      ),
    );
  }
  return { ...base, verdict: 'not-chosen', forced, explanation: text.join(' ') };
}

function findPerson(byId: ReadonlyMap<string, Participant>, id: string, role: 'junior' | 'senior', field: string): Participant {
  const person = byId.get(id);
  let issue: Issue | undefined;
  if (!person) issue = { path: [field], message: 'names no participant', received: id };
  else if (person.role !== role) issue = { path: [field], message: `names a ${person.role}, not a ${role}`, received: id };
  if (issue) throw new ValidationError([issue]);
  return person!;
}
