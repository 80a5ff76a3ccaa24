import { primaryLanguage } from './language';
import type { Participant } from './participant';
import type { SkillDef } from './taxonomy';
import { TimezoneGaps } from './timezone';

/**
 * One side of a cohort (the matchable juniors or seniors) compiled into typed columns, one entry
 * per participant in the order given. Built once per `match` call so that the built-in scorers
 * and constraints compare numbers, never strings, in their hot loops.
 */
export interface SideColumns {
  /** How many participants. */
  readonly count: number;
  /** The participants, in column order. */
  readonly records: readonly Participant[];
  /** Position of each participant by id. */
  readonly index: ReadonlyMap<string, number>;
  /** 1 for a volunteer. */
  readonly volunteer: Uint8Array;
  /** Department code (codes shared by both sides: equal codes, equal departments). */
  readonly department: Int32Array;
  /** Site code, -1 when the site is not given. */
  readonly site: Int32Array;
  /** Primary-language bit sets, {@link CohortColumns.languageWords} words per participant. */
  readonly languages: Uint32Array;
  /** 1 when the participant lists languages (possibly none). */
  readonly hasLanguages: Uint8Array;
  /** Availability-slot bit sets, {@link CohortColumns.slotWords} words per participant. */
  readonly availability: Uint32Array;
  /** 1 when the participant gives an availability (possibly empty). */
  readonly hasAvailability: Uint8Array;
  /** Time-zone code in {@link CohortColumns.timezones}, -1 when not given. */
  readonly timezone: Int32Array;
  /** Openness 0..5; missing values are left `NaN` (scorers pick their neutral value). */
  readonly openness: Float64Array;
  /**
   * Skill levels, `count × skills` row-major in the program's skill order, 0 when missing.
   * A `Float32Array` when every level is exactly a float (integer levels always are), else a
   * `Float64Array`, so that typed scores equal the object scores bit for bit.
   */
  readonly skills: Float32Array | Float64Array;
  /** Learning wishes, same layout and type rule as `skills`, 0 when missing. */
  readonly wants: Float32Array | Float64Array;
  /** Entry time of the participant in a depth-first walk of the management forest. */
  readonly enter: Int32Array;
  /** Exit time: `b` manages `a` (directly or not) iff `enter[b] < enter[a] && exit[a] <= exit[b]`. */
  readonly exit: Int32Array;
}

/** A cohort compiled into typed columns: see {@link compileColumns}. */
export interface CohortColumns {
  /** The juniors' columns, rows of the pair matrix. */
  readonly juniors: SideColumns;
  /** The seniors' columns, columns of the pair matrix. */
  readonly seniors: SideColumns;
  /** Skill ids in the order of the `skills` and `wants` columns. */
  readonly skillIds: readonly string[];
  /** 32-bit words per participant in `languages`. */
  readonly languageWords: number;
  /** 32-bit words per participant in `availability`. */
  readonly slotWords: number;
  /** Gaps between the coded zones, or `undefined` when nobody gives a zone. */
  readonly timezones: TimezoneGaps | undefined;
}

/** Integer codes for the distinct strings of a cohort, in order of first appearance. */
class Dictionary {
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(value, code);
    }
    return code;
  }

  get size(): number {
    return this.codes.size;
  }
}

/**
 * The management forest of every participant (matchable or not, since a chain may pass through
 * anyone) as depth-first entry and exit times. Iterative: chains may be thousands deep.
 */
function eulerTimes(everyone: readonly Participant[]): Map<string, [number, number]> {
  const index = new Map<string, number>();
  everyone.forEach((p, i) => index.set(p.id, i));
  const n = everyone.length;
  const childStart = new Int32Array(n + 1);
  const parent = new Int32Array(n).fill(-1);
  everyone.forEach((p, i) => {
    const m = p.managerId === undefined ? undefined : index.get(p.managerId);
    if (m !== undefined && m !== i) {
      parent[i] = m;
      childStart[m + 1]!++;
    }
  });
  for (let i = 0; i < n; i++) childStart[i + 1]! += childStart[i]!;
  const fill = childStart.slice(0, n);
  const children = new Int32Array(childStart[n]!);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) children[fill[parent[i]!]!++] = i;

  const enter = new Int32Array(n).fill(-1);
  const exit = new Int32Array(n);
  const stack = new Int32Array(n);
  const next = new Int32Array(n);
  let clock = 0;
  for (let root = 0; root < n; root++) {
    // Chains are validated loop-free, so every participant is reached from a root.
    if (parent[root]! >= 0) continue;
    let depth = 0;
    stack[0] = root;
    next[root] = childStart[root]!;
    enter[root] = clock++;
    while (depth >= 0) {
      const node = stack[depth]!;
      if (next[node]! < childStart[node + 1]!) {
        const child = children[next[node]!++]!;
        enter[child] = clock++;
        next[child] = childStart[child]!;
        stack[++depth] = child;
      } else {
        exit[node] = clock;
        depth--;
      }
    }
  }
  const times = new Map<string, [number, number]>();
  everyone.forEach((p, i) => times.set(p.id, [enter[i]!, exit[i]!]));
  return times;
}

/** Whether every value of the records is exactly representable as a 32-bit float. */
function fitsFloat32(people: readonly Participant[], skillIds: readonly string[]): boolean {
  for (const p of people) {
    for (const id of skillIds) {
      const a = p.skills[id];
      const b = p.wants[id];
      if ((a !== undefined && Math.fround(a) !== a) || (b !== undefined && Math.fround(b) !== b)) return false;
    }
  }
  return true;
}

