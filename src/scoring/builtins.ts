import type { CohortContext } from '../model/context';
import { availability } from './availability';
import { crossSilo } from './cross-silo';
import { openness } from './openness';
import { reciprocity } from './reciprocity';
import type { Scorer } from './scorer';
import { skillGap } from './skill-gap';

/** The built-in scorers by their key in `program.weights`. */
export const builtinScorers: Readonly<Record<string, (context: CohortContext) => Scorer>> = Object.freeze({
  skillGap,
  reciprocity,
  crossSilo,
  availability,
  openness,
});

/** Ids of the built-in scorers, in the order they appear in explanations. */
export const builtinScorerIds: readonly string[] = Object.freeze(Object.keys(builtinScorers));
