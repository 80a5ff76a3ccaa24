/**
 * Mentor circles: the juniors who mentor, grouped into peer-support circles that mix departments
 * and sites. Platform-neutral (no I/O, no clock), deterministic.
 *
 * @module
 */
import { ValidationError, throwIfAny, type Issue } from '../errors';
import { formatter, renderReason } from '../explain/messages/render';
import type { Locale } from '../explain/messages/types';
import { displayName } from '../model/context';
import { parseParticipants, type Participant } from '../model/participant';
import type { ParseOptions } from '../model/parse-options';

/** Circle size bounds used when `options.size` is absent: 4 to 6 mentors. */
export const DEFAULT_CIRCLE_SIZE: readonly [number, number] = Object.freeze([4, 6] as const);

/** The pairs circles are formed from: a `MatchResult`, or anything with its pairs. */
export interface CirclesSource {
  /** Pairs; their juniors are the mentors (each once, whatever their number of pairs). */
  readonly pairs: readonly { readonly juniorId: string; readonly seniorId: string }[];
}

/** What {@link mentorCircles} takes besides the pairs. */
export interface MentorCirclesInput {
  /** An array of participants or `{ participants: [...] }`, raw or from `parseParticipants`. */
  readonly participants: unknown;
}

/** Options of {@link mentorCircles}. */
export interface MentorCirclesOptions {
  /** Smallest and largest circle, integers with `2 <= min <= max`. Default {@link DEFAULT_CIRCLE_SIZE}. */
  readonly size?: readonly [number, number];
  /** Language of explanations and warnings. Default `en`. */
  readonly locale?: Locale;
  /**
   * How to parse raw participants. Pass the program's taxonomy (`{ skills: program.skills }`)
   * when participants use skills outside the default one.
   */
  readonly parse?: ParseOptions;
}

/** One circle of mentors. */
export interface MentorCircle {
  /** `circle-1`, `circle-2`, ... in the order of the circles' smallest member id. */
  id: string;
  /** Ids of the mentors, sorted. */
  members: string[];
  /** Who is in the circle and why together, in the locale. */
  explanation: string;
  /** Departments of the members, sorted, each once. */
  departments: string[];
  /** Known sites of the members, sorted, each once. */
  sites: string[];
}

/** How well the circles mix, counted over pairs of members of a same circle. */
export interface CircleMixing {
  /** Pairs of members of a same circle who share a department. */
  sameDepartmentPairs: number;
  /** Pairs of members of a same circle who share a site (both sites known). */
  sameSitePairs: number;
  /**
   * The least possible `sameDepartmentPairs` for these circle sizes: each department spread as
   * evenly as can be over the circles. Always reached (see {@link mentorCircles}).
   */
  lowerBound: number;
}

/** The result of {@link mentorCircles}. */
export interface MentorCircles {
  /** The circles, each mentor in exactly one. */
  circles: MentorCircle[];
  /** Things the caller should know (no mentor, sizes outside the bounds), in the locale. */
  warnings: string[];
  mixing: CircleMixing;
}

/** A mentor as the search sees it: indices instead of strings. */
interface Mentor {
  readonly person: Participant;
  readonly department: number;
  /** -1 when the site is not given. */
  readonly site: number;
}

/**
 * Groups the juniors who mentor into peer-support circles, mixing departments and sites.
 *
 * - Mentors are the juniors of `result.pairs`, each once. With `n` mentors and sizes `[min, max]`,
 *   the number of circles `k` is the smallest one giving every circle `⌊n/k⌋` or `⌈n/k⌉` members
 *   within the bounds. When none does (`n < min`, or bounds too tight such as 11 mentors in
 *   circles of 4 to 5), the sizes closest to the bounds are taken (fewer circles on a tie, so a
 *   single circle when `n < min`) and `warnings` says so. No mentor, no circle.
 * - Mixing is lexicographic: fewest pairs of members sharing a department, then sharing a site.
 *   Mentors sorted by department size (largest first), department, site and id are dealt to the
 *   circles in turn, so each department's run of consecutive mentors lands `⌊d/k⌋` or `⌈d/k⌉`
 *   times in every circle: the least possible number of same-department pairs
 *   (`mixing.lowerBound`) is reached from the start. Swaps of two members of different circles
 *   then apply, in id order, while one strictly lowers (department pairs, site pairs); this ends
 *   because that pair of counts decreases at each swap.
 * - Everything is ordered by id, so the same people and pairs give the same circles whatever
 *   their input order.
 *
 * @param result - A match result (or anything with its pairs); never mutated.
 * @param input - The participants of the result, raw or parsed.
 * @param options - Circle size bounds, locale, parse options.
 * @returns The circles with their explanations, warnings, and mixing figures.
 * @throws {@link ValidationError} for bad participants, a pair naming someone who is not among
 *   them (`result.pairs[3].juniorId`), or a bad `options.size`.
 * @example
 * const { circles } = mentorCircles(result, { participants }, { size: [4, 6], locale: 'fr' });
 */
