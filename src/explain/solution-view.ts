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

  /** Edges of a side, best first: higher score, then lower partner index (i.e. partner id). */
  ranked(side: 'junior' | 'senior', index: number): number[] {
    const edges = side === 'junior' ? this.rowEdges(index) : this.columnEdges(index);
    const w = this.graph.edgeWeight;
    const partner = side === 'junior' ? this.graph.edgeCol : this.edgeRow;
    return edges.sort((a, b) => w[b]! - w[a]! || partner[a]! - partner[b]!);
  }

  /** Number of chosen edges of a row or column. */
  load(side: 'junior' | 'senior', index: number): number {
    return side === 'junior' ? this.rowLoad[index]! : this.colLoad[index]!;
  }

  /** Chosen edges of a row or column. */
  chosenEdges(side: 'junior' | 'senior', index: number): number[] {
    return (side === 'junior' ? this.rowEdges(index) : this.columnEdges(index)).filter((e) => this.chosen[e] === 1);
  }
}
