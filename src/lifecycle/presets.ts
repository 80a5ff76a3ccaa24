import { ValidationError } from '../errors';
import { defaultWeights, type ProgramInput } from '../model/program';
import { suggest } from '../model/zod-issues';

/**
 * The programme presets: documented bundles of weights, constraints, quotas, objective and goals,
 * one per common kind of reverse-mentoring programme. Each is a plain {@link ProgramInput}, deeply
 * frozen: pass it as `program` as is, or start from it with {@link withPreset} and override any
 * field. Goal labels are in English; override `goals` to word them your way (they are shown as
 * written, in every locale).
 *
 * Every preset keeps the practitioners' ground rules: only volunteers are paired, never inside a
 * reporting line (a junior never mentors their own manager or anyone up that chain, so leaders can
 * ask questions without fear of being judged), never twice the same pair, at least one shared
 * language. They differ in what the score favours, which quotas hold and which goals the
 * explanations name.
 */
export interface ProgramPresets {
  /**
   * **Digital transformation**: the original reverse mentoring (General Electric, 1999): leaders
   * learn digital tools (collaboration tools, AI tools, data, security hygiene) and the new
   * generations' uses and expectations from junior "digital natives".
   *
   * Rationale: never pair at random; the junior must know what the senior wants to learn, so the
   * junior-to-senior skill gap on the skills the senior asked for is the dominant term.
   *
   * - `weights`: `skillGap` 0.6, the reason of the programme; `reciprocity` 0.1, because the senior
   *   side's expertise and visibility still make the pair worth it for the junior; `crossSilo`,
   *   `availability` and `openness` 0.1 each, to break ties towards pairs that mix departments, can
   *   meet, and where both sides came with an open mind.
   * - `constraints`: volunteers only and no pair inside a reporting line (the defaults, spelled out
   *   because they are the programme's ground rules).
   * - no quotas: the programme is judged by what leaders learn, not by how the cohort is spread.
   * - `objective`: `maxPairsThenScore`, every volunteer leader who can get a mentor gets one.
   * - `goals`: `digital-upskilling` ("Digital upskilling of leaders"), served by a pair whose
   *   `skillGap` gives at least a quarter of its points.
   */
  readonly digitalTransformation: ProgramInput;
  /**
   * **Diversity and inclusion**: a programme that breaks silos between generations, departments
   * and sites, builds internal networks, and lets juniors share the new generations' expectations
   * (diversity, inclusion, CSR) with leaders.
   *
   * Rationale: reverse mentoring breaks silos, so pairs across departments and sites get a bonus
   * and a quota keeps the cohort mixed; mindset matters (open seniors free of prejudice, motivated
   * juniors), so openness weighs more than usual.
   *
   * - `weights`: `crossSilo` 0.3 (twice the default share), on a par with `skillGap` 0.3, which
   *   still makes sure each junior has something the senior wants to learn; `openness` 0.15,
   *   `reciprocity` 0.15, `availability` 0.1.
   * - `quotas`: `cross-department`, at least half of the pairs across departments (`minShare`,
   *   `differentDepartment`). Departments, unlike sites, are a required field, so the quota always
   *   applies; add a `differentSite` quota when every participant has a site (a side without a
   *   site never counts as different, so such a quota can only be met with site data).
   * - `constraints`: volunteers only, no pair inside a reporting line. `differentDepartment` stays
   *   off: the quota leaves room for the best pairs inside a department.
   * - `objective`: `maxPairsThenScore`.
   * - `goals`: `break-silos` ("Breaking silos between departments and sites"), served by a pair
   *   whose `crossSilo` gives at least a quarter of its points.
   */
  readonly diversityInclusion: ProgramInput;
  /**
   * **Shadow executive committee**: every member of the executive committee (participants tagged
   * `comex`) is paired with a young employee, who brings the juniors' view of digital uses and of
   * the company to the top, and gains visibility and strategic exposure in return.
   *
   * Rationale: every executive of a shadow committee gets a partner (a must-match rule); a safe
   * space where leaders ask questions without fear of being judged (no pair inside a reporting
   * line, which matters most at the top, where everyone is in someone's chain); what the junior
   * teaches still comes first, and the reciprocal direction counts more than usual.
   *
   * - `quotas`: `comex-all-matched`, every volunteer tagged `comex` gets a partner (`mustMatch`;
   *   a tagged non-volunteer is still reported `not-volunteer`, with a warning).
   * - `capacity`: one junior per senior, so each executive has a partner of their own (a
   *   participant's own `capacity` still wins: leave it out of the executives' records).
   * - `constraints`: volunteers only, no pair inside a reporting line.
   * - `weights`: `skillGap` 0.4, `reciprocity` 0.25, `crossSilo` 0.15, `availability` 0.1 (an
   *   executive's diary is the scarce resource), `openness` 0.1.
   * - `objective`: `maxPairsThenScore`, as many pairs as possible once the executives are served.
   * - `goals`: `comex-mentoring` ("Executive committee mentoring", any pair with a `comex`
   *   member) and `digital-upskilling` ("Digital upskilling of leaders", `skillGap` at least a
   *   quarter of the points).
   */
  readonly shadowComex: ProgramInput;
  /**
   * **Reciprocal exchange**: mutual mentoring, where both directions are the point: the junior
   * teaches digital tools and social trends, the senior teaches strategy, decision making and how
   * the company really works, and speeds up the junior's career.
   *
   * Rationale: first find out what each can learn from the other, in both directions; the skill
   * gap weighted by what the other side wants to learn counts as much one way as the other.
   *
   * - `weights`: `skillGap` 0.35 and `reciprocity` 0.35, balanced; `crossSilo`, `availability`
   *   and `openness` 0.1 each.
   * - `constraints`: volunteers only, no pair inside a reporting line.
   * - no quotas.
   * - `objective`: `maxPairsThenScore` (override with `maximin` to raise the weakest pair first).
   * - `goals`: `two-way-learning` ("Two-way learning"), served by a pair where `skillGap` or
   *   `reciprocity` gives at least a quarter of its points.
   */
  readonly reciprocalExchange: ProgramInput;
}

