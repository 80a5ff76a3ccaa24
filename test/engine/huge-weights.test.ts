/**
 * Weights at the top of the number range (found by the deep run of the CLI fuzz: a program with
 * `reciprocity: 1e308` made 100 x weight Infinity, and `binome evaluate` exit with an internal
 * error). Scores depend on the ratios of the weights only, so huge weights behave as their ratios.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { calibrateWeights, evaluateHistory, match, scorePairs } from '../../src/index';
import { weightShares } from '../../src/engine/prepare';
import { expectClean } from '../properties/support';

const participants = (JSON.parse(readFileSync(new URL('../fixtures/participants.sample.json', import.meta.url), 'utf8')) as { participants: unknown[] }).participants;
const history: unknown = JSON.parse(readFileSync(new URL('../fixtures/history.sample.json', import.meta.url), 'utf8'));

describe('huge weights', () => {
  test('weightShares: relative to the largest, so that the sum cannot overflow', () => {
    expect(weightShares({ a: 1.7e308, b: 1.7e308 })).toEqual({ a: 0.5, b: 0.5 });
    expect(weightShares({ a: 1e308, b: 0 })).toEqual({ a: 1, b: 0 });
    expect(weightShares({ a: 0, b: 0 })).toEqual({ a: 0, b: 0 });
    const shares = weightShares({ skillGap: 0.35, reciprocity: 0.25, crossSilo: 0.15, availability: 0.15, openness: 0.1 });
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });

  test('scores are those of the ratios: 1e308 and 2e308 score as 1 and 2', () => {
    const huge = scorePairs(participants, { weights: { skillGap: 1e308, reciprocity: 1.7e308, crossSilo: 1e308 } }).scores;
    const small = scorePairs(participants, { weights: { skillGap: 1, reciprocity: 1.7, crossSilo: 1 } }).scores;
    huge.forEach((x, i) => (Number.isNaN(x) ? expect(small[i]).toBeNaN() : expect(Math.abs(x - small[i]!)).toBeLessThan(1e-9)));
  });

  test('match, evaluateHistory and calibrateWeights stay finite', () => {
    const program = { weights: { skillGap: 1.7e308, reciprocity: 1.7e308, crossSilo: 1e308, availability: 1, openness: 0 } };
    const result = match({ participants, program });
    expect(result.pairs.length).toBeGreaterThan(0);
    expectClean(result);
    expectClean(evaluateHistory(history, program, { resamples: 20 }), 'evaluation');
    const calibration = calibrateWeights(history, program, { resamples: 20 });
    expectClean(calibration, 'calibration');
  });
});
