import { makeEligibleScore } from './pair-scoring';
import { prepare } from './prepare';
import type { MatchInput, MatchOptions } from './options';

/** Scores of every junior x senior pair, as `scorePairs` returns them. */
export interface PairScores {
  /** Every junior's id, sorted: the rows. */
  readonly juniorIds: readonly string[];
  /** Every senior's id, sorted: the columns. */
  readonly seniorIds: readonly string[];
  /** Row-major juniors x seniors, 0..100; `NaN` where a hard rule (`minScore` included) forbids the pair. */
  readonly scores: Float64Array;
}

/**
 * Scores every junior x senior pair of a cohort, as `match` sees them, without solving.
 *
 * @param participants - Raw participants or the output of `parseParticipants`.
 * @param program - Raw program or the output of `parseProgram`; absent means the default program.
 * @param options - Custom scorers and constraints, parse options.
 * @returns Ids in id order and a dense row-major score matrix (`NaN` = forbidden). It holds
 *   juniors x seniors numbers: for very large cohorts prefer `match`, which stores eligible pairs only.
 * @throws ValidationError for bad input, PluginError for a bad plug-in.
 * @example
 * const { juniorIds, seniorIds, scores } = scorePairs(participants, {});
 * const score = scores[juniorIds.indexOf('j-1') * seniorIds.length + seniorIds.indexOf('s-7')];
 */
export function scorePairs(participants: unknown, program?: unknown, options: MatchOptions = {}): PairScores {
  const input: MatchInput = program === undefined ? { participants } : { participants, program };
  const prepared = prepare(input, options);
  const { juniors, seniors } = prepared.context;
  const eligibleScore = makeEligibleScore(prepared);
  const scores = new Float64Array(juniors.length * seniors.length);
  juniors.forEach((junior, r) => {
    const offset = r * seniors.length;
    seniors.forEach((senior, c) => {
      scores[offset + c] = eligibleScore(junior, senior);
    });
  });
  return { juniorIds: juniors.map((p) => p.id), seniorIds: seniors.map((p) => p.id), scores };
}
