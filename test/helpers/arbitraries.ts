/**
 * fast-check arbitraries of raw `match` input: participants with every optional field exercised,
 * levels at the edges (0, 5, equal everywhere, 1e-9 apart), and programs with every constraint
 * switch, quotas of every kind, the three objectives, valid forbidden and locked pairs. Cohorts are
 * small (1..6 per side) so that a property runs a thousand times in seconds.
 */
import * as fc from 'fast-check';
import { parseParticipants, scorePairs, type ProgramInput } from '../../src/index';

/** A raw participant record (JSON-like), as a user would write it. */
export type RawParticipant = Record<string, unknown>;

/** A raw `match` input. */
export interface RawInput {
  readonly participants: RawParticipant[];
  readonly program: ProgramInput;
}

/** How the levels of a cohort are drawn. */
export type LevelScheme = 'tenths' | 'edges' | 'equal' | 'tiny';

/** The levels of a cohort: a scheme and the base value it starts from. */
export interface LevelPlan {
  readonly scheme: LevelScheme;
  /** The one level of `equal`, the start of `tiny`. */
  readonly base: number;
}

/**
 * Levels plans: tenths 0..5, only the edges 0 and 5, one value everywhere (0, 5 or in between),
 * or values 1e-9 apart around a base (not representable in a `Float32Array`).
 */
export const levelPlan: fc.Arbitrary<LevelPlan> = fc.record({
  scheme: fc.constantFrom<LevelScheme>('tenths', 'edges', 'equal', 'tiny'),
  base: fc.constantFrom(0, 5, 2.5, 1 / 3, 4.2),
});

/**
 * A level 0..5 from a plan and a seed 0..50.
 *
 * @param plan - The cohort's plan.
 * @param seed - 0..50.
 */
export function levelOf(plan: LevelPlan, seed: number): number {
  switch (plan.scheme) {
    case 'tenths':
      return seed / 10;
    case 'edges':
      return seed % 2 === 0 ? 0 : 5;
    case 'equal':
      return plan.base;
    case 'tiny': {
      const step = (seed % 4) * 1e-9;
      return plan.base >= 4 ? plan.base - step : plan.base + step;
    }
  }
}

/** Skill ids used by the arbitraries: a few taught by each side, from the default taxonomy. */
const SKILLS = ['ai-tools', 'social-media', 'csr', 'strategy', 'leadership', 'industry'] as const;
const DEPARTMENTS = ['IT', 'Sales', 'Finance'] as const;
const SITES = ['Paris', 'Lyon', 'Montréal'] as const;
/** Id prefixes by role: ids sort by UTF-16 code units, so `J-3` < `j10` < `j9` < `ж1`. */
const PREFIXES = { junior: ['j', 'j', 'J-', 'ж'], senior: ['s', 's', 'S-', 'ś'] } as const;
const SLOTS = ['mon-am', 'tue-am', 'wed-pm', 'thu-pm'] as const;
const LANGUAGES = [['fr'], ['fr'], ['fr'], ['fr-CA'], ['EN-gb', 'fr'], ['en', 'fr'], ['en'], ['de', 'en'], []] as const;
/** IANA names (with and without daylight saving, half and quarter hours) and UTC offsets. */
const TIMEZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Auckland', 'UTC', '+01:00', '-05:00', '+05:45', '+14:00', '-12:00'] as const;
const NAMES = ['Léa Martin', 'Paul', "O'Brien", 'Zoë <b>', 'Ана', '李雷', ''] as const;

/** Absent (key left out), `null` (absent too), or a value. */
function optional<T>(arb: fc.Arbitrary<T>, present = 3): fc.Arbitrary<T | null | undefined> {
  return fc.oneof({ weight: present, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) });
}

