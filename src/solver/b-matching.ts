/**
 * Exact maximum-weight bipartite b-matching by min-cost flow (successive shortest paths with
 * Johnson potentials), plus an oracle for the cost of forcing one more pair into the optimum.
 *
 * Network: source -> row (capacity `rowCapacity`, cost 0), row -> col (capacity 1, cost `-weight`),
 * col -> sink (capacity `colCapacity`, cost 0). Every augmentation is the cheapest one for the next
 * flow value, so after k augmentations the matching is a best one with k pairs: `maxCardinality`
 * runs until no augmenting path is left (most pairs, then best weight, exactly), `maxWeight` stops at
 * the first augmentation that gains nothing.
 *
 * Platform-neutral: numbers and typed arrays only.
 *
 * @module
 */
import { ValidationError, throwIfAny, type Issue } from '../errors';
import { IndexedMinHeap } from './heap';

/** Eligible pairs in CSR form: edges of row r are rowStart[r] .. rowStart[r+1]-1. */
export interface BipartiteGraph {
  /** Number of rows (juniors). */
  readonly rows: number;
  /** Number of columns (seniors). */
  readonly cols: number;
  /** First edge of each row; length `rows + 1`, `rowStart[0] = 0`, `rowStart[rows] = E`. */
  readonly rowStart: Int32Array;
  /** Column of each edge; length E; strictly ascending within a row (no duplicate edges). */
  readonly edgeCol: Int32Array;
  /** Weight of each edge; length E; finite, may be 0 or negative. */
  readonly edgeWeight: Float64Array;
  /** Most edges each row may take; length `rows`; >= 0. */
  readonly rowCapacity: Int32Array;
  /** Most edges each column may take; length `cols`; >= 0. */
  readonly colCapacity: Int32Array;
}

/**
 * What the solver maximises: `maxWeight` the total weight (the number of pairs is free);
 * `maxCardinality` the number of pairs, then the total weight among those (lexicographic, exact).
 */
export type MatchingObjective = 'maxWeight' | 'maxCardinality';

/** A set of chosen edges that respects every capacity. */
export interface BMatching {
  /** One entry per edge, 1 when the edge is chosen, 0 otherwise. */
  readonly edgeUsed: Uint8Array;
  /** Number of chosen edges. */
  readonly pairCount: number;
  /** Sum of the chosen edges' weights. */
  readonly weight: number;
  /** Chosen edges per row. */
  readonly rowLoad: Int32Array;
  /** Chosen edges per column. */
  readonly colLoad: Int32Array;
}

/** Relative tolerance of the optimality check of {@link createForcingOracle}. */
const RELATIVE_TOLERANCE = 1e-9;

/**
 * A path whose gain is at most this times the sum of the |weights| along it counts as no gain
 * (rounding noise). Relative to the path itself, so that a gain of 1e-12 on pairs of that size is
 * kept even beside weights of 1e12 elsewhere.
 */
const GAIN_TOLERANCE = 1e-13;

/** Dual solution kept with each matching returned by {@link solveBMatching}, for the oracle. */
interface Dual {
  readonly graph: BipartiteGraph;
  readonly objective: MatchingObjective;
  /** Node potentials valid for every optimal solution (see {@link Network.mergeSourceIntoSink}). */
  readonly pi: Float64Array;
  readonly pairCount: number;
  readonly weight: number;
}

const duals = new WeakMap<BMatching, Dual>();

/**
 * Residual network of a b-matching, with the work arrays of a Dijkstra search on reduced costs.
 *
 * Nodes: rows `0 .. rows-1`, columns `rows .. rows+cols-1`, then the sink, then the source. Arcs
 * of the residual graph, all read from the current matching:
 * - source -> row while the row has free capacity; row -> source while it has a chosen edge;
 * - row -> col over each unchosen edge (cost -weight); col -> row over each chosen one (+weight);
 * - col -> sink while the column has free capacity; sink -> col while it has a chosen edge.
 * When `merged` is set the source and the sink are one node (the sink's id), which is the
 * residual graph of the circulation with a free sink -> source arc of cost 0.
 */
