import { z } from 'zod';
import { MAX_ISSUES, stoppedIssue, stoppedKeysIssue, throwIfAny, type Issue } from '../errors';
import { largestListLimit, programSizeIssues } from './limits';
import { longListIssues } from './long-lists';
import { DEFAULT_LIMITS, resolveLimits, type ParseOptions } from './parse-options';
import { reservedKeyIssues } from './reserved-keys';
import { defaultSkills, skillSchema } from './taxonomy';
import { fromZodIssues, suggest, zodMessage } from './zod-issues';

/** Default weights of the built-in scorers (those of the sample program). */
export const defaultWeights: Readonly<Record<string, number>> = Object.freeze({
  skillGap: 0.45,
  reciprocity: 0.2,
  crossSilo: 0.15,
  availability: 0.1,
  openness: 0.1,
});

const side = z.enum(['junior', 'senior']);

/** The program schema with strings capped at `maxLength` characters (`limits.maxStringLength`). */
function buildProgramSchema(maxLength: number) {
  const tooLong = { error: `must have at most ${maxLength} characters (limits.maxStringLength)` };
  const id = z.string().min(1).max(maxLength, tooLong);
  /** An attribute key: never the name of a member every object has (`toString`, `constructor`, ...). */
  const attributeKey = id.refine((key) => !(key in Object.prototype), { error: 'reserved name, choose another attribute key' });
  const pairRef = z.strictObject({ juniorId: id, seniorId: id });
  const attributeValue = z.union([z.string().max(maxLength, tooLong), z.number(), z.boolean()]);

  const constraintsSchema = z.strictObject({
    /** Only volunteers are paired; others are reported `not-volunteer`. */
    volunteersOnly: z.boolean().default(true),
    /** No pair inside a management chain, in either direction. */
    notInReportingLine: z.boolean().default(true),
    /** Junior and senior in different departments. */
    differentDepartment: z.boolean().default(false),
    /** At least one common language (when both sides list languages). */
    sharedLanguage: z.boolean().default(true),
    /** Largest time-zone gap in hours over the year, inclusive (when both sides give a zone). */
    maxTimezoneGapHours: z.number().min(0).max(12).optional(),
    /** Least number of common availability slots (when both sides list slots); 0 = no rule. */
    minAvailabilityOverlap: z.int().min(0).max(100).default(0),
    /** Never pair people who were partners before (`pastPartners`, either side). */
    avoidPastPartners: z.boolean().default(true),
    /** Least pair score, 0..100; 0 = no rule. */
    minScore: z.number().min(0).max(100).default(0),
    /** Pairs that must never be formed. */
    forbiddenPairs: z.array(pairRef).default([]),
    /** Pairs that must be in the result. */
    lockedPairs: z.array(pairRef).default([]),
  });

  const shareWhere = z.union([
    z.enum(['differentSite', 'differentDepartment']),
    z.strictObject({ side, attribute: attributeKey, equals: attributeValue }),
  ]);
  const quotaSchema = z.discriminatedUnion('kind', [
    z.strictObject({
      id,
      kind: z.enum(['minShare', 'maxShare']),
      of: z.literal('pairs').default('pairs'),
      where: shareWhere,
      share: z.number().min(0).max(1),
    }),
    z.strictObject({
      id,
      kind: z.enum(['minPairs', 'maxPairs']),
      per: z.union([
        z.strictObject({ side, field: z.enum(['department', 'site', 'tag']) }),
        z.strictObject({ side, attribute: attributeKey }),
      ]),
      count: z.int().min(0),
      values: z.array(attributeValue).optional(),
    }),
    z.strictObject({ id, kind: z.literal('mustMatch'), tag: id.optional(), ids: z.array(id).optional() }),
  ]);

  const goalSchema = z.strictObject({
    /** Unique among the program's goals. */
    id,
    /** The user's own wording, shown as is in explanations (never translated). */
    label: z.string().min(1).max(maxLength, tooLong),
    /** Scorer ids: the pair serves the goal when one of them gives at least a quarter of its points. */
    scorers: z.array(id).optional(),
    /** A participant tag: the pair serves the goal when either side carries it. */
    tag: id.optional(),
  });

  return z.strictObject({
    name: z.string().max(maxLength, tooLong).optional(),
    skills: z.array(skillSchema).default(() => defaultSkills.map((s) => ({ ...s }))),
    weights: z.record(id, z.number().min(0)).default(() => ({ ...defaultWeights })),
    constraints: constraintsSchema.prefault({}),
    quotas: z.array(quotaSchema).default([]),
    capacity: z
      .strictObject({ junior: z.int().min(1).max(1000).default(1), senior: z.int().min(1).max(1000).default(1) })
      .prefault({}),
    objective: z.enum(['maxScore', 'maxPairsThenScore', 'maximin']).default('maxPairsThenScore'),
    /** The programme's objectives; explanations say which of them each pair serves. */
    goals: z.array(goalSchema).default([]),
  });
}