/** What one participant looks like before ids and levels are resolved. */
interface PersonSpec {
  /** Number in the id, distinct on each side. */
  readonly n: number;
  /** Index of the id prefix. */
  readonly prefix: number;
  readonly volunteer: boolean;
  readonly name: string | null | undefined;
  readonly department: string;
  readonly site: string | null | undefined;
  readonly languages: readonly string[] | null | undefined;
  readonly timezone: string | null | undefined;
  readonly availability: readonly string[] | null | undefined;
  readonly capacity: number | null | undefined;
  readonly openness: number | null | undefined;
  readonly tags: readonly string[] | null | undefined;
  readonly attributes: Record<string, string | number | boolean> | null | undefined;
  readonly birthYear: number | null | undefined;
  readonly tenureYears: number | null | undefined;
  /** Skill id, level seed 0..50 or -1 for `null`. */
  readonly skills: readonly (readonly [string, number])[];
  readonly wants: readonly (readonly [string, number])[];
  /** Manager: an earlier participant (index seed), someone outside the cohort, or none. */
  readonly manager: number | 'outside' | null | undefined;
  /** Past partners: participants (index seeds) or someone who is not a participant. */
  readonly past: readonly (number | 'ghost')[] | null | undefined;
}

/** Options of {@link cohort}. */
export interface CohortOptions {
  readonly minPerSide?: number;
  readonly maxPerSide?: number;
  /** Allow capacity 2 (default true). */
  readonly capacities?: boolean;
  /** Force a level plan (default: any). */
  readonly levels?: fc.Arbitrary<LevelPlan>;
  /** Share of volunteers, 0..1 (default 0.85). */
  readonly volunteers?: number;
}

function personSpec(options: CohortOptions): fc.Arbitrary<PersonSpec> {
  const volunteers = Math.round(100 * (options.volunteers ?? 0.85));
  const skillEntry = fc.tuple(fc.constantFrom(...SKILLS), fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 50 }) }, { weight: 1, arbitrary: fc.constant(-1) }));
  const entries = fc.uniqueArray(skillEntry, { maxLength: 4, selector: (e) => e[0] });
  return fc.record({
    n: fc.nat(99),
    prefix: fc.nat(3),
    volunteer: fc.integer({ min: 1, max: 100 }).map((x) => x <= volunteers),
    name: optional(fc.constantFrom(...NAMES)),
    department: fc.constantFrom(...DEPARTMENTS),
    site: optional(fc.constantFrom(...SITES)),
    languages: optional(fc.constantFrom(...LANGUAGES)),
    timezone: optional(fc.constantFrom(...TIMEZONES), 2),
    availability: optional(fc.subarray([...SLOTS])),
    capacity: options.capacities === false ? fc.constant(undefined) : optional(fc.constantFrom(1, 2), 1),
    openness: optional(fc.integer({ min: 0, max: 10 }).map((x) => x / 2)),
    tags: optional(fc.constantFrom<readonly string[]>([], [], [], ['board'], ['comex'], ['remote-first'], ['comex', 'board']), 2),
    attributes: optional(
      fc.record({ gender: fc.constantFrom('F', 'M'), grade: fc.constantFrom(1, 2, 3), remote: fc.boolean() }, { requiredKeys: [] }),
      2,
    ),
    birthYear: optional(fc.integer({ min: 1950, max: 2005 }), 1),
    tenureYears: optional(fc.constantFrom(0, 0.5, 12, 40), 1),
    skills: entries,
    wants: entries,
    manager: optional(fc.oneof({ weight: 2, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant('outside' as const) }), 1),
    past: optional(fc.array(fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant('ghost' as const) }), { maxLength: 2 }), 1),
  });
}

/** The specs of a cohort: juniors, seniors (distinct `n` per side), the level plan, an order. */
interface CohortSpec {
  readonly juniors: readonly PersonSpec[];
  readonly seniors: readonly PersonSpec[];
  readonly levels: LevelPlan;
  /** Sort keys giving the order of the participants array. */
  readonly order: readonly number[];
}

function cohortSpec(options: CohortOptions): fc.Arbitrary<CohortSpec> {
  const side = fc.uniqueArray(personSpec(options), { minLength: options.minPerSide ?? 1, maxLength: options.maxPerSide ?? 6, selector: (p) => p.n });
  return fc.record({
    juniors: side,
    seniors: side,
    levels: options.levels ?? levelPlan,
    order: fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }),
  });
}

