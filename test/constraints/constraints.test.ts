import { describe, expect, test } from 'vitest';
import { builtinConstraints, parseProgram, renderReason, type CohortContext, type PairConstraint, type Participant } from '../../src/index';
import { participant } from '../helpers/people';

function constraintsFor(constraints: Record<string, unknown>, people: Participant[]): Map<string, PairConstraint> {
  const program = parseProgram({ constraints: { volunteersOnly: false, notInReportingLine: false, sharedLanguage: false, avoidPastPartners: false, ...constraints } });
  const context: CohortContext = {
    program,
    juniors: people.filter((p) => p.role === 'junior'),
    seniors: people.filter((p) => p.role === 'senior'),
    byId: new Map(people.map((p) => [p.id, p])),
    skillsById: new Map(program.skills.map((s) => [s.id, s])),
    timezoneYear: 2026,
  };
  return new Map(builtinConstraints(context).map((c) => [c.id, c]));
}
const only = (constraints: Record<string, unknown>, people: Participant[], id: string): PairConstraint => {
  const c = constraintsFor(constraints, people).get(id);
  if (!c) throw new Error(`${id} not built`);
  return c;
};

const junior = participant('j-1', 'junior', { name: 'Léa', department: 'IT' });
const senior = participant('s-1', 'senior', { name: 'Marc', department: 'Finance' });

