import { MAX_ISSUES, type Issue } from '../errors';
import type { IndexedParticipant, Participant, Role } from './participant';
import type { Program } from './program';
import type { SkillDef } from './taxonomy';
import { suggest } from './zod-issues';

type Path = readonly (string | number)[];

/** What {@link checkParticipants} found, and where it stopped if its budget ran out. */
export interface CrossCheck {
  /** Issues ordered by record index, at most the budget. */
  readonly issues: Issue[];
  /** Set when the budget ran out: the index of the record from which the records were not (all) checked. */
  readonly stoppedAt?: number;
}

/**
 * Checks across participant records: unique ids, `skills` and `wants` keys in the taxonomy,
 * `managerId` chains without loops. A `managerId` naming nobody in the list is allowed. Stops at
 * `budget` issues like the parses do: the records from the one being checked on are not read,
 * and `stoppedAt` says where, for the caller's stop issue (100,000 people with unknown skills, or
 * one person with 500,000 of them under a lifted limit, would otherwise give an issue and a "did
 * you mean" search each).
 *
 * @param entries - Validated participants with their input index, in index order.
 * @param skills - Taxonomy the skill ids must belong to.
 * @param prefix - Path of the list in the document, e.g. `['participants']`.
 * @param budget - Issues after which the check stops; default {@link MAX_ISSUES}.
 * @returns The issues ordered by record index, at most `budget` of them, and where it stopped.
 */
export function checkParticipants(entries: readonly IndexedParticipant[], skills: readonly SkillDef[], prefix: Path, budget: number = MAX_ISSUES): CrossCheck {
  const issues: Issue[] = [];
  const skillIds = skills.map((s) => s.id);
  const known = new Set(skillIds);
  const firstIndex = new Map<string, number>();
  // Index of the record being checked when the budget ran out.
  let stopAt: number | undefined;
  records: for (const { index, participant } of entries) {
    if (issues.length >= budget) {
      stopAt = index;
      break;
    }
    const seen = firstIndex.get(participant.id);
    if (seen === undefined) firstIndex.set(participant.id, index);
    else issues.push({ path: [...prefix, index, 'id'], message: `duplicate id (first at ${prefix.join('.')}[${seen}])`, received: participant.id });
    for (const field of ['skills', 'wants'] as const) {
      for (const skill of Object.keys(participant[field])) {
        if (known.has(skill)) continue;
        if (issues.length >= budget) {
          stopAt = index;
          break records;
        }
        const hint = suggest(skill, skillIds);
        issues.push({
          path: [...prefix, index, field, skill],
          message: `unknown skill id (not in the program's taxonomy${hint ? `; did you mean "${hint}"?` : ''})`,
        });
      }
    }
  }
  // Loops are found over every record (linear, no search), and kept before the stop.
  for (const loop of managerLoops(entries, prefix)) if (stopAt === undefined || indexOf(loop, prefix) < stopAt) issues.push(loop);
  issues.sort((a, b) => indexOf(a, prefix) - indexOf(b, prefix));
  const room = Math.max(0, budget);
  if (issues.length > room) {
    stopAt = indexOf(issues[room]!, prefix);
    issues.length = room;
  }
  return stopAt === undefined ? { issues } : { issues, stoppedAt: stopAt };
}

/** The record index of an issue under `prefix`. */
function indexOf(issue: Issue, prefix: Path): number {
  return Number(issue.path[prefix.length]);
}

/** One issue per management loop, on the member of the loop that comes first in the input. */
function managerLoops(entries: readonly IndexedParticipant[], prefix: Path): Issue[] {
  const byId = new Map<string, IndexedParticipant>();
  for (const entry of entries) if (!byId.has(entry.participant.id)) byId.set(entry.participant.id, entry);
  const state = new Map<string, 'open' | 'done'>();
  const issues: Issue[] = [];
  for (const start of entries) {
    const chain: IndexedParticipant[] = [];
    let current: IndexedParticipant | undefined = start;
    while (current && state.get(current.participant.id) === undefined) {
      state.set(current.participant.id, 'open');
      chain.push(current);
      const managerId: string | undefined = current.participant.managerId;
      current = managerId === undefined ? undefined : byId.get(managerId);
    }
    if (current && state.get(current.participant.id) === 'open') {
      const loop = chain.slice(chain.indexOf(current));
      const first = loop.reduce((a, b) => (b.index < a.index ? b : a));
      const ids = [...loop.map((e) => e.participant.id), current.participant.id];
      issues.push({ path: [...prefix, first.index, 'managerId'], message: `management chain loops: ${ids.join(' -> ')}`, received: first.participant.managerId });
    }
    for (const entry of chain) state.set(entry.participant.id, 'done');
  }
  return issues;
}

/**
 * Checks that the program's pair lists and `mustMatch` ids name existing participants of the
 * right role.
 *
 * @param program - The validated program.
 * @param participants - The validated participants.
 * @returns One issue per dangling or mis-roled reference, at its path in the program.
 */
export function checkProgramReferences(
  program: Pick<Program, 'constraints' | 'quotas'>,
  participants: readonly Participant[],
): Issue[] {
  const byId = new Map<string, Participant>();
  for (const p of participants) byId.set(p.id, p);
  const issues: Issue[] = [];
  const expect = (path: Path, id: string, role: Role) => {
    const found = byId.get(id);
    if (!found) issues.push({ path, message: `no ${role} with this id among the participants`, received: id });
    else if (found.role !== role) issues.push({ path, message: `"${id}" is a ${found.role}, not a ${role}`, received: id });
  };
  for (const list of ['lockedPairs', 'forbiddenPairs'] as const) {
    program.constraints[list].forEach((pair, i) => {
      expect(['program', 'constraints', list, i, 'juniorId'], pair.juniorId, 'junior');
      expect(['program', 'constraints', list, i, 'seniorId'], pair.seniorId, 'senior');
    });
  }
  program.quotas.forEach((quota, i) => {
    if (quota.kind !== 'mustMatch' || !quota.ids) return;
    quota.ids.forEach((id, k) => {
      if (!byId.has(id)) issues.push({ path: ['program', 'quotas', i, 'ids', k], message: 'no participant with this id', received: id });
    });
  });
  return issues;
}
