import { throwIfPluginProblems } from '../errors';
import type { Reason } from '../explain/messages/types';
import type { CohortContext } from '../model/context';
import type { Participant } from '../model/participant';

/** A hard rule on a single pair; built-ins and user constraints alike. */
export interface PairConstraint {
  /** Name in explanations and in unmatched details (`23 by sharedLanguage`). */
  readonly id: string;
  /** Hot path, called for every pair: may this junior be paired with this senior? No allocation. */
  allows(junior: Participant, senior: Participant): boolean;
  /** Cold path, called only for a refused pair that is shown: why it is refused. */
  why(junior: Participant, senior: Participant): Reason;
  /**
   * Cold path, optional: something to say about an allowed pair, such as the rule not applying
   * because one side lacks the field it needs.
   */
  note?(junior: Participant, senior: Participant): Reason | undefined;
}

/**
 * A constraint, or a factory that builds one for a cohort (to precompute tables once per match).
 * Pass custom ones in `match(input, { constraints: [...] })`.
 */
export type ConstraintPlugin = PairConstraint | ((context: CohortContext) => PairConstraint);

/**
 * Declares a custom hard constraint. Checks its shape now, so that a mistake is reported where it
 * is made.
 *
 * @param constraint - A constraint object, or a factory receiving the {@link CohortContext}.
 * @returns The same plug-in (never modified).
 * @throws {@link PluginError} when a constraint object lacks an id or a method.
 * @example
 * const sameCountry = defineConstraint({
 *   id: 'sameCountry',
 *   allows: (j, s) => j.attributes?.country === s.attributes?.country,
 *   why: () => ({ text: { en: 'different countries', fr: 'pays différents' } }),
 * });
 * match({ participants, program }, { constraints: [sameCountry] });
 */
export function defineConstraint(constraint: ConstraintPlugin): ConstraintPlugin {
  if (typeof constraint !== 'function') checkConstraint(constraint, 'defineConstraint');
  return constraint;
}

/**
 * Checks a constraint object's shape.
 *
 * @internal
 * @throws {@link PluginError} naming the missing part.
 */
export function checkConstraint(constraint: unknown, where: string): asserts constraint is PairConstraint {
  const c = constraint as Partial<Record<keyof PairConstraint, unknown>> | null;
  const problems: string[] = [];
  if (c === null || typeof c !== 'object') problems.push('must be an object or a factory function');
  else {
    if (typeof c.id !== 'string' || c.id === '') problems.push('id must be a non-empty string');
    if (typeof c.allows !== 'function') problems.push('allows must be a function (junior, senior) => boolean');
    if (typeof c.why !== 'function') problems.push('why must be a function (junior, senior) => Reason');
    if (c.note !== undefined && typeof c.note !== 'function') problems.push('note, when given, must be a function');
  }
  throwIfPluginProblems(c, where, problems);
}