class Network {
  readonly rows: number;
  readonly cols: number;
  readonly sink: number;
  readonly source: number;
  readonly rowStart: Int32Array;
  readonly edgeCol: Int32Array;
  readonly edgeWeight: Float64Array;
  readonly rowCapacity: Int32Array;
  readonly colCapacity: Int32Array;
  /** Row of each edge. */
  readonly edgeRow: Int32Array;
  readonly edgeUsed: Uint8Array;
  readonly rowLoad: Int32Array;
  readonly colLoad: Int32Array;
  /** Column c keeps its chosen edges in `colUsed[colSlotStart[c] .. + colUsedCount[c])`. */
  readonly colSlotStart: Int32Array;
  readonly colUsedCount: Int32Array;
  readonly colUsed: Int32Array;
  /** Position of each chosen edge in `colUsed`. */
  readonly edgeSlot: Int32Array;
  /** Node potentials: every residual arc has cost + pi[from] - pi[to] >= 0 (up to rounding). */
  readonly pi: Float64Array;
  readonly dist: Float64Array;
  readonly parentNode: Int32Array;
  readonly parentEdge: Int32Array;
  /** Nodes whose `dist` was set by the last search, to reset only those. */
  readonly touched: Int32Array;
  private touchedCount = 0;
  /** Nodes settled by the last search, in order. */
  readonly order: Int32Array;
  orderCount = 0;
  readonly heap: IndexedMinHeap;
  /** Rows the source may reach (free capacity), ascending; full rows are dropped lazily. */
  readonly sourceRows: Int32Array;
  sourceRowCount = 0;
  /** Columns the sink may reach (with a chosen edge), ascending; set by {@link listSinkCols}. */
  readonly sinkCols: Int32Array;
  sinkColCount = 0;
  merged = false;
  /**
   * Solver only (null otherwise): for each column, its best arc from a free row (the unchosen edge
   * of largest weight, lowest id among ties, whose row has free capacity), or -1. See
   * {@link enableFreeRowIndex}.
   */
  bestFree: Int32Array | null = null;
  /** Edge ids of each column, ascending: column c owns `colEdges[colEdgeStart[c] .. colEdgeStart[c+1])`. */
  private colEdgeStart: Int32Array | null = null;
  private colEdges: Int32Array | null = null;
  /**
   * Oracle only (null otherwise), see {@link enableSortedRows}: each row's arcs ordered by reduced
   * cost under fixed potentials, the position of the edge in its row packed in the low word.
   */
  private sortedKeys: Float64Array | null = null;
  private sortedWords: Uint32Array | null = null;
  private sortedReady: Uint8Array | null = null;
  /** Sorted mode: whether the last search left out an arc or a node because of its bound. */
  cutOff = false;
  /**
   * Oracle only: for the source and the sink (the hubs every node with spare room or flow is
   * tied to), the shortest-path tree from them over the whole residual graph, under the fixed
   * potentials. A search that reaches a hub finishes through the tree instead of expanding the hub
   * (see {@link enableHubTrees}).
   */
  private hubTrees: Map<number, { dist: Float64Array; parentNode: Int32Array; parentEdge: Int32Array }> | null = null;
  /** The hub the last search's result goes through, or -1 for a direct path. */
  viaHub = -1;

