/**
 * The issue budget: a parse collects at most MAX_ISSUES issues, then stops reading with one last
 * issue that says where; below the budget every issue is still listed. Found by the fuzz tests: a
 * ten-million-slot list under a limit lifted to Infinity gave ten million issues (minutes, GBs).
 */
import { describe, expect, test } from 'vitest';
import { MAX_ISSUES, ValidationError, formatIssue, match, parseHistory, parseParticipants, parseProgram, type Issue } from '../../src/index';
import { parseParticipantsCsv } from '../../src/io/index';
import { person } from '../helpers/people';

function issuesOf(run: () => unknown): readonly Issue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

/** Checks a stopped parse: the budget reached, then exactly one last issue naming the list and the index. */
function expectStopped(issues: readonly Issue[], list: string, next: number, length: number): void {
  const last = issues.at(-1)!;
  expect(formatIssue(last)).toBe(`${list}: stopped after ${MAX_ISSUES} issues; items from [${next}] on (of ${length}) were not checked`);
  expect(issues.length - 1).toBeGreaterThanOrEqual(MAX_ISSUES);
  expect(issues.filter((issue) => issue.message.startsWith('stopped after')).length).toBe(1);
}

const sparse = (length: number): unknown[] => {
  const array: unknown[] = [];
  array.length = length;
  return array;
};
const junior = (id: string, extra: Record<string, unknown> = {}) => person(id, 'junior', extra);

