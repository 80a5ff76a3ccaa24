import { ValidationError, type Issue } from '../errors';
import type { Participant } from '../model/participant';
import { defaultSkills } from '../model/taxonomy';
import { personName, type Origin } from './names';
import { Random } from './random';

/** Options of {@link generateOrganisation}. */
export interface GenerateOptions {
  /** Number of juniors, 0..1,000,000. */
  readonly juniors: number;
  /** Number of seniors, 0..1,000,000. */
  readonly seniors: number;
  /** Seed of the pseudo-random draws (default 1): same options, same organisation. */
  readonly seed?: number;
  /** Share of volunteers among the people who are not in the comex (default 0.9). */
  readonly volunteerRate?: number;
}

/** What {@link generateOrganisation} returns. */
export interface GeneratedOrganisation {
  /** Juniors and seniors, sorted by id, valid for `parseParticipants`. */
  readonly participants: Participant[];
}

const MAX_PEOPLE = 1_000_000;
const REFERENCE_YEAR = 2026;

const JUNIOR_TAUGHT = defaultSkills.filter((s) => s.teacher === 'junior').map((s) => s.id);
const SENIOR_TAUGHT = defaultSkills.filter((s) => s.teacher === 'senior').map((s) => s.id);
const DIGITAL = new Set(['collab-tools', 'ai-tools', 'data-literacy', 'cyber-hygiene']);
const SLOTS = ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [`${d}-am`, `${d}-pm`]);

/** Departments with their weight among seniors and among juniors. */
const DEPARTMENTS: readonly (readonly [string, number, number])[] = [
  ['Operations', 20, 18],
  ['Sales', 17, 16],
  ['IT', 12, 16],
  ['Finance', 11, 9],
  ['Marketing', 9, 12],
  ['R&D', 9, 9],
  ['HR', 7, 7],
  ['Customer Service', 6, 7],
  ['Communication', 4, 4],
  ['Legal', 5, 2],
];
const COMEX_DEPARTMENTS = ['Finance', 'Operations', 'Sales', 'IT', 'HR', 'Marketing', 'R&D', 'Legal', 'Customer Service', 'Communication'];

type Profile = 'fr' | 'de' | 'uk' | 'us' | 'ca' | 'sg';
/** Sites: weight, time zone, language profile. */
const SITES: readonly (readonly [string, number, string, Profile])[] = [
  ['Paris', 40, 'Europe/Paris', 'fr'],
  ['Lyon', 19, 'Europe/Paris', 'fr'],
  ['Lille', 15, 'Europe/Paris', 'fr'],
  ['Nantes', 7, 'Europe/Paris', 'fr'],
  ['Toulouse', 7, 'Europe/Paris', 'fr'],
  ['Munich', 3.5, 'Europe/Berlin', 'de'],
  ['London', 2.5, 'Europe/London', 'uk'],
  ['New York', 2.5, 'America/New_York', 'us'],
  ['Montréal', 1.5, 'America/Toronto', 'ca'],
  ['Singapore', 2, 'Asia/Singapore', 'sg'],
];
const SITE_WEIGHTS = SITES.map(([site, weight]) => [site, weight] as const);
const SITE_BY_NAME = new Map(SITES.map((s) => [s[0], s] as const));
/** Standard offsets, for the exports that write a zone as an offset. */
const STANDARD_OFFSET: Readonly<Record<string, string>> = {
  'Europe/Paris': '+01:00',
  'Europe/Berlin': '+01:00',
  'Europe/London': '+00:00',
  'America/New_York': '-05:00',
  'America/Toronto': '-05:00',
  'Asia/Singapore': '+08:00',
  'Europe/Lisbon': '+00:00',
  'Africa/Casablanca': '+01:00',
  'Europe/Madrid': '+01:00',
  'America/Sao_Paulo': '-03:00',
  'Asia/Dubai': '+04:00',
};
const REMOTE_ZONES = ['Europe/Lisbon', 'Africa/Casablanca', 'Europe/Madrid', 'America/Sao_Paulo', 'Asia/Dubai'];
/** Where people of a site come from, for their names. */
const ORIGINS: Readonly<Record<Profile, readonly (readonly [Origin, number])[]>> = {
  fr: [['fr', 80], ['maghreb', 7], ['es', 3], ['it', 2.5], ['pl', 1.5], ['de', 1.5], ['west-africa', 2.5], ['asia', 1.5], ['anglo', 0.5]],
  de: [['de', 80], ['fr', 10], ['it', 4], ['pl', 4], ['anglo', 2]],
  uk: [['anglo', 70], ['fr', 15], ['asia', 8], ['es', 4], ['it', 3]],
  us: [['anglo', 70], ['fr', 12], ['asia', 10], ['es', 8]],
  ca: [['fr', 55], ['anglo', 35], ['asia', 5], ['maghreb', 5]],
  sg: [['asia', 75], ['anglo', 12], ['fr', 13]],
};

