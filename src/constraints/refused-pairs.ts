import type { RowFilter } from '../model/columns';

/**
 * A row filter refusing an explicit list of (row, column) pairs: the pairs are grouped by row and
 * sorted once, then each row's candidates (ascending, as the engine keeps them) are merged with
 * that row's refused columns.
 *
 * @internal Shared by the `forbiddenPairs` and `avoidPastPartners` kernels.
 * @param rows - Number of rows.
 * @param refused - The refused pairs as `[row, column]`; duplicates welcome.
 */
export function refusedPairsFilter(rows: number, refused: readonly (readonly [number, number])[]): RowFilter {
  const start = new Int32Array(rows + 1);
  for (const [r] of refused) start[r + 1]!++;
  for (let r = 0; r < rows; r++) start[r + 1]! += start[r]!;
  const fill = start.slice(0, rows);
  const cols = new Int32Array(refused.length);
  for (const [r, c] of refused) cols[fill[r]!++] = c;
  for (let r = 0; r < rows; r++) cols.subarray(start[r]!, start[r + 1]!).sort();
  return (row, candidates, count) => {
    let k = start[row]!;
    const end = start[row + 1]!;
    if (k === end) return count;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      while (k < end && cols[k]! < c) k++;
      if (k < end && cols[k] === c) continue;
      candidates[kept++] = c;
    }
    return kept;
  };
}