export function mentorCircles(result: CirclesSource, input: MentorCirclesInput, options: MentorCirclesOptions = {}): MentorCircles {
  const [min, max] = checkOptions(options);
  const locale: Locale = options.locale ?? 'en';
  const participants = parseParticipants(input.participants, options.parse ?? {});
  const { mentors: ids, menteesOf } = mentorsOf(result, participants);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const say = (en: string, fr: string) => renderReason({ text: { en, fr } }, locale);
  const n = ids.length;
  const warnings: string[] = [];
  if (n === 0) {
    warnings.push(say('no pair in the result: no mentor to group into circles', 'aucun binôme dans le résultat : aucun mentor à réunir en cercles'));
    return { circles: [], warnings, mixing: { sameDepartmentPairs: 0, sameSitePairs: 0, lowerBound: 0 } };
  }

  const { k, fits } = circleCount(n, min, max);
  if (!fits) {
    const lo = Math.floor(n / k);
    const hi = Math.ceil(n / k);
    if (k === 1) {
      warnings.push(
        say(
          `${plural(n, 'mentor')}, fewer than the smallest circle size (${min}): a single circle of ${n}`,
          `${plural(n, 'mentor')}, moins que la taille minimale d'un cercle (${min}) : un seul cercle de ${n}`,
        ),
      );
    } else {
      const sizes = lo === hi ? `${lo}` : `${lo}-${hi}`;
      warnings.push(
        say(
          `${n} mentors cannot be split into circles of ${min} to ${max}: ${k} circles of ${sizes} instead`,
          `${n} mentors ne peuvent pas former des cercles de ${min} à ${max} : ${k} cercles de ${sizes} à la place`,
        ),
      );
    }
  }

  // Mentors by id, with departments and sites as indices.
  const people = ids.map((id) => byId.get(id) as Participant);
  const departmentNames = [...new Set(people.map((p) => p.department))].sort(compare);
  const siteNames = [...new Set(people.flatMap((p) => (p.site === undefined ? [] : [p.site])))].sort(compare);
  const departmentIndex = new Map(departmentNames.map((d, i) => [d, i]));
  const siteIndex = new Map(siteNames.map((s, i) => [s, i]));
  const mentors: Mentor[] = people.map((person) => ({
    person,
    department: departmentIndex.get(person.department) as number,
    site: person.site === undefined ? -1 : (siteIndex.get(person.site) as number),
  }));
  const departmentSize = new Array<number>(departmentNames.length).fill(0);
  for (const m of mentors) departmentSize[m.department]!++;

  const circleOf = seed(mentors, departmentSize, k);
  improve(mentors, circleOf, k, departmentNames.length, siteNames.length);

  // Circles in the order of their smallest member id (mentors are in id order).
  const groups: Mentor[][] = [];
  const slot = new Map<number, Mentor[]>();
  mentors.forEach((m, i) => {
    const c = circleOf[i] as number;
    let group = slot.get(c);
    if (!group) {
      group = [];
      slot.set(c, group);
      groups.push(group);
    }
    group.push(m);
  });

  const f = formatter(locale);
  let sameDepartmentPairs = 0;
  let sameSitePairs = 0;
  const circles = groups.map((group, index): MentorCircle => {
    const departments = [...new Set(group.map((m) => m.person.department))].sort(compare);
    const sites = [...new Set(group.flatMap((m) => (m.person.site === undefined ? [] : [m.person.site])))].sort(compare);
    sameDepartmentPairs += pairsWithin(group.map((m) => m.department));
    sameSitePairs += pairsWithin(group.filter((m) => m.site >= 0).map((m) => m.site));

    const who = group.map((m) => {
      const where = m.person.site === undefined ? m.person.department : `${m.person.department}, ${m.person.site}`;
      return `${displayName(m.person)} (${where})`;
    });
    const mentees: string[] = [];
    const seen = new Set<string>();
    for (const m of group) {
      for (const senior of menteesOf.get(m.person.id) ?? []) {
        if (seen.has(senior)) continue;
        seen.add(senior);
        const p = byId.get(senior);
        mentees.push(p ? displayName(p) : senior);
      }
    }
    const size = group.length;
    const enMix = `${plural(size, 'mentor')} from ${plural(departments.length, 'department')}${sites.length > 0 ? ` and ${plural(sites.length, 'site')}` : ''}`;
    const frMix = `${plural(size, 'mentor')} de ${plural(departments.length, 'direction')}${sites.length > 0 ? ` et ${plural(sites.length, 'site')}` : ''}`;
    const parts = [
      say(
        `Circle ${index + 1}: ${f.list(who)} — ${enMix}; they mentor ${f.list(mentees)}.`,
        `Cercle ${index + 1} : ${f.list(who)} — ${frMix} ; mentoré·es : ${f.list(mentees)}.`,
      ),
    ];
    for (const department of departments) {
      const count = group.filter((m) => m.person.department === department).length;
      if (count < 2) continue;
      parts.push(
        say(
          `${count} share ${department}: there are more ${department} mentors than circles.`,
          `${count} sont en ${department} : il y a plus de mentors en ${department} que de cercles.`,
        ),
      );
    }
    return {
      id: `circle-${index + 1}`,
      members: group.map((m) => m.person.id),
      explanation: parts.join(' '),
      departments,
      sites,
    };
  });

  const lowerBound = departmentSize.reduce((sum, d) => sum + evenSpreadPairs(d, k), 0);
  return { circles, warnings, mixing: { sameDepartmentPairs, sameSitePairs, lowerBound } };
}

