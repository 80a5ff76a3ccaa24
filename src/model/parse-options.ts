import { MAX_ISSUES, ValidationError, stoppedIssue, type Issue } from '../errors';
import { skillSchema, type SkillDef } from './taxonomy';
import { suggest } from './zod-issues';

/**
 * Caps on the size of the input, each enforced by the parse functions with a {@link ValidationError}
 * that names the path, the limit and the size found, e.g.
 * `participants[3].languages: at most 1000 items (limits.maxListLength), got 1001`.
 * Counts are checked before the records are validated one by one, so that an oversized document
 * fails at once instead of slowly. A limit is a whole number >= 0, or `Infinity` for none.
 */
export interface Limits {
  /**
   * Participants per run: in a participants file, in each cohort of a history, rows of a CSV file;
   * also the ids of a `mustMatch` quota. Default 100,000.
   */
  readonly maxParticipants: number;
  /**
   * Longest string (ids, names, labels, attribute values), in characters; also the longest key
   * (skills, wants, attributes, weights, a CSV column name after its `skills.` prefix). Default 1,000.
   */
  readonly maxStringLength: number;
  /** Entries of `skills`, and of `wants`, of one participant (each counted on its own). Default 200. */
  readonly maxSkillsPerPerson: number;
  /**
   * Items of any other list: a participant's `languages`, `availability`, `tags`, `pastPartners`;
   * a program's `weights` entries, a quota's `values`, a goal's `scorers`. Default 1,000.
   */
  readonly maxListLength: number;
  /** Entries of a participant's `attributes`. Default 100. */
  readonly maxAttributes: number;
  /** Rules of a program's `quotas`, and goals of its `goals` (each counted on its own). Default 1,000. */
  readonly maxQuotas: number;
  /** Pairs of a program's `forbiddenPairs` and `lockedPairs`, and of a history cohort's `pairs`. Default 1,000,000. */
  readonly maxPairsListed: number;
  /** Skills of a program's taxonomy (`skills`). Default 1,000. */
  readonly maxSkills: number;
  /** Cohorts of a history. Default 1,000. */
  readonly maxCohorts: number;
  /**
   * Longest record of a CSV file (one row, all its cells), in characters (UTF-8 bytes for the
   * cell being read): a missing quote or a wrong delimiter otherwise makes one endless row.
   * Default 1,000,000.
   */
  readonly maxCsvRecordSize: number;
  /**
   * Columns of a CSV header. Default 2,000: far more than the format has fields (a wide export
   * read with `unknownFields: 'strip'` fits), few enough that a hostile header of a hundred
   * thousand names fails at once instead of yielding an issue per column.
   */
  readonly maxCsvColumns: number;
}

/** The default {@link Limits}: generous for real programmes, small enough to fail fast on garbage. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxParticipants: 100_000,
  maxStringLength: 1000,
  maxSkillsPerPerson: 200,
  maxListLength: 1000,
  maxAttributes: 100,
  maxQuotas: 1000,
  maxPairsListed: 1_000_000,
  maxSkills: 1000,
  maxCohorts: 1000,
  maxCsvRecordSize: 1_000_000,
  maxCsvColumns: 2000,
});

/** Options of the parse functions. */
export interface ParseOptions {
  /**
   * What to do with fields the format does not know: `'error'` (default) reports each one, so
   * that a typo such as `managerID` never passes silently; `'strip'` drops them, for callers that
   * pass richer records.
   */
  readonly unknownFields?: 'error' | 'strip';
  /**
   * Longest allowed string (ids, names, labels), in characters. Default 1,000. The same as
   * `limits.maxStringLength`, which wins when both are given.
   */
  readonly maxStringLength?: number;
  /**
   * Taxonomy that `skills` and `wants` keys must belong to. Default: the program's skills when a
   * program is at hand, else {@link defaultSkills}.
   */
  readonly skills?: readonly SkillDef[];
  /** Caps on the size of the input; each one not given takes its value in {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<Limits>;
}

/** Default longest string, in characters. */
export const DEFAULT_MAX_STRING_LENGTH = DEFAULT_LIMITS.maxStringLength;

const limitNames = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

function isLimit(value: unknown): value is number {
  return typeof value === 'number' && (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value >= 0));
}

type Path = readonly (string | number)[];

/** More keys than this in `limits` is garbage: one issue, not one (with a suggestion) per key. */
const MAX_LIMIT_KEYS = 100;

/** `limits.maxSkills` when given and valid, else its default. */
function maxSkillsOf(limits: unknown): number {
  const given = limits !== null && typeof limits === 'object' ? (limits as { maxSkills?: unknown }).maxSkills : undefined;
  return isLimit(given) ? given : DEFAULT_LIMITS.maxSkills;
}

/** Skill lists already checked (a program's taxonomy is handed to every parse of its people). */
const checkedSkills = new WeakSet<object>();

