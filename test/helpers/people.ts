import type { Participant } from '../../src/index';

/** A minimal valid participant record (raw JSON), overridable field by field. */
export function person(id: string, role: 'junior' | 'senior', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, role, volunteer: true, department: 'IT', skills: {}, wants: {}, ...extra };
}

/** A validated-looking participant for unit tests of scorers and constraints. */
export function participant(id: string, role: 'junior' | 'senior', extra: Partial<Participant> = {}): Participant {
  return { id, role, volunteer: true, department: 'IT', skills: {}, wants: {}, ...extra } as Participant;
}