function buildCohort(spec: CohortSpec): RawParticipant[] {
  const ids = {
    junior: spec.juniors.map((p) => `${PREFIXES.junior[p.prefix]}${p.n}`),
    senior: spec.seniors.map((p) => `${PREFIXES.senior[p.prefix]}${p.n}`),
  };
  // Managers come earlier in this list (seniors first), so chains never loop.
  const all = [...spec.seniors.map((p, i) => ({ p, id: ids.senior[i]!, role: 'senior' })), ...spec.juniors.map((p, i) => ({ p, id: ids.junior[i]!, role: 'junior' }))];
  const records = all.map(({ p, id, role }, index) => {
    const r: RawParticipant = { id, role, volunteer: p.volunteer, department: p.department };
    const level = (seed: number) => (seed < 0 ? null : levelOf(spec.levels, seed));
    r.skills = Object.fromEntries(p.skills.map(([k, seed]) => [k, level(seed)]));
    r.wants = Object.fromEntries(p.wants.map(([k, seed]) => [k, level(seed)]));
    const set = (key: string, value: unknown) => {
      if (value !== undefined) r[key] = value;
    };
    set('name', p.name);
    set('site', p.site);
    set('languages', p.languages === null || p.languages === undefined ? p.languages : [...p.languages]);
    set('timezone', p.timezone);
    set('availability', p.availability === null || p.availability === undefined ? p.availability : [...p.availability]);
    set('capacity', p.capacity);
    set('openness', p.openness);
    set('tags', p.tags === null || p.tags === undefined ? p.tags : [...p.tags]);
    set('attributes', p.attributes === null || p.attributes === undefined ? p.attributes : { ...p.attributes });
    set('birthYear', p.birthYear);
    set('tenureYears', p.tenureYears);
    if (p.manager === 'outside') r.managerId = 'ceo-outside';
    else if (p.manager === null) r.managerId = null;
    else if (p.manager !== undefined && index > 0) r.managerId = all[p.manager % index]!.id;
    if (p.past === null) r.pastPartners = null;
    else if (p.past !== undefined) {
      const others = all.filter((o) => o.id !== id);
      r.pastPartners = p.past.map((x) => (x === 'ghost' || others.length === 0 ? 'x-gone' : others[x % others.length]!.id));
    }
    return r;
  });
  const key = (i: number) => spec.order[i % spec.order.length]! * 100 + i;
  return records.map((r, i) => ({ r, k: key(i) })).sort((a, b) => a.k - b.k).map((x) => x.r);
}

/**
 * Raw participants: 1..6 juniors and 1..6 seniors by default, ids such as `j7`, `J-7`, `ж7` and
 * `s7`, `S-7`, `ś7` (so that id order is neither number order nor input order: `J-3` < `j10` <
 * `j9`), every optional field sometimes absent, sometimes
 * `null`, sometimes set; managers form chains without loops (some outside the cohort); past
 * partners name participants or unknown ids.
 */
export function cohort(options: CohortOptions = {}): fc.Arbitrary<RawParticipant[]> {
  return cohortSpec(options).map(buildCohort);
}

const SCORERS = ['skillGap', 'reciprocity', 'crossSilo', 'availability', 'openness'] as const;

/** How the weights of a program are drawn. */
export type WeightMode = 'default' | 'random' | 'equal' | 'tiny' | 'zeros';

interface WeightSpec {
  readonly mode: WeightMode;
  readonly values: readonly number[];
  readonly base: number;
  readonly positive: number;
}

const WEIGHT_MODES: readonly WeightMode[] = ['default', 'random', 'equal', 'tiny', 'zeros'];

const weightSpec = (modes: readonly WeightMode[] = WEIGHT_MODES): fc.Arbitrary<WeightSpec> => fc.record({
  mode: fc.constantFrom(...modes),
  values: fc.array(fc.constantFrom(0, 0.05, 0.1, 0.2, 0.45, 1, 3), { minLength: 5, maxLength: 5 }),
  base: fc.constantFrom(1e-9, 0.2, 1, 1000),
  positive: fc.nat(4),
});

function buildWeights(spec: WeightSpec): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  SCORERS.forEach((id, i) => {
    const v = spec.values[i]!;
    if (spec.mode === 'random') out[id] = v;
    else if (spec.mode === 'equal') out[id] = spec.base;
    else if (spec.mode === 'tiny') out[id] = spec.base + ((i + spec.positive) % 5) * 1e-9;
    else if (spec.mode === 'zeros') out[id] = i === spec.positive ? spec.base : 0;
  });
  if (spec.mode === 'default') return undefined;
  if (!Object.values(out).some((w) => w > 0)) out[SCORERS[spec.positive]!] = 0.3;
  return out;
}

