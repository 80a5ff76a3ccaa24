import { PluginError } from '../errors';
import type { Participant } from '../model/participant';
import type { Prepared } from './prepare';

/**
 * Tolerance of the `minScore` test, in score points: a pair scoring within 1e-9 of the minimum
 * passes, so that the rounding of a weighted sum (49.99999999999999 for an exact 50) never decides
 * eligibility.
 */
export const MIN_SCORE_TOLERANCE = 1e-9;

/** Whether a pair score falls below `minScore` (beyond {@link MIN_SCORE_TOLERANCE}). */
export function belowMinScore(score: number, minScore: number): boolean {
  return score < minScore - MIN_SCORE_TOLERANCE;
}

/** Sentinel of {@link firstRefusal} for a pair refused by `minScore` only. */
export const MIN_SCORE_RULE = 'minScore';

/**
 * Builds the hot scoring function of a prepared cohort: the pair score 0..100 (the weighted sum
 * of the scorers), without checking constraints. Custom scorers' values are checked to be in
 * [0, 1].
 */
export function makeScore(prepared: Prepared): (junior: Participant, senior: Participant) => number {
  const scorers = prepared.scorers;
  const count = scorers.length;
  return (junior, senior) => {
    let total = 0;
    for (let k = 0; k < count; k++) {
      const entry = scorers[k]!;
      const value = entry.scorer.score(junior, senior);
      if (entry.custom && !(value >= 0 && value <= 1)) {
        throw new PluginError([
          { path: ['scorers', entry.scorer.id], message: `score(${junior.id}, ${senior.id}) must return a number in [0, 1]`, received: value },
        ]);
      }
      total += entry.coef * value;
    }
    return total;
  };
}

/**
 * Builds the hot eligibility function: the pair score when every hard rule allows the pair and
 * the score reaches `minScore`, else `NaN`.
 */
export function makeEligibleScore(prepared: Prepared): (junior: Participant, senior: Participant) => number {
  const score = makeScore(prepared);
  const constraints = prepared.constraints;
  const count = constraints.length;
  const minScore = prepared.program.constraints.minScore;
  return (junior, senior) => {
    for (let k = 0; k < count; k++) if (!constraints[k]!.allows(junior, senior)) return Number.NaN;
    const value = score(junior, senior);
    return belowMinScore(value, minScore) ? Number.NaN : value;
  };
}

/**
 * The first rule that refuses a pair (cold path): a constraint id, {@link MIN_SCORE_RULE}, or
 * `undefined` when the pair is eligible.
 */
export function firstRefusal(prepared: Prepared, junior: Participant, senior: Participant, score: (j: Participant, s: Participant) => number): string | undefined {
  for (const c of prepared.constraints) if (!c.allows(junior, senior)) return c.id;
  return belowMinScore(score(junior, senior), prepared.program.constraints.minScore) ? MIN_SCORE_RULE : undefined;
}
