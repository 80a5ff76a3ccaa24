/**
 * Size of a largest set of pairs, weights aside: Hopcroft-Karp for rows of capacity 0 or 1 and
 * columns of any capacity, over CSR adjacency. `O(E sqrt(V))`: a few breadth-first layerings,
 * each followed by depth-first augmentations along the layers.
 *
 * @module
 */

/** Adjacency of the allowed pairs: row r's columns are `edgeCol[rowStart[r] .. rowStart[r+1])`. */
export interface Adjacency {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly edgeCol: Int32Array;
}

const UNSEEN = 0x7fffffff;

/**
 * The largest number of pairs: each active row in at most one, column j in at most
 * `colCapacity[j]`.
 *
 * @param graph - The allowed pairs.
 * @param rowActive - 1 for rows that may take a pair, 0 for rows of capacity 0.
 * @param colCapacity - Capacity of each column.
 * @param rowColOut - When given (length `rows`), receives the column of each row in a largest
 *   set of pairs, or -1.
 * @returns The number of pairs.
 */
export function maxCardinality(graph: Adjacency, rowActive: Uint8Array, colCapacity: Int32Array, rowColOut?: Int32Array): number {
  const { rows, cols, rowStart, edgeCol } = graph;
  const rowCol = new Int32Array(rows).fill(-1);
  const colLoad = new Int32Array(cols);
  const slotStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) slotStart[j + 1] = slotStart[j]! + Math.min(colCapacity[j]!, rows);
  const slotRow = new Int32Array(slotStart[cols]!);
  /** Slot of each assigned row in its column. */
  const rowSlot = new Int32Array(rows);
  let size = 0;

  // Greedy start: each row takes its first column with room.
  for (let i = 0; i < rows; i++) {
    if (rowActive[i] !== 1) continue;
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const j = edgeCol[e]!;
      if (colLoad[j]! < colCapacity[j]!) {
        const slot = slotStart[j]! + colLoad[j]!++;
        slotRow[slot] = i;
        rowSlot[i] = slot;
        rowCol[i] = j;
        size++;
        break;
      }
    }
  }

  const dist = new Int32Array(rows);
  const queue = new Int32Array(rows);
  const edgePtr = new Int32Array(rows);
  const slotPtr = new Int32Array(rows);
  const stack = new Int32Array(rows);
  for (;;) {
    // Layers from the free rows; stop at the first layer that reaches a column with room.
    dist.fill(UNSEEN);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < rows; i++) {
      if (rowActive[i] === 1 && rowCol[i]! < 0) {
        dist[i] = 0;
        queue[tail++] = i;
      }
    }
    let limit = UNSEEN;
    while (head < tail) {
      const i = queue[head++]!;
      if (dist[i]! >= limit) break;
      for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
        const j = edgeCol[e]!;
        if (colCapacity[j] === 0) continue;
        if (colLoad[j]! < colCapacity[j]!) {
          if (limit === UNSEEN) limit = dist[i]! + 1;
          continue;
        }
        for (let s = slotStart[j]!, sEnd = s + colLoad[j]!; s < sEnd; s++) {
          const r = slotRow[s]!;
          if (dist[r] === UNSEEN) {
            dist[r] = dist[i]! + 1;
            queue[tail++] = r;
          }
        }
      }
    }
    if (limit === UNSEEN) {
      if (rowColOut !== undefined) rowColOut.set(rowCol);
      return size;
    }

    // Depth-first augmentations along the layers, with per-row edge and slot pointers.
    for (let i = 0; i < rows; i++) {
      edgePtr[i] = rowStart[i]!;
      slotPtr[i] = -1;
    }
    for (let root = 0; root < rows; root++) {
      if (rowActive[root] !== 1 || rowCol[root]! >= 0 || dist[root] !== 0) continue;
      let depth = 0;
      stack[depth++] = root;
      let freeCol = -1;
      while (depth > 0 && freeCol < 0) {
        const i = stack[depth - 1]!;
        let pushed = false;
        for (; edgePtr[i]! < rowStart[i + 1]!; edgePtr[i]!++, slotPtr[i] = -1) {
          const j = edgeCol[edgePtr[i]!]!;
          if (colCapacity[j] === 0) continue;
          if (colLoad[j]! < colCapacity[j]!) {
            if (dist[i]! + 1 === limit) {
              freeCol = j;
              break;
            }
            continue;
          }
          if (slotPtr[i]! < 0) slotPtr[i] = slotStart[j]!;
          const sEnd = slotStart[j]! + colLoad[j]!;
          while (slotPtr[i]! < sEnd) {
            const r = slotRow[slotPtr[i]!]!;
            if (dist[r] === dist[i]! + 1) {
              stack[depth++] = r;
              pushed = true;
              break;
            }
            slotPtr[i]!++;
          }
          if (pushed) break;
        }
        if (freeCol >= 0 || pushed) continue;
        dist[i] = UNSEEN; // dead end for this phase
        depth--;
      }
      if (freeCol < 0) continue;
      // Flip: the deepest row takes the free column; each row above takes the slot of the row
      // below it in the column its edge pointer names.
      const last = stack[depth - 1]!;
      let slot = slotStart[freeCol]! + colLoad[freeCol]!++;
      let moving = last;
      let into = freeCol;
      for (let k = depth - 1; ; k--) {
        const oldSlot = rowSlot[moving]!;
        const wasAssigned = rowCol[moving]! >= 0;
        slotRow[slot] = moving;
        rowSlot[moving] = slot;
        rowCol[moving] = into;
        dist[moving] = UNSEEN;
        if (k === 0 || !wasAssigned) break;
        const above = stack[k - 1]!;
        into = edgeCol[edgePtr[above]!]!;
        slot = oldSlot;
        moving = above;
      }
      size++;
    }
  }
}
