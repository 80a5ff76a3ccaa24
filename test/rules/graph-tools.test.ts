import { describe, expect, test } from 'vitest';
import { maxPairs } from '../../src/rules/graph-tools';
import { bruteForce, graphFromMatrix } from '../helpers/brute-force';
import { rng } from '../helpers/random';

describe('maxPairs', () => {
  test('a pair counts once, whatever both sides take', () => {
    const graph = { rows: 1, cols: 1, rowStart: Int32Array.of(0, 1), edgeCol: Int32Array.of(0), rowCapacity: Int32Array.of(2), colCapacity: Int32Array.of(2) };
    expect(maxPairs(graph)).toBe(1);
  });
  test('equals brute force on random graphs with capacities 0 to 3 on either side', () => {
    const rand = rng(5);
    for (let k = 0; k < 150; k++) {
      const rows = 1 + Math.floor(rand() * 4);
      const cols = 1 + Math.floor(rand() * 4);
      const matrix = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rand() < 0.5 ? 1 : Number.NaN)));
      const rowCapacity = Array.from({ length: rows }, () => Math.floor(rand() * 4));
      const colCapacity = Array.from({ length: cols }, () => Math.floor(rand() * 4));
      const graph = graphFromMatrix(matrix, rowCapacity, colCapacity);
      const expected = bruteForce(graph, 'maxCardinality');
      expect(maxPairs(graph), `case ${k}`).toBe(expected?.count ?? 0);
    }
  });
});
