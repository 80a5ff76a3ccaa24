import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explainPairChoice, match, parseProgram, scorePairs, ValidationError } from '../../src/index';
import { bruteForce, graphFromMatrix } from '../helpers/brute-force';
import { randomCohort } from '../helpers/cohort';
import { person } from '../helpers/people';
import { rng } from '../helpers/random';

const participants: unknown = JSON.parse(readFileSync(new URL('../fixtures/participants.sample.json', import.meta.url), 'utf8'));

describe('explainPairChoice', () => {
  test('forcing cost equals brute force on small cohorts, for both objectives', () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rand = rng(seed * 101);
      const raw = randomCohort(rand, { juniors: 2 + Math.floor(rand() * 3), seniors: 2 + Math.floor(rand() * 3) });
      const objective = seed % 2 === 0 ? 'maxScore' : 'maxPairsThenScore';
      const program = parseProgram({ objective, constraints: { notInReportingLine: true, avoidPastPartners: false } });
      const { juniorIds, seniorIds, scores } = scorePairs(raw, program);
      const matrix = juniorIds.map((_, r) => seniorIds.map((_, c) => scores[r * seniorIds.length + c]!));
      const graph = graphFromMatrix(matrix, juniorIds.map(() => 1), seniorIds.map(() => 1));
      const mode = objective === 'maxScore' ? 'maxWeight' : 'maxCardinality';
      const best = bruteForce(graph, mode)!;
      let edge = 0;
      for (let r = 0; r < juniorIds.length; r++) {
        for (let c = 0; c < seniorIds.length; c++) {
          if (Number.isNaN(matrix[r]![c]!)) continue;
          const e = edge++;
          const answer = explainPairChoice({ participants: raw, program }, { juniorId: juniorIds[r]!, seniorId: seniorIds[c]! });
          expect(answer.score).toBeCloseTo(matrix[r]![c]!, 9);
          expect(answer.contributions.reduce((sum, x) => sum + x.points, 0)).toBeCloseTo(answer.score, 9);
          if (answer.verdict === 'paired') {
            expect(answer.forced).toBeNull();
            continue;
          }
          expect(answer.verdict).toBe('not-chosen');
          const forced = bruteForce(graph, mode, e)!;
          if (objective === 'maxPairsThenScore') expect(answer.forced!.pairs).toBe(forced.count);
          expect(answer.forced!.totalScore).toBeCloseTo(forced.weight, 6);
          expect(answer.forced!.cost).toBeCloseTo(best.weight - forced.weight, 6);
          expect(answer.forced!.pairsLost).toBe(answer.result.pairs.length - answer.forced!.pairs);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  test('a refused pair lists every rule that refuses it, with the score it would have had', () => {
    const people = [
      person('j-1', 'junior', { languages: ['fr'], managerId: 's-1', department: 'IT' }),
      person('s-1', 'senior', { languages: ['en'], department: 'IT' }),
    ];
    const program = { constraints: { sharedLanguage: true, notInReportingLine: true, differentDepartment: true } };
    const answer = explainPairChoice({ participants: people, program }, { juniorId: 'j-1', seniorId: 's-1' });
    expect(answer.verdict).toBe('refused');
    expect(answer.refusals.map((r) => r.rule)).toEqual(['notInReportingLine', 'differentDepartment', 'sharedLanguage']);
    expect(answer.forced).toBeNull();
    expect(answer.explanation).toMatch(/^j-1 and s-1 \(\d+(\.\d)? points\) cannot be paired: /);
    const fr = explainPairChoice({ participants: people, program }, { juniorId: 'j-1', seniorId: 's-1' }, { locale: 'fr' });
    expect(fr.explanation).toContain('ne peuvent pas former un binôme');
  });

  test('on the sample: a pair of the result, and one that is not, with its forced solution', () => {
    const result = match({ participants });
    const first = result.pairs[0]!;
    const paired = explainPairChoice({ participants }, first);
    expect(paired.verdict).toBe('paired');
    expect(paired.explanation).toContain(first.explanation);
    const inResult = new Set(result.pairs.map((p) => `${p.juniorId}|${p.seniorId}`));
    const { juniorIds, seniorIds, scores } = scorePairs(participants, {});
    const eligible = (j: string, s: string) => !Number.isNaN(scores[juniorIds.indexOf(j) * seniorIds.length + seniorIds.indexOf(s)]!);
    const other = result.pairs.find(
      (p) => p.juniorId !== first.juniorId && p.seniorId !== first.seniorId && !inResult.has(`${first.juniorId}|${p.seniorId}`) && eligible(first.juniorId, p.seniorId),
    )!;
    const answer = explainPairChoice({ participants }, { juniorId: first.juniorId, seniorId: other.seniorId });
    expect(answer.verdict).toBe('not-chosen');
    const pair = { juniorId: first.juniorId, seniorId: other.seniorId };
    const withPair = match({ participants, program: { constraints: { lockedPairs: [pair] } } });
    expect(withPair.pairs).toContainEqual(expect.objectContaining(pair));
    expect(answer.forced!.totalScore).toBeCloseTo(withPair.objective, 9);
    const kept = new Set(withPair.pairs.map((p) => `${p.juniorId}|${p.seniorId}`));
    expect(answer.forced!.changedPairs).toEqual(result.pairs.filter((p) => !kept.has(`${p.juniorId}|${p.seniorId}`)).map((p) => ({ juniorId: p.juniorId, seniorId: p.seniorId })));
    expect(answer.forced!.changedPairs.length).toBeGreaterThan(0);
    expect(answer.explanation).toMatch(/could be paired .* but are not: .* Forcing the pair/);
  });

  test('ids that name nobody or the wrong role are errors naming the field', () => {
    expect(() => explainPairChoice({ participants }, { juniorId: 'nobody', seniorId: 's-1001' })).toThrow('juniorId: names no participant, got "nobody"');
    expect(() => explainPairChoice({ participants }, { juniorId: 's-1001', seniorId: 's-1001' })).toThrow(ValidationError);
  });
});