  constructor(graph: BipartiteGraph) {
    const { rows, cols, rowStart, edgeCol } = graph;
    const edges = edgeCol.length;
    this.rows = rows;
    this.cols = cols;
    this.sink = rows + cols;
    this.source = rows + cols + 1;
    this.rowStart = rowStart;
    this.edgeCol = edgeCol;
    this.edgeWeight = graph.edgeWeight;
    this.rowCapacity = graph.rowCapacity;
    this.colCapacity = graph.colCapacity;
    this.edgeRow = new Int32Array(edges);
    const degree = new Int32Array(cols);
    for (let r = 0; r < rows; r++) {
      for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
        this.edgeRow[e] = r;
        degree[edgeCol[e]!]!++;
      }
    }
    this.colSlotStart = new Int32Array(cols + 1);
    for (let c = 0; c < cols; c++) {
      this.colSlotStart[c + 1] = this.colSlotStart[c]! + Math.min(degree[c]!, this.colCapacity[c]!);
    }
    this.colUsed = new Int32Array(this.colSlotStart[cols]!);
    this.colUsedCount = new Int32Array(cols);
    this.edgeSlot = new Int32Array(edges);
    this.edgeUsed = new Uint8Array(edges);
    this.rowLoad = new Int32Array(rows);
    this.colLoad = new Int32Array(cols);
    const nodes = rows + cols + 2;
    this.pi = new Float64Array(nodes);
    this.dist = new Float64Array(nodes).fill(Infinity);
    this.parentNode = new Int32Array(nodes);
    this.parentEdge = new Int32Array(nodes);
    this.touched = new Int32Array(nodes);
    this.order = new Int32Array(nodes);
    this.heap = new IndexedMinHeap(nodes);
    this.sourceRows = new Int32Array(rows);
    this.sinkCols = new Int32Array(cols);
  }

  /** Potentials for the empty matching: every arc of the initial residual graph has reduced cost >= 0. */
  initPotentials(): void {
    const { pi, rows, cols, edgeCol, edgeWeight } = this;
    pi.fill(0);
    for (let e = 0; e < edgeCol.length; e++) {
      const v = rows + edgeCol[e]!;
      const p = -edgeWeight[e]!;
      if (p < pi[v]!) pi[v] = p;
    }
    let sinkPi = 0;
    for (let c = 0; c < cols; c++) if (pi[rows + c]! < sinkPi) sinkPi = pi[rows + c]!;
    pi[this.sink] = sinkPi;
    pi[this.source] = 0;
  }

  /** Loads a matching whose loads are already known to respect the capacities. */
  loadMatching(edgeUsed: Uint8Array): void {
    const { edgeRow, edgeCol } = this;
    for (let e = 0; e < edgeUsed.length; e++) {
      if (edgeUsed[e] !== 1) continue;
      this.edgeUsed[e] = 1;
      this.rowLoad[edgeRow[e]!]!++;
      this.colLoad[edgeCol[e]!]!++;
      this.addToCol(edgeCol[e]!, e);
    }
  }

  /** Lists the rows with free capacity, ascending. */
  listSourceRows(): void {
    let n = 0;
    for (let r = 0; r < this.rows; r++) if (this.rowLoad[r]! < this.rowCapacity[r]!) this.sourceRows[n++] = r;
    this.sourceRowCount = n;
  }

  /** Lists the columns with a chosen edge, ascending. */
  listSinkCols(): void {
    let n = 0;
    for (let c = 0; c < this.cols; c++) if (this.colLoad[c]! > 0) this.sinkCols[n++] = c;
    this.sinkColCount = n;
  }

  /**
   * Starts the free-row shortcut of the solver. Every search from the source settles all free rows
   * at distance 0 (they sit at reduced distance 0 from the source, and the potential update shifts
   * them exactly as it shifts the source), so all free rows share the source's potential. Their arcs
   * into column c then cost the same minus the edge weight, and only the heaviest one matters: the
   * search settles the free rows without scanning their edges and relaxes each column once through
   * `bestFree`, kept up to date by {@link augment}.
   */
  enableFreeRowIndex(): void {
    const { rows, cols, rowStart, edgeCol } = this;
    const colEdgeStart = new Int32Array(cols + 1);
    for (let e = 0; e < edgeCol.length; e++) colEdgeStart[edgeCol[e]! + 1]!++;
    for (let c = 0; c < cols; c++) colEdgeStart[c + 1] = colEdgeStart[c + 1]! + colEdgeStart[c]!;
    const fill = colEdgeStart.slice(0, cols);
    const colEdges = new Int32Array(edgeCol.length);
    for (let r = 0; r < rows; r++) {
      for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) colEdges[fill[edgeCol[e]!]!++] = e;
    }
    this.colEdgeStart = colEdgeStart;
    this.colEdges = colEdges;
    this.bestFree = new Int32Array(cols);
    for (let c = 0; c < cols; c++) this.recomputeBestFree(c);
  }

  /**
   * For searches under fixed potentials (the forcing oracle): each row's arcs get sorted by
   * reduced cost, lazily on the row's first scan, so that a bounded search reads only the arcs
   * that can still improve a distance. The sort key is the reduced cost with the low 32 bits of
   * its mantissa replaced by the edge's position in the row (one `Float64Array` sort, no
   * comparator); it is within a relative 2^-20 of the reduced cost, and the scan stops only when
   * even a key shrunk by more than that cannot help. No-op on big-endian platforms.
   */
  enableSortedRows(): void {
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return;
    this.sortedKeys = new Float64Array(this.edgeCol.length);
    this.sortedWords = new Uint32Array(this.sortedKeys.buffer);
    this.sortedReady = new Uint8Array(this.rows);
  }

  /**
   * Computes the hubs' shortest-path trees (see {@link hubTrees}). Under fixed potentials every
   * chosen pair's column is tied to the sink by a tight arc, so a search that reaches the sink
   * would otherwise settle most of the graph at that distance; with the trees, reaching a hub
   * costs one lookup: the best path through it is the distance to it plus its tree's distance to
   * the target.
   */
  enableHubTrees(): void {
    this.hubTrees = null;
    const trees = new Map<number, { dist: Float64Array; parentNode: Int32Array; parentEdge: Int32Array }>();
    for (const hub of this.merged ? [this.sink] : [this.source, this.sink]) {
      this.search(hub, -1, Infinity);
      trees.set(hub, { dist: this.dist.slice(), parentNode: this.parentNode.slice(), parentEdge: this.parentEdge.slice() });
    }
    this.hubTrees = trees;
  }

  /** Sorts row u's arcs by reduced cost (see {@link enableSortedRows}). */
  private sortRow(u: number): void {
    const { rowStart, edgeCol, edgeWeight, edgeUsed, colCapacity, pi, rows } = this;
    const keys = this.sortedKeys!;
    const words = this.sortedWords!;
    const start = rowStart[u]!;
    const end = rowStart[u + 1]!;
    const piU = pi[u]!;
    for (let e = start; e < end; e++) {
      const c = edgeCol[e]!;
      const rc = piU - pi[rows + c]! - edgeWeight[e]!;
      keys[e] = edgeUsed[e] === 1 || colCapacity[c] === 0 ? 1e300 : rc > 0 ? rc : 0;
      words[2 * e] = e - start;
    }
    keys.subarray(start, end).sort();
    this.sortedReady![u] = 1;
  }

  /**
   * The arcs of row u in reduced-cost order, relaxed from distance `du` until no arc can bring a
   * node under `limit` (see {@link enableSortedRows}).
   */
  private scanSortedRow(u: number, du: number, limit: number): void {
    if (this.sortedReady![u] === 0) this.sortRow(u);
    const { rows, rowStart, edgeCol, edgeWeight, edgeUsed, colCapacity, pi, dist, parentNode, parentEdge, touched, heap } = this;
    const keys = this.sortedKeys!;
    const words = this.sortedWords!;
    const start = rowStart[u]!;
    const end = rowStart[u + 1]!;
    const base = du + pi[u]!;
    for (let k = start; k < end; k++) {
      const key = keys[k]!;
      if (du + (key > 1e-300 ? key * 0.999996 : 0) >= limit) {
        if (key < 1e300) this.cutOff = true;
        break;
      }
      const e = start + words[2 * k]!;
      const c = edgeCol[e]!;
      const v = rows + c;
      const t = base - pi[v]! - edgeWeight[e]!;
      const d = t > du ? t : du;
      const old = dist[v]!;
      if (d < old && edgeUsed[e] === 0 && colCapacity[c] !== 0) {
        if (old === Infinity) touched[this.touchedCount++] = v;
        dist[v] = d;
        parentNode[v] = u;
        parentEdge[v] = e;
        heap.offer(v, d);
      }
    }
  }

  /** Rescans column c for its best arc from a free row. */
  private recomputeBestFree(c: number): void {
    const { edgeRow, edgeWeight, edgeUsed, rowLoad, rowCapacity } = this;
    const colEdges = this.colEdges!;
    let best = -1;
    for (let k = this.colEdgeStart![c]!, end = this.colEdgeStart![c + 1]!; k < end; k++) {
      const e = colEdges[k]!;
      const r = edgeRow[e]!;
      if (edgeUsed[e] === 1 || rowLoad[r]! >= rowCapacity[r]!) continue;
      if (best < 0 || edgeWeight[e]! > edgeWeight[best]!) best = e;
    }
    this.bestFree![c] = best;
  }

  private addToCol(c: number, e: number): void {
    const slot = this.colSlotStart[c]! + this.colUsedCount[c]!++;
    this.colUsed[slot] = e;
    this.edgeSlot[e] = slot;
  }

  private removeFromCol(c: number, e: number): void {
    const last = this.colSlotStart[c]! + --this.colUsedCount[c]!;
    const slot = this.edgeSlot[e]!;
    const moved = this.colUsed[last]!;
    this.colUsed[slot] = moved;
    this.edgeSlot[moved] = slot;
  }

  /**
   * Dijkstra on reduced costs (clamped at 0 against rounding) from `from`, stopping when `target`
   * is settled or when the smallest tentative distance reaches `bound`.
   *
   * @returns The reduced distance of `target`, or `Infinity` when it was not settled.
   */
  search(from: number, target: number, bound: number): number {
    this.reset();
    this.viaHub = -1;
    const hubs = target >= 0 ? this.hubTrees : null;
    let hubBest = Infinity;
    const { rows, sink, rowStart, edgeCol, edgeWeight, rowCapacity, colCapacity, rowLoad, colLoad } = this;
    const { edgeUsed, edgeRow, colSlotStart, colUsedCount, colUsed, pi, dist, parentNode, parentEdge, touched, heap, order } = this;
    const sourceNode = this.merged ? sink : this.source;
    this.touch(from, 0, -1, -1);
    heap.push(from, 0);
    let settledCount = 0;
    let result = Infinity;
    // Relaxations are inlined in the two edge loops. A settled node is never relaxed again: keys
    // pop in non-decreasing order and reduced costs are >= 0, so its distance is already <= any
    // new candidate, and the `<` test fails.
    this.cutOff = false;
    while (heap.size > 0) {
      if (heap.peekKey() >= bound) {
        this.cutOff = true;
        break;
      }
      const u = heap.pop();
      order[settledCount++] = u;
      if (u === target) {
        result = dist[u]!;
        break;
      }
      const du = dist[u]!;
      const piU = pi[u]!;
      const tree = u >= sink && hubs !== null ? hubs.get(u) : undefined;
      if (tree !== undefined) {
        // A hub: the best path through it is known; no need to expand it.
        const through = du + tree.dist[target]!;
        if (through < hubBest) {
          hubBest = through;
          this.viaHub = u;
          if (through < bound) bound = through;
        }
        continue;
      }
      if (u < rows && this.sortedKeys !== null) {
        const reach = target >= 0 ? dist[target]! : Infinity;
        this.scanSortedRow(u, du, reach < bound ? reach : bound);
        if (rowLoad[u]! > 0) this.relax(sourceNode, du + Math.max(0, piU - pi[sourceNode]!), u, -1);
      } else if (u < rows) {
        // Hot loop: the arc exists only for an unchosen edge into a column of positive capacity,
        // checked only for the rare candidates that improve a distance.
        const base = du + piU;
        for (let e = rowStart[u]!, end = rowStart[u + 1]!; e < end; e++) {
          const c = edgeCol[e]!;
          const v = rows + c;
          const t = base - pi[v]! - edgeWeight[e]!;
          const d = t > du ? t : du;
          const old = dist[v]!;
          if (d < old && edgeUsed[e] === 0 && colCapacity[c] !== 0) {
            if (old === Infinity) touched[this.touchedCount++] = v;
            dist[v] = d;
            parentNode[v] = u;
            parentEdge[v] = e;
            heap.offer(v, d);
          }
        }
        if (rowLoad[u]! > 0) this.relax(sourceNode, du + Math.max(0, piU - pi[sourceNode]!), u, -1);
      } else if (u < sink) {
        const c = u - rows;
        if (colLoad[c]! < colCapacity[c]!) this.relax(sink, du + Math.max(0, piU - pi[sink]!), u, -1);
        for (let k = colSlotStart[c]!, end = k + colUsedCount[c]!; k < end; k++) {
          const e = colUsed[k]!;
          const v = edgeRow[e]!;
          const rc = edgeWeight[e]! + piU - pi[v]!;
          const d = rc > 0 ? du + rc : du;
          const old = dist[v]!;
          if (d < old) {
            if (old === Infinity) touched[this.touchedCount++] = v;
            dist[v] = d;
            parentNode[v] = u;
            parentEdge[v] = e;
            heap.offer(v, d);
          }
        }
      } else {
        if (u === sink) {
          const { sinkCols } = this;
          for (let k = 0; k < this.sinkColCount; k++) {
            const v = rows + sinkCols[k]!;
            this.relax(v, du + Math.max(0, piU - pi[v]!), u, -1);
          }
        }
        if (u === sourceNode) {
          const { sourceRows, bestFree } = this;
          let kept = 0;
          for (let k = 0; k < this.sourceRowCount; k++) {
            const r = sourceRows[k]!;
            if (rowLoad[r]! >= rowCapacity[r]!) continue;
            sourceRows[kept++] = r;
            if (bestFree === null) this.relax(r, du + Math.max(0, piU - pi[r]!), u, -1);
            else {
              // Free-row shortcut: settled at once, at the source's distance (same potential).
              this.touch(r, du, u, -1);
              order[settledCount++] = r;
            }
          }
          this.sourceRowCount = kept;
          if (bestFree !== null) {
            for (let c = 0; c < this.cols; c++) {
              const e = bestFree[c]!;
              if (e < 0 || colCapacity[c] === 0) continue;
              const r = edgeRow[e]!;
              const v = rows + c;
              const t = du + pi[r]! - pi[v]! - edgeWeight[e]!;
              this.relax(v, t > du ? t : du, r, e);
            }
          }
        }
      }
    }
    this.orderCount = settledCount;
    if (hubs !== null) {
      if (result <= hubBest) this.viaHub = -1;
      else {
        result = hubBest;
        this.cutOff = false;
      }
    }
    return result;
  }

  private touch(v: number, d: number, parent: number, edge: number): void {
    this.touched[this.touchedCount++] = v;
    this.dist[v] = d;
    this.parentNode[v] = parent;
    this.parentEdge[v] = edge;
  }

  private relax(v: number, d: number, parent: number, edge: number): void {
    const old = this.dist[v]!;
    if (d >= old) return;
    if (old === Infinity) this.touched[this.touchedCount++] = v;
    this.dist[v] = d;
    this.parentNode[v] = parent;
    this.parentEdge[v] = edge;
    this.heap.offer(v, d);
  }

  private reset(): void {
    const { touched, dist } = this;
    for (let k = 0; k < this.touchedCount; k++) dist[touched[k]!] = Infinity;
    this.touchedCount = 0;
    this.heap.clear();
  }

  /**
   * After a search, `pi[v] += dist[v] - cap` for every settled node (others unchanged). Keeps every
   * reduced cost >= 0 for any `cap` at least the largest settled distance and, when the search
   * stopped early, at most the smallest unsettled one; arcs on a shortest path become tight.
   */
  updatePotentials(cap: number): void {
    const { order, pi, dist } = this;
    for (let k = 0; k < this.orderCount; k++) {
      const v = order[k]!;
      pi[v] = pi[v]! + (dist[v]! - cap);
    }
  }

  /** Largest distance settled by the last search (0 when nothing was). */
  lastSettledDistance(): number {
    return this.orderCount > 0 ? this.dist[this.order[this.orderCount - 1]!]! : 0;
  }

  /**
   * Real cost (sum of -weight forward, +weight backward) of the last search's path `from` -> `to`,
   * through the hub's tree when the search finished through a hub.
   */
  pathCost(from: number, to: number): number {
    const hub = this.viaHub;
    if (hub >= 0 && this.hubTrees !== null) {
      const tree = this.hubTrees.get(hub)!;
      return this.treeCost(this.parentNode, this.parentEdge, from, hub) + this.treeCost(tree.parentNode, tree.parentEdge, hub, to);
    }
    return this.treeCost(this.parentNode, this.parentEdge, from, to);
  }

  /** Real cost of the path `from` -> `to` in a search tree given by its parent arrays. */
  private treeCost(parentNode: Int32Array, parentEdge: Int32Array, from: number, to: number): number {
    const { edgeWeight, rows } = this;
    let cost = 0;
    for (let v = to; v !== from; ) {
      const u = parentNode[v]!;
      const e = parentEdge[v]!;
      if (e >= 0) cost += u < rows ? -edgeWeight[e]! : edgeWeight[e]!;
      v = u;
    }
    return cost;
  }

  /** Sum of the |weights| of the search tree path `from` -> `to`: the scale of its cost's rounding. */
  pathMagnitude(from: number, to: number): number {
    const { parentNode, parentEdge, edgeWeight } = this;
    let magnitude = 0;
    for (let v = to; v !== from; ) {
      const e = parentEdge[v]!;
      if (e >= 0) magnitude += Math.abs(edgeWeight[e]!);
      v = parentNode[v]!;
    }
    return magnitude;
  }

  /** Pushes one unit along the search tree path source -> sink. */
  augment(): void {
    const { parentNode, parentEdge, rows, sink, source, edgeUsed } = this;
    // Walking back from the sink, a column loses its old edge before it gains the new one, so its
    // list of chosen edges never outgrows its slots.
    for (let v = sink; v !== source; ) {
      const u = parentNode[v]!;
      const e = parentEdge[v]!;
      if (v === sink) this.colLoad[u - rows]!++;
      else if (u === source) this.rowLoad[v]!++;
      else if (u < rows) {
        edgeUsed[e] = 1;
        this.addToCol(v - rows, e);
      } else {
        edgeUsed[e] = 0;
        this.removeFromCol(u - rows, e);
      }
      v = u;
    }
    if (this.bestFree !== null) this.refreshBestFree();
  }

  /** After an augmentation, restores `bestFree` for the edges and the row the path changed. */
  private refreshBestFree(): void {
    const { parentNode, parentEdge, rows, sink, source, rowLoad, rowCapacity, rowStart, edgeCol } = this;
    const bestFree = this.bestFree!;
    for (let v = sink; v !== source; ) {
      const u = parentNode[v]!;
      const e = parentEdge[v]!;
      if (v === sink) {
        // Column loads do not matter here.
      } else if (u === source) {
        if (rowLoad[v]! >= rowCapacity[v]!) {
          for (let f = rowStart[v]!, end = rowStart[v + 1]!; f < end; f++) {
            if (bestFree[edgeCol[f]!] === f) this.recomputeBestFree(edgeCol[f]!);
          }
        }
      } else if (u < rows) {
        if (bestFree[v - rows] === e) this.recomputeBestFree(v - rows);
      }
      // A column -> row arc never enters a free row: free rows are settled first, from the source,
      // so the edges a path releases all belong to full rows and no column gains a free-row arc.
      v = u;
    }
  }

  /**
   * Makes the potentials valid with the source and the sink as one node (the residual graph of
   * the circulation with a free sink -> source arc of cost 0, both directions when pairs exist),
   * i.e. dual optimal for `maxWeight`. Needs pi[sink] - pi[source] >= 0 (the sink -> source arc
   * is valid); the optimality of the matching (no negative cycle through source -> sink) gives
   * reduced distance sink ~> source >= delta, so a search from the sink capped at delta leaves
   * pi[source] unchanged and lowers pi[sink] by exactly delta.
   */
  mergeSourceIntoSink(): void {
    const { pi, sink, source } = this;
    this.listSinkCols();
    const delta = pi[sink]! - pi[source]!;
    if (delta > 0) {
      this.search(sink, -1, delta);
      this.updatePotentials(delta);
    }
    pi[sink] = pi[source]!;
  }
}

