import { throwIfPluginProblems } from '../errors';
import type { Reason } from '../explain/messages/types';
import type { CohortContext } from '../model/context';
import type { Participant } from '../model/participant';

/** A scoring term; built-ins and user scorers alike. Its weight comes from `program.weights[id]`. */
export interface Scorer {
  /** Key in `program.weights` and in explanations. */
  readonly id: string;
  /**
   * Hot path, called for every eligible pair: a number in [0, 1]. Must not allocate, must not
   * mutate its arguments, and must be deterministic.
   */
  score(junior: Participant, senior: Participant): number;
  /** Cold path, called for shown pairs only: why the pair scores what it does. */
  explain(junior: Participant, senior: Participant): readonly Reason[];
}

/**
 * A scorer, or a factory that builds one for a cohort (to precompute tables once per match).
 * Pass custom ones in `match(input, { scorers: [...] })` and give them a weight in the program.
 */
export type ScorerPlugin = Scorer | ((context: CohortContext) => Scorer);

/**
 * Declares a custom scorer. Checks its shape now, so that a mistake is reported where it is made.
 *
 * @param scorer - A scorer object, or a factory receiving the {@link CohortContext}.
 * @returns The same plug-in (never modified).
 * @throws {@link PluginError} when a scorer object lacks an id or a method.
 * @example
 * const seniority = defineScorer({
 *   id: 'seniority',
 *   score: (j, s) => Math.min(1, Math.max(0, ((s.tenureYears ?? 0) - (j.tenureYears ?? 0)) / 30)),
 *   explain: (j, s) => [{ text: `${s.tenureYears ?? 0} vs ${j.tenureYears ?? 0} years in the company` }],
 * });
 * match({ participants, program: { weights: { skillGap: 0.8, seniority: 0.2 } } }, { scorers: [seniority] });
 */
export function defineScorer(scorer: ScorerPlugin): ScorerPlugin {
  if (typeof scorer !== 'function') checkScorer(scorer, 'defineScorer');
  return scorer;
}

/**
 * Checks a scorer object's shape.
 *
 * @internal
 * @throws {@link PluginError} naming the missing part.
 */
export function checkScorer(scorer: unknown, where: string): asserts scorer is Scorer {
  const s = scorer as Partial<Record<keyof Scorer, unknown>> | null;
  const problems: string[] = [];
  if (s === null || typeof s !== 'object') problems.push('must be an object or a factory function');
  else {
    if (typeof s.id !== 'string' || s.id === '') problems.push('id must be a non-empty string');
    if (typeof s.score !== 'function') problems.push('score must be a function (junior, senior) => number in [0, 1]');
    if (typeof s.explain !== 'function') problems.push('explain must be a function (junior, senior) => Reason[]');
  }
  throwIfPluginProblems(s, where, problems);
}
