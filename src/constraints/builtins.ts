import type { CohortContext } from '../model/context';
import { avoidPastPartners } from './avoid-past-partners';
import type { PairConstraint } from './constraint';
import { differentDepartment } from './different-department';
import { forbiddenPairs } from './forbidden-pairs';
import { maxTimezoneGap } from './max-timezone-gap';
import { minAvailabilityOverlap } from './min-availability-overlap';
import { notInReportingLine } from './not-in-reporting-line';
import { sharedLanguage } from './shared-language';
import { volunteersOnly } from './volunteers-only';

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