describe('the issue budget', () => {
  test('a million bad forbidden pairs: the first 1000 issues, in order, then where it stopped', () => {
    const issues = issuesOf(() => parseProgram({ constraints: { forbiddenPairs: Array(1_000_000).fill(null) } }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.slice(0, MAX_ISSUES).map((issue) => issue.path.join('.'))).toEqual(Array.from({ length: MAX_ISSUES }, (_, i) => `program.constraints.forbiddenPairs.${i}`));
    expectStopped(issues, 'program.constraints.forbiddenPairs', MAX_ISSUES, 1_000_000);
  });

  test('below the budget every issue is listed, as zod reports them', () => {
    const bad = Array.from({ length: 1500 }, (_, i) => (i % 2 === 0 ? { juniorId: 'j', seniorId: 's' } : { juniorId: 7 }));
    const issues = issuesOf(() => parseProgram({ constraints: { lockedPairs: bad } }));
    // 750 bad items, two issues each (a wrong juniorId, a missing seniorId): 1500 issues, past the budget.
    expectStopped(issues, 'program.constraints.lockedPairs', 1000, 1500);
    const few = issuesOf(() => parseProgram({ constraints: { lockedPairs: bad.slice(0, 999) } }));
    expect(few).toHaveLength(998);
    expect(few.some((issue) => issue.message.startsWith('stopped'))).toBe(false);
    expect(formatIssue(few[0]!)).toBe('program.constraints.lockedPairs[1].juniorId: must be a string (got number), got 7');
  });

  test('a long list with a few bad items: each one reported, as for a short list', () => {
    const pairs: unknown[] = Array.from({ length: 5000 }, (_, i) => ({ juniorId: `j-${i}`, seniorId: `s-${i}` }));
    pairs[10] = { juniorId: '', seniorId: 's' };
    pairs[4999] = { juniorId: 'j', seniorId: 's', note: 1 };
    const issues = issuesOf(() => parseProgram({ constraints: { forbiddenPairs: pairs } }));
    expect(issues.map(formatIssue)).toEqual([
      'program.constraints.forbiddenPairs[10].juniorId: must not be empty, got ""',
      'program.constraints.forbiddenPairs[4999].note: unknown field',
    ]);
  });

  test('a long list of valid items parses to the same program as without the item-by-item check', () => {
    const pairs = Array.from({ length: 5000 }, (_, i) => ({ juniorId: `j-${i}`, seniorId: `s-${i}` }));
    const program = parseProgram({ constraints: { forbiddenPairs: pairs } });
    expect(program.constraints.forbiddenPairs).toEqual(pairs);
    expect(program.constraints.forbiddenPairs).not.toBe(pairs);
  });

  test('options.skills: ten million slots with maxSkills lifted stop at the budget at once', () => {
    const skills = sparse(10_000_000);
    const issues = issuesOf(() => parseParticipants([], { skills: skills as never, limits: { maxSkills: Number.POSITIVE_INFINITY } }));
    expectStopped(issues, 'options.skills', MAX_ISSUES, 10_000_000);
  });

  test('participants: the budget stops at a record boundary, each record kept whole', () => {
    // Three issues per record (three levels out of range): the 334th record takes it past 1000.
    const people = Array.from({ length: 2000 }, (_, i) => junior(`j-${i}`, { skills: { 'ai-tools': 7, 'data-literacy': 8, 'cyber-hygiene': 9 } }));
    const issues = issuesOf(() => parseParticipants(people));
    expect(issues).toHaveLength(1002 + 1);
    expect(issues[1001]!.path).toEqual(['participants', 333, 'skills', 'cyber-hygiene']);
    expectStopped(issues, 'participants', 334, 2000);
  });

  test('a list of one record, long only because maxListLength was lifted, is read item by item', () => {
    const issues = issuesOf(() => parseParticipants([junior('j-1', { languages: sparse(10_000_000) })], { limits: { maxListLength: Number.POSITIVE_INFINITY } }));
    expect(issues[0]!.path).toEqual(['participants', 0, 'languages', 0]);
    expectStopped(issues, 'participants[0].languages', MAX_ISSUES, 10_000_000);
  });

  test('a record of 50,000 bad skill levels under a lifted skill limit: the first 1000 issues, then the key where it stopped', () => {
    // Found by the deep run of parseHistory (after 48,115 cases): zod listed all 50,000 issues.
    const skills = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const issues = issuesOf(() => parseParticipants([junior('j-1', { skills })], { limits: { maxSkillsPerPerson: Number.POSITIVE_INFINITY } }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(formatIssue(issues[0]!)).toBe('participants[0].skills.k6: level must be 0..5, got 6');
    expect(issues.slice(0, MAX_ISSUES).map((issue) => issue.path.at(-1))).toEqual(Array.from({ length: MAX_ISSUES }, (_, i) => `k${i + 6}`));
    expect(formatIssue(issues.at(-1)!)).toBe('participants[0].skills: stopped after 1000 issues; keys from "k1006" on (1006 of 50000 read) were not checked');
  });

  test('a long record with a few bad entries: each one reported, worded as for a short record', () => {
    const skills: Record<string, unknown> = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, 3]));
    skills.k10 = 7;
    skills.k1499 = 'high';
    const options = { limits: { maxSkillsPerPerson: 2000 } };
    const issues = issuesOf(() => parseParticipants([junior('j-1', { skills })], options));
    const short = issuesOf(() => parseParticipants([junior('j-1', { skills: { k10: 7, k1499: 'high' } })], options));
    expect(issues.map(formatIssue)).toEqual(short.map(formatIssue));
    expect(issues.map(formatIssue)).toEqual(['participants[0].skills.k10: level must be 0..5, got 7', expect.stringMatching(/^participants\[0\]\.skills\.k1499: .*"high"$/)]);
  });

  test('a long record of valid entries parses as without the entry-by-entry check', () => {
    const taxonomy = Array.from({ length: 1500 }, (_, i) => ({ id: `k${i}`, label: `Skill ${i}`, domain: 'digital-tools', teacher: 'junior' }));
    const skills = Object.fromEntries(taxonomy.map((skill, i) => [skill.id, i % 6]));
    const [parsed] = parseParticipants([junior('j-1', { skills })], { skills: taxonomy as never, limits: { maxSkillsPerPerson: 2000, maxSkills: 2000 } });
    expect(parsed!.skills).toEqual(skills);
    expect(Object.keys(parsed!.skills)).toEqual(Object.keys(skills));
  });

  test('program weights: a long record under a lifted list limit stops at the budget too', () => {
    const weights = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`w${i}`, 'heavy']));
    const issues = issuesOf(() => parseProgram({ weights }, { limits: { maxListLength: Number.POSITIVE_INFINITY } }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[0]!.path).toEqual(['program', 'weights', 'w0']);
    expect(formatIssue(issues.at(-1)!)).toBe('program.weights: stopped after 1000 issues; keys from "w1000" on (1000 of 5000 read) were not checked');
  });

  test('lists inside a quota (the option its kind selects) stop at the budget too', () => {
    const ids = issuesOf(() => parseProgram({ quotas: [{ id: 'q', kind: 'mustMatch', ids: Array(100_000).fill(7) }] }, { limits: { maxParticipants: Number.POSITIVE_INFINITY } }));
    expect(formatIssue(ids[0]!)).toBe('program.quotas[0].ids[0]: must be a string (got number), got 7');
    expectStopped(ids, 'program.quotas[0].ids', MAX_ISSUES, 100_000);
    const quota = { id: 'q', kind: 'minPairs', per: { side: 'junior', attribute: 'a' }, count: 1, values: Array(100_000).fill({}) };
    expectStopped(issuesOf(() => parseProgram({ quotas: [quota] }, { limits: { maxListLength: Number.POSITIVE_INFINITY } })), 'program.quotas[0].values', MAX_ISSUES, 100_000);
    // An unknown kind selects no option: one issue, as zod gives it.
    expect(issuesOf(() => parseProgram({ quotas: [{ ...quota, kind: 'nope' }] }, { limits: { maxListLength: Number.POSITIVE_INFINITY } }))).toHaveLength(1);
  });

  test('match: weights and goal scorers naming no scorer stop at the budget', () => {
    const options = { parse: { limits: { maxListLength: Number.POSITIVE_INFINITY } } };
    const weights = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`w${i}`, 1]));
    const byWeights = issuesOf(() => match({ participants: [], program: { weights } }, options));
    expect(byWeights).toHaveLength(MAX_ISSUES + 1);
    expect(formatIssue(byWeights[0]!)).toMatch(/^program\.weights\.w0: no scorer with this id \(known: /);
    expect(formatIssue(byWeights.at(-1)!)).toBe('program.weights: stopped after 1000 issues; keys from "w1000" on (1000 of 5000 read) were not checked');
    const goals = [{ id: 'g', label: 'G', scorers: Array.from({ length: 5000 }, (_, i) => `s${i}`) }];
    expectStopped(issuesOf(() => match({ participants: [], program: { goals } }, options)), 'program.goals[0].scorers', MAX_ISSUES, 5000);
  });

  test('history: one budget over all cohorts, one stop', () => {
    const cohort = (c: number) => ({ id: `c-${c}`, participants: Array.from({ length: 300 }, (_, i) => junior(`j-${i}`, { skills: { 'ai-tools': 7 } })), pairs: [] });
    const issues = issuesOf(() => parseHistory({ cohorts: Array.from({ length: 5 }, (_, c) => cohort(c)) }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[999]!.path).toEqual(['cohorts', 3, 'participants', 99, 'skills', 'ai-tools']);
    expectStopped(issues, 'cohorts[3].participants', 100, 300);
  });

  test('history: the stop is the last issue, even with duplicate cohort ids after it', () => {
    const cohort = { id: 'same', participants: Array.from({ length: 600 }, (_, i) => junior(`j-${i}`, { skills: { 'ai-tools': 7 } })), pairs: [] };
    const issues = issuesOf(() => parseHistory({ cohorts: [cohort, cohort, cohort] }));
    expect(formatIssue(issues[600]!)).toBe('cohorts[1].id: duplicate cohort id (first at cohorts[0]), got "same"');
    expectStopped(issues, 'cohorts[1].participants', 399, 600);
  });

  test('checks across records stop at the budget too: 3000 people with an unknown skill each', () => {
    const people = Array.from({ length: 3000 }, (_, i) => junior(`j-${String(i).padStart(4, '0')}`, { skills: { 'ai-tool': 3 } }));
    const issues = issuesOf(() => parseParticipants(people));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(formatIssue(issues[0]!)).toBe('participants[0].skills.ai-tool: unknown skill id (not in the program\'s taxonomy; did you mean "ai-tools"?)');
    expect(issues.slice(0, MAX_ISSUES).map((issue) => issue.path[1])).toEqual(Array.from({ length: MAX_ISSUES }, (_, i) => i));
    expectStopped(issues, 'participants', MAX_ISSUES, 3000);
    // Below the budget, every cross-record issue is still listed, with no stop.
    const few = issuesOf(() => parseParticipants(people.slice(0, 999)));
    expect(few).toHaveLength(999);
    expect(few.some((issue) => issue.message.startsWith('stopped'))).toBe(false);
  });

  test('one person with 5000 unknown skill ids under a lifted skill limit: the first 1000, then the stop', () => {
    const skills = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`zz-${i}`, 3]));
    const issues = issuesOf(() => parseParticipants([junior('j-0', { skills }), junior('j-1')], { limits: { maxSkillsPerPerson: Infinity } }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[999]!.path).toEqual(['participants', 0, 'skills', 'zz-999']);
    expectStopped(issues, 'participants', 0, 2);
  });

  test('the budget counts the record issues first, then issues across records; loops past it are cut in index order', () => {
    // 400 people with a bad level, then 700 management loops of two (one issue each, on the first of the loop).
    const bad = Array.from({ length: 400 }, (_, i) => junior(`bad-${i}`, { skills: { 'ai-tools': 7 } }));
    const loops = Array.from({ length: 1400 }, (_, i) => junior(`m-${i}`, { managerId: `m-${i ^ 1}` }));
    const issues = issuesOf(() => parseParticipants([...bad, ...loops]));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(formatIssue(issues[400]!)).toBe('participants[400].managerId: management chain loops: m-0 -> m-1 -> m-0, got "m-1"');
    // 600 loops fit (items 400, 402, ..., 1598); the 601st, on item 1600, is the first not listed.
    expect(issues[999]!.path).toEqual(['participants', 1598, 'managerId']);
    expectStopped(issues, 'participants', 1600, 1800);
  });

  test('history: a cohort whose checks across records reach the budget stops there, the cohorts after it unread', () => {
    const cohort = (c: number) => ({ id: `c-${c}`, participants: Array.from({ length: 700 }, (_, i) => junior(`j-${i}`, { wants: { 'ai-tool': 2 } })), pairs: [{ juniorId: 'nobody', seniorId: 'j-0' }] });
    const issues = issuesOf(() => parseHistory({ cohorts: Array.from({ length: 3 }, (_, c) => cohort(c)) }));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    // Cohort 0: 700 unknown skills and its two pair issues; cohort 1: 298 more, then the stop.
    expect(formatIssue(issues[701]!)).toBe('cohorts[0].pairs[0].seniorId: "j-0" is a junior, not a senior, got "j-0"');
    expect(issues[999]!.path).toEqual(['cohorts', 1, 'participants', 297, 'wants', 'ai-tool']);
    expectStopped(issues, 'cohorts[1].participants', 298, 700);
  });

  test('a CSV file of 3000 rows with an unknown skill column: the first 1000, then the line where checking stopped', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `j-${i},junior,true,IT,3`);
    const issues = issuesOf(() => parseParticipantsCsv(['id,role,volunteer,department,skills.ai-tool', ...rows].join('\n')));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[999]!.source?.line).toBe(1001);
    expect(formatIssue(issues.at(-1)!)).toBe('participants.csv:1002: stopped after 1000 issues; rows from line 1002 on were not checked');
  });

  test('a CSV file of 3000 bad rows: the first 1000, then where it stopped', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `j-${i},junior,true,IT,7`);
    const issues = issuesOf(() => parseParticipantsCsv(['id,role,volunteer,department,skills.ai-tools', ...rows].join('\n')));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(formatIssue(issues[0]!)).toBe('participants.csv:2 skills.ai-tools: level must be 0..5, got 7');
    expect(formatIssue(issues[999]!)).toBe('participants.csv:1001 skills.ai-tools: level must be 0..5, got 7');
    expect(formatIssue(issues.at(-1)!)).toBe('participants.csv:1002: stopped after 1000 issues; rows from line 1002 on were not checked');
  });

  test('a CSV file of 3000 rows with too few cells: the first 1000, then where reading stopped', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `j-${i},junior,true`);
    const issues = issuesOf(() => parseParticipantsCsv(['id,role,volunteer,department', ...rows].join('\n')));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(formatIssue(issues[999]!)).toBe('participants.csv:1001: 3 cells, the header has 4');
    expect(formatIssue(issues.at(-1)!)).toBe('participants.csv:1002: stopped after 1000 issues; rows from line 1002 on were not checked');
  });
});
