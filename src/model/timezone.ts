/**
 * Time zones as participants give them: an IANA name (`Europe/Paris`) or a UTC offset (`+01:00`),
 * and the gap between two zones, taken as the largest over a year so that daylight saving never
 * breaks a pair halfway. Platform-neutral: uses `Intl` only.
 *
 * @module
 */

const OFFSET = /^(?:(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?|Z)$/i;
const MAX_EAST = 14 * 60;
const MAX_WEST = -12 * 60;

/**
 * Minutes east of UTC for an offset form (`+01:00`, `-05:30`, `+0100`, `+01`, `UTC+1`, `GMT-5`,
 * `Z`), or `undefined` when the text is not an offset or is beyond -12:00..+14:00.
 *
 * @param text - The zone as written.
 */
export function parseUtcOffset(text: string): number | undefined {
  const m = OFFSET.exec(text.trim());
  if (!m) return undefined;
  if (m[1] === undefined) return 0;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (minutes >= 60) return undefined;
  const total = (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  return total > MAX_EAST || total < MAX_WEST ? undefined : total;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/**
 * Whether a zone is a valid offset form or an IANA zone known to the runtime.
 *
 * @param text - The zone as written.
 */
export function isValidTimezone(text: string): boolean {
  return parseUtcOffset(text) !== undefined || formatterFor(text) !== null;
}

/**
 * Why a zone is refused, or `undefined` when it is valid.
 *
 * @param text - The zone as written.
 */
export function timezoneError(text: string): string | undefined {
  return isValidTimezone(text)
    ? undefined
    : 'unknown time zone: use an IANA name such as Europe/Paris or a UTC offset such as +01:00 (between -12:00 and +14:00)';
}

function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return parseUtcOffset(name === 'GMT' ? 'Z' : name) ?? 0;
}

const yearCache = new Map<string, Int16Array>();

/**
 * A zone's UTC offset in minutes at 00:00 and 12:00 UTC of every day of `year` (a fixed offset
 * gives a constant array).
 *
 * @param zone - A valid zone (see {@link isValidTimezone}).
 * @param year - Calendar year, e.g. 2026.
 * @throws RangeError for an invalid zone.
 */
export function yearOffsets(zone: string, year: number): Int16Array {
  const key = `${year}\u0000${zone}`;
  const known = yearCache.get(key);
  if (known) return known;
  const start = Date.UTC(year, 0, 1);
  const days = Math.round((Date.UTC(year + 1, 0, 1) - start) / 86_400_000);
  const out = new Int16Array(days * 2);
  const fixed = parseUtcOffset(zone);
  if (fixed !== undefined) out.fill(fixed);
  else {
    const format = formatterFor(zone);
    if (!format) throw new RangeError(`unknown time zone: ${zone}`);
    for (let i = 0; i < out.length; i++) out[i] = offsetAt(format, start + i * 43_200_000);
  }
  yearCache.set(key, out);
  return out;
}

/**
 * The largest gap between two zones over a year, in hours: at each sample, the difference of the
 * UTC offsets wrapped around the clock (`min(d, 24 - d)`). Symmetric.
 *
 * @param a - One zone.
 * @param b - The other zone.
 * @param year - Calendar year over which daylight saving is taken into account.
 */
export function maxTimezoneGapHours(a: string, b: string, year: number): number {
  const oa = yearOffsets(a, year);
  const ob = yearOffsets(b, year);
  let worst = 0;
  for (let i = 0; i < oa.length; i++) {
    const d = Math.abs(oa[i]! - ob[i]!) / 60;
    const gap = d > 12 ? 24 - d : d;
    if (gap > worst) worst = gap;
  }
  return worst;
}

/**
 * The gaps between the distinct zones of a cohort, precomputed once: `code(zone)` gives a zone's
 * integer code, `gap(a, b)` the largest yearly gap in hours. Lookups allocate nothing.
 */
export class TimezoneGaps {
  private readonly codes = new Map<string, number>();
  private readonly size: number;
  private readonly gaps: Float64Array;

  /**
   * @param zones - Every zone of the cohort (duplicates welcome), all valid.
   * @param year - Calendar year over which daylight saving is taken into account.
   */
  constructor(zones: Iterable<string>, year: number) {
    for (const zone of zones) if (!this.codes.has(zone)) this.codes.set(zone, this.codes.size);
    const list = [...this.codes.keys()];
    this.size = list.length;
    this.gaps = new Float64Array(this.size * this.size);
    for (let i = 0; i < this.size; i++) {
      for (let k = i + 1; k < this.size; k++) {
        const gap = maxTimezoneGapHours(list[i]!, list[k]!, year);
        this.gaps[i * this.size + k] = gap;
        this.gaps[k * this.size + i] = gap;
      }
    }
  }

  /** The code of a zone given to the constructor; -1 for an unknown zone. */
  code(zone: string): number {
    return this.codes.get(zone) ?? -1;
  }

  /** The largest yearly gap in hours between two coded zones; `NaN` when a code is unknown. */
  gap(a: number, b: number): number {
    return a < 0 || b < 0 ? Number.NaN : this.gaps[a * this.size + b]!;
  }
}
