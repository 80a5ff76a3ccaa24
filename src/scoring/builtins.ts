import type { CohortContext } from '../model/context';
import type { CohortColumns, RowScorer } from '../model/columns';
import { availability, availabilityKernel } from './availability';
import { crossSilo, crossSiloKernel } from './cross-silo';
import { openness, opennessKernel } from './openness';
import { reciprocity, reciprocityKernel } from './reciprocity';
import type { Scorer } from './scorer';
import { skillGap, skillGapKernel } from './skill-gap';

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

/**
 * The typed forms of the built-in scorers, by id: the same values from the cohort's typed columns.
 *
 * @internal Used by the engine's scoring loop; custom scorers keep the object interface.
 */
export const builtinScorerKernels: Readonly<Record<string, (context: CohortContext, columns: CohortColumns) => RowScorer>> = Object.freeze({
  skillGap: skillGapKernel,
  reciprocity: reciprocityKernel,
  crossSilo: crossSiloKernel,
  availability: availabilityKernel,
  openness: opennessKernel,
});