/** Largest |weight|, the scale of the tolerances. */
function weightScale(graph: BipartiteGraph): number {
  let scale = 0;
  for (const w of graph.edgeWeight) if (Math.abs(w) > scale) scale = Math.abs(w);
  return scale;
}

/** Checks the CSR structure, the weights and the capacities of a graph. */
function validateGraph(graph: BipartiteGraph): void {
  const issues: Issue[] = [];
  const add = (path: readonly (string | number)[], message: string, received: number) => {
    if (issues.length < 20) issues.push({ path: ['graph', ...path], message, received });
  };
  const { rows, cols, rowStart, edgeCol, edgeWeight, rowCapacity, colCapacity } = graph;
  if (!Number.isInteger(rows) || rows < 0) add(['rows'], 'must be a non-negative integer', rows);
  if (!Number.isInteger(cols) || cols < 0) add(['cols'], 'must be a non-negative integer', cols);
  throwIfAny(issues);
  if (rowStart.length !== rows + 1) add(['rowStart', 'length'], `must be rows + 1 = ${rows + 1}`, rowStart.length);
  if (edgeWeight.length !== edgeCol.length) add(['edgeWeight', 'length'], `must equal edgeCol.length = ${edgeCol.length}`, edgeWeight.length);
  if (rowCapacity.length !== rows) add(['rowCapacity', 'length'], `must be rows = ${rows}`, rowCapacity.length);
  if (colCapacity.length !== cols) add(['colCapacity', 'length'], `must be cols = ${cols}`, colCapacity.length);
  throwIfAny(issues);
  if (rowStart[0] !== 0) add(['rowStart', 0], 'must be 0', rowStart[0]!);
  for (let r = 0; r < rows; r++) {
    if (rowStart[r + 1]! < rowStart[r]!) add(['rowStart', r + 1], 'must not be below the previous entry', rowStart[r + 1]!);
  }
  if (rowStart[rows] !== edgeCol.length) add(['rowStart', rows], `must equal edgeCol.length = ${edgeCol.length}`, rowStart[rows]!);
  throwIfAny(issues);
  for (let r = 0; r < rows; r++) {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const c = edgeCol[e]!;
      if (c < 0 || c >= cols) add(['edgeCol', e], `must be a column in 0..${cols - 1}`, c);
      else if (e > rowStart[r]! && c <= edgeCol[e - 1]!) add(['edgeCol', e], 'must be strictly above the previous column of its row', c);
    }
  }
  for (let e = 0; e < edgeWeight.length; e++) {
    if (!Number.isFinite(edgeWeight[e]!)) add(['edgeWeight', e], 'must be finite', edgeWeight[e]!);
  }
  for (let r = 0; r < rows; r++) if (rowCapacity[r]! < 0) add(['rowCapacity', r], 'must be >= 0', rowCapacity[r]!);
  for (let c = 0; c < cols; c++) if (colCapacity[c]! < 0) add(['colCapacity', c], 'must be >= 0', colCapacity[c]!);
  throwIfAny(issues);
}

