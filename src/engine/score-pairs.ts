import { makeScoreRow } from './row-scoring';
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
  const scoreRow = makeScoreRow(prepared, juniors, seniors);
  const cols = seniors.length;
  const scores = new Float64Array(juniors.length * cols).fill(Number.NaN);
  const candidates = new Int32Array(cols);
  const total = new Float64Array(cols);
  for (let r = 0; r < juniors.length; r++) {
    const count = scoreRow(r, candidates, total);
    const offset = r * cols;
    for (let i = 0; i < count; i++) scores[offset + candidates[i]!] = total[i]!;
  }
  return { juniorIds: juniors.map((p) => p.id), seniorIds: seniors.map((p) => p.id), scores };
}
