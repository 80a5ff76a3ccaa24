import type { Participant } from './participant';
import type { Program } from './program';
import type { SkillDef } from './taxonomy';

/**
 * What a plug-in factory sees of the cohort being matched: the validated program and
 * participants, split by role and sorted by id. Built once per `match` call.
 */
export interface CohortContext {
  /** The validated program, defaults filled in. */
  readonly program: Program;
  /** Every junior of the input (volunteers or not), sorted by id. */
  readonly juniors: readonly Participant[];
  /** Every senior of the input (volunteers or not), sorted by id. */
  readonly seniors: readonly Participant[];
  /** Every participant by id. */
  readonly byId: ReadonlyMap<string, Participant>;
  /** The program's skills by id. */
  readonly skillsById: ReadonlyMap<string, SkillDef>;
  /** Year over which time-zone gaps are taken (daylight saving included). */
  readonly timezoneYear: number;
}

/** Display name of a participant in texts: the name when given, else the id. */
export function displayName(p: Participant): string {
  return p.name ?? p.id;
}
