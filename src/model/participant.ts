import { z } from 'zod';
import { MAX_ISSUES, ValidationError, appendIssues, stoppedIssue, throwIfAny, type Issue } from '../errors';
import { languageTagError } from './language';
import { largestListLimit, participantSizeIssues, tooMany } from './limits';
import { longListIssues } from './long-lists';
import { resolveLimits, type Limits, type ParseOptions } from './parse-options';
import { checkParticipants } from './cross-checks';
import { isReservedKey, reservedKeyIssues } from './reserved-keys';
import { defaultSkills } from './taxonomy';
import { timezoneError } from './timezone';
import { fromZodIssues, zodMessage } from './zod-issues';

type SchemaKey = `${number}:${'error' | 'strip'}`;
const cache = new Map<SchemaKey, ReturnType<typeof buildParticipantSchema>>();

function buildParticipantSchema(maxLength: number, unknownFields: 'error' | 'strip') {
  const tooLong = { error: `must have at most ${maxLength} characters (limits.maxStringLength)` };
  const text = () => z.string().max(maxLength, tooLong);
  const label = () => z.string().min(1).max(maxLength, tooLong);
  const level = (what: string) =>
    z
      .number({ error: `${what} must be a number 0..5` })
      .min(0, { error: `${what} must be 0..5` })
      .max(5, { error: `${what} must be 0..5` })
      .nullable();
  const shape = {
    id: label(),
    name: text().nullish(),
    role: z.enum(['junior', 'senior']),
    volunteer: z.boolean(),
    department: label(),
    site: label().nullish(),
    managerId: label().nullish(),
    birthYear: z.int().min(1900).max(2100).nullish(),
    tenureYears: z.number().min(0).max(100).nullish(),
    languages: z
      .array(
        z
          .string()
          .max(64)
          .superRefine((tag, ctx) => {
            if (tag.length > 64) return; // reported by max(64); never scan a huge string
            const error = languageTagError(tag);
            if (error !== undefined) ctx.addIssue({ code: 'custom', message: error });
          }),
      )
      .nullish(),
    timezone: z
      .string()
      .max(64)
      .superRefine((zone, ctx) => {
        if (zone.length > 64) return; // reported by max(64); never scan a huge string
        const error = timezoneError(zone);
        if (error !== undefined) ctx.addIssue({ code: 'custom', message: error });
      })
      .nullish(),
    availability: z.array(label()).nullish(),
    capacity: z.int().min(1).max(1000).nullish(),
    skills: z.record(label(), level('level')),
    wants: z.record(label(), level('desire')),
    openness: z
      .number({ error: 'openness must be a number 0..5' })
      .min(0, { error: 'openness must be 0..5' })
      .max(5, { error: 'openness must be 0..5' })
      .nullish(),
    tags: z.array(label()).nullish(),
    pastPartners: z.array(label()).nullish(),
    attributes: z.record(label(), z.union([text(), z.number(), z.boolean()])).nullish(),
  };
  return unknownFields === 'strip' ? z.object(shape) : z.strictObject(shape);
}

/** The zod schema of one participant as it is written in the formats (JSON). */
export function participantSchema(options: ParseOptions = {}) {
  const maxLength = resolveLimits(options).maxStringLength;
  const unknownFields = options.unknownFields ?? 'error';
  const key: SchemaKey = `${maxLength}:${unknownFields}`;
  let schema = cache.get(key);
  if (!schema) {
    schema = buildParticipantSchema(maxLength, unknownFields);
    cache.set(key, schema);
  }
  return schema;
}

/** A participant file: an array of participants, or `{ "participants": [...] }`. */
export function participantsSchema(options: ParseOptions = {}) {
  const list = z.array(participantSchema(options));
  return z.union([list, z.strictObject({ participants: list })]);
}

type Defined<T> = Exclude<T, null | undefined>;
type Normalized<T> = { [K in keyof T]: Defined<T[K]> extends Record<string, infer V> ? Record<string, Defined<V>> : Defined<T[K]> };

/**
 * A validated participant, as returned by {@link parseParticipants}: the type is inferred from the
 * schema, with `null` (absent) fields removed. Optional fields are absent rather than `undefined`.
 */
export type Participant = Readonly<Normalized<z.output<ReturnType<typeof buildParticipantSchema>>>>;

/** Role of a participant: juniors mentor (reverse direction), seniors are mentored. */
export type Role = Participant['role'];

/** Field names of a participant, in the order of the formats README. */
export const participantFields = Object.freeze(Object.keys(buildParticipantSchema(1, 'error').shape));

function compactRecord<V>(record: Readonly<Record<string, V | null>>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

/** Copies a schema output into a clean participant: no `null`, no `undefined` keys. */
function normalize(raw: z.output<ReturnType<typeof buildParticipantSchema>>): Participant {
  const out: Record<string, unknown> = {};
  for (const key of participantFields) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    if (key === 'skills' || key === 'wants') out[key] = compactRecord(value as Record<string, number | null>);
    else out[key] = value;
  }
  return out as Participant;
}

