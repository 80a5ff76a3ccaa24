import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ValidationError, parseParticipants, participantFields, type Issue } from '../../src/index';
import { person } from '../helpers/people';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

function issuesOf(input: unknown, options = {}): Issue[] {
  try {
    parseParticipants(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...(error as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}

function messageOf(input: unknown): string {
  try {
    parseParticipants(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError');
}

describe('parseParticipants', () => {
  test('the shared samples validate, in both document shapes', () => {
    const doc = fixture('participants.sample.json') as { participants: unknown[] };
    expect(parseParticipants(doc)).toHaveLength(12);
    expect(parseParticipants(doc.participants)).toHaveLength(12);
    expect(parseParticipants(fixture('org-200.json'))).toHaveLength(200);
  });

  test('keeps fields, removes absent ones and turns null into absent', () => {
    const [p] = parseParticipants([person('j-1', 'junior', { name: null, site: 'Paris', skills: { 'ai-tools': 4, csr: null } })]);
    expect(p).toEqual({ id: 'j-1', role: 'junior', volunteer: true, department: 'IT', site: 'Paris', skills: { 'ai-tools': 4 }, wants: {} });
    expect('name' in p!).toBe(false);
  });

  test('never mutates the input and works on deep-frozen input', () => {
    const raw = [person('j-1', 'junior', { skills: { 'ai-tools': 4, csr: null }, languages: ['fr'] })];
    const copy = structuredClone(raw);
    const freeze = (o: unknown): unknown => {
      if (o && typeof o === 'object') {
        Object.values(o).forEach(freeze);
        Object.freeze(o);
      }
      return o;
    };
    freeze(raw);
    parseParticipants(raw);
    expect(raw).toEqual(copy);
  });

  test('a level out of range names the record, the field and the value', () => {
    const list = [person('j-0', 'junior'), person('j-1', 'junior', { skills: { 'ai-tools': 7 } })];
    expect(messageOf(list)).toBe('participants[1].skills.ai-tools: level must be 0..5, got 7');
  });

  test.each([
    ['id', '', 'participants[0].id: must not be empty, got ""'],
    ['id', 12, 'participants[0].id: must be a string (got number), got 12'],
    ['role', 'mentor', 'participants[0].role: must be one of "junior", "senior", got "mentor"'],
    ['volunteer', 'yes', 'participants[0].volunteer: must be a boolean (got string), got "yes"'],
    ['department', '', 'participants[0].department: must not be empty, got ""'],
    ['site', 3, 'participants[0].site: must be a string (got number), got 3'],
    ['managerId', '', 'participants[0].managerId: must not be empty, got ""'],
    ['birthYear', 1990.5, 'participants[0].birthYear: must be an integer (got number), got 1990.5'],
    ['birthYear', 1850, 'participants[0].birthYear: must be >= 1900, got 1850'],
    ['tenureYears', -1, 'participants[0].tenureYears: must be >= 0, got -1'],
    ['languages', 'fr', 'participants[0].languages: must be an array (got string), got "fr"'],
    ['capacity', 0, 'participants[0].capacity: must be >= 1, got 0'],
    ['capacity', 1.5, 'participants[0].capacity: must be an integer (got number), got 1.5'],
    ['openness', 6, 'participants[0].openness: openness must be 0..5, got 6'],
    ['openness', Number.NaN, 'participants[0].openness: openness must be a number 0..5, got NaN'],
    ['skills', [], 'participants[0].skills: must be a record (got array), got []'],
    ['wants', { strategy: -1 }, 'participants[0].wants.strategy: desire must be 0..5, got -1'],
    ['tags', [''], 'participants[0].tags[0]: must not be empty, got ""'],
    ['pastPartners', [1], 'participants[0].pastPartners[0]: must be a string (got number), got 1'],
    ['attributes', { gender: ['F'] }, 'participants[0].attributes.gender: matches none of the allowed shapes'],
    ['availability', [''], 'participants[0].availability[0]: must not be empty, got ""'],
  ])('field %s = %j is refused with its path', (field, value, message) => {
    expect(messageOf([person('j-1', 'junior', { [field]: value })])).toBe(message);
  });

  test('required fields are named when missing', () => {
    const issues = issuesOf([{ id: 'x' }]);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['participants.0.role', 'participants.0.volunteer', 'participants.0.department', 'participants.0.skills', 'participants.0.wants']);
    expect(issues.every((i) => i.message === 'is required')).toBe(true);
  });

  test('time zones and language tags are checked', () => {
    expect(messageOf([person('j-1', 'junior', { timezone: 'Europe/Pariss' })])).toMatch(/^participants\[0\]\.timezone: .*Europe\/Pariss/);
    expect(messageOf([person('j-1', 'junior', { languages: ['fr', 'french'] })])).toMatch(/^participants\[0\]\.languages\[1\]: /);
    expect(() => parseParticipants([person('j-1', 'junior', { timezone: '+05:30', languages: ['pt-BR'] })])).not.toThrow();
  });

  test('strings longer than the limit are refused; the limit is configurable', () => {
    const long = 'x'.repeat(1001);
    expect(messageOf([person('j-1', 'junior', { name: long })])).toMatch(/^participants\[0\]\.name: must have at most 1000 characters/);
    expect(() => parseParticipants([person('j-1', 'junior', { name: long })], { maxStringLength: 2000 })).not.toThrow();
  });

  test('unknown fields are errors with a hint, or stripped on request', () => {
    const raw = [person('j-1', 'junior', { managerID: 'm-1', hobby: 'chess' })];
    const issues = issuesOf(raw);
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'participants.0.managerID: unknown field (did you mean "managerId"?)',
      'participants.0.hobby: unknown field (extra data belongs in attributes)',
    ]);
    const [p] = parseParticipants(raw, { unknownFields: 'strip' });
    expect(Object.keys(p!)).not.toContain('hobby');
  });

  test('lists every problem of every record, not just the first', () => {
    const issues = issuesOf([person('j-1', 'junior', { skills: { 'ai-tools': 9 } }), person('j-2', 'junior', { openness: 9, capacity: 0 })]);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['participants.0.skills.ai-tools', 'participants.1.capacity', 'participants.1.openness']);
  });

  test('cross-record: duplicate ids', () => {
    const issues = issuesOf([person('a', 'junior'), person('b', 'senior'), person('a', 'senior')]);
    expect(issues).toEqual([{ path: ['participants', 2, 'id'], message: 'duplicate id (first at participants[0])', received: 'a' }]);
  });

  test('cross-record: skill ids must be in the taxonomy, with a hint', () => {
    const issues = issuesOf([person('a', 'junior', { skills: { 'ai-tool': 3 }, wants: { golf: 2 } })]);
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      `participants.0.skills.ai-tool: unknown skill id (not in the program's taxonomy; did you mean "ai-tools"?)`,
      "participants.0.wants.golf: unknown skill id (not in the program's taxonomy)",
    ]);
    const custom = [{ id: 'golf', teacher: 'senior' as const }];
    expect(() => parseParticipants([person('a', 'junior', { wants: { golf: 2 } })], { skills: custom })).not.toThrow();
  });

  test('cross-record: management loops are refused, dangling managers allowed', () => {
    expect(() => parseParticipants([person('a', 'junior', { managerId: 'nobody-here' })])).not.toThrow();
    const loop = issuesOf([person('a', 'junior', { managerId: 'b' }), person('b', 'senior', { managerId: 'c' }), person('c', 'senior', { managerId: 'a' })]);
    expect(loop).toEqual([{ path: ['participants', 0, 'managerId'], message: 'management chain loops: a -> b -> c -> a', received: 'b' }]);
    const self = issuesOf([person('x', 'junior'), person('a', 'senior', { managerId: 'a' })]);
    expect(self[0]?.path).toEqual(['participants', 1, 'managerId']);
  });

  test('the document shape is checked', () => {
    expect(messageOf({ people: [] })).toMatch(/expected an array of participants/);
    expect(messageOf({ participants: 3 })).toMatch(/^participants: must be an array/);
    expect(messageOf({ participants: [], extra: 1 })).toMatch(/^extra: unknown field/);
    expect(parseParticipants([])).toEqual([]);
  });

  test('participantFields lists the format fields in order', () => {
    expect(participantFields.slice(0, 4)).toEqual(['id', 'name', 'role', 'volunteer']);
    expect(participantFields).toHaveLength(19);
  });
});

describe('reserved keys', () => {
  test('a "__proto__" key from JSON is reported, never dropped, and pollutes nothing', () => {
    const raw = JSON.parse(
      '[{"id":"j-1","role":"junior","volunteer":true,"department":"IT","skills":{"__proto__":3},"wants":{},"attributes":{"__proto__":{"polluted":true}}}]',
    ) as unknown;
    expect(messageOf(raw)).toBe(
      'participants[0].skills.__proto__: reserved key "__proto__" is not allowed\nparticipants[0].attributes.__proto__: reserved key "__proto__" is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('"constructor" and "toString" are ordinary attribute keys', () => {
    const [p] = parseParticipants(JSON.parse('[{"id":"j-1","role":"junior","volunteer":true,"department":"IT","skills":{},"wants":{},"attributes":{"constructor":"x","toString":1}}]'));
    expect(p!.attributes).toEqual({ constructor: 'x', toString: 1 });
  });
});