/**
 * Compiles the matchable juniors and seniors of a cohort into typed columns: departments and
 * sites as integer codes, languages (by primary subtag) and availability slots as bit sets, zones
 * as codes into a precomputed gap table, skill levels as a flat float array, and the management
 * tree as depth-first intervals so that "same reporting line" is two comparisons.
 *
 * @param juniors - The juniors, in row order.
 * @param seniors - The seniors, in column order.
 * @param everyone - Every participant of the cohort, for the management chains.
 * @param skills - The program's skills, in column order.
 * @param timezoneYear - Year over which zone gaps are taken.
 */
export function compileColumns(
  juniors: readonly Participant[],
  seniors: readonly Participant[],
  everyone: readonly Participant[],
  skills: readonly SkillDef[],
  timezoneYear: number,
): CohortColumns {
  const departments = new Dictionary();
  const sites = new Dictionary();
  const languages = new Dictionary();
  const slots = new Dictionary();
  const zones: string[] = [];
  for (const p of [...juniors, ...seniors]) {
    for (const tag of p.languages ?? []) languages.code(primaryLanguage(tag));
    for (const slot of p.availability ?? []) slots.code(slot);
    if (p.timezone !== undefined) zones.push(p.timezone);
  }
  const timezones = zones.length === 0 ? undefined : new TimezoneGaps(zones, timezoneYear);
  const languageWords = Math.max(1, Math.ceil(languages.size / 32));
  const slotWords = Math.max(1, Math.ceil(slots.size / 32));
  const skillIds = skills.map((s) => s.id);
  const float32 = fitsFloat32(juniors, skillIds) && fitsFloat32(seniors, skillIds);
  const times = eulerTimes(everyone);

  const side = (people: readonly Participant[]): SideColumns => {
    const n = people.length;
    const s = skillIds.length;
    const columns = {
      count: n,
      records: people,
      index: new Map(people.map((p, i) => [p.id, i] as const)),
      volunteer: new Uint8Array(n),
      department: new Int32Array(n),
      site: new Int32Array(n).fill(-1),
      languages: new Uint32Array(n * languageWords),
      hasLanguages: new Uint8Array(n),
      availability: new Uint32Array(n * slotWords),
      hasAvailability: new Uint8Array(n),
      timezone: new Int32Array(n).fill(-1),
      openness: new Float64Array(n).fill(Number.NaN),
      skills: float32 ? new Float32Array(n * s) : new Float64Array(n * s),
      wants: float32 ? new Float32Array(n * s) : new Float64Array(n * s),
      enter: new Int32Array(n),
      exit: new Int32Array(n),
    };
    people.forEach((p, i) => {
      columns.volunteer[i] = p.volunteer ? 1 : 0;
      columns.department[i] = departments.code(p.department);
      if (p.site !== undefined) columns.site[i] = sites.code(p.site);
      if (p.languages !== undefined) {
        columns.hasLanguages[i] = 1;
        for (const tag of p.languages) {
          const bit = languages.code(primaryLanguage(tag));
          columns.languages[i * languageWords + (bit >>> 5)]! |= 1 << (bit & 31);
        }
      }
      if (p.availability !== undefined) {
        columns.hasAvailability[i] = 1;
        for (const slot of p.availability) {
          const bit = slots.code(slot);
          columns.availability[i * slotWords + (bit >>> 5)]! |= 1 << (bit & 31);
        }
      }
      if (p.timezone !== undefined && timezones) columns.timezone[i] = timezones.code(p.timezone);
      if (p.openness !== undefined) columns.openness[i] = p.openness;
      for (let k = 0; k < s; k++) {
        columns.skills[i * s + k] = p.skills[skillIds[k]!] ?? 0;
        columns.wants[i * s + k] = p.wants[skillIds[k]!] ?? 0;
      }
      const [enter, exit] = times.get(p.id) ?? [-1, -1];
      columns.enter[i] = enter;
      columns.exit[i] = exit;
    });
    return columns;
  };
  return { juniors: side(juniors), seniors: side(seniors), skillIds, languageWords, slotWords, timezones };
}

/**
 * How many bits two bit sets of `words` words share.
 *
 * @param a - One array of bit sets.
 * @param aOffset - Index of the first word of the set in `a`.
 * @param b - The other array.
 * @param bOffset - Index of the first word of the set in `b`.
 * @param words - Words per set.
 */
export function commonBits(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) {
    let x = a[aOffset + w]! & b[bOffset + w]!;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    count += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }
  return count;
}

/**
 * The typed form of a scorer, for one junior against a list of seniors: adds `coef × value` to
 * `total[i]` for the senior `candidates[i]`, `i < count`, where `value` is what the scorer's
 * `score` gives for the pair, bit for bit.
 */
export type RowScorer = (row: number, candidates: Int32Array, count: number, total: Float64Array, coef: number) => void;

/**
 * The typed form of a pair constraint, for one junior against a list of seniors: keeps, in order,
 * the seniors among `candidates[0..count)` that the rule allows with junior `row`, moving them to
 * the front, and returns how many it kept.
 */
export type RowFilter = (row: number, candidates: Int32Array, count: number) => number;