/** The zod schema of a program; every field has a default, so `{}` is a valid program. */
export const programSchema = buildProgramSchema(DEFAULT_LIMITS.maxStringLength);

const schemaCache = new Map<number, typeof programSchema>([[DEFAULT_LIMITS.maxStringLength, programSchema]]);

/** The program schema for a string limit, built once per limit. */
function programSchemaFor(maxLength: number): typeof programSchema {
  let schema = schemaCache.get(maxLength);
  if (!schema) {
    schema = buildProgramSchema(maxLength);
    schemaCache.set(maxLength, schema);
  }
  return schema;
}

/** A program as written by a user (every field optional). */
export type ProgramInput = z.input<typeof programSchema>;
/** A validated program with every default filled in, as returned by {@link parseProgram}. */
export type Program = z.output<typeof programSchema>;
/** The hard constraints of a program. */
export type Constraints = Program['constraints'];
/** One quota rule on the cohort as a whole. */
export type Quota = Program['quotas'][number];
/** What a match optimises. */
export type Objective = Program['objective'];
/**
 * One objective of the programme (`program.goals`). A pair *serves* it when either side carries
 * its `tag`, or when one of its `scorers` gives at least a quarter of the pair's points
 * ({@link GOAL_MIN_SHARE}); the pair's explanation then names its `label`.
 */
export type Goal = Program['goals'][number];
/** A `{ juniorId, seniorId }` reference. */
export type PairRef = Constraints['lockedPairs'][number];

/** Options of {@link parseProgram}: the size limits (strings, lists) of the program. */
export type ProgramParseOptions = Pick<ParseOptions, 'limits' | 'maxStringLength'>;

const topKeys = Object.keys(programSchema.shape);
const constraintKeys = Object.keys(programSchema.shape.constraints.unwrap().shape);
const goalKeys = Object.keys(programSchema.shape.goals.unwrap().unwrap().shape);

/** Least share of a pair's points a goal's scorer must give for the pair to serve the goal. */
export const GOAL_MIN_SHARE = 0.25;

/**
 * Validates a program and fills in its defaults. Checks each field, then across fields: unique
 * skill ids, quota ids and goal ids, at least one positive weight, a `mustMatch` naming a tag or
 * ids, a goal naming scorers or a tag. Goal scorer ids are checked by `match`, once the custom
 * scorers are known.
 *
 * @param input - Parsed JSON (any value, `{}` included); never mutated.
 * @param options - Size limits ({@link Limits}): `maxStringLength`, `maxSkills`, `maxQuotas`,
 *   `maxPairsListed`, `maxListLength`, `maxParticipants` (`mustMatch` ids); default
 *   {@link DEFAULT_LIMITS}.
 * @returns The program with every default filled in.
 * @throws {@link ValidationError} listing every problem with its path, e.g.
 *   `program.weights.reciprocity: must be >= 0, got -1`; a list over its limit fails before its
 *   items are read: `program.quotas: at most 1000 quotas (limits.maxQuotas), got 1001`.
 * @example
 * const program = parseProgram({ objective: 'maxScore', constraints: { minScore: 20 } });
 */
