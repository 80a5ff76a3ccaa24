import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { calibrateWeights, evaluateHistory, generateOrganisation, ValidationError, type Participant } from '../../src/index';
import { kendallTauB, rocAuc, spearman } from '../../src/evaluate/stats';
import { rng } from '../helpers/random';

const sample: unknown = JSON.parse(readFileSync(new URL('../fixtures/history.sample.json', import.meta.url), 'utf8'));

interface RawPair {
  juniorId: string;
  seniorId: string;
  outcome?: Record<string, unknown>;
}

/** Cohorts of generated people, paired at random (as a coordinator who ignores skills would). */
function randomCohorts(count: number, size: number, seed: number): { id: string; participants: Participant[]; pairs: RawPair[] }[] {
  return Array.from({ length: count }, (_, c) => {
    const { participants } = generateOrganisation({ juniors: size, seniors: size, seed: seed + c });
    const rand = rng(seed * 13 + c);
    const juniors = participants.filter((p) => p.role === 'junior').map((p) => p.id);
    const seniors = participants.filter((p) => p.role === 'senior').map((p) => p.id);
    for (let i = seniors.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [seniors[i], seniors[j]] = [seniors[j]!, seniors[i]!];
    }
    const pairs = juniors.slice(0, Math.min(juniors.length, seniors.length)).map((juniorId, k) => ({ juniorId, seniorId: seniors[k]! }));
    return { id: `c${c}`, participants, pairs };
  });
}

describe('evaluateHistory', () => {
  test('the sample: every pair scored, statistics equal a direct computation, replay within the rules', () => {
    const report = evaluateHistory(sample, {}, { resamples: 50 });
    const raw = sample as { cohorts: { id: string; pairs: RawPair[] }[] };
    expect(report.pairs).toHaveLength(raw.cohorts.reduce((n, c) => n + c.pairs.length, 0));
    expect(report.cohorts.map((c) => c.id)).toEqual(raw.cohorts.map((c) => c.id));
    for (const pair of report.pairs) {
      const total = Object.entries(report.weights).reduce((sum, [id, w]) => sum + 100 * w * pair.values[id]!, 0);
      expect(pair.score).toBeCloseTo(total, 9);
    }
    const rated = report.pairs.filter((p) => p.satisfaction !== null);
    const overall = report.overall.predictiveness[0]!;
    expect(overall.predictor).toBe('score');
    expect(overall.withSatisfaction).toBe(rated.length);
    expect(overall.spearman?.estimate ?? null).toBe(spearman(rated.map((p) => p.score), rated.map((p) => p.satisfaction!)));
    expect(overall.kendall?.estimate ?? null).toBe(kendallTauB(rated.map((p) => p.score), rated.map((p) => p.satisfaction!)));
    const flagged = report.pairs.filter((p) => p.completed !== null);
    expect(overall.auc?.estimate ?? null).toBe(rocAuc(flagged.map((p) => p.score), flagged.map((p) => p.completed!)));
    for (const c of report.cohorts) {
      expect(c.replay.engine.breakingRules).toBe(0);
      expect(c.replay.historical.pairs).toBe(c.outcomes.pairs);
      expect(c.breaches.breaking.pairs + c.breaches.others.pairs).toBe(c.outcomes.pairs);
    }
  });

  test('pairs that break a hard rule are listed with the rule, and their outcomes summarised apart', () => {
    const [cohort] = randomCohorts(1, 30, 5);
    const report = evaluateHistory({ cohorts: [cohort] }, { constraints: { sharedLanguage: true, notInReportingLine: true } }, { resamples: 0 });
    const byId = new Map(cohort!.participants.map((p) => [p.id, p] as const));
    for (const pair of report.pairs) {
      const j = byId.get(pair.juniorId)!;
      const s = byId.get(pair.seniorId)!;
      const shared = !j.languages || !s.languages || j.languages.some((l) => s.languages!.includes(l));
      expect(pair.breaks.includes('sharedLanguage')).toBe(!shared);
      const volunteers = j.volunteer && s.volunteer;
      expect(pair.breaks.includes('volunteersOnly')).toBe(!volunteers);
    }
    const listed = report.cohorts[0]!.breaches.pairs;
    expect(listed.length).toBe(report.pairs.filter((p) => p.breaks.length > 0).length);
    expect(listed.length).toBeGreaterThan(0);
  });

  test('missing outcome fields, a cohort with no pairs, and a single cohort (no outcome model)', () => {
    const cohorts = randomCohorts(3, 12, 9);
    const withOutcomes = cohorts.map((c, i) => ({
      ...c,
      pairs: i === 2 ? [] : c.pairs.map((p, k) => ({ ...p, outcome: k % 3 === 0 ? {} : k % 3 === 1 ? { completed: k % 2 === 0 } : { satisfaction: 1 + (k % 5), sessions: null } })),
    }));
    const report = evaluateHistory({ cohorts: withOutcomes }, {}, { resamples: 20 });
    expect(report.cohorts[2]!.outcomes).toEqual({ pairs: 0, meanSatisfaction: null, completionRate: null, meanSessions: null });
    expect(report.cohorts[2]!.predictiveness[0]).toMatchObject({ withSatisfaction: 0, withCompletion: 0, spearman: null, kendall: null, auc: null });
    expect(report.warnings).toContain('cohort "c2" has no pairs');
    expect(report.cohorts[0]!.outcomes.meanSessions).toBeNull();
    const first = report.pairs.find((p) => p.cohort === 'c0')!;
    expect(first).toMatchObject({ satisfaction: null, completed: null, sessions: null });
    // The model for c0 is fitted on c1 only (c2 has no pairs): too few rated pairs to fit, so it predicts the means.
    expect(report.cohorts[0]!.replay.modelCohorts).toEqual(['c1']);
    const single = evaluateHistory({ cohorts: [withOutcomes[0]] }, {}, { resamples: 0 });
    expect(single.pairs.every((p) => p.predicted === null)).toBe(true);
    expect(single.cohorts[0]!.replay.engine.predicted).toBeNull();
  });

  test('a pair naming an unknown id is an error naming the cohort and the pair', () => {
    const [cohort] = randomCohorts(1, 5, 3);
    const broken = { cohorts: [{ ...cohort, pairs: [...cohort!.pairs, { juniorId: 'nobody', seniorId: cohort!.pairs[0]!.seniorId }] }] };
    expect(() => evaluateHistory(broken)).toThrow(ValidationError);
    expect(() => evaluateHistory(broken)).toThrow(`cohorts[0].pairs[${cohort!.pairs.length}].juniorId: no junior with this id in cohort "c0", got "nobody"`);
  });
});