/**
 * Issues of parse options handed over as plain values (a web form may send anything): not an
 * object, an `unknownFields` other than `'error'` or `'strip'`, `skills` that are not skill
 * definitions, a bad `maxStringLength`, and bad or unknown `limits`. Keys of wider option objects
 * (a CSV file name, a loader's display name) are left to their own checks.
 *
 * @param options - The options as given (any value; `undefined` is none).
 * @param at - Their path in messages: `['options']` for the parse functions, `['options', 'parse']`
 *   for `match`.
 * @returns One issue per problem; none when the options are usable.
 */
export function parseOptionIssues(options: unknown, at: Path = ['options']): Issue[] {
  if (options === undefined) return [];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return [{ path: at, message: 'must be an object of parse options', received: options }];
  const o = options as Readonly<Record<string, unknown>>;
  const issues: Issue[] = [];
  if (o.unknownFields !== undefined && o.unknownFields !== 'error' && o.unknownFields !== 'strip') {
    issues.push({ path: [...at, 'unknownFields'], message: 'must be "error" or "strip"', received: o.unknownFields });
  }
  const skills = o.skills;
  if (skills !== undefined && !(typeof skills === 'object' && skills !== null && checkedSkills.has(skills))) {
    if (!Array.isArray(skills)) issues.push({ path: [...at, 'skills'], message: 'must be an array of skills { id, label, domain, teacher }', received: skills });
    else if (skills.length > maxSkillsOf(o.limits)) issues.push({ path: [...at, 'skills'], message: `at most ${maxSkillsOf(o.limits)} skills (limits.maxSkills)`, received: skills.length });
    else {
      const before = issues.length;
      // By index: forEach would skip the holes of a sparse array.
      for (let i = 0; i < skills.length; i++) {
        if (issues.length >= MAX_ISSUES) {
          issues.push(stoppedIssue([...at, 'skills'], i, skills.length));
          break;
        }
        const skill: unknown = skills[i];
        if (!skillSchema.safeParse(skill).success) issues.push({ path: [...at, 'skills', i], message: 'must be a skill { id, label, domain, teacher }', received: skill });
      }
      if (issues.length === before) checkedSkills.add(skills);
    }
  }
  const alias = o.maxStringLength;
  if (alias !== undefined && !isLimit(alias)) issues.push({ path: [...at, 'maxStringLength'], message: 'must be a whole number >= 0 or Infinity', received: alias });
  const given = o.limits;
  if (given !== undefined) {
    if (given === null || typeof given !== 'object' || Array.isArray(given)) {
      issues.push({ path: [...at, 'limits'], message: 'must be an object of limits', received: given });
    } else if (Object.keys(given).length > MAX_LIMIT_KEYS) {
      issues.push({ path: [...at, 'limits'], message: `at most ${MAX_LIMIT_KEYS} limits (known: ${limitNames.join(', ')})`, received: Object.keys(given).length });
    } else {
      for (const key of Object.keys(given)) {
        const value = (given as Record<string, unknown>)[key];
        if (!(limitNames as readonly string[]).includes(key)) {
          const hint = suggest(key, limitNames);
          issues.push({ path: [...at, 'limits', key], message: `unknown limit${hint ? ` (did you mean "${hint}"?)` : ` (known: ${limitNames.join(', ')})`}` });
        } else if (value !== undefined && !isLimit(value)) {
          issues.push({ path: [...at, 'limits', key], message: 'must be a whole number >= 0 or Infinity', received: value });
        }
      }
    }
  }
  return issues;
}

/**
 * The limits in force: `options.limits` over {@link DEFAULT_LIMITS}, with the top-level
 * `maxStringLength` as an alias of `limits.maxStringLength`. Every parse function calls it first,
 * so it checks the whole of the parse options ({@link parseOptionIssues}).
 *
 * @param options - Parse options (or none).
 * @returns Every limit, checked.
 * @throws {@link ValidationError} when the options are not an object, when a limit is not a whole
 *   number >= 0 (nor `Infinity`) or has an unknown name (`options.limits.maxParticipant: unknown
 *   limit (did you mean ...)`), when `unknownFields` is neither `'error'` nor `'strip'`, or when
 *   `skills` are not skill definitions.
 */
export function resolveLimits(options: Pick<ParseOptions, 'limits' | 'maxStringLength'> | undefined): Limits {
  const issues = parseOptionIssues(options);
  const given = options?.limits;
  const alias = options?.maxStringLength;
  if (issues.length === 0 && given === undefined && alias === undefined) return DEFAULT_LIMITS;
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  if (issues.length === 0) {
    if (alias !== undefined) out.maxStringLength = alias;
    for (const [key, value] of Object.entries(given ?? {})) if (value !== undefined) out[key] = value;
  }
  const [first, ...rest] = issues;
  if (first) throw new ValidationError([first, ...rest]);
  return out as unknown as Limits;
}