/**
 * Weights: left to the defaults, drawn (zeros included, at least one positive), all equal (1e-9,
 * 0.2, 1 or 1000 each), 1e-9 apart, or a single positive one.
 */
export const weights: fc.Arbitrary<Record<string, number> | undefined> = weightSpec().map(buildWeights);

type Side = 'junior' | 'senior';
const side = fc.constantFrom<Side>('junior', 'senior');
const shareWhere = fc.oneof(
  fc.constantFrom('differentSite' as const, 'differentDepartment' as const),
  fc.record({ side, attribute: fc.constant('gender'), equals: fc.constant('F') }),
  fc.record({ side, attribute: fc.constant('remote'), equals: fc.constant(true) }),
  fc.record({ side, attribute: fc.constant('grade'), equals: fc.constant(2) }),
);

/** A quota before its ids are resolved (`ids` are index seeds into the cohort). */
type QuotaSpec =
  | { kind: 'minShare' | 'maxShare'; where: unknown; share: number }
  | { kind: 'minPairs' | 'maxPairs'; per: unknown; count: number; values?: (string | number | boolean)[] }
  | { kind: 'mustMatch'; tag: string }
  | { kind: 'mustMatch'; seeds: number[] };

const quotaSpec: fc.Arbitrary<QuotaSpec> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constantFrom('minShare' as const, 'maxShare' as const), where: shareWhere, share: fc.constantFrom(0, 0.25, 1 / 3, 0.5, 1) }),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constantFrom('minPairs' as const, 'maxPairs' as const),
        per: fc.oneof(
          fc.record({ side, field: fc.constantFrom('department' as const, 'site' as const, 'tag' as const) }),
          fc.record({ side, attribute: fc.constantFrom('gender', 'grade') }),
        ),
        count: fc.constantFrom(0, 1, 1, 2, 3),
        values: fc.constantFrom<(string | number | boolean)[]>(['IT'], ['Paris', 'Lyon'], ['comex'], ['F'], [2, 'x']),
      },
      { requiredKeys: ['kind', 'per', 'count'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mustMatch' as const), tag: fc.constantFrom('comex', 'board') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mustMatch' as const), seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }) },
);

/** Whether and how a program locks pairs. */
export type LockMode = 'none' | 'valid' | 'any';

/** Options of {@link matchInput}. */
export interface MatchInputOptions extends CohortOptions {
  /** Draw quotas (default true). */
  readonly quotas?: boolean;
  /** Largest number of quotas (default 3). */
  readonly maxQuotas?: number;
  /** The objectives to draw from (default all three). */
  readonly objectives?: readonly ('maxScore' | 'maxPairsThenScore' | 'maximin')[];
  /**
   * `none`; `valid` (default): up to two pairs picked among the eligible ones (from `scorePairs`)
   * within capacities; `any`: up to two pairs of any junior and senior, which `match` may refuse
   * with a `LockedPairConflictError`.
   */
  readonly locks?: LockMode;
  /** Forbidden pairs (default true). */
  readonly forbidden?: boolean;
  /** Draw `minScore` above 0 (default true). */
  readonly minScore?: boolean;
  /** How weights are drawn (default: every mode). */
  readonly weightModes?: readonly WeightMode[];
}

interface ProgramSpec {
  readonly weights: WeightSpec;
  readonly objective: 'maxScore' | 'maxPairsThenScore' | 'maximin';
  readonly volunteersOnly: boolean | undefined;
  readonly notInReportingLine: boolean | undefined;
  readonly differentDepartment: boolean | undefined;
  readonly sharedLanguage: boolean | undefined;
  readonly avoidPastPartners: boolean | undefined;
  readonly maxTimezoneGapHours: number | undefined;
  readonly minAvailabilityOverlap: number | undefined;
  readonly minScore: number | undefined;
  readonly forbidden: readonly (readonly [number, number])[];
  readonly locked: readonly (readonly [number, number])[];
  readonly quotas: readonly QuotaSpec[];
  readonly capacity: { junior: number; senior: number } | undefined;
  readonly goals: boolean;
  readonly name: string | undefined;
}