describe('calibrateWeights', () => {
  /** Satisfaction from a known linear model of the scorer values, a little noise, in 1..5. */
  function synthetic(truth: Record<string, number>, noise: number, seed: number) {
    const cohorts = randomCohorts(3, 120, seed);
    const values = evaluateHistory({ cohorts }, {}, { resamples: 0 }).pairs;
    const rand = rng(seed);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    let k = 0;
    return {
      cohorts: cohorts.map((c) => ({
        ...c,
        pairs: c.pairs.map((p) => {
          const v = values[k++]!.values;
          const s = Object.entries(truth).reduce((sum, [id, w]) => sum + w * v[id]!, 0);
          return { ...p, outcome: { satisfaction: Math.min(5, Math.max(1, 1 + 4 * s + noise * gauss())), completed: s + 0.1 * gauss() > 0.5 } };
        }),
      })),
    };
  }

  test('recovers known weights from outcomes generated by a linear model', () => {
    const truth = { skillGap: 0.1, reciprocity: 0, crossSilo: 0.3, availability: 0.6, openness: 0 };
    const history = synthetic(truth, 0.05, 21);
    const result = calibrateWeights(history, {}, { resamples: 30 });
    for (const w of result.weights) {
      expect(w.after).toBeCloseTo(truth[w.scorer as keyof typeof truth], 1);
      expect(w.low).toBeLessThanOrEqual(w.high);
    }
    expect(result.mean.spearmanAfter!).toBeGreaterThan(result.mean.spearmanBefore!);
    expect(result.heldOut).toHaveLength(3);
    expect(result.program.weights).toEqual(Object.fromEntries(result.weights.map((w) => [w.scorer, expect.closeTo(w.after, 5)])));
    expect(result.target).toBe('satisfaction');
  });

  test('weights stay non-negative, finite and sum to 1 on noise and on adversarial outcomes', () => {
    for (const [seed, truth] of [
      [3, {}],
      [4, { skillGap: -0.5, crossSilo: 0.2 }],
      [5, { openness: -1 }],
    ] as const) {
      const history = synthetic(truth, 1, seed);
      const result = calibrateWeights(history, {}, { resamples: 10 });
      const total = result.weights.reduce((sum, w) => sum + w.after, 0);
      expect(total).toBeCloseTo(1, 9);
      for (const w of result.weights) {
        expect(Number.isFinite(w.after) && w.after >= 0).toBe(true);
        expect(Number.isFinite(w.sd) && Number.isFinite(w.low) && Number.isFinite(w.high)).toBe(true);
      }
      expect(Object.values(result.program.weights).every((w) => Number.isFinite(w) && w >= 0)).toBe(true);
    }
  });

  test('a small noisy history keeps the weights near the program’s (the pull towards them)', () => {
    const history = synthetic({ openness: 1 }, 3, 8);
    const small = { cohorts: history.cohorts.map((c) => ({ ...c, pairs: c.pairs.slice(0, 8) })) };
    const result = calibrateWeights(small, {}, { resamples: 10 });
    const moved = result.weights.reduce((sum, w) => sum + Math.abs(w.after - w.before), 0);
    const free = calibrateWeights(small, {}, { resamples: 10, penalties: [1e-9] });
    const movedFree = free.weights.reduce((sum, w) => sum + Math.abs(w.after - w.before), 0);
    expect(moved).toBeLessThanOrEqual(movedFree);
  });
});
