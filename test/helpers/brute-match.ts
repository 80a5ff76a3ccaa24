import type { PairScores } from '../../src/index';

/** Best objective over every feasible set of pairs, by exhaustive search over the score matrix. */
export function bruteForceMatch(
  scores: PairScores,
  rowCap: readonly number[],
  colCap: readonly number[],
  objective: 'maxScore' | 'maxPairsThenScore',
  locked: readonly (readonly [number, number])[] = [],
): { pairs: number; total: number } {
  const n = scores.juniorIds.length;
  const m = scores.seniorIds.length;
  const colLoad = new Array<number>(m).fill(0);
  const rowLoad = new Array<number>(n).fill(0);
  const taken = new Set<number>();
  let fixedTotal = 0;
  for (const [r, c] of locked) {
    taken.add(r * m + c);
    rowLoad[r]!++;
    colLoad[c]!++;
    fixedTotal += scores.scores[r * m + c]!;
  }
  let best = { pairs: -1, total: -Infinity };
  const better = (pairs: number, total: number) =>
    objective === 'maxScore' ? total > best.total + 1e-9 : pairs > best.pairs || (pairs === best.pairs && total > best.total + 1e-9);
  const visit = (r: number, c: number, pairs: number, total: number): void => {
    if (r === n) {
      if (better(pairs, total)) best = { pairs, total };
      return;
    }
    if (c === m) return visit(r + 1, 0, pairs, total);
    visit(r, c + 1, pairs, total);
    const w = scores.scores[r * m + c]!;
    if (Number.isNaN(w) || taken.has(r * m + c) || rowLoad[r]! >= rowCap[r]! || colLoad[c]! >= colCap[c]!) return;
    rowLoad[r]!++;
    colLoad[c]!++;
    visit(r, c + 1, pairs + 1, total + w);
    rowLoad[r]!--;
    colLoad[c]!--;
  };
  visit(0, 0, locked.length, fixedTotal);
  return best;
}
