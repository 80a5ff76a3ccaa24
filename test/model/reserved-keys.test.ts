import { describe, expect, test } from 'vitest';
import { formatIssue, parseParticipants, ValidationError } from '../../src/index';
import { reservedKeyIssues } from '../../src/model/reserved-keys';
import { person } from '../helpers/people';

/** `value` nested under `depth` levels of `{ n: ... }`. */
function nested(value: unknown, depth: number): unknown {
  let node = value;
  for (let i = 0; i < depth; i++) node = { n: node };
  return node;
}

describe('reservedKeyIssues with a memo of clean objects', () => {
  test('an object walked clean from deep down is walked again from nearer the root', () => {
    const bad = JSON.parse('{"__proto__": 1}') as unknown;
    const shared = { a: { b: bad } };
    const clean = new WeakMap<object, number>();
    // From depth 7, `bad` sits at depth 9, past maxDepth 8: not seen.
    expect(reservedKeyIssues(nested(shared, 7), [], { clean })).toEqual([]);
    expect(reservedKeyIssues({ x: shared }, ['doc'], { clean })).toEqual([{ path: ['doc', 'x', 'a', 'b', '__proto__'], message: 'reserved key "__proto__" is not allowed' }]);
  });

  test('an object with a reserved key is reported at every place that shares it', () => {
    const wants = JSON.parse('{"__proto__": 3}') as unknown;
    const people = [0, 1, 2].map((i) => ({ ...person(`j-${i}`, 'junior'), wants }));
    try {
      parseParticipants(people);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map(formatIssue)).toEqual([0, 1, 2].map((i) => `participants[${i}].wants.__proto__: reserved key "__proto__" is not allowed`));
    }
  });

  test('a path-based skip turns the memo off: what is skipped at one place is walked at another', () => {
    const shared = { inner: JSON.parse('{"__proto__": 1}') as unknown };
    const clean = new WeakMap<object, number>();
    // Under "a" the inner object is skipped (checked elsewhere), so `shared` looks clean there.
    const skip = (path: readonly (string | number)[]) => path[0] === 'a' && path[1] === 'inner';
    expect(reservedKeyIssues({ a: shared }, [], { clean, skip })).toEqual([]);
    expect(reservedKeyIssues({ b: shared }, [], { clean, skip })).toEqual([{ path: ['b', 'inner', '__proto__'], message: 'reserved key "__proto__" is not allowed' }]);
  });
});
