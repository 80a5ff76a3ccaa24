import type { BipartiteGraph } from '../solver/b-matching';

/**
 * Read-only views of a solved graph used by the explanations: column adjacency, who is paired
 * with whom, and each side's ranking of its eligible partners.
 */
export class SolutionView {
  /** Edge ids of each column, by ascending row: column c owns `colEdges[colStart[c] .. colStart[c+1])`. */
  readonly colStart: Int32Array;
  /** See {@link SolutionView.colStart}. */
  readonly colEdges: Int32Array;
  /** Row of each edge. */
  readonly edgeRow: Int32Array;
  /** Chosen edges per row (junior). */
  readonly rowLoad: Int32Array;
  /** Chosen edges per column (senior). */
  readonly colLoad: Int32Array;

  /**
   * @param graph - The eligibility graph.
   * @param chosen - 1 for each edge in the result (locked or solved).
   */
  constructor(
    readonly graph: BipartiteGraph,
    readonly chosen: Uint8Array,
  ) {
    const edges = graph.edgeCol.length;
    this.edgeRow = new Int32Array(edges);
    this.rowLoad = new Int32Array(graph.rows);
    this.colLoad = new Int32Array(graph.cols);
    const colStart = new Int32Array(graph.cols + 1);
    for (let r = 0; r < graph.rows; r++) {
      for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
        this.edgeRow[e] = r;
        colStart[graph.edgeCol[e]! + 1]!++;
        if (chosen[e] === 1) {
          this.rowLoad[r]!++;
          this.colLoad[graph.edgeCol[e]!]!++;
        }
      }
    }
    for (let c = 0; c < graph.cols; c++) colStart[c + 1]! += colStart[c]!;
    const fill = colStart.slice(0, graph.cols);
    const colEdges = new Int32Array(edges);
    for (let e = 0; e < edges; e++) colEdges[fill[graph.edgeCol[e]!]!++] = e;
    this.colStart = colStart;
    this.colEdges = colEdges;
  }

  /** Edge ids of a row (juniors' eligible seniors), by ascending column. */
  rowEdges(row: number): number[] {
    const out: number[] = [];
    for (let e = this.graph.rowStart[row]!; e < this.graph.rowStart[row + 1]!; e++) out.push(e);
    return out;
  }

  /** Edge ids of a column (seniors' eligible juniors), by ascending row. */
  columnEdges(col: number): number[] {
    return Array.from(this.colEdges.subarray(this.colStart[col]!, this.colStart[col + 1]!));
  }

  /** Number of eligible partners of a row or column. */
  degree(side: 'junior' | 'senior', index: number): number {
    return side === 'junior'
      ? this.graph.rowStart[index + 1]! - this.graph.rowStart[index]!
      : this.colStart[index + 1]! - this.colStart[index]!;
  }

  /**
   * Whether edge `a` comes before edge `b` in a side's ranking: higher score first, then the
   * partner with the lower index (i.e. the lower id).
   */
  private before(side: 'junior' | 'senior', a: number, b: number): boolean {
    const w = this.graph.edgeWeight;
    if (w[a]! !== w[b]!) return w[a]! > w[b]!;
    const partner = side === 'junior' ? this.graph.edgeCol : this.edgeRow;
    return partner[a]! < partner[b]!;
  }

  /** 1-based rank of `edge` among a side's eligible partners (see the ranking order above). */
  rank(side: 'junior' | 'senior', index: number, edge: number): number {
    if (side === 'senior' && this.chosen[edge] === 1) return this.seniorRanks().get(edge)!;
    const junior = side === 'junior';
    const { edgeWeight } = this.graph;
    const partner = junior ? this.graph.edgeCol : this.edgeRow;
    const weight = edgeWeight[edge]!;
    const own = partner[edge]!;
    const [lo, hi] = this.span(junior, index);
    let rank = 1;
    for (let k = lo; k < hi; k++) {
      const e = junior ? k : this.colEdges[k]!;
      const w = edgeWeight[e]!;
      if (w > weight || (w === weight && partner[e]! < own)) rank++;
    }
    return rank;
  }

  /** The best-ranked edge of a side, among the chosen ones or not (`chosen` = 0 or 1), or -1. */
  best(side: 'junior' | 'senior', index: number, chosen?: 0 | 1): number {
    if (side === 'senior' && chosen === 0) return this.seniorBestUnchosen()[index]!;
    const junior = side === 'junior';
    const [lo, hi] = this.span(junior, index);
    let best = -1;
    for (let k = lo; k < hi; k++) {
      const e = junior ? k : this.colEdges[k]!;
      if (chosen !== undefined && (this.chosen[e] === 1 ? 1 : 0) !== chosen) continue;
      if (best < 0 || this.before(side, e, best)) best = e;
    }
    return best;
  }

  /** The best-ranked edge of a side whose partner still has a free place, or -1. */
  bestWithFreePartner(side: 'junior' | 'senior', index: number): number {
    const junior = side === 'junior';
    const { edgeCol, colCapacity, rowCapacity } = this.graph;
    const [lo, hi] = this.span(junior, index);
    let best = -1;
    for (let k = lo; k < hi; k++) {
      const e = junior ? k : this.colEdges[k]!;
      const free = junior ? colCapacity[edgeCol[e]!]! > this.colLoad[edgeCol[e]!]! : rowCapacity[this.edgeRow[e]!]! > this.rowLoad[this.edgeRow[e]!]!;
      if (free && (best < 0 || this.before(side, e, best))) best = e;
    }
    return best;
  }

  private seniorBestCache: Int32Array | null = null;
  private seniorRankCache: Map<number, number> | null = null;

  /**
   * Each senior's best unchosen edge, for all seniors in one pass over the edges in row order
   * (a column's edges are scattered: reading them one senior at a time misses the cache).
   */
  private seniorBestUnchosen(): Int32Array {
    if (this.seniorBestCache) return this.seniorBestCache;
    const { edgeCol, edgeWeight } = this.graph;
    const best = new Int32Array(this.graph.cols).fill(-1);
    // Edges in row order: on equal weights the first seen has the lowest row, as `before` wants.
    for (let e = 0; e < edgeCol.length; e++) {
      if (this.chosen[e] === 1) continue;
      const c = edgeCol[e]!;
      const b = best[c]!;
      if (b < 0 || edgeWeight[e]! > edgeWeight[b]!) best[c] = e;
    }
    this.seniorBestCache = best;
    return best;
  }

  private chosenByColCache: { start: Int32Array; list: Int32Array } | null = null;

  /** The chosen edges of each column, as a small CSR (edge ids ascending). */
  private chosenByCol(): { start: Int32Array; list: Int32Array } {
    if (this.chosenByColCache) return this.chosenByColCache;
    const { edgeCol, cols } = this.graph;
    const start = new Int32Array(cols + 1);
    for (let c = 0; c < cols; c++) start[c + 1] = start[c]! + this.colLoad[c]!;
    const fill = start.slice(0, cols);
    const list = new Int32Array(start[cols]!);
    for (let e = 0; e < edgeCol.length; e++) if (this.chosen[e] === 1) list[fill[edgeCol[e]!]!++] = e;
    this.chosenByColCache = { start, list };
    return this.chosenByColCache;
  }

  /** Each chosen edge's rank on its senior's side, for all of them in one pass over the edges. */
  private seniorRanks(): Map<number, number> {
    if (this.seniorRankCache) return this.seniorRankCache;
    const { edgeCol, edgeWeight, cols } = this.graph;
    const { edgeRow } = this;
    const { start, list } = this.chosenByCol();
    const rank = new Int32Array(list.length).fill(1);
    // Most seniors have one partner: their edge's weight and row, read once per edge.
    const single = new Int32Array(cols).fill(-1);
    const singleWeight = new Float64Array(cols);
    const singleRow = new Int32Array(cols);
    for (let c = 0; c < cols; c++) {
      if (start[c + 1]! - start[c]! !== 1) continue;
      const own = list[start[c]!]!;
      single[c] = own;
      singleWeight[c] = edgeWeight[own]!;
      singleRow[c] = edgeRow[own]!;
    }
    for (let e = 0; e < edgeCol.length; e++) {
      const c = edgeCol[e]!;
      const w = edgeWeight[e]!;
      const r = edgeRow[e]!;
      const one = single[c]!;
      if (one >= 0) {
        if (one !== e && (w > singleWeight[c]! || (w === singleWeight[c]! && r < singleRow[c]!))) rank[start[c]!]!++;
        continue;
      }
      for (let k = start[c]!; k < start[c + 1]!; k++) {
        const own = list[k]!;
        if (own === e) continue;
        const ow = edgeWeight[own]!;
        if (w > ow || (w === ow && r < edgeRow[own]!)) rank[k]!++;
      }
    }
    const ranks = new Map<number, number>();
    list.forEach((e, k) => ranks.set(e, rank[k]!));
    this.seniorRankCache = ranks;
    return ranks;
  }

  /** The range of a side's edges: edge ids for a junior, positions in `colEdges` for a senior. */
  private span(junior: boolean, index: number): [number, number] {
    return junior ? [this.graph.rowStart[index]!, this.graph.rowStart[index + 1]!] : [this.colStart[index]!, this.colStart[index + 1]!];
  }


  /** Number of chosen edges of a row or column. */
  load(side: 'junior' | 'senior', index: number): number {
    return side === 'junior' ? this.rowLoad[index]! : this.colLoad[index]!;
  }

  /** Chosen edges of a row or column. */
  chosenEdges(side: 'junior' | 'senior', index: number): number[] {
    if (side === 'senior') {
      const { start, list } = this.chosenByCol();
      return Array.from(list.subarray(start[index]!, start[index + 1]!));
    }
    const junior = side === 'junior';
    const [lo, hi] = this.span(junior, index);
    const out: number[] = [];
    for (let k = lo; k < hi; k++) {
      const e = junior ? k : this.colEdges[k]!;
      if (this.chosen[e] === 1) out.push(e);
    }
    return out;
  }

}
