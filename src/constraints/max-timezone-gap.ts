import { displayName, type CohortContext } from '../model/context';
import { TimezoneGaps } from '../model/timezone';
import type { PairConstraint } from './constraint';

/**
 * `maxTimezoneGapHours`: the time-zone gap (difference of UTC offsets wrapped around the clock,
 * the largest over the year so that daylight saving never breaks a pair) is at most `hours`,
 * inclusive. Does not apply when a side gives no time zone.
 *
 * @param hours - The limit, 0..12.
 * @param context - The cohort, to precompute the gaps between its distinct zones once.
 */
export function maxTimezoneGap(hours: number, context: CohortContext): PairConstraint {
  const zones = [...context.juniors, ...context.seniors].flatMap((p) => (p.timezone === undefined ? [] : [p.timezone]));
  const gaps = new TimezoneGaps(zones, context.timezoneYear);
  const gapOf = (a: string, b: string) => gaps.gap(gaps.code(a), gaps.code(b));
  return {
    id: 'maxTimezoneGapHours',
    allows: (junior, senior) =>
      junior.timezone === undefined || senior.timezone === undefined || gapOf(junior.timezone, senior.timezone) <= hours + 1e-9,
    why: (junior, senior) => ({
      messageId: 'constraint.maxTimezoneGapHours',
      params: {
        juniorZone: junior.timezone ?? '',
        seniorZone: senior.timezone ?? '',
        gap: gapOf(junior.timezone ?? 'UTC', senior.timezone ?? 'UTC'),
        max: hours,
      },
    }),
    note: (junior, senior) => {
      const missing = junior.timezone === undefined ? junior : senior.timezone === undefined ? senior : undefined;
      return missing && { messageId: 'constraint.fieldMissing', params: { rule: 'maxTimezoneGapHours', field: 'timezone', who: displayName(missing) } };
    },
  };
}