function programSpec(options: MatchInputOptions): fc.Arbitrary<ProgramSpec> {
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
  const pairSeeds = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 });
  const none = fc.constant<readonly (readonly [number, number])[]>([]);
  return fc.record({
    weights: weightSpec(options.weightModes),
    objective: fc.constantFrom(...(options.objectives ?? (['maxScore', 'maxPairsThenScore', 'maximin'] as const))),
    volunteersOnly: maybe(fc.boolean()),
    notInReportingLine: maybe(fc.boolean()),
    differentDepartment: rarely(fc.boolean()),
    sharedLanguage: maybe(fc.boolean()),
    avoidPastPartners: maybe(fc.boolean()),
    maxTimezoneGapHours: rarely(fc.constantFrom(0, 1, 2.5, 6, 12)),
    minAvailabilityOverlap: rarely(fc.constantFrom(0, 1, 2)),
    minScore: options.minScore === false ? fc.constant(undefined) : rarely(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 5, 15) }, { weight: 1, arbitrary: fc.constantFrom(30, 60, 100) })),
    forbidden: options.forbidden === false ? none : pairSeeds,
    locked: (options.locks ?? 'valid') === 'none' ? none : fc.oneof({ weight: 2, arbitrary: none }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 }) }),
    quotas: options.quotas === false ? fc.constant([]) : fc.array(quotaSpec, { maxLength: options.maxQuotas ?? 3 }),
    capacity: maybe(fc.record({ junior: fc.constantFrom(1, 2), senior: fc.constantFrom(1, 2) })),
    goals: fc.boolean(),
    name: maybe(fc.constantFrom('Programme 2026', 'Reverse mentoring')),
  });
}

function buildProgram(spec: ProgramSpec, participants: readonly RawParticipant[], locks: LockMode): ProgramInput {
  const juniors = participants.filter((p) => p.role === 'junior').map((p) => String(p.id));
  const seniors = participants.filter((p) => p.role === 'senior').map((p) => String(p.id));
  const ref = ([a, b]: readonly [number, number]) => ({ juniorId: juniors[a % juniors.length]!, seniorId: seniors[b % seniors.length]! });
  const constraints: Record<string, unknown> = {};
  for (const key of ['volunteersOnly', 'notInReportingLine', 'differentDepartment', 'sharedLanguage', 'avoidPastPartners', 'maxTimezoneGapHours', 'minAvailabilityOverlap', 'minScore'] as const) {
    if (spec[key] !== undefined) constraints[key] = spec[key];
  }
  if (spec.forbidden.length > 0) constraints.forbiddenPairs = spec.forbidden.map(ref);
  const program: Record<string, unknown> = { objective: spec.objective, constraints };
  const w = buildWeights(spec.weights);
  if (w) program.weights = w;
  if (spec.capacity) program.capacity = { ...spec.capacity };
  if (spec.name !== undefined) program.name = spec.name;
  if (spec.goals) {
    program.goals = [
      { id: 'digital', label: 'Digital upskilling', scorers: ['skillGap'] },
      { id: 'exec', label: 'Executive committee', tag: 'comex' },
    ];
  }
  if (spec.quotas.length > 0) {
    const all = participants.map((p) => String(p.id));
    program.quotas = spec.quotas.map((q, i) => {
      const id = `q${i}`;
      if ('seeds' in q) return { id, kind: 'mustMatch', ids: [...new Set(q.seeds.map((s) => all[s % all.length]!))] };
      return { id, ...q };
    });
  }
  if (spec.locked.length > 0 && locks === 'any') constraints.lockedPairs = spec.locked.map(ref);
  else if (spec.locked.length > 0 && locks === 'valid') {
    const locked = validLocks(participants, program as ProgramInput, spec.locked);
    if (locked.length > 0) constraints.lockedPairs = locked;
  }
  return program as ProgramInput;
}

/**
 * Up to `seeds.length` locked pairs among the eligible pairs of `scorePairs` (every hard rule and
 * `minScore` hold), distinct, within both sides' capacities.
 */