/** Checks `options.size` and `options.locale`; returns `[min, max]`. */
function checkOptions(options: MentorCirclesOptions): readonly [number, number] {
  const issues: Issue[] = [];
  const size: unknown = options.size ?? DEFAULT_CIRCLE_SIZE;
  let bounds: readonly [number, number] = DEFAULT_CIRCLE_SIZE;
  if (!Array.isArray(size) || size.length !== 2 || !size.every((v) => Number.isInteger(v))) {
    issues.push({ path: ['options', 'size'], message: 'must be two integers [min, max]', received: size });
  } else {
    const [min, max] = size as [number, number];
    if (min < 2 || max < min) issues.push({ path: ['options', 'size'], message: 'must be [min, max] with 2 <= min <= max', received: size });
    else bounds = [min, max];
  }
  const locale: unknown = options.locale;
  if (locale !== undefined && locale !== 'en' && locale !== 'fr') issues.push({ path: ['options', 'locale'], message: 'must be "en" or "fr"', received: locale });
  throwIfAny(issues);
  return bounds;
}

/**
 * The mentors (juniors of the pairs, sorted by id, each once) and the seniors each mentors
 * (sorted by id); checks that every id of every pair is a participant of the right role.
 */
function mentorsOf(result: CirclesSource, participants: readonly Participant[]): { mentors: string[]; menteesOf: Map<string, string[]> } {
  const pairs: unknown = (result as { pairs?: unknown } | null | undefined)?.pairs;
  if (!Array.isArray(pairs)) throw new ValidationError([{ path: ['result', 'pairs'], message: 'must be an array of pairs', received: pairs }]);
  const roles = new Map(participants.map((p) => [p.id, p.role]));
  const issues: Issue[] = [];
  const menteesOf = new Map<string, Set<string>>();
  pairs.forEach((pair: unknown, i) => {
    const ids: Partial<Record<'juniorId' | 'seniorId', string>> = {};
    for (const field of ['juniorId', 'seniorId'] as const) {
      const role = field === 'juniorId' ? 'junior' : 'senior';
      const id: unknown = pair !== null && typeof pair === 'object' ? (pair as Record<string, unknown>)[field] : undefined;
      const path = ['result', 'pairs', i, field];
      if (typeof id !== 'string') issues.push({ path, message: 'must be a participant id', received: id });
      else if (!roles.has(id)) issues.push({ path, message: 'is not among the participants', received: id });
      else if (roles.get(id) !== role) issues.push({ path, message: `is a ${roles.get(id)} among the participants, not a ${role}`, received: id });
      else ids[field] = id;
    }
    if (ids.juniorId === undefined || ids.seniorId === undefined) return;
    let set = menteesOf.get(ids.juniorId);
    if (!set) {
      set = new Set();
      menteesOf.set(ids.juniorId, set);
    }
    set.add(ids.seniorId);
  });
  throwIfAny(issues);
  const mentors = [...menteesOf.keys()].sort(compare);
  return { mentors, menteesOf: new Map(mentors.map((id) => [id, [...(menteesOf.get(id) ?? [])].sort(compare)])) };
}

/**
 * Number of circles for `n >= 1` mentors: the smallest `k` whose balanced sizes (`⌊n/k⌋`,
 * `⌈n/k⌉`) lie within `[min, max]` (`fits`); else the `k` whose sizes overshoot a bound least,
 * fewer circles on a tie (`k = 1` when `n < min`).
 */
