import { defaultSkills } from '../../src/index';
import type { Rng } from './random';

/** Options of {@link randomCohort}. */
export interface CohortShape {
  readonly juniors: number;
  readonly seniors: number;
  /** Allow capacity 2. */
  readonly capacities?: boolean;
  /** Give integer levels from a tiny range, so that many scores tie. */
  readonly ties?: boolean;
}

/** A random raw cohort (JSON-like participants) with every optional field exercised. */
export function randomCohort(rand: Rng, shape: CohortShape): Record<string, unknown>[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const level = () => (shape.ties ? pick([0, 5]) : Math.round(rand() * 50) / 10);
  const people: Record<string, unknown>[] = [];
  const ids: string[] = [];
  const total = shape.juniors + shape.seniors;
  for (let k = 0; k < total; k++) {
    const role = k < shape.juniors ? 'junior' : 'senior';
    const id = `${role === 'junior' ? 'j' : 's'}-${String(k).padStart(2, '0')}`;
    const p: Record<string, unknown> = {
      id,
      role,
      volunteer: rand() < 0.88,
      department: pick(['IT', 'Sales', 'Finance']),
      skills: {},
      wants: {},
    };
    for (const skill of defaultSkills) {
      if (rand() < 0.5) (p.skills as Record<string, number>)[skill.id] = level();
      if (rand() < 0.3) (p.wants as Record<string, number>)[skill.id] = level();
    }
    if (rand() < 0.8) p.site = pick(['Paris', 'Lyon', 'Lille']);
    if (rand() < 0.8) p.languages = rand() < 0.8 ? ['fr'] : pick([['en'], ['fr', 'en']]);
    if (rand() < 0.7) p.availability = ['mon-am', 'tue-am', 'wed-pm', 'thu-pm'].filter(() => rand() < 0.5);
    if (rand() < 0.8) p.openness = Math.round(rand() * 50) / 10;
    if (rand() < 0.5) p.timezone = pick(['Europe/Paris', 'America/New_York', '+01:00', 'Asia/Singapore']);
    if (shape.capacities && rand() < 0.3) p.capacity = 2;
    if (ids.length > 0 && rand() < 0.4) p.managerId = pick(ids);
    if (ids.length > 0 && rand() < 0.15) p.pastPartners = [pick(ids)];
    people.push(p);
    ids.push(id);
  }
  return people.sort(() => rand() - 0.5);
}
