import { appendIssues, type Issue } from '../errors';
import type { IndexedParticipant, Participant, Role } from './participant';
import type { Program } from './program';
import type { SkillDef } from './taxonomy';
import { suggest } from './zod-issues';

type Path = readonly (string | number)[];

/**
 * Checks across participant records: unique ids, `skills` and `wants` keys in the taxonomy,
 * `managerId` chains without loops. A `managerId` naming nobody in the list is allowed.
 *
 * @param entries - Validated participants with their input index.
 * @param skills - Taxonomy the skill ids must belong to.
 * @param prefix - Path of the list in the document, e.g. `['participants']`.
 * @returns Every issue found, ordered by record index.
 */
export function checkParticipants(entries: readonly IndexedParticipant[], skills: readonly SkillDef[], prefix: Path): Issue[] {
  const issues: Issue[] = [];
  const skillIds = skills.map((s) => s.id);
  const known = new Set(skillIds);
  const firstIndex = new Map<string, number>();
  for (const { index, participant } of entries) {
    const seen = firstIndex.get(participant.id);
    if (seen === undefined) firstIndex.set(participant.id, index);
    else issues.push({ path: [...prefix, index, 'id'], message: `duplicate id (first at ${prefix.join('.')}[${seen}])`, received: participant.id });
    for (const field of ['skills', 'wants'] as const) {
      for (const skill of Object.keys(participant[field])) {
        if (known.has(skill)) continue;
        const hint = suggest(skill, skillIds);
        issues.push({
          path: [...prefix, index, field, skill],
          message: `unknown skill id (not in the program's taxonomy${hint ? `; did you mean "${hint}"?` : ''})`,
        });
      }
    }
  }
  appendIssues(issues, managerLoops(entries, prefix));
  return issues.sort((a, b) => Number(a.path[prefix.length]) - Number(b.path[prefix.length]));
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
