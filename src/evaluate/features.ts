import { prepare, type Prepared } from '../engine/prepare';
import type { MatchOptions } from '../engine/options';
import { belowMinScore, makeScore, MIN_SCORE_RULE } from '../engine/pair-scoring';
import type { Cohort } from '../model/history';
import type { Participant } from '../model/participant';
import type { Program } from '../model/program';
import { builtinScorerIds } from '../scoring/builtins';

/**
 * A cohort bound twice: once under the program as given (for its pair score and hard rules), once
 * with every scorer switched on (for the value of each criterion, weighted or not).
 */
export interface CohortFeatures {
  /** Scorer ids, in feature order: the built-ins, then the custom scorers the program weighs. */
  readonly scorers: readonly string[];
  /** Each scorer's value for a pair, in [0, 1], in `scorers` order. */
  values(junior: Participant, senior: Participant): number[];
  /** The engine's pair score under the program's weights, 0..100. */
  score(junior: Participant, senior: Participant): number;
  /** Hard rules of the program the pair breaks, in attribution order. */
  breaks(junior: Participant, senior: Participant): string[];
  /** Participants of the cohort by id. */
  readonly byId: ReadonlyMap<string, Participant>;
}

/**
 * Binds a past cohort for evaluation.
 *
 * @param cohort - A validated cohort.
 * @param program - The program whose score and rules are evaluated.
 * @param options - Custom scorers and constraints, as for `match`.
 */
export function cohortFeatures(cohort: Cohort, program: Program, options: MatchOptions): CohortFeatures {
  const asGiven = prepare({ participants: cohort.participants, program }, options);
  const everyScorer = prepareAllScorers(cohort, program, options);
  const ids = everyScorer.scorers.map((s) => s.scorer.id);
  const score = makeScore(asGiven);
  const minScore = program.constraints.minScore;
  return {
    scorers: ids,
    values: (j, s) => everyScorer.scorers.map((entry) => entry.scorer.score(j, s)),
    score,
    breaks: (j, s) => {
      const rules = asGiven.constraints.filter((c) => !c.allows(j, s)).map((c) => c.id);
      if (minScore > 0 && belowMinScore(score(j, s), minScore)) rules.push(MIN_SCORE_RULE);
      return rules;
    },
    byId: asGiven.context.byId,
  };
}

/**
 * The cohort prepared with every built-in scorer and every scorer the program names weighted, so
 * that each one's value can be read, weighted or not.
 */
function prepareAllScorers(cohort: Cohort, program: Program, options: MatchOptions): Prepared {
  const weights: Record<string, number> = {};
  for (const id of [...builtinScorerIds, ...Object.keys(program.weights)]) weights[id] = 1;
  return prepare({ participants: cohort.participants, program: { ...program, weights } }, options);
}
