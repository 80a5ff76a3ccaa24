import type { CohortColumns, RowFilter } from '../model/columns';
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

/**
 * The typed form of {@link maxTimezoneGap} for the program's limit: a table of allowed zone-code
 * pairs, built once from the cohort's gap table.
 *
 * @param context - The cohort.
 * @param columns - The cohort's typed columns.
 */
export function maxTimezoneGapKernel(context: CohortContext, columns: CohortColumns): RowFilter {
  const hours = context.program.constraints.maxTimezoneGapHours ?? Number.POSITIVE_INFINITY;
  const gaps = columns.timezones;
  const zones = gaps?.size ?? 0;
  const allowed = new Uint8Array(zones * zones);
  for (let a = 0; a < zones; a++) for (let b = 0; b < zones; b++) allowed[a * zones + b] = gaps!.gap(a, b) <= hours + 1e-9 ? 1 : 0;
  const { juniors, seniors } = columns;
  return (row, candidates, count) => {
    const zone = juniors.timezone[row]!;
    if (zone < 0) return count;
    const base = zone * zones;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      const other = seniors.timezone[c]!;
      if (other < 0 || allowed[base + other] === 1) candidates[kept++] = c;
    }
    return kept;
  };
}