const JUNIOR_BASE: Readonly<Record<string, number>> = { 'collab-tools': 3.5, 'ai-tools': 3.1, 'data-literacy': 2.5, 'cyber-hygiene': 2.3, 'social-media': 3.3, 'genz-work': 3.5, csr: 2.9, inclusion: 2.8 };
const SENIOR_DIGITAL_BASE: Readonly<Record<string, number>> = { 'collab-tools': 1.7, 'ai-tools': 0.9, 'data-literacy': 1.7, 'cyber-hygiene': 1.4, 'social-media': 1.1, 'genz-work': 1.0, csr: 1.9, inclusion: 1.7 };
const DEPARTMENT_BONUS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  IT: { 'ai-tools': 0.9, 'data-literacy': 0.8, 'cyber-hygiene': 1.3, 'collab-tools': 0.4 },
  Marketing: { 'social-media': 1.1, 'data-literacy': 0.3, 'genz-work': 0.3 },
  Finance: { 'data-literacy': 0.9 },
  HR: { inclusion: 1.0, 'genz-work': 0.8, csr: 0.4 },
  Sales: { 'social-media': 0.6, 'collab-tools': 0.2 },
  Operations: { 'cyber-hygiene': 0.2, 'data-literacy': 0.3, csr: 0.3 },
  'R&D': { 'ai-tools': 0.8, 'data-literacy': 0.6 },
  Communication: { 'social-media': 1.2, csr: 0.5, inclusion: 0.3 },
  Legal: { 'cyber-hygiene': 0.4, csr: 0.3 },
  'Customer Service': { 'collab-tools': 0.4, 'genz-work': 0.2 },
};
const SECTOR_BONUS: Readonly<Record<string, number>> = { Sales: 0.5, 'R&D': 0.5, Operations: 0.4, Marketing: 0.3 };
/** By level: 0 CEO, 1 comex, 2 director, 3 manager, 4 expert. */
const STRATEGY_BY_LEVEL = [2.0, 1.6, 1.0, 0.3, 0.0];
const LEADERSHIP_BY_LEVEL = [2.0, 1.6, 1.1, 0.6, -0.3];
const SENIOR_WANT_POPULARITY: Readonly<Record<string, number>> = { 'ai-tools': 0.9, 'social-media': 0.3, 'genz-work': 0.4, 'data-literacy': 0.2, 'collab-tools': 0, 'cyber-hygiene': -0.1, csr: -0.1, inclusion: -0.1 };
const JUNIOR_WANT_BASE: Readonly<Record<string, number>> = { strategy: 3.3, leadership: 3.1, industry: 2.7, 'company-history': 2.4 };

const level = (x: number) => Math.max(0, Math.min(5, Math.round(x)));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Distinct opaque ids `E` + digits: an affine map of 0, 1, 2… modulo the range, which is a bijection. */
function idMaker(count: number, rand: Random): (k: number) => string {
  let digits = 6;
  while (9 * 10 ** (digits - 1) < count * 2) digits++;
  const range = 9 * 10 ** (digits - 1);
  const low = 10 ** (digits - 1);
  // A multiplier coprime with the range (2, 3 and 5 are its only prime factors).
  let multiplier = 7 + 30 * rand.int(1_000, 30_000);
  while (multiplier % 2 === 0 || multiplier % 3 === 0 || multiplier % 5 === 0) multiplier++;
  const offset = rand.int(0, range - 1);
  // Exact in doubles: k < 4e6 and the multiplier < 1e6 keep the product far below 2^53.
  return (k) => `E${low + ((k * multiplier + offset) % range)}`;
}