/**
 * Validates participant records one by one, without cross-record checks, so that every bad field
 * of every record is reported, up to the issue budget.
 *
 * @internal Used by the parse functions of participants and history.
 * @param budget - Issues after which the records left are not read; default {@link MAX_ISSUES},
 *   less what the caller has already found.
 * @returns The valid participants with their index in `input`, every issue found, and the index
 *   of the first record not read when the budget ran out (the caller adds a {@link stoppedIssue}
 *   and skips the cross-record checks, which would see only part of the list).
 */
export function validateParticipantList(
  input: readonly unknown[],
  prefix: readonly (string | number)[],
  options: ParseOptions,
  budget: number = MAX_ISSUES,
): { entries: IndexedParticipant[]; issues: Issue[]; stoppedAt?: number } {
  const limits: Limits = resolveLimits(options);
  if (input.length > limits.maxParticipants) {
    return { entries: [], issues: [tooMany(prefix, input.length, limits.maxParticipants, 'participants per run', 'maxParticipants')] };
  }
  const schema = participantSchema(options);
  const scan = { maxKeyLength: limits.maxStringLength, maxItems: largestListLimit(limits), clean: new WeakMap<object, number>() };
  const entries: IndexedParticipant[] = [];
  const issues: Issue[] = [];
  // Lists of one record may be long only when a limit was lifted past the issue budget.
  const longLists = Math.max(limits.maxListLength, limits.maxSkillsPerPerson, limits.maxAttributes) > MAX_ISSUES;
  for (let index = 0; index < input.length; index++) {
    if (issues.length >= budget) return { entries, issues, stoppedAt: index };
    const record: unknown = input[index];
    const path = [...prefix, index];
    const sized = participantSizeIssues(record, path, limits);
    const reserved = sized.length > 0 ? sized : reservedKeyIssues(record, path, scan);
    const long = reserved.length > 0 || !longLists ? reserved : longListIssues(schema, record, path);
    if (long.length > 0) {
      appendIssues(issues, long);
      continue;
    }
    const result = schema.safeParse(record, { error: zodMessage });
    if (result.success) entries.push({ index, participant: normalize(result.data) });
    else appendIssues(issues, fromZodIssues(result.error.issues, record, path, knownParticipantKeys));
  }
  return { entries, issues };
}

/** A participant with its index in the input list, so that cross-record issues name the record. */
export interface IndexedParticipant {
  /** 0-based position in the input list. */
  readonly index: number;
  /** The validated participant. */
  readonly participant: Participant;
}

function knownParticipantKeys(path: readonly (string | number)[]): readonly string[] | undefined {
  return path.length === 0 ? participantFields : undefined;
}

/**
 * Validates a participants document: an array of participants or `{ "participants": [...] }`.
 * Checks each field of each record, then across records: unique ids, skill ids of `skills` and
 * `wants` in the taxonomy, `managerId` chains without loops.
 *
 * @param input - Parsed JSON (any value); never mutated.
 * @param options - Unknown-field policy, size limits ({@link Limits}), taxonomy.
 * @returns Typed participants, in input order, with absent fields removed.
 * @throws {@link ValidationError} listing every problem with its path, e.g.
 *   `participants[12].skills.ai-tools: level must be 0..5, got 7`; a document over a limit fails
 *   before any record is read: `participants: at most 100000 participants per run
 *   (limits.maxParticipants), got 250000`.
 * @example
 * const people = parseParticipants(JSON.parse(text));
 */
export function parseParticipants(input: unknown, options: ParseOptions = {}): Participant[] {
  const limits = resolveLimits(options);
  let list: unknown = input;
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const keys = Object.keys(input);
    if (!keys.includes('participants')) {
      throw new ValidationError([{ path: ['participants'], message: 'expected an array of participants or { "participants": [...] }', received: input }]);
    }
    const reserved = keys.filter(isReservedKey);
    if (reserved.length > 0) throwIfAny(reserved.map((key) => ({ path: [key], message: `reserved key "${key}" is not allowed` })));
    const extra = keys.find((k) => k !== 'participants');
    if (extra !== undefined && (options.unknownFields ?? 'error') === 'error') {
      const shown = extra.length > limits.maxStringLength ? `${extra.slice(0, 40)}...` : extra;
      throw new ValidationError([{ path: [shown], message: 'unknown field (a participants file holds only "participants")' }]);
    }
    list = (input as { participants: unknown }).participants;
  }
  if (!Array.isArray(list)) {
    throw new ValidationError([{ path: ['participants'], message: 'must be an array of participants', received: list }]);
  }
  const { entries, issues, stoppedAt } = validateParticipantList(list, ['participants'], options);
  if (stoppedAt !== undefined) issues.push(stoppedIssue(['participants'], stoppedAt, list.length));
  else {
    const cross = checkParticipants(entries, options.skills ?? defaultSkills, ['participants'], MAX_ISSUES - issues.length);
    appendIssues(issues, cross.issues);
    if (cross.stoppedAt !== undefined) issues.push(stoppedIssue(['participants'], cross.stoppedAt, list.length));
  }
  throwIfAny(issues);
  return entries.map((entry) => entry.participant);
}