/** Name of a preset: a key of {@link presets}. */
export type PresetName = keyof ProgramPresets;

const groundRules = { volunteersOnly: true, notInReportingLine: true } as const;
const digitalUpskilling = () => ({ id: 'digital-upskilling', label: 'Digital upskilling of leaders', scorers: ['skillGap'] });

/**
 * The programme presets, deeply frozen; see {@link ProgramPresets} for what each is for and why
 * each weight, constraint and quota.
 *
 * @example
 * const result = match({ participants, program: presets.shadowComex });
 * const program = withPreset(presets.diversityInclusion, { constraints: { maxTimezoneGapHours: 6 } });
 */
export const presets: ProgramPresets = deepFreeze({
  digitalTransformation: {
    name: 'Digital transformation',
    weights: { skillGap: 0.6, reciprocity: 0.1, crossSilo: 0.1, availability: 0.1, openness: 0.1 },
    constraints: { ...groundRules },
    objective: 'maxPairsThenScore',
    goals: [digitalUpskilling()],
  },
  diversityInclusion: {
    name: 'Diversity and inclusion',
    weights: { skillGap: 0.3, reciprocity: 0.15, crossSilo: 0.3, availability: 0.1, openness: 0.15 },
    constraints: { ...groundRules },
    quotas: [{ id: 'cross-department', kind: 'minShare', where: 'differentDepartment', share: 0.5 }],
    objective: 'maxPairsThenScore',
    goals: [{ id: 'break-silos', label: 'Breaking silos between departments and sites', scorers: ['crossSilo'] }],
  },
  shadowComex: {
    name: 'Shadow executive committee',
    weights: { skillGap: 0.4, reciprocity: 0.25, crossSilo: 0.15, availability: 0.1, openness: 0.1 },
    constraints: { ...groundRules },
    quotas: [{ id: 'comex-all-matched', kind: 'mustMatch', tag: 'comex' }],
    capacity: { junior: 1, senior: 1 },
    objective: 'maxPairsThenScore',
    goals: [
      { id: 'comex-mentoring', label: 'Executive committee mentoring', tag: 'comex' },
      digitalUpskilling(),
    ],
  },
  reciprocalExchange: {
    name: 'Reciprocal exchange',
    weights: { skillGap: 0.35, reciprocity: 0.35, crossSilo: 0.1, availability: 0.1, openness: 0.1 },
    constraints: { ...groundRules },
    objective: 'maxPairsThenScore',
    goals: [{ id: 'two-way-learning', label: 'Two-way learning', scorers: ['skillGap', 'reciprocity'] }],
  },
});

