import type { PairScores } from '../../src/index';

/** A set of pairs by (row, col), with its count and total. */
export interface PairSet {
  readonly pairs: readonly (readonly [number, number])[];
  readonly count: number;
  readonly total: number;
}

/**
 * Best set of eligible pairs within capacities that passes `accept`, by enumerating every subset
 * (tiny instances only): most pairs then best total (`maxPairsThenScore`) or best total.
 */
export function bestSubset(
  scores: PairScores,
  rowCap: readonly number[],
  colCap: readonly number[],
  objective: 'maxScore' | 'maxPairsThenScore',
  accept: (pairs: readonly (readonly [number, number])[]) => boolean = () => true,
): PairSet | null {
  const m = scores.seniorIds.length;
  const edges: [number, number, number][] = [];
  scores.juniorIds.forEach((_, r) => {
    for (let c = 0; c < m; c++) {
      const w = scores.scores[r * m + c]!;
      if (!Number.isNaN(w)) edges.push([r, c, w]);
    }
  });
  const rowLoad = new Array<number>(rowCap.length).fill(0);
  const colLoad = new Array<number>(colCap.length).fill(0);
  const chosen: (readonly [number, number])[] = [];
  let best: PairSet | null = null;
  const visit = (k: number, total: number): void => {
    if (k === edges.length) {
      if (!accept(chosen)) return;
      const count = chosen.length;
      const better =
        best === null ||
        (objective === 'maxScore' ? total > best.total + 1e-9 : count > best.count || (count === best.count && total > best.total + 1e-9));
      if (better) best = { pairs: [...chosen], count, total };
      return;
    }
    const [r, c, w] = edges[k]!;
    visit(k + 1, total);
    if (rowLoad[r]! < rowCap[r]! && colLoad[c]! < colCap[c]!) {
      rowLoad[r]!++;
      colLoad[c]!++;
      chosen.push([r, c]);
      visit(k + 1, total + w);
      chosen.pop();
      rowLoad[r]!--;
      colLoad[c]!--;
    }
  };
  visit(0, 0);
  return best;
}