function validLocks(participants: readonly RawParticipant[], program: ProgramInput, seeds: readonly (readonly [number, number])[]) {
  const { juniorIds, seniorIds, scores } = scorePairs(participants, program);
  const eligible: [string, string][] = [];
  juniorIds.forEach((j, r) => seniorIds.forEach((s, c) => Number.isNaN(scores[r * seniorIds.length + c]!) || eligible.push([j, s])));
  const people = new Map(parseParticipants(participants, { unknownFields: 'error' }).map((p) => [p.id, p] as const));
  const capacity = (id: string) => {
    const p = people.get(id)!;
    return p.capacity ?? program.capacity?.[p.role] ?? 1;
  };
  const load = new Map<string, number>();
  const out: { juniorId: string; seniorId: string }[] = [];
  for (const [a] of seeds) {
    if (eligible.length === 0) break;
    const [j, s] = eligible.splice(a % eligible.length, 1)[0]!;
    if ((load.get(j) ?? 0) >= capacity(j) || (load.get(s) ?? 0) >= capacity(s)) continue;
    load.set(j, (load.get(j) ?? 0) + 1);
    load.set(s, (load.get(s) ?? 0) + 1);
    out.push({ juniorId: j, seniorId: s });
  }
  return out;
}

/**
 * A raw `match` input: a {@link cohort} and a program over it (weights, every constraint switch,
 * `minScore`, forbidden and locked pairs, quotas of every kind, capacities, goals, an objective).
 */
export function matchInput(options: MatchInputOptions = {}): fc.Arbitrary<RawInput> {
  const locks = options.locks ?? 'valid';
  return fc.record({ cohort: cohortSpec(options), program: programSpec(options) }).map(({ cohort: c, program: p }) => {
    const participants = buildCohort(c);
    return { participants, program: buildProgram(p, participants, locks) };
  });
}

/**
 * A cohort in which every eligible pair scores the same: every skill at one level (0, 5, 2.5 or
 * 1e-9) for everyone, wanted at that level, so no gap; one department, one site (or none), the
 * same slots and openness for all; equal weights on a few scorers. Ids, capacities, volunteering,
 * languages, time zones, managers, past partners and forbidden pairs still vary, so eligibility
 * does.
 */
export function uniformInput(options: { readonly maxPerSide?: number } = {}): fc.Arbitrary<RawInput & { readonly level: number }> {
  return fc
    .record({
      cohort: cohortSpec({ maxPerSide: options.maxPerSide ?? 6, levels: fc.record({ scheme: fc.constant<LevelScheme>('equal'), base: fc.constantFrom(0, 5, 2.5, 1e-9) }) }),
      site: fc.option(fc.constantFrom(...SITES), { nil: undefined }),
      openness: fc.option(fc.constantFrom(0, 2.5, 5), { nil: undefined }),
      slots: fc.subarray([...SLOTS]),
      weight: fc.constantFrom(1e-9, 0.2, 1, 1000),
      scorers: fc.subarray([...SCORERS], { minLength: 1 }),
      objective: fc.constantFrom('maxScore' as const, 'maxPairsThenScore' as const, 'maximin' as const),
      forbidden: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    })
    .map(({ cohort: c, site, openness, slots, weight, scorers, objective, forbidden }) => {
      const level = c.levels.base;
      const participants = buildCohort(c).map((p) => {
        const same = Object.fromEntries(SKILLS.map((k) => [k, level]));
        const q: RawParticipant = { ...p, department: 'IT', availability: [...slots], skills: same, wants: { ...same } };
        delete q.site;
        delete q.openness;
        if (site !== undefined) q.site = site;
        if (openness !== undefined) q.openness = openness;
        return q;
      });
      const juniors = participants.filter((p) => p.role === 'junior').map((p) => String(p.id));
      const seniors = participants.filter((p) => p.role === 'senior').map((p) => String(p.id));
      const program: ProgramInput = {
        objective,
        weights: Object.fromEntries(scorers.map((id) => [id, weight])),
        constraints: { forbiddenPairs: forbidden.map(([a, b]) => ({ juniorId: juniors[a % juniors.length]!, seniorId: seniors[b % seniors.length]! })) },
      };
      return { participants, program, level };
    });
}