/** The preset names, in the order of {@link presets}. */
export const presetNames: readonly PresetName[] = Object.freeze(Object.keys(presets) as PresetName[]);

/**
 * The preset of a name, e.g. from a command-line flag. Takes the name as in {@link presetNames}
 * (`shadowComex`) or in kebab case (`shadow-comex`).
 *
 * @param name - A preset name.
 * @returns The preset (deeply frozen; start from it with {@link withPreset}).
 * @throws {@link ValidationError} at path `preset` naming the unknown preset, the known ones and
 *   the closest, e.g. `preset: unknown preset (known: digitalTransformation, diversityInclusion,
 *   shadowComex, reciprocalExchange; did you mean "shadowComex"?), got "shadowComx"`.
 * @example
 * const program = withPreset(presetByName('shadow-comex'), { objective: 'maximin' });
 */
export function presetByName(name: string): ProgramInput {
  const key = typeof name === 'string' ? name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) : '';
  if ((presetNames as readonly string[]).includes(key)) return presets[key as PresetName];
  const hint = typeof name === 'string' ? suggest(key, presetNames) : undefined;
  throw new ValidationError([
    {
      path: ['preset'],
      message: `unknown preset (known: ${presetNames.join(', ')}${hint ? `; did you mean "${hint}"?` : ''})`,
      received: name,
    },
  ]);
}

/** Program fields whose objects are merged key by key (weights are handled on their own). */
const mergedFields = new Set(['constraints', 'capacity']);

/**
 * A program that starts from a preset and overrides some of its fields. The merge is deep where it
 * helps and whole where it must be:
 *
 * - `weights` are merged key by key into the preset's (or into the default weights when the preset
 *   names none): `{ weights: { availability: 0.3 } }` changes one weight and keeps the others, and
 *   a weight of 0 switches a scorer off. This differs from a program on its own, whose `weights`
 *   replace the defaults as a whole; to replace a preset's weights, name every scorer.
 * - `constraints` and `capacity` are merged key by key; inside `constraints`, `forbiddenPairs`
 *   and `lockedPairs` are lists and are replaced whole.
 * - lists (`quotas`, `skills`, `goals`) are replaced whole when given: `{ quotas: [] }` drops the
 *   preset's quotas; to add one, spread the preset's: `{ quotas: [...(preset.quotas ?? []), q] }`.
 * - anything else (`name`, `objective`) is replaced.
 *
 * A field that is `undefined` in `overrides` is not given (it does not clear the preset's value).
 * Neither input is mutated, and the result shares no object or array with them. The result is not
 * validated: pass it to `parseProgram` or `match`, which report any bad field with its path.
 *
 * @param preset - The program to start from, usually one of {@link presets}.
 * @param overrides - The fields to change.
 * @returns A new program input.
 * @example
 * const program = withPreset(presets.shadowComex, {
 *   weights: { availability: 0 },                 // other weights kept
 *   constraints: { maxTimezoneGapHours: 6 },      // other constraints kept
 *   goals: [{ id: 'comex', label: 'Mentorat du comex', tag: 'comex' }], // replaces the goals
 * });
 */
export function withPreset(preset: ProgramInput, overrides: ProgramInput = {}): ProgramInput {
  const base = isPlainObject(preset) ? preset : {};
  const over: Record<string, unknown> = isPlainObject(overrides) ? overrides : {};
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = merged[key];
    if (key === 'weights' && isPlainObject(value)) {
      merged[key] = { ...(isPlainObject(current) ? current : defaultWeights), ...value };
    } else if (mergedFields.has(key) && isPlainObject(value) && isPlainObject(current)) {
      merged[key] = { ...current, ...withoutUndefined(value) };
    } else {
      Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return clone(merged) as ProgramInput;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** A deep copy of plain objects and arrays (own `__proto__` keys kept as data, for validation to report). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