describe('built-in constraints', () => {
  test('only the rules switched on are built, in attribution order', () => {
    const all = constraintsFor(
      {
        volunteersOnly: true,
        notInReportingLine: true,
        differentDepartment: true,
        sharedLanguage: true,
        maxTimezoneGapHours: 3,
        minAvailabilityOverlap: 1,
        avoidPastPartners: true,
        forbiddenPairs: [{ juniorId: 'j-1', seniorId: 's-1' }],
      },
      [junior, senior],
    );
    expect([...all.keys()]).toEqual([
      'volunteersOnly',
      'forbiddenPairs',
      'avoidPastPartners',
      'notInReportingLine',
      'differentDepartment',
      'sharedLanguage',
      'maxTimezoneGapHours',
      'minAvailabilityOverlap',
    ]);
    expect(constraintsFor({}, [junior, senior]).size).toBe(0);
  });

  test('volunteersOnly', () => {
    const c = only({ volunteersOnly: true }, [], 'volunteersOnly');
    expect(c.allows(junior, senior)).toBe(true);
    const reluctant = { ...senior, volunteer: false } as Participant;
    expect(c.allows(junior, reluctant)).toBe(false);
    expect(renderReason(c.why(junior, reluctant))).toBe('Marc is not a volunteer');
  });

  test('notInReportingLine covers the whole chain, both directions, not siblings', () => {
    const ceo = participant('s-ceo', 'senior', { name: 'CEO' });
    const director = participant('s-dir', 'senior', { managerId: 's-ceo' });
    const manager = participant('j-mgr', 'junior', { managerId: 's-dir' });
    const report = participant('j-rep', 'junior', { managerId: 'j-mgr', name: 'Rep' });
    const sibling = participant('s-sib', 'senior', { managerId: 's-dir' });
    const boss = participant('s-boss', 'senior', { name: 'Boss' });
    const underBoss = participant('j-under', 'junior', { name: 'Under' });
    const reverse = participant('s-rev', 'senior', { managerId: 'j-under' });
    const people = [ceo, director, manager, report, sibling, boss, underBoss, reverse];
    const c = only({ notInReportingLine: true }, people, 'notInReportingLine');
    expect(c.allows(report, ceo)).toBe(false);
    expect(c.allows(report, director)).toBe(false);
    expect(renderReason(c.why(report, ceo))).toBe("Rep is in CEO's reporting line");
    expect(c.allows(report, sibling)).toBe(true);
    expect(c.allows(underBoss, boss)).toBe(true);
    expect(c.allows(underBoss, reverse)).toBe(false);
    expect(renderReason(c.why(underBoss, reverse), 'fr')).toBe('s-rev fait partie de la ligne hiérarchique de Under');
  });

  test('a chain through a manager who is not a participant stops there', () => {
    const top = participant('s-top', 'senior');
    const j = participant('j-x', 'junior', { managerId: 'absent' });
    const c = only({ notInReportingLine: true }, [top, j], 'notInReportingLine');
    expect(c.allows(j, top)).toBe(true);
  });

  test('differentDepartment', () => {
    const c = only({ differentDepartment: true }, [], 'differentDepartment');
    expect(c.allows(junior, senior)).toBe(true);
    expect(c.allows(junior, { ...senior, department: 'IT' } as Participant)).toBe(false);
    expect(renderReason(c.why(junior, { ...senior, department: 'IT' } as Participant))).toBe('both in IT');
  });

  test('sharedLanguage compares primary subtags, and does not apply when a side lists none', () => {
    const c = only({ sharedLanguage: true }, [], 'sharedLanguage');
    const fr = { ...junior, languages: ['fr-CA'] } as Participant;
    const en = { ...senior, languages: ['en', 'de'] } as Participant;
    expect(c.allows(fr, { ...senior, languages: ['fr'] } as Participant)).toBe(true);
    expect(c.allows(fr, en)).toBe(false);
    expect(renderReason(c.why(fr, en))).toBe('no common language (Léa: fr-CA; Marc: en, de)');
    expect(c.allows(fr, senior)).toBe(true);
    expect(renderReason(c.note!(fr, senior)!)).toBe('sharedLanguage not checked: languages not given for Marc');
    expect(c.note!(fr, { ...senior, languages: ['fr'] } as Participant)).toBeUndefined();
  });

  test('maxTimezoneGapHours takes the largest gap over the year, inclusive', () => {
    const paris = { ...junior, timezone: 'Europe/Paris' } as Participant;
    const newYork = { ...senior, timezone: 'America/New_York' } as Participant;
    const plus3 = { ...senior, timezone: '+03:00' } as Participant;
    const plus7 = { ...senior, timezone: '+07:00' } as Participant;
    expect(only({ maxTimezoneGapHours: 6 }, [paris, newYork], 'maxTimezoneGapHours').allows(paris, newYork)).toBe(true);
    const five = only({ maxTimezoneGapHours: 5 }, [paris, newYork, plus3, plus7], 'maxTimezoneGapHours');
    expect(five.allows(paris, newYork)).toBe(false);
    expect(renderReason(five.why(paris, newYork))).toBe('time zones Europe/Paris and America/New_York are up to 6 h apart (limit 5 h)');
    expect(five.allows(paris, plus3)).toBe(true);
    // Paris is at +1 in winter: 6 h from +07:00, although only 5 h in summer.
    expect(five.allows(paris, plus7)).toBe(false);
    expect(five.allows(paris, senior)).toBe(true);
    expect(renderReason(five.note!(paris, senior)!)).toBe('maxTimezoneGapHours not checked: timezone not given for Marc');
  });

  test('minAvailabilityOverlap', () => {
    const c = only({ minAvailabilityOverlap: 2 }, [], 'minAvailabilityOverlap');
    const a = { ...junior, availability: ['mon-am', 'tue-am'] } as Participant;
    expect(c.allows(a, { ...senior, availability: ['mon-am', 'tue-am', 'fri-pm'] } as Participant)).toBe(true);
    expect(c.allows(a, { ...senior, availability: ['mon-am'] } as Participant)).toBe(false);
    expect(renderReason(c.why(a, { ...senior, availability: ['mon-am'] } as Participant))).toBe('1 common slot, 2 required');
    expect(c.allows(a, senior)).toBe(true);
  });

  test('avoidPastPartners, from either side', () => {
    const c = only({ avoidPastPartners: true }, [], 'avoidPastPartners');
    expect(c.allows({ ...junior, pastPartners: ['s-1'] } as Participant, senior)).toBe(false);
    expect(c.allows(junior, { ...senior, pastPartners: ['j-1'] } as Participant)).toBe(false);
    expect(c.allows(junior, { ...senior, pastPartners: ['j-2'] } as Participant)).toBe(true);
    expect(renderReason(c.why(junior, senior), 'fr')).toBe('Léa et Marc ont déjà été en binôme');
  });

  test('forbiddenPairs', () => {
    const c = only({ forbiddenPairs: [{ juniorId: 'j-1', seniorId: 's-1' }] }, [], 'forbiddenPairs');
    expect(c.allows(junior, senior)).toBe(false);
    expect(c.allows(junior, { ...senior, id: 's-2' } as Participant)).toBe(true);
    expect(renderReason(c.why(junior, senior))).toBe('the program forbids pairing Léa with Marc');
  });
});
