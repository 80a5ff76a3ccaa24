/**
 * Maximum-weight perfect assignment of a square matrix by the O(n^3) Hungarian method (shortest
 * augmenting paths with row and column duals), independent of the solver under test.
 *
 * @param weight - n x n weights, all finite.
 * @returns The best total and, for each row, its column.
 */
export function hungarianMax(weight: readonly (readonly number[])[]): { total: number; colOf: number[] } {
  const n = weight.length;
  // Minimise cost = -weight. 1-based columns; column 0 is a virtual start.
  const rowDual = new Float64Array(n + 1);
  const colDual = new Float64Array(n + 1);
  const rowOfCol = new Int32Array(n + 1); // 1-based row matched to each column, 0 = none
  const prevCol = new Int32Array(n + 1);
  const slack = new Float64Array(n + 1);
  const done = new Uint8Array(n + 1);
  for (let row = 1; row <= n; row++) {
    rowOfCol[0] = row;
    let col0 = 0;
    slack.fill(Infinity);
    done.fill(0);
    for (;;) {
      done[col0] = 1;
      const r0 = rowOfCol[col0]!;
      const costRow = weight[r0 - 1]!;
      let delta = Infinity;
      let col1 = 0;
      for (let j = 1; j <= n; j++) {
        if (done[j]) continue;
        const reduced = -costRow[j - 1]! - rowDual[r0]! - colDual[j]!;
        if (reduced < slack[j]!) {
          slack[j] = reduced;
          prevCol[j] = col0;
        }
        if (slack[j]! < delta) {
          delta = slack[j]!;
          col1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (done[j]) {
          rowDual[rowOfCol[j]!] = rowDual[rowOfCol[j]!]! + delta;
          colDual[j] = colDual[j]! - delta;
        } else slack[j] = slack[j]! - delta;
      }
      col0 = col1;
      if (rowOfCol[col0] === 0) break;
    }
    while (col0 !== 0) {
      const col1 = prevCol[col0]!;
      rowOfCol[col0] = rowOfCol[col1]!;
      col0 = col1;
    }
  }
  const colOf = new Array<number>(n).fill(-1);
  let total = 0;
  for (let j = 1; j <= n; j++) {
    const r = rowOfCol[j]! - 1;
    colOf[r] = j - 1;
    total += weight[r]![j - 1]!;
  }
  return { total, colOf };
}