/** Solves on a fresh network; returns the matching and its dual (node potentials). */
function solve(graph: BipartiteGraph, objective: MatchingObjective): { matching: BMatching; dual: Dual } {
  validateGraph(graph);
  const net = new Network(graph);
  net.initPotentials();
  net.listSourceRows();
  net.enableFreeRowIndex();
  const { pi, sink, source } = net;
  const maxWeight = objective === 'maxWeight';
  for (;;) {
    const d = net.search(source, sink, Infinity);
    if (d === Infinity) {
      // Nothing can reach the sink: raising every unreached node (the sink among them) by the same
      // amount keeps the potentials valid; for maxWeight raise enough that sink -> source is valid.
      let cap = net.lastSettledDistance();
      if (maxWeight && pi[source]! - pi[sink]! > cap) cap = pi[source]! - pi[sink]!;
      net.updatePotentials(cap);
      break;
    }
    net.updatePotentials(d);
    if (maxWeight && -net.pathCost(source, sink) <= GAIN_TOLERANCE * net.pathMagnitude(source, sink)) break;
    net.augment();
  }
  net.bestFree = null;
  if (maxWeight) net.mergeSourceIntoSink();

  let pairCount = 0;
  let weight = 0;
  const { edgeUsed, edgeWeight } = net;
  for (let e = 0; e < edgeUsed.length; e++) {
    if (edgeUsed[e] === 1) {
      pairCount++;
      weight += edgeWeight[e]!;
    }
  }
  const matching: BMatching = { edgeUsed, pairCount, weight, rowLoad: net.rowLoad, colLoad: net.colLoad };
  return { matching, dual: { graph, objective, pi, pairCount, weight } };
}

