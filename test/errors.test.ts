import { describe, expect, test } from 'vitest';
import { MESSAGE_ISSUES, ValidationError, formatIssue, issueFormatter, issuesMessage, parseParticipants, type Issue } from '../src/index';
import { person } from './helpers/people';

/** `n` juniors, each with a level out of range. */
function badPeople(n: number) {
  return Array.from({ length: n }, (_, i) => ({ ...person(`j-${i}`, 'junior'), skills: { 'ai-tools': 7 } }));
}

function errorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('error messages', () => {
  test('every issue on its own line, up to MESSAGE_ISSUES', () => {
    const error = errorOf(() => parseParticipants(badPeople(MESSAGE_ISSUES)));
    expect(error.issues).toHaveLength(MESSAGE_ISSUES);
    expect(error.message).toBe(error.issues.map(formatIssue).join('\n'));
    expect(error.message.split('\n')[3]).toBe('participants[3].skills.ai-tools: level must be 0..5, got 7');
  });

  test('past MESSAGE_ISSUES, a last line counts the others; issues keeps them all', () => {
    const error = errorOf(() => parseParticipants(badPeople(2 * MESSAGE_ISSUES + 50)));
    expect(error.issues).toHaveLength(250);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(MESSAGE_ISSUES + 1);
    expect(lines.slice(0, MESSAGE_ISSUES)).toEqual(error.issues.slice(0, MESSAGE_ISSUES).map(formatIssue));
    expect(lines[MESSAGE_ISSUES]).toBe('... and 150 more issues (error.issues lists them all)');
    expect(error.issues[249]!.path).toEqual(['participants', 249, 'skills', 'ai-tools']);
  });

  test('one more: singular; thousands grouped', () => {
    const issue: Issue = { path: ['x'], message: 'bad' };
    expect(issuesMessage(Array.from({ length: MESSAGE_ISSUES + 1 }, () => issue)).split('\n').at(-1)).toBe('... and 1 more issue (error.issues lists them all)');
    expect(issuesMessage(Array.from({ length: 100_100 }, () => issue)).split('\n').at(-1)).toBe('... and 100,000 more issues (error.issues lists them all)');
  });
});

describe('shared values in issues', () => {
  test('issuesMessage and issueFormatter render an object shared by many issues once, with the same text as formatIssue', () => {
    let reads = 0;
    const shared = {
      get level() {
        reads++;
        return 9;
      },
    };
    const issues: Issue[] = Array.from({ length: 50 }, (_, i) => ({ path: ['participants', i, 'wants', 'x'], message: 'desire must be a number 0..5', received: shared }));
    const message = issuesMessage(issues);
    expect(reads).toBe(1);
    const format = issueFormatter();
    expect(issues.map(format)).toEqual(message.split('\n'));
    expect(reads).toBe(2);
    expect(formatIssue(issues[0]!)).toBe('participants[0].wants.x: desire must be a number 0..5, got {"level":9}');
  });
});