export function parseProgram(input: unknown, options: ProgramParseOptions = {}): Program {
  const limits = resolveLimits(options);
  throwIfAny(programSizeIssues(input, limits));
  throwIfAny(reservedKeyIssues(input, ['program'], { maxKeyLength: limits.maxStringLength, maxItems: largestListLimit(limits), clean: new WeakMap() }));
  const schema = programSchemaFor(limits.maxStringLength);
  throwIfAny(longListIssues(schema, input, ['program']));
  const result = schema.safeParse(input ?? {}, { error: zodMessage });
  if (!result.success) {
    throwIfAny(
      fromZodIssues(result.error.issues, input, ['program'], (path) =>
        path.length === 0
          ? topKeys
          : path.length === 1 && path[0] === 'constraints'
            ? constraintKeys
            : path.length === 2 && path[0] === 'goals'
              ? goalKeys
              : undefined,
      ),
    );
  }
  const program = result.data as Program;
  throwIfAny(checkProgram(program));
  return program;
}

function checkProgram(program: Program): Issue[] {
  const issues: Issue[] = [];
  const skillSeen = new Set<string>();
  program.skills.forEach((skill, i) => {
    if (skillSeen.has(skill.id)) issues.push({ path: ['program', 'skills', i, 'id'], message: 'duplicate skill id', received: skill.id });
    skillSeen.add(skill.id);
  });
  if (!Object.values(program.weights).some((w) => w > 0)) {
    issues.push({ path: ['program', 'weights'], message: 'at least one weight must be positive', received: program.weights });
  }
  const quotaSeen = new Set<string>();
  program.quotas.forEach((quota, i) => {
    if (quotaSeen.has(quota.id)) issues.push({ path: ['program', 'quotas', i, 'id'], message: 'duplicate quota id', received: quota.id });
    quotaSeen.add(quota.id);
    if (quota.kind === 'mustMatch' && (quota.tag === undefined) === (quota.ids === undefined)) {
      issues.push({ path: ['program', 'quotas', i], message: 'mustMatch needs exactly one of "tag" or "ids"' });
    }
  });
  const goalSeen = new Set<string>();
  program.goals.forEach((goal, i) => {
    if (goalSeen.has(goal.id)) issues.push({ path: ['program', 'goals', i, 'id'], message: 'duplicate goal id', received: goal.id });
    goalSeen.add(goal.id);
    if ((goal.scorers === undefined || goal.scorers.length === 0) && goal.tag === undefined) {
      issues.push({ path: ['program', 'goals', i], message: 'a goal needs "scorers" or "tag" (or both)' });
    }
  });
  return issues;
}

/**
 * Names the weight keys and the goal scorer ids that match no scorer, with a hint when one is a
 * near miss.
 *
 * @internal Used by `match` once the custom scorers are known.
 */
export function unknownWeightIssues(program: Program, scorerIds: readonly string[]): Issue[] {
  const known = new Set(scorerIds);
  const message = (key: string) => {
    const hint = suggest(key, scorerIds);
    return `no scorer with this id (known: ${scorerIds.join(', ')}${hint ? `; did you mean "${hint}"?` : ''})`;
  };
  // Budgeted like a parse: a program may name many scorers under a lifted list limit.
  const issues: Issue[] = [];
  const keys = Object.keys(program.weights);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (known.has(key)) continue;
    if (issues.length >= MAX_ISSUES) return [...issues, stoppedKeysIssue(['program', 'weights'], key, i, keys.length)];
    issues.push({ path: ['program', 'weights', key], message: message(key) });
  }
  for (const [g, goal] of program.goals.entries()) {
    const ids = goal.scorers ?? [];
    for (let k = 0; k < ids.length; k++) {
      if (known.has(ids[k]!)) continue;
      if (issues.length >= MAX_ISSUES) return [...issues, stoppedIssue(['program', 'goals', g, 'scorers'], k, ids.length)];
      issues.push({ path: ['program', 'goals', g, 'scorers', k], message: message(ids[k]!), received: ids[k] });
    }
  }
  return issues;
}

/**
 * The default program: the 12-skill taxonomy, the default weights, volunteers only, no pair inside
 * a reporting line, a shared language, no past partners, capacity 1 each, `maxPairsThenScore`, no
 * goals.
 * Deeply frozen: start a program from it with a spread, `{ ...defaultProgram, objective: 'maxScore' }`.
 */
export const defaultProgram: Program = deepFreeze(parseProgram({}));

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
