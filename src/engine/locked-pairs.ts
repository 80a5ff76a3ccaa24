import { LockedPairConflictError, type Issue } from '../errors';
import { renderReason } from '../explain/messages/render';
import type { BipartiteGraph } from '../solver/b-matching';
import { findEdge, type Eligibility } from './eligibility';
import { MIN_SCORE_RULE, firstRefusal, makeScore } from './pair-scoring';
import type { Prepared } from './prepare';

/** The graph left to solve once the locked pairs are fixed. */
export interface LockedSplit {
  /** Edge indices (in the eligibility graph) of the locked pairs, in program order. */
  readonly lockedEdges: readonly number[];
  /** The eligibility graph without the locked edges, capacities reduced by the locked pairs. */
  readonly residual: BipartiteGraph;
  /**
   * For each residual edge, its index in the eligibility graph; null when nothing is locked (the
   * residual graph then shares the eligibility graph's edges, same indices).
   */
  readonly residualToEdge: Int32Array | null;
}

/**
 * Checks the locked pairs and fixes them: each must be eligible (every hard rule and `minScore`),
 * listed once, and within both sides' capacities.
 *
 * @throws {@link LockedPairConflictError} naming each bad locked pair and the rule it breaks.
 */
export function splitLocked(prepared: Prepared, eligibility: Eligibility): LockedSplit {
  const { graph, juniors, seniors } = eligibility;
  const rowOf = new Map(juniors.map((p, i) => [p.id, i] as const));
  const colOf = new Map(seniors.map((p, i) => [p.id, i] as const));
  const score = makeScore(prepared);
  const issues: Issue[] = [];
  const lockedEdges: number[] = [];
  const rowLoad = new Int32Array(graph.rows);
  const colLoad = new Int32Array(graph.cols);
  const seen = new Set<number>();
  prepared.program.constraints.lockedPairs.forEach(({ juniorId, seniorId }, i) => {
    const path = ['program', 'constraints', 'lockedPairs', i];
    const pairName = `${juniorId} / ${seniorId}`;
    const row = rowOf.get(juniorId);
    const col = colOf.get(seniorId);
    const edge = row === undefined || col === undefined ? -1 : findEdge(graph, row, col);
    if (edge < 0) {
      const junior = prepared.context.byId.get(juniorId)!;
      const senior = prepared.context.byId.get(seniorId)!;
      const rule = firstRefusal(prepared, junior, senior, score);
      const constraint = prepared.constraints.find((c) => c.id === rule);
      const why = constraint
        ? renderReason(constraint.why(junior, senior))
        : rule === MIN_SCORE_RULE
          ? renderReason({ messageId: 'constraint.minScore', params: { score: score(junior, senior), min: prepared.program.constraints.minScore } })
          : 'not eligible';
      issues.push({ path, message: `locked pair ${pairName} breaks ${rule ?? 'a hard rule'}: ${why}` });
      return;
    }
    if (seen.has(edge)) {
      issues.push({ path, message: `locked pair ${pairName} is listed twice` });
      return;
    }
    seen.add(edge);
    lockedEdges.push(edge);
    rowLoad[row!]!++;
    colLoad[col!]!++;
  });
  for (let r = 0; r < graph.rows; r++) {
    if (rowLoad[r]! > graph.rowCapacity[r]!) {
      issues.push({ path: ['program', 'constraints', 'lockedPairs'], message: `${juniors[r]!.id} is locked in ${rowLoad[r]} pairs but has capacity ${graph.rowCapacity[r]}` });
    }
  }
  for (let c = 0; c < graph.cols; c++) {
    if (colLoad[c]! > graph.colCapacity[c]!) {
      issues.push({ path: ['program', 'constraints', 'lockedPairs'], message: `${seniors[c]!.id} is locked in ${colLoad[c]} pairs but has capacity ${graph.colCapacity[c]}` });
    }
  }
  const [first, ...rest] = issues;
  if (first) throw new LockedPairConflictError([first, ...rest]);
  return { lockedEdges, ...residualGraph(graph, seen, rowLoad, colLoad) };
}

function residualGraph(graph: BipartiteGraph, removed: ReadonlySet<number>, rowLoad: Int32Array, colLoad: Int32Array): { residual: BipartiteGraph; residualToEdge: Int32Array | null } {
  if (removed.size === 0) return { residual: graph, residualToEdge: null };
  const gone = new Uint8Array(graph.edgeCol.length);
  for (const e of removed) gone[e] = 1;
  const kept = graph.edgeCol.length - removed.size;
  const rowStart = new Int32Array(graph.rows + 1);
  const edgeCol = new Int32Array(kept);
  const edgeWeight = new Float64Array(kept);
  const residualToEdge = new Int32Array(kept);
  let k = 0;
  for (let r = 0; r < graph.rows; r++) {
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
      if (gone[e] === 1) continue;
      edgeCol[k] = graph.edgeCol[e]!;
      edgeWeight[k] = graph.edgeWeight[e]!;
      residualToEdge[k] = e;
      k++;
    }
    rowStart[r + 1] = k;
  }
  const residual: BipartiteGraph = {
    rows: graph.rows,
    cols: graph.cols,
    rowStart,
    edgeCol,
    edgeWeight,
    rowCapacity: graph.rowCapacity.map((cap, r) => cap - rowLoad[r]!),
    colCapacity: graph.colCapacity.map((cap, c) => cap - colLoad[c]!),
  };
  return { residual, residualToEdge };
}