function checkOptions(options: GenerateOptions): void {
  const issues: Issue[] = [];
  const count = (field: 'juniors' | 'seniors') => {
    const value: unknown = options?.[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PEOPLE) {
      issues.push({ path: ['options', field], message: `must be an integer 0..${MAX_PEOPLE}`, received: value });
    }
  };
  count('juniors');
  count('seniors');
  if (options?.seed !== undefined && !Number.isFinite(options.seed)) issues.push({ path: ['options', 'seed'], message: 'must be a finite number', received: options.seed });
  const rate = options?.volunteerRate;
  if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1)) issues.push({ path: ['options', 'volunteerRate'], message: 'must be a number 0..1', received: rate });
  const [first, ...rest] = issues;
  if (first) throw new ValidationError([first, ...rest]);
}

function languagesFor(rand: Random, profile: Profile, young: boolean): string[] {
  const r = rand.next();
  if (profile === 'fr') {
    const english = young ? 0.55 : 0.4;
    const langs = r < 0.04 ? ['en'] : r < 0.04 + english ? ['fr', 'en'] : ['fr'];
    if (rand.chance(0.06)) langs.push(rand.pick(['es', 'de', 'it', 'ar', 'pt', 'nl']));
    return langs;
  }
  if (profile === 'de') return r < 0.75 ? ['de', 'en'] : r < 0.9 ? ['de', 'en', 'fr'] : ['de'];
  if (profile === 'ca') return r < 0.7 ? ['fr', 'en'] : r < 0.9 ? ['en'] : ['fr'];
  if (profile === 'sg') return r < 0.6 ? ['en'] : r < 0.85 ? ['en', 'zh'] : ['en', 'fr'];
  return r < 0.8 ? ['en'] : r < 0.95 ? ['en', 'fr'] : ['en', 'es'];
}

function timezoneFor(rand: Random, zone: string): string {
  const actual = rand.chance(0.02) ? rand.pick(REMOTE_ZONES) : zone;
  return rand.chance(0.04) ? STANDARD_OFFSET[actual]! : actual;
}

function availabilityFor(rand: Random, junior: boolean): string[] {
  const count = rand.weighted([[2, 18], [3, 28], [4, 26], [5, 16], [6, 12]] as const);
  const pool = SLOTS.map((slot) => {
    const pm = slot.endsWith('pm');
    let w = junior ? (pm ? 1.1 : 0.9) : pm ? 0.85 : 1.15;
    if (!junior && slot === 'mon-am') w = 0.6;
    if (slot === 'fri-pm') w = 0.5;
    return [slot, w] as [string, number];
  });
  const chosen = new Set<string>();
  for (let k = 0; k < count; k++) {
    const slot = rand.weighted(pool);
    chosen.add(slot);
    pool.splice(pool.findIndex(([s]) => s === slot), 1);
  }
  return SLOTS.filter((s) => chosen.has(s));
}

function juniorSkills(rand: Random, department: string, tenure: number): Record<string, number> {
  const digital = rand.gauss(0, 0.7);
  const social = rand.gauss(0, 0.7);
  const bonus = DEPARTMENT_BONUS[department] ?? {};
  const skills: Record<string, number> = {};
  for (const k of JUNIOR_TAUGHT) skills[k] = level(JUNIOR_BASE[k]! + (bonus[k] ?? 0) + (DIGITAL.has(k) ? digital : social) + rand.gauss(0, 0.8));
  const base: Record<string, number> = { strategy: 1.1, leadership: 0.9, industry: 1.1 + 0.2 * tenure, 'company-history': 0.7 + 0.3 * tenure };
  for (const k of SENIOR_TAUGHT) if (rand.chance(0.55)) skills[k] = level(base[k]! + rand.gauss(0, 0.8));
  return skills;
}

