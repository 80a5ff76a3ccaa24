/**
 * Time zones as participants give them: an IANA name (`Europe/Paris`) or a UTC offset (`+01:00`),
 * and the gap between two zones, taken as the largest over a year so that daylight saving never
 * breaks a pair halfway. Platform-neutral: uses `Intl` only.
 *
 * @module
 */

/**
 * Offset forms: an optional `UTC`/`GMT` prefix, a sign, then `h`, `hh`, `h:mm`, `hh:mm` or `hhmm`;
 * or `Z`. Three digits (`+130`) are ambiguous and refused.
 */
const OFFSET = /^(?:(?:UTC|GMT)?([+-])(?:(\d{1,2})(?::(\d{2}))?|(\d{2})(\d{2})))$|^Z$/i;
/** `Intl`'s `longOffset` names: `GMT`, `GMT+01:00`, and `GMT+00:09:21` for local mean time. */
const LONG_OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const MAX_EAST = 14 * 60;
const MAX_WEST = -12 * 60;
const HALF_DAY_MS = 43_200_000;
const MINUTES_PER_DAY = 24 * 60;

/**
 * Minutes east of UTC written by an offset form, in range or not; `undefined` when the text is not
 * an offset form at all.
 */
function offsetMinutes(text: string): number | undefined {
  const m = OFFSET.exec(text);
  if (!m) return undefined;
  if (m[1] === undefined) return 0; // Z
  const hours = Number(m[2] ?? m[4]);
  const minutes = Number(m[3] ?? m[5] ?? 0);
  if (minutes >= 60) return undefined;
  const total = hours * 60 + minutes;
  return m[1] === '-' && total !== 0 ? -total : total;
}

/**
 * Minutes east of UTC for an offset form (`+01:00`, `-05:30`, `+0100`, `+01`, `UTC+01:00`, `UTC-5`,
 * `GMT+2`, `Z`; prefix and `Z` in any case, no surrounding spaces), or `undefined` when the text is
 * not an offset form or is beyond -12:00..+14:00. IANA names such as `UTC` or `Etc/GMT+5` are not
 * offset forms: see {@link isValidTimezone}.
 *
 * @param text - The zone as written.
 */
export function parseUtcOffset(text: string): number | undefined {
  const total = offsetMinutes(text);
  return total === undefined || total > MAX_EAST || total < MAX_WEST ? undefined : total;
}

/**
 * Most entries of each cache of this module: the caches are keyed by zone names as the input
 * writes them, so that without a cap a stream of distinct names (any case of any zone, unknown
 * names) would grow them without bound. Past the cap, results are computed and not remembered.
 */
const MAX_CACHED = 4096;

/** `map.set(key, value)` while the map is under {@link MAX_CACHED} entries. */
function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size < MAX_CACHED) map.set(key, value);
}

/** One formatter per IANA name given, `null` when the runtime does not know it. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let format = formatters.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      format = null;
    }
    remember(formatters, zone, format);
  }
  return format;
}

/**
 * Whether a zone is a valid offset form (see {@link parseUtcOffset}) or an IANA zone known to the
 * runtime's `Intl` (`Europe/Paris`, `UTC`, `Etc/GMT+5`; `Intl` accepts any case). An offset form
 * beyond -12:00..+14:00 is invalid even where `Intl` would accept it.
 *
 * @param text - The zone as written.
 */
export function isValidTimezone(text: string): boolean {
  const offset = offsetMinutes(text);
  if (offset !== undefined) return offset <= MAX_EAST && offset >= MAX_WEST;
  return formatterFor(text) !== null;
}

/**
 * Why a zone is refused, or `undefined` when it is valid. The message does not repeat the zone:
 * error lines add `, got "…"` themselves.
 *
 * @param text - The zone as written.
 */
export function timezoneError(text: string): string | undefined {
  if (isValidTimezone(text)) return undefined;
  return offsetMinutes(text) === undefined
    ? 'unknown time zone: use an IANA name such as Europe/Paris or a UTC offset such as +01:00'
    : 'UTC offset out of range: use an offset between -12:00 and +14:00';
}

/** Minutes east of UTC of a zone at an instant, from `Intl`'s `longOffset` name. */
function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const parts = format.formatToParts(instant);
  for (const part of parts) {
    if (part.type !== 'timeZoneName') continue;
    const m = LONG_OFFSET.exec(part.value);
    if (!m) break;
    if (m[1] === undefined) return 0;
    const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
    const minutes = Math.round(seconds / 60);
    return m[1] === '-' && minutes !== 0 ? -minutes : minutes;
  }
  throw new RangeError(`unexpected time zone name from Intl: ${parts.map((p) => p.value).join('')}`);
}

/** 00:00 UTC on 1 January of `year` (also for years 0..99, which `Date.UTC` maps to 19xx). */
function startOfYear(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime();
}

const yearCache = new Map<string, Int16Array>();

/** The cached samples of {@link yearOffsets}, shared: never hand them out. */
function offsetsOf(zone: string, year: number): Int16Array {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  const key = `${year}\u0000${zone}`;
  const known = yearCache.get(key);
  if (known) return known;
  const start = startOfYear(year);
  const days = Math.round((startOfYear(year + 1) - start) / 86_400_000);
  if (!(days === 365 || days === 366)) throw new RangeError(`year out of range: ${year}`);
  const out = new Int16Array(days * 2);
  const fixed = parseUtcOffset(zone);
  if (fixed !== undefined) out.fill(fixed);
  else {
    const format = offsetMinutes(zone) === undefined ? formatterFor(zone) : null;
    if (!format) throw new RangeError(`invalid time zone: ${zone}`);
    for (let i = 0; i < out.length; i++) out[i] = offsetAt(format, start + i * HALF_DAY_MS);
  }
  remember(yearCache, key, out);
  return out;
}

