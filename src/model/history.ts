import { z } from 'zod';
import { MAX_ISSUES, appendIssues, stoppedIssue, throwIfAny, type Issue } from '../errors';
import { checkParticipants } from './cross-checks';
import { historySizeIssues, largestListLimit } from './limits';
import { longListIssues } from './long-lists';
import { DEFAULT_LIMITS, resolveLimits, type ParseOptions } from './parse-options';
import { validateParticipantList, type Participant } from './participant';
import { reservedKeyIssues } from './reserved-keys';
import { defaultSkills } from './taxonomy';
import { fromZodIssues, zodMessage } from './zod-issues';

/** The history schema with ids capped at `maxLength` characters (`limits.maxStringLength`). */
function buildHistorySchema(maxLength: number) {
  const id = z.string().min(1).max(maxLength, { error: `must have at most ${maxLength} characters (limits.maxStringLength)` });
  const outcomeSchema = z.strictObject({
    satisfaction: z.number().min(1).max(5).nullish(),
    completed: z.boolean().nullish(),
    sessions: z.int().min(0).max(10_000).nullish(),
  });
  const historyPairSchema = z.strictObject({ juniorId: id, seniorId: id, outcome: outcomeSchema.nullish() });
  const cohortShellSchema = z.strictObject({
    id,
    participants: z.array(z.unknown()),
    pairs: z.array(historyPairSchema),
  });
  return z.strictObject({ cohorts: z.array(cohortShellSchema) });
}

/** The zod schema of a history document (participants are checked with the participant schema). */
export const historySchema = buildHistorySchema(DEFAULT_LIMITS.maxStringLength);

const schemaCache = new Map<number, typeof historySchema>([[DEFAULT_LIMITS.maxStringLength, historySchema]]);

function historySchemaFor(maxLength: number): typeof historySchema {
  let schema = schemaCache.get(maxLength);
  if (!schema) {
    schema = buildHistorySchema(maxLength);
    schemaCache.set(maxLength, schema);
  }
  return schema;
}

/** Cohort participants are checked record by record, with the participant limits. */
const isCohortParticipants = (path: readonly (string | number)[]) => path.length === 3 && path[0] === 'cohorts' && path[2] === 'participants';

/** Issues at the root of the document get the path `history`, so that every issue names a place. */
const rooted = (issues: readonly Issue[]): Issue[] => issues.map((issue) => (issue.path.length === 0 ? { ...issue, path: ['history'] } : issue));

/** How a historical pair went; each field optional (survey data is incomplete). */
export interface Outcome {
  /** Mean of both sides' ratings, 1..5. */
  readonly satisfaction?: number;
  /** Whether the pair finished the programme. */
  readonly completed?: boolean;
  /** Meetings that took place. */
  readonly sessions?: number;
}

/** A pair formed in a past cohort, with its outcome. */
export interface HistoryPair {
  /** The junior's id, a participant of the cohort. */
  readonly juniorId: string;
  /** The senior's id, a participant of the cohort. */
  readonly seniorId: string;
  /** How it went; `{}` when nothing was recorded. */
  readonly outcome: Outcome;
}

/** A past cohort: everyone who took part and the pairs that were formed. */
export interface Cohort {
  /** Unique id of the cohort, e.g. `2025-spring`. */
  readonly id: string;
  /** All participants of the cohort, paired or not. */
  readonly participants: readonly Participant[];
  /** The pairs formed, with outcomes. */
  readonly pairs: readonly HistoryPair[];
}

/** A validated history document. */
export interface History {
  /** Past cohorts, in input order. */
  readonly cohorts: readonly Cohort[];
}

/**
 * Validates a history document: cohorts with unique ids, each with valid participants (with the
 * same cross-record checks as {@link parseParticipants}) and pairs naming a junior and a senior of
 * that cohort, with optional outcomes.
 *
 * @param input - Parsed JSON; never mutated.
 * @param options - As for {@link parseParticipants}; `skills` defaults to the default taxonomy;
 *   the limits `maxCohorts`, `maxParticipants` (per cohort) and `maxPairsListed` (per cohort) apply.
 * @returns The typed history, with absent (`null`) outcome fields removed.
 * @throws ValidationError naming each bad cohort, record and field, e.g.
 *   `cohorts[1].pairs[4].seniorId: no senior with this id in the cohort, got "s-9"`.
 */