function seniorSkills(rand: Random, department: string, rank: number, age: number, tenure: number): Record<string, number> {
  const digital = rand.gauss(0, 0.8) - 0.03 * (age - 40);
  const bonus = DEPARTMENT_BONUS[department] ?? {};
  const skills: Record<string, number> = {};
  for (const k of JUNIOR_TAUGHT) if (rand.chance(0.85)) skills[k] = level(SENIOR_DIGITAL_BASE[k]! + 0.5 * (bonus[k] ?? 0) + digital + rand.gauss(0, 0.8));
  skills.strategy = level(2.6 + STRATEGY_BY_LEVEL[rank]! + rand.gauss(0, 0.8));
  skills.leadership = level(2.5 + LEADERSHIP_BY_LEVEL[rank]! + rand.gauss(0, 0.8));
  skills.industry = level(2.3 + 0.05 * tenure + (SECTOR_BONUS[department] ?? 0) + rand.gauss(0, 0.8));
  skills['company-history'] = level(1.6 + 0.09 * tenure + rand.gauss(0, 0.8));
  return skills;
}

/** Keeps the `m` strongest desires of 1 or more, in taxonomy order. */
function ordered(wants: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of defaultSkills) if (wants[s.id] !== undefined) out[s.id] = wants[s.id]!;
  return out;
}

function seniorWants(rand: Random, skills: Record<string, number>): Record<string, number> {
  const scored = JUNIOR_TAUGHT.map((k) => ({ k, desire: (5 - (skills[k] ?? 1)) * 0.7 + SENIOR_WANT_POPULARITY[k]! + rand.gauss(0, 1) }));
  scored.sort((a, b) => b.desire - a.desire || (a.k < b.k ? -1 : 1));
  const m = rand.weighted([[2, 20], [3, 35], [4, 30], [5, 15]] as const);
  const wants: Record<string, number> = {};
  for (const { k, desire } of scored.slice(0, m)) if (level(desire) >= 1) wants[k] = level(desire);
  if (rand.chance(0.05) && m < scored.length) wants[scored[scored.length - 1]!.k] = 0; // an explicit "not interested"
  return ordered(wants);
}

function juniorWants(rand: Random, skills: Record<string, number>): Record<string, number> {
  const m = rand.weighted([[1, 15], [2, 40], [3, 30], [4, 15]] as const);
  const scored = SENIOR_TAUGHT.map((k) => ({ k, desire: JUNIOR_WANT_BASE[k]! - 0.5 * (skills[k] ?? 0) + rand.gauss(0, 1) }));
  scored.sort((a, b) => b.desire - a.desire || (a.k < b.k ? -1 : 1));
  const wants: Record<string, number> = {};
  for (const { k, desire } of scored.slice(0, m)) if (level(desire) >= 1) wants[k] = level(desire);
  if (rand.chance(0.15)) {
    const k = rand.pick(['data-literacy', 'ai-tools', 'cyber-hygiene']);
    if ((skills[k] ?? 0) <= 3) wants[k] = rand.int(2, 4);
  }
  return ordered(wants);
}

/** A participant being built (mutable until it is returned). */
interface Draft {
  id: string;
  role: 'junior' | 'senior';
  rank: number;
  age: number;
  gender: 'F' | 'M' | 'X';
  department: string;
  site: string;
  tenure: number;
  managerId?: string;
  pastPartners?: string[];
}

/**
 * A synthetic organisation for tests, demos and benchmarks, shaped like the shared `org-*.json`
 * files: a CEO and a comex, directors, managers and experts who are strong in strategy and sector
 * knowledge; juniors strong in digital tools and social trends with department effects; wishes that
 * follow the gaps; a management tree (some managers are not participants); sites with their time
 * zones and languages; availability slots, capacities, openness, a previous cohort's partners.
 * Pure and deterministic: the same options give the same organisation on every platform; no
 * Node-only API.
 *
 * @param options - Sizes, seed, volunteer rate.
 * @returns The participants, sorted by id.
 * @throws ValidationError naming the bad option (`options.juniors: must be an integer 0..1000000`).
 * @example
 * const { participants } = generateOrganisation({ juniors: 5000, seniors: 5000, seed: 7 });
 * const result = match({ participants, program: {} });
 */