/**
 * Solves a bipartite b-matching exactly: each row r takes at most `rowCapacity[r]` edges, each
 * column c at most `colCapacity[c]`.
 *
 * - `maxWeight`: maximises the total weight; edges of weight <= 0 are never needed, and the
 *   solver stops when the best remaining augmentation gains at most 1e-13 times the largest |weight|.
 * - `maxCardinality`: maximises the number of edges, then the total weight among all solutions
 *   with that many (lexicographic and exact, no big-M).
 *
 * Deterministic: the same input always gives the same edges (ties go to lower indices).
 * Time O(F * E log V) in the worst case for F chosen edges; memory O(E + V), allocated up front.
 *
 * @param graph - The eligible pairs, their weights and both sides' capacities.
 * @param objective - What to maximise.
 * @returns An optimal matching.
 * @throws ValidationError when the graph is malformed (lengths, CSR order, columns, weights, capacities).
 */
export function solveBMatching(graph: BipartiteGraph, objective: MatchingObjective): BMatching {
  const { matching, dual } = solve(graph, objective);
  duals.set(matching, dual);
  return matching;
}

/**
 * {@link solveBMatching}, also returning the final node potentials: rows `0 .. rows-1`, columns
 * `rows .. rows+cols-1`, the sink `rows+cols`, the source `rows+cols+1` (equal to the sink's for
 * `maxWeight`). Every residual arc has reduced cost `cost + pi[from] - pi[to] >= 0`, up to rounding.
 *
 * @internal Used to derive the certificate of {@link solveAssignment}.
 */
