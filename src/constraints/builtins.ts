import type { CohortColumns, RowFilter } from '../model/columns';
import type { CohortContext } from '../model/context';
import { avoidPastPartners, avoidPastPartnersKernel } from './avoid-past-partners';
import type { PairConstraint } from './constraint';
import { differentDepartment, differentDepartmentKernel } from './different-department';
import { forbiddenPairs, forbiddenPairsKernel } from './forbidden-pairs';
import { maxTimezoneGap, maxTimezoneGapKernel } from './max-timezone-gap';
import { minAvailabilityOverlap, minAvailabilityOverlapKernel } from './min-availability-overlap';
import { notInReportingLine, notInReportingLineKernel } from './not-in-reporting-line';
import { sharedLanguage, sharedLanguageKernel } from './shared-language';
import { volunteersOnly, volunteersOnlyKernel } from './volunteers-only';

/**
 * The built-in pair constraints that `program.constraints` switches on, in the order used to
 * attribute an exclusion (the first rule that refuses a pair is the one counted). `minScore` and
 * `lockedPairs` are not pair rules: the engine applies them around scoring and solving.
 *
 * @param context - The cohort and its program.
 */
export function builtinConstraints(context: CohortContext): PairConstraint[] {
  const c = context.program.constraints;
  const list: PairConstraint[] = [];
  if (c.volunteersOnly) list.push(volunteersOnly());
  if (c.forbiddenPairs.length > 0) list.push(forbiddenPairs(c.forbiddenPairs));
  if (c.avoidPastPartners) list.push(avoidPastPartners());
  if (c.notInReportingLine) list.push(notInReportingLine(context));
  if (c.differentDepartment) list.push(differentDepartment());
  if (c.sharedLanguage) list.push(sharedLanguage());
  if (c.maxTimezoneGapHours !== undefined) list.push(maxTimezoneGap(c.maxTimezoneGapHours, context));
  if (c.minAvailabilityOverlap > 0) list.push(minAvailabilityOverlap(c.minAvailabilityOverlap));
  return list;
}

/**
 * The typed forms of the built-in constraints, by id, taking their parameters from the program:
 * the same decisions from the cohort's typed columns.
 *
 * @internal Used by the engine's scoring loop; custom constraints keep the object interface.
 */
export const builtinConstraintKernels: Readonly<Record<string, (context: CohortContext, columns: CohortColumns) => RowFilter>> = Object.freeze({
  volunteersOnly: volunteersOnlyKernel,
  forbiddenPairs: forbiddenPairsKernel,
  avoidPastPartners: avoidPastPartnersKernel,
  notInReportingLine: notInReportingLineKernel,
  differentDepartment: differentDepartmentKernel,
  sharedLanguage: sharedLanguageKernel,
  maxTimezoneGapHours: maxTimezoneGapKernel,
  minAvailabilityOverlap: minAvailabilityOverlapKernel,
});
