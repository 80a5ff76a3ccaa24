/**
 * Size checks of the input against {@link Limits}, run before the per-record validation so that an
 * oversized document fails at once: an array's length is read in O(1), whatever it holds (a
 * sparse array of ten million slots fails as fast as a short one).
 *
 * @module
 */
import type { Issue } from '../errors';
import type { Limits } from './parse-options';

type Path = readonly (string | number)[];

/** Whether `value` is an object that is not an array (a record of the formats). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The own property `key` of `value`, or `undefined` (never an inherited one). */
export function own(value: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/**
 * The issue of a count over its limit: `at most 1000 items (limits.maxListLength), got 1001`.
 *
 * @param path - Where the list is.
 * @param count - Its size.
 * @param limit - The limit in force.
 * @param noun - What is counted, plural (`items`, `participants per run`).
 * @param name - The limit's name in {@link Limits}.
 */
export function tooMany(path: Path, count: number, limit: number, noun: string, name: keyof Limits): Issue {
  return { path, message: `at most ${limit} ${noun} (limits.${name})`, received: count };
}

/** The issue when `value` is an array longer than `limit`, else `undefined`; O(1). */
export function arrayOverLimit(value: unknown, limit: number, path: Path, noun: string, name: keyof Limits): Issue | undefined {
  return Array.isArray(value) && value.length > limit ? tooMany(path, value.length, limit, noun, name) : undefined;
}

/** The issue when `value` is a record with more than `limit` own keys, else `undefined`. */
export function recordOverLimit(value: unknown, limit: number, path: Path, noun: string, name: keyof Limits): Issue | undefined {
  if (!isRecord(value)) return undefined;
  const count = Object.keys(value).length;
  return count > limit ? tooMany(path, count, limit, noun, name) : undefined;
}

/** List fields of a participant, capped by `limits.maxListLength`. */
const participantLists = ['languages', 'availability', 'tags', 'pastPartners'] as const;

/**
 * Size issues of one raw participant record: lists over `maxListLength`, `skills` or `wants` over
 * `maxSkillsPerPerson`, `attributes` over `maxAttributes`.
 *
 * @param record - The raw record (any value; only a record is checked).
 * @param path - Its path, e.g. `['participants', 3]`.
 * @param limits - The limits in force.
 */
export function participantSizeIssues(record: unknown, path: Path, limits: Limits): Issue[] {
  if (!isRecord(record)) return [];
  const issues: (Issue | undefined)[] = [
    ...participantLists.map((field) => arrayOverLimit(own(record, field), limits.maxListLength, [...path, field], 'items', 'maxListLength')),
    recordOverLimit(own(record, 'skills'), limits.maxSkillsPerPerson, [...path, 'skills'], 'skills', 'maxSkillsPerPerson'),
    recordOverLimit(own(record, 'wants'), limits.maxSkillsPerPerson, [...path, 'wants'], 'skills', 'maxSkillsPerPerson'),
    recordOverLimit(own(record, 'attributes'), limits.maxAttributes, [...path, 'attributes'], 'attributes', 'maxAttributes'),
  ];
  return issues.filter((issue): issue is Issue => issue !== undefined);
}

/**
 * Size issues of a raw program: `skills` over `maxSkills`, `quotas` and `goals` over `maxQuotas`,
 * `forbiddenPairs` and `lockedPairs` over `maxPairsListed`, `weights` entries, quota `values` and
 * goal `scorers` over `maxListLength`, `mustMatch` `ids` over `maxParticipants`.
 *
 * @param input - The raw program (any value; only a record is checked).
 * @param limits - The limits in force.
 */
export function programSizeIssues(input: unknown, limits: Limits): Issue[] {
  if (!isRecord(input)) return [];
  const at = (...keys: (string | number)[]): Path => ['program', ...keys];
  const issues: (Issue | undefined)[] = [
    arrayOverLimit(own(input, 'skills'), limits.maxSkills, at('skills'), 'skills', 'maxSkills'),
    arrayOverLimit(own(input, 'quotas'), limits.maxQuotas, at('quotas'), 'quotas', 'maxQuotas'),
    arrayOverLimit(own(input, 'goals'), limits.maxQuotas, at('goals'), 'goals', 'maxQuotas'),
    recordOverLimit(own(input, 'weights'), limits.maxListLength, at('weights'), 'weights', 'maxListLength'),
  ];
  const constraints = own(input, 'constraints');
  if (isRecord(constraints)) {
    for (const list of ['forbiddenPairs', 'lockedPairs']) {
      issues.push(arrayOverLimit(own(constraints, list), limits.maxPairsListed, at('constraints', list), 'pairs', 'maxPairsListed'));
    }
  }
  const quotas = own(input, 'quotas');
  if (Array.isArray(quotas) && quotas.length <= limits.maxQuotas) {
    quotas.forEach((quota: unknown, i) => {
      if (!isRecord(quota)) return;
      issues.push(
        arrayOverLimit(own(quota, 'ids'), limits.maxParticipants, at('quotas', i, 'ids'), 'ids', 'maxParticipants'),
        arrayOverLimit(own(quota, 'values'), limits.maxListLength, at('quotas', i, 'values'), 'items', 'maxListLength'),
      );
    });
  }
  const goals = own(input, 'goals');
  if (Array.isArray(goals) && goals.length <= limits.maxQuotas) {
    goals.forEach((goal: unknown, i) => {
      if (isRecord(goal)) issues.push(arrayOverLimit(own(goal, 'scorers'), limits.maxListLength, at('goals', i, 'scorers'), 'items', 'maxListLength'));
    });
  }
  return issues.filter((issue): issue is Issue => issue !== undefined);
}

/**
 * Size issues of a raw history: `cohorts` over `maxCohorts`, each cohort's `participants` over
 * `maxParticipants` and `pairs` over `maxPairsListed`.
 *
 * @param input - The raw history (any value; only a record is checked).
 * @param limits - The limits in force.
 */
export function historySizeIssues(input: unknown, limits: Limits): Issue[] {
  if (!isRecord(input)) return [];
  const cohorts = own(input, 'cohorts');
  const tooManyCohorts = arrayOverLimit(cohorts, limits.maxCohorts, ['cohorts'], 'cohorts', 'maxCohorts');
  if (tooManyCohorts) return [tooManyCohorts];
  if (!Array.isArray(cohorts)) return [];
  const issues: (Issue | undefined)[] = [];
  for (let c = 0; c < cohorts.length; c++) {
    const cohort: unknown = cohorts[c];
    if (!isRecord(cohort)) continue;
    issues.push(
      arrayOverLimit(own(cohort, 'participants'), limits.maxParticipants, ['cohorts', c, 'participants'], 'participants per run', 'maxParticipants'),
      arrayOverLimit(own(cohort, 'pairs'), limits.maxPairsListed, ['cohorts', c, 'pairs'], 'pairs', 'maxPairsListed'),
    );
  }
  return issues.filter((issue): issue is Issue => issue !== undefined);
}

/** The longest array worth walking for reserved keys: the largest list limit. */
export function largestListLimit(limits: Limits): number {
  return Math.max(limits.maxParticipants, limits.maxPairsListed, limits.maxListLength, limits.maxQuotas, limits.maxSkills, limits.maxCohorts);
}