export function solveBMatchingWithPotentials(graph: BipartiteGraph, objective: MatchingObjective): { matching: BMatching; pi: Float64Array } {
  const matching = solveBMatching(graph, objective);
  return { matching, pi: duals.get(matching)!.pi };
}

/**
 * For an edge NOT in the matching: how much the optimal value drops if that edge is forced into the
 * solution (>= 0, within 1e-9 relative), under the same objective. For 'maxCardinality' the number of
 * pairs must stay the same (lexicographic: most pairs, then weight); return null when forcing the edge
 * makes the maximum number of pairs impossible. For 'maxWeight' the number of pairs may change freely.
 * Also returns null if the edge's row or column has capacity 0.
 *
 * The drop is the cheapest cycle through the edge in the residual graph of the matching (for
 * `maxWeight` with the source and the sink merged), found by a Dijkstra search on reduced costs
 * that stops at the edge's row: each call costs what the search explores, and reuses the arrays
 * allocated here. An edge already in the matching costs 0.
 *
 * @param graph - The graph that was solved.
 * @param matching - An optimal matching of `graph` for `objective`, best the one returned by
 *   {@link solveBMatching} (otherwise the graph is solved again here, for its dual).
 * @param objective - The objective `matching` is optimal for.
 * @param potentials - Optional node potentials that prove `matching` optimal (node ids as in
 *   {@link solveBMatchingWithPotentials}; for `maxWeight` the source's equals the sink's), e.g.
 *   derived from another solver's duals; trusted as given. Without them the graph's own solve
 *   provides them (solved again when `matching` did not come from {@link solveBMatching}).
 * @returns The oracle: edge index -> drop of the optimal value, or null.
 * @throws ValidationError when the graph is malformed or the matching is not an optimal one of it;
 *   the oracle throws it for an edge index out of range.
 */