export function parseHistory(input: unknown, options: ParseOptions = {}): History {
  const limits = resolveLimits(options);
  throwIfAny(historySizeIssues(input, limits));
  const scan = { maxKeyLength: limits.maxStringLength, maxItems: largestListLimit(limits), skip: isCohortParticipants };
  throwIfAny(rooted(reservedKeyIssues(input, [], scan)));
  const shellSchema = historySchemaFor(limits.maxStringLength);
  throwIfAny(rooted(longListIssues(shellSchema, input, [])));
  const shell = shellSchema.safeParse(input, { error: zodMessage });
  if (!shell.success) throwIfAny(rooted(fromZodIssues(shell.error.issues, input, [], () => undefined)));
  const data = shell.data as z.output<typeof historySchema>;
  const issues: Issue[] = [];
  const cohortSeen = new Map<string, number>();
  let stopped = false;
  const cohorts: Cohort[] = data.cohorts.map((cohort, c) => {
    const prefix = ['cohorts', c] as const;
    if (stopped || issues.length >= MAX_ISSUES) {
      // Budget spent: the cohorts left are not read (each one still gets its shape, for the type).
      if (!stopped) issues.push(stoppedIssue(['cohorts'], c, data.cohorts.length));
      stopped = true;
      return { id: cohort.id, participants: [], pairs: [] };
    }
    const firstAt = cohortSeen.get(cohort.id);
    if (firstAt !== undefined) issues.push({ path: [...prefix, 'id'], message: `duplicate cohort id (first at cohorts[${firstAt}])`, received: cohort.id });
    else cohortSeen.set(cohort.id, c);
    const { entries, issues: recordIssues, stoppedAt } = validateParticipantList(cohort.participants, [...prefix, 'participants'], options, MAX_ISSUES - issues.length);
    appendIssues(issues, recordIssues);
    if (stoppedAt !== undefined) {
      issues.push(stoppedIssue([...prefix, 'participants'], stoppedAt, cohort.participants.length));
      stopped = true;
    } else {
      const cross = checkParticipants(entries, options.skills ?? defaultSkills, [...prefix, 'participants'], MAX_ISSUES - issues.length);
      appendIssues(issues, cross.issues);
      if (cross.stoppedAt !== undefined) {
        issues.push(stoppedIssue([...prefix, 'participants'], cross.stoppedAt, cohort.participants.length));
        stopped = true;
      }
    }
    const byId = new Map(entries.map((e) => [e.participant.id, e.participant] as const));
    const pairSeen = new Set<string>();
    const pairs = cohort.pairs.map((pair, k): HistoryPair => {
      if (issues.length >= MAX_ISSUES && !stopped) {
        issues.push(stoppedIssue([...prefix, 'pairs'], k, cohort.pairs.length));
        stopped = true;
      }
      if (!stopped) for (const [field, role] of [['juniorId', 'junior'], ['seniorId', 'senior']] as const) {
        const person = byId.get(pair[field]);
        if (!person && recordIssues.length === 0) {
          issues.push({ path: [...prefix, 'pairs', k, field], message: `no ${role} with this id in cohort "${cohort.id}"`, received: pair[field] });
        } else if (person && person.role !== role) {
          issues.push({ path: [...prefix, 'pairs', k, field], message: `"${person.id}" is a ${person.role}, not a ${role}`, received: pair[field] });
        }
      }
      const key = `${pair.juniorId}\u0000${pair.seniorId}`;
      if (pairSeen.has(key) && !stopped) issues.push({ path: [...prefix, 'pairs', k], message: 'duplicate pair in the cohort' });
      pairSeen.add(key);
      const outcome: { satisfaction?: number; completed?: boolean; sessions?: number } = {};
      const raw = pair.outcome ?? {};
      if (raw.satisfaction != null) outcome.satisfaction = raw.satisfaction;
      if (raw.completed != null) outcome.completed = raw.completed;
      if (raw.sessions != null) outcome.sessions = raw.sessions;
      return { juniorId: pair.juniorId, seniorId: pair.seniorId, outcome };
    });
    return { id: cohort.id, participants: entries.map((e) => e.participant), pairs };
  });
  throwIfAny(issues);
  return { cohorts };
}