export function circleCount(n: number, min: number, max: number): { k: number; fits: boolean } {
  const fewest = Math.ceil(n / max); // smallest k with ⌈n/k⌉ <= max
  if (fewest * min <= n) return { k: fewest, fits: true }; // then ⌊n/k⌋ >= min too
  const most = Math.floor(n / min); // largest k with ⌊n/k⌋ >= min
  if (most === 0) return { k: 1, fits: false };
  const short = min - Math.floor(n / fewest);
  const over = Math.ceil(n / most) - max;
  return { k: over <= short ? most : fewest, fits: false };
}

/** Least number of same-department pairs of `d` mentors over `k` circles: spread evenly. */
function evenSpreadPairs(d: number, k: number): number {
  const q = Math.floor(d / k);
  const r = d - q * k;
  return r * pairCount(q + 1) + (k - r) * pairCount(q);
}

function pairCount(m: number): number {
  return (m * (m - 1)) / 2;
}

/** Pairs of equal values in a list. */
function pairsWithin(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let pairs = 0;
  for (const c of counts.values()) pairs += pairCount(c);
  return pairs;
}

/**
 * The first assignment: mentors sorted by department size (largest first), department, site
 * (unknown last), id, dealt to circles 0, 1, ..., k-1, 0, 1, ... Each department is a run of
 * consecutive mentors, so every circle gets `⌊d/k⌋` or `⌈d/k⌉` of it (the least possible
 * same-department pairs); circles 0..(n mod k)-1 get one more member.
 */
function seed(mentors: readonly Mentor[], departmentSize: readonly number[], k: number): Int32Array {
  const order = mentors.map((_, i) => i);
  order.sort((a, b) => {
    const ma = mentors[a] as Mentor;
    const mb = mentors[b] as Mentor;
    return (
      (departmentSize[mb.department] as number) - (departmentSize[ma.department] as number) ||
      ma.department - mb.department ||
      (ma.site < 0 ? Infinity : ma.site) - (mb.site < 0 ? Infinity : mb.site) ||
      a - b
    );
  });
  const circleOf = new Int32Array(mentors.length);
  order.forEach((m, position) => {
    circleOf[m] = position % k;
  });
  return circleOf;
}

/**
 * Local search: for each pair of mentors in id order, swaps them when they are in different
 * circles and the swap strictly lowers (same-department pairs, same-site pairs); repeats until a
 * full pass swaps nothing. Sizes never change.
 */
function improve(mentors: readonly Mentor[], circleOf: Int32Array, k: number, departments: number, sites: number): void {
  const n = mentors.length;
  const dept = new Int32Array(k * departments);
  const site = new Int32Array(k * Math.max(sites, 1));
  const md = Int32Array.from(mentors, (m) => m.department);
  const ms = Int32Array.from(mentors, (m) => m.site);
  for (let i = 0; i < n; i++) {
    const c = circleOf[i] as number;
    dept[c * departments + (md[i] as number)]!++;
    if ((ms[i] as number) >= 0) site[c * sites + (ms[i] as number)]!++;
  }
  let improved = true;
  while (improved) {
    improved = false;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const ca = circleOf[a] as number;
        const cb = circleOf[b] as number;
        if (ca === cb) continue;
        const da = md[a] as number;
        const db = md[b] as number;
        let dD = 0;
        if (da !== db) {
          dD =
            (dept[ca * departments + db] as number) - ((dept[ca * departments + da] as number) - 1) +
            (dept[cb * departments + da] as number) - ((dept[cb * departments + db] as number) - 1);
        }
        if (dD > 0) continue;
        const sa = ms[a] as number;
        const sb = ms[b] as number;
        let dS = 0;
        if (sa !== sb) {
          if (sa >= 0) dS += (site[cb * sites + sa] as number) - ((site[ca * sites + sa] as number) - 1);
          if (sb >= 0) dS += (site[ca * sites + sb] as number) - ((site[cb * sites + sb] as number) - 1);
        }
        if (dD === 0 && dS >= 0) continue;
        dept[ca * departments + da]!--;
        dept[cb * departments + db]!--;
        dept[ca * departments + db]!++;
        dept[cb * departments + da]!++;
        if (sa >= 0) {
          site[ca * sites + sa]!--;
          site[cb * sites + sa]!++;
        }
        if (sb >= 0) {
          site[cb * sites + sb]!--;
          site[ca * sites + sb]!++;
        }
        circleOf[a] = cb;
        circleOf[b] = ca;
        improved = true;
      }
    }
  }
}

/** Code-unit order, the same on every platform and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `1 mentor`, `2 mentors`; the same plural rule serves the French words used here. */
function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