export function generateOrganisation(options: GenerateOptions): GeneratedOrganisation {
  checkOptions(options);
  const { juniors, seniors } = options;
  const rand = new Random(options.seed ?? 1);
  const volunteerRate = options.volunteerRate ?? 0.9;
  const n = juniors + seniors;
  const externals = Math.max(8, Math.floor(n / 4));
  const idOf = idMaker(n + externals, rand);
  const externalByDepartment = new Map<string, string[]>(DEPARTMENTS.map(([d]) => [d, []]));
  for (let k = 0; k < externals; k++) externalByDepartment.get(DEPARTMENTS[k % DEPARTMENTS.length]![0])!.push(idOf(n + k));

  const comex = Math.max(3, Math.min(COMEX_DEPARTMENTS.length + 1, Math.round(seniors * 0.04)));
  const seniorWeights = DEPARTMENTS.map(([d, w]) => [d, w] as const);
  const juniorWeights = DEPARTMENTS.map(([d, , w]) => [d, w] as const);
  const order = rand.shuffle(Array.from({ length: n }, (_, i) => i));
  const drafts: Draft[] = [];
  for (let i = 0; i < seniors; i++) {
    const rank = i === 0 ? 0 : i < comex ? 1 : rand.weighted([[2, 20], [3, 50], [4, 30]] as const);
    let department: string;
    let age: number;
    if (rank === 0) {
      department = 'General Management';
      age = rand.int(54, 62);
    } else if (rank === 1) {
      department = COMEX_DEPARTMENTS[(i - 1) % COMEX_DEPARTMENTS.length]!;
      age = rand.int(48, 62);
    } else {
      department = rand.weighted(seniorWeights);
      const lo = rank === 2 ? 44 : 40;
      age = Math.min(62, Math.max(lo, Math.floor(rand.triangular(lo, 62, 50))));
    }
    const site = rank <= 1 && rand.chance(0.85) ? 'Paris' : rand.weighted(SITE_WEIGHTS);
    const tenure = round1(Math.min(age - 23, Math.max(0.5, rand.triangular(1, age - 23, (age - 23) * 0.55))));
    drafts.push({ id: idOf(order[i]!), role: 'senior', rank, age, gender: rand.chance(0.42) ? 'F' : 'M', department, site, tenure });
  }
  for (let i = 0; i < juniors; i++) {
    const age = Math.min(30, Math.max(21, Math.round(rand.triangular(21, 30, 25))));
    const department = rand.weighted(juniorWeights);
    const site = rand.weighted(SITE_WEIGHTS);
    const tenure = round1(Math.max(0, Math.min(age - 20, rand.triangular(0, 7, 1.5))));
    const gender = rand.chance(0.49) ? 'F' : rand.chance(0.98) ? 'M' : 'X';
    drafts.push({ id: idOf(order[seniors + i]!), role: 'junior', rank: 9, age, gender, department, site, tenure });
  }

  // The management tree: seniors report one level up in their department, some juniors to a
  // participating manager; the other managers are not participants.
  const byRankDepartment = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.role !== 'senior') continue;
    const key = `${d.rank}:${d.department}`;
    if (!byRankDepartment.has(key)) byRankDepartment.set(key, []);
    byRankDepartment.get(key)!.push(d);
  }
  const comexByDepartment = new Map(drafts.filter((d) => d.rank === 1).map((d) => [d.department, d] as const));
  // Candidate managers by group (directors of a department; its directors and managers), all
  // and by site, built once.
  const groups = new Map<string, { all: Draft[]; bySite: Map<string, Draft[]> }>();
  const group = (key: string, members: readonly Draft[]) => {
    const bySite = new Map<string, Draft[]>();
    for (const m of members) {
      if (!bySite.has(m.site)) bySite.set(m.site, []);
      bySite.get(m.site)!.push(m);
    }
    groups.set(key, { all: [...members], bySite });
  };
  for (const [department] of [...DEPARTMENTS, ['General Management'] as const]) {
    const directors = byRankDepartment.get(`2:${department}`) ?? [];
    group(`directors:${department}`, directors);
    group(`managers:${department}`, [...(byRankDepartment.get(`3:${department}`) ?? []), ...directors]);
  }
  const near = (key: string, site: string): Draft => {
    const { all, bySite } = groups.get(key)!;
    const same = bySite.get(site) ?? [];
    return same.length > 0 && rand.chance(0.7) ? rand.pick(same) : rand.pick(all);
  };
  const ceo = drafts[0];
  const allExternal = [...externalByDepartment.values()].flat();
  for (const d of drafts) {
    const external = externalByDepartment.get(d.department) ?? allExternal;
    if (d.rank === 0) continue;
    if (d.rank === 1) d.managerId = ceo!.id;
    else if (d.rank === 2) {
      const head = comexByDepartment.get(d.department);
      d.managerId = head && rand.chance(0.75) ? head.id : rand.pick(external);
    } else {
      const key = d.rank === 3 ? `directors:${d.department}` : `managers:${d.department}`;
      const candidates = groups.get(key)?.all.length ?? 0;
      d.managerId = candidates > 0 && rand.chance(d.role === 'junior' ? 0.3 : 0.55) ? near(key, d.site).id : rand.pick(external);
    }
  }

  // A previous cohort, and partners who have left the company.
  const juniorDrafts = drafts.filter((d) => d.role === 'junior');
  const seniorDrafts = drafts.filter((d) => d.role === 'senior');
  const previous = Math.floor(Math.min(juniors, seniors) / 8);
  const pastJuniors = rand.shuffle([...juniorDrafts]).slice(0, previous);
  const pastSeniors = rand.shuffle([...seniorDrafts]).slice(0, previous);
  pastJuniors.forEach((j, k) => {
    const s = pastSeniors[k]!;
    (j.pastPartners ??= []).push(s.id);
    (s.pastPartners ??= []).push(j.id);
  });
  if (n > 0) {
    for (let k = 0; k < Math.max(1, Math.floor(n / 50)); k++) (drafts[rand.int(0, n - 1)]!.pastPartners ??= []).push(`E${rand.int(10_000, 99_999)}`);
  }

  const participants = drafts.map((d): Participant => {
    const young = d.role === 'junior';
    const [, , zone, profile] = SITE_BY_NAME.get(d.site)!;
    const skills = young ? juniorSkills(rand, d.department, d.tenure) : seniorSkills(rand, d.department, d.rank, d.age, d.tenure);
    const capacity = young ? (rand.chance(0.15) ? 2 : rand.chance(0.2) ? 1 : undefined) : rand.chance(0.2) ? 1 : undefined;
    const openness = rand.chance(0.95) ? round1(Math.max(0, Math.min(5, rand.gauss(young ? 3.9 : d.rank <= 1 ? 3.5 : 3.3, young ? 0.6 : 0.9)))) : undefined;
    const tags = [...(d.rank <= 1 ? ['comex'] : []), ...(young && rand.chance(0.08) ? ['hipo'] : []), ...(d.tenure < 1 ? ['new-joiner'] : [])];
    const contract = young ? (d.age <= 24 && rand.chance(0.3) ? 'alternance' : rand.weighted([['CDI', 85], ['CDD', 7], ['VIE', 5], ['intérim', 3]] as const)) : 'CDI';
    const band = young ? (contract === 'alternance' || contract === 'intérim' ? 1 : rand.pick([2, 2, 3])) : [9, 8, 7, 6, 5][d.rank]! - rand.pick([0, 0, 1]);
    return {
      id: d.id,
      name: personName(rand, rand.weighted(ORIGINS[profile]), d.gender, young),
      role: d.role,
      volunteer: d.rank <= 1 ? true : rand.chance(volunteerRate),
      department: d.department,
      site: d.site,
      ...(d.managerId === undefined ? {} : { managerId: d.managerId }),
      birthYear: REFERENCE_YEAR - d.age,
      tenureYears: d.tenure,
      languages: languagesFor(rand, profile, young),
      timezone: timezoneFor(rand, zone),
      availability: availabilityFor(rand, young),
      ...(capacity === undefined ? {} : { capacity }),
      skills,
      wants: young ? juniorWants(rand, skills) : seniorWants(rand, skills),
      ...(openness === undefined ? {} : { openness }),
      ...(tags.length > 0 ? { tags } : {}),
      ...(d.pastPartners ? { pastPartners: d.pastPartners } : {}),
      attributes: { gender: d.gender, band, remote: rand.chance(0.3), contract },
    };
  });
  participants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { participants };
}