export function createForcingOracle(
  graph: BipartiteGraph,
  matching: BMatching,
  objective: MatchingObjective,
  potentials?: Float64Array,
): (edge: number) => number | null {
  validateGraph(graph);
  const edges = graph.edgeCol.length;
  const { edgeUsed } = matching;
  const issues: Issue[] = [];
  if (edgeUsed.length !== edges) issues.push({ path: ['matching', 'edgeUsed', 'length'], message: `must equal the number of edges ${edges}`, received: edgeUsed.length });
  throwIfAny(issues);

  const net = new Network(graph);
  const rowLoad = new Int32Array(graph.rows);
  const colLoad = new Int32Array(graph.cols);
  let pairCount = 0;
  let weight = 0;
  for (let e = 0; e < edges; e++) {
    const used = edgeUsed[e]!;
    if (used === 0) continue;
    if (used !== 1) {
      issues.push({ path: ['matching', 'edgeUsed', e], message: 'must be 0 or 1', received: used });
      break;
    }
    rowLoad[net.edgeRow[e]!]!++;
    colLoad[graph.edgeCol[e]!]!++;
    pairCount++;
    weight += graph.edgeWeight[e]!;
  }
  for (let r = 0; r < graph.rows; r++) {
    if (rowLoad[r]! > graph.rowCapacity[r]!) issues.push({ path: ['matching', 'rowLoad', r], message: `exceeds the row capacity ${graph.rowCapacity[r]}`, received: rowLoad[r]! });
  }
  for (let c = 0; c < graph.cols; c++) {
    if (colLoad[c]! > graph.colCapacity[c]!) issues.push({ path: ['matching', 'colLoad', c], message: `exceeds the column capacity ${graph.colCapacity[c]}`, received: colLoad[c]! });
  }
  throwIfAny(issues);

  let pi = potentials;
  if (pi === undefined) {
    let dual = duals.get(matching);
    if (dual === undefined || dual.graph !== graph || dual.objective !== objective) dual = solve(graph, objective).dual;
    const slack = RELATIVE_TOLERANCE * weightScale(graph) * Math.max(1, pairCount);
    if (objective === 'maxCardinality' && pairCount !== dual.pairCount) {
      issues.push({ path: ['matching', 'pairCount'], message: `is not the maximum ${dual.pairCount}`, received: pairCount });
    } else if (weight < dual.weight - slack) {
      issues.push({ path: ['matching', 'weight'], message: `is below the optimum ${dual.weight}`, received: weight });
    }
    throwIfAny(issues);
    pi = dual.pi;
  } else if (pi.length !== graph.rows + graph.cols + 2) {
    issues.push({ path: ['potentials', 'length'], message: `must be rows + cols + 2 = ${graph.rows + graph.cols + 2}`, received: pi.length });
    throwIfAny(issues);
  }

  net.loadMatching(edgeUsed);
  net.pi.set(pi);
  net.merged = objective === 'maxWeight';
  net.listSourceRows();
  net.listSinkCols();
  net.enableSortedRows();
  net.enableHubTrees();
  const firstLimit = Math.max(weightScale(graph), Number.MIN_VALUE) / 256;
  const { rows, edgeRow, edgeCol, edgeWeight, rowCapacity, colCapacity } = net;

  return (edge: number): number | null => {
    if (!Number.isInteger(edge) || edge < 0 || edge >= edges) {
      throw new ValidationError([{ path: ['edge'], message: `must be an edge index in 0..${edges - 1}`, received: edge }]);
    }
    if (net.edgeUsed[edge] === 1) return 0;
    const row = edgeRow[edge]!;
    const col = edgeCol[edge]!;
    if (rowCapacity[row] === 0 || colCapacity[col] === 0) return null;
    // Cheapest cycle row -> col ~> row: the forced edge, then the best way back from its column.
    // A simple exchange gives an upper bound on the drop; the search only has to look for a
    // cheaper cycle, so it stops at that bound (in reduced terms) instead of exploring the graph.
    // The cycle is usually far shorter than the bound: search under a small limit first and widen
    // it fourfold until the target settles (exact then: every arc that can lead under the limit
    // was read) or nothing was left out.
    const exchange = exchangeDrop(net, edge, objective === 'maxCardinality');
    const bound = exchange === Infinity ? Infinity : exchange + net.pi[rows + col]! - net.pi[row]! + edgeWeight[edge]!;
    let found = false;
    for (let limit = firstLimit; ; limit *= 4) {
      const cap = limit < bound ? limit : bound;
      if (net.search(rows + col, row, cap) !== Infinity) {
        found = true;
        break;
      }
      if (cap === bound || !net.cutOff) break;
    }
    if (!found) {
      if (exchange === Infinity) return null;
      return exchange > 0 ? exchange : 0;
    }
    const drop = Math.min(exchange, net.pathCost(rows + col, row) - edgeWeight[edge]!);
    return drop > 0 ? drop : 0;
  };
}

/**
 * Drop of the total when edge (r, c) is forced in by the simplest exchange: r gives up its
 * lightest chosen edge (r, c1) if it is full, c its lightest (r2, c) if it is full, and when both
 * gave one up r2 takes its best of c1 and the columns that still have room (required for
 * `sameCount`, to keep the number of pairs; only when it gains otherwise). A feasible solution,
 * hence an upper bound on the exact drop, used to bound the exact search.
 *
 * @returns The drop, or `Infinity` when the exchange cannot keep the number of pairs.
 */
function exchangeDrop(net: Network, edge: number, sameCount: boolean): number {
  const { edgeRow, edgeCol, edgeWeight, edgeUsed, rowStart, rowLoad, rowCapacity, colLoad, colCapacity, colSlotStart, colUsedCount, colUsed } = net;
  const r = edgeRow[edge]!;
  const c = edgeCol[edge]!;
  let drop = -edgeWeight[edge]!;
  let c1 = -1;
  if (rowLoad[r]! >= rowCapacity[r]!) {
    let worst = -1;
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      if (edgeUsed[e] === 1 && (worst < 0 || edgeWeight[e]! < edgeWeight[worst]!)) worst = e;
    }
    if (worst < 0) return Infinity;
    drop += edgeWeight[worst]!;
    c1 = edgeCol[worst]!;
  }
  let r2 = -1;
  if (colLoad[c]! >= colCapacity[c]!) {
    let worst = -1;
    for (let k = colSlotStart[c]!, end = k + colUsedCount[c]!; k < end; k++) {
      const e = colUsed[k]!;
      if (worst < 0 || edgeWeight[e]! < edgeWeight[worst]!) worst = e;
    }
    if (worst < 0) return Infinity;
    drop += edgeWeight[worst]!;
    r2 = edgeRow[worst]!;
  }
  if (c1 >= 0 && r2 >= 0) {
    // Both gave up a pair: r2 and c1 now have room. r2 takes c1 when allowed, or a column that
    // still has room (then c1 stays open); either keeps the number of pairs.
    let regain = -Infinity;
    for (let e = rowStart[r2]!, end = rowStart[r2 + 1]!; e < end; e++) {
      if (edgeUsed[e] === 1) continue;
      const col = edgeCol[e]!;
      if (col === c1 || (col !== c && colLoad[col]! < colCapacity[col]!)) {
        if (edgeWeight[e]! > regain) regain = edgeWeight[e]!;
      }
    }
    if (sameCount) {
      if (regain === -Infinity) return Infinity;
      drop -= regain;
    } else if (regain > 0) drop -= regain;
  }
  return drop;
}