/**
 * A zone's UTC offset in minutes east at 00:00 and 12:00 UTC of every day of `year`, in that
 * order (`[1 Jan 00:00, 1 Jan 12:00, 2 Jan 00:00, …]`: 730 samples, 732 in a leap year). A fixed
 * offset gives a constant array. IANA offsets come from `Intl` (rounded to the minute for local
 * mean time in old years). Computed once per zone and year; each call returns a fresh copy.
 *
 * @param zone - A valid zone (see {@link isValidTimezone}).
 * @param year - Calendar year, e.g. 2026.
 * @throws RangeError for an invalid zone or a year that is not an integer.
 */
export function yearOffsets(zone: string, year: number): Int16Array {
  return offsetsOf(zone, year).slice();
}

/**
 * Hours between two offsets on the clock: the difference wrapped around the day, 0..12. Wraps
 * modulo 24 first, since offsets span 26 h (+14:00 vs -11:00 is 25 h apart, i.e. 1 h on the clock).
 */
function clockGapHours(a: number, b: number): number {
  const d = Math.abs(a - b) % MINUTES_PER_DAY;
  return Math.min(d, MINUTES_PER_DAY - d) / 60;
}

/** The largest clock gap over paired samples, uncached. */
function largestGap(oa: Int16Array, ob: Int16Array): number {
  let worst = 0;
  for (let i = 0; i < oa.length; i++) {
    const gap = clockGapHours(oa[i]!, ob[i]!);
    if (gap > worst) worst = gap;
  }
  return worst;
}

const gapCache = new Map<string, number>();

/**
 * The largest gap between two zones over a year, in hours (0..12): at each sample of
 * {@link yearOffsets}, the difference of the two UTC offsets wrapped around the clock
 * (`d = |oa - ob| mod 24 h`, gap `min(d, 24 h - d)`). Taking the largest over the year means
 * daylight saving never breaks a pair halfway; since samples are twelve hours apart, the hour or
 * so when two zones switch at different instants of the same day is ignored. Symmetric; cached per
 * unordered pair and year.
 *
 * @param a - One zone.
 * @param b - The other zone.
 * @param year - Calendar year over which daylight saving is taken into account.
 * @throws RangeError for an invalid zone or a year that is not an integer.
 */
export function maxTimezoneGapHours(a: string, b: string, year: number): number {
  const key = a < b ? `${year}\u0000${a}\u0000${b}` : `${year}\u0000${b}\u0000${a}`;
  let gap = gapCache.get(key);
  if (gap === undefined) {
    gap = largestGap(offsetsOf(a, year), offsetsOf(b, year));
    remember(gapCache, key, gap);
  }
  return gap;
}

/** A run-length summary of a year of offsets: equal for zones that keep the same clock all year. */
function profileKey(offsets: Int16Array): string {
  let key = String(offsets[0]);
  for (let i = 1; i < offsets.length; i++) if (offsets[i] !== offsets[i - 1]) key += `;${i}:${offsets[i]}`;
  return key;
}

/**
 * The gaps between the distinct zones of a cohort, precomputed once for hot loops: `code(zone)`
 * gives each distinct zone string an integer code (0, 1, 2… in order of first appearance),
 * `gap(codeA, codeB)` the value {@link maxTimezoneGapHours} gives for the two zones. Zones that
 * keep the same offsets all year (`Europe/Paris`, `Europe/Berlin`) are computed once. Lookups
 * allocate nothing.
 */
export class TimezoneGaps {
  private readonly codes = new Map<string, number>();
  /** Profile index of each zone code. */
  private readonly profileOf: Int32Array;
  private readonly profiles: number;
  /** `profiles × profiles` gaps in hours. */
  private readonly gaps: Float64Array;

  /**
   * @param zones - Every zone of the cohort (duplicates welcome), all valid.
   * @param year - Calendar year over which daylight saving is taken into account.
   * @throws RangeError for an invalid zone or a year that is not an integer.
   */
  constructor(zones: Iterable<string>, year: number) {
    for (const zone of zones) if (!this.codes.has(zone)) this.codes.set(zone, this.codes.size);
    this.profileOf = new Int32Array(this.codes.size);
    const keys = new Map<string, number>();
    const samples: Int16Array[] = [];
    for (const [zone, code] of this.codes) {
      const offsets = offsetsOf(zone, year);
      const key = profileKey(offsets);
      let profile = keys.get(key);
      if (profile === undefined) {
        profile = samples.length;
        keys.set(key, profile);
        samples.push(offsets);
      }
      this.profileOf[code] = profile;
    }
    const n = samples.length;
    this.profiles = n;
    this.gaps = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let k = i + 1; k < n; k++) {
        const gap = largestGap(samples[i]!, samples[k]!);
        this.gaps[i * n + k] = gap;
        this.gaps[k * n + i] = gap;
      }
    }
  }

  /** How many distinct zone strings have a code. */
  get size(): number {
    return this.profileOf.length;
  }

  /**
   * The code of a zone given to the constructor (compared as written), or -1 for any other.
   *
   * @param zone - The zone as written.
   */
  code(zone: string): number {
    return this.codes.get(zone) ?? -1;
  }

  /**
   * The largest yearly gap in hours between two coded zones; `NaN` when a code is not one of
   * {@link TimezoneGaps.code}'s.
   *
   * @param codeA - One zone's code.
   * @param codeB - The other zone's code.
   */
  gap(codeA: number, codeB: number): number {
    const a = this.profileOf[codeA];
    const b = this.profileOf[codeB];
    return a === undefined || b === undefined ? Number.NaN : this.gaps[a * this.profiles + b]!;
  }
}
