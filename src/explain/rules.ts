/**
 * How the programme rules shaped the result: for a pair the free optimum (the same objective
 * without the rules) would not have formed, which rules asked for it and whom the junior would
 * have had instead; for a participant left out, which rules left them out.
 *
 * @module
 */
import type { Eligibility } from '../engine/eligibility';
import type { RuleRow } from '../rules/compile';
import { displayName } from '../model/context';
import type { Participant } from '../model/participant';
import type { Reason } from './messages/types';
import type { SolutionView } from './solution-view';

/** What the rule explanations need. */
export interface RuleEffects {
  /** The program's rules as rows over the eligibility graph's edges. */
  readonly rows: readonly RuleRow[];
  /** Price of each row at the solve's best bound (> 0: the row binds). */
  readonly prices: Float64Array;
  /** Eligibility edges of the free optimum (locked pairs included). */
  readonly free: Uint8Array;
}

/** Explanations of the rules' effects on pairs and on the unpaired. */
export interface RuleExplainer {
  /** A sentence for a chosen pair that the free optimum would not have formed. */
  pair(edge: number): Reason | undefined;
  /** The reason a participant is unpaired, when the free optimum pairs them. */
  unmatched(person: Participant): Reason | undefined;
}

const quoteList = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

/**
 * Builds the rule explainer of a result.
 *
 * @param effects - Rows, prices and the free optimum.
 * @param eligibility - Participants of the graph.
 * @param view - The result's pairs.
 */
export function explainRules(effects: RuleEffects, eligibility: Eligibility, view: SolutionView): RuleExplainer {
  const { rows, prices, free } = effects;
  const { graph } = view;
  const chosen = view.chosen;
  // Binding rows: priced, or tight at the result (one pair more or less would break them).
  const binding = rows.map((row, i) => {
    if ((prices[i] ?? 0) > 1e-12) return true;
    let lhs = 0;
    let maxCoef = 0;
    for (let k = 0; k < row.edges.length; k++) {
      maxCoef = Math.max(maxCoef, Math.abs(row.coefs[k]!));
      if (chosen[row.edges[k]!] === 1) lhs += row.coefs[k]!;
    }
    return Math.abs(lhs - row.rhs) <= maxCoef + 1e-9;
  });
  /** Ids of the binding rules in which the edge's coefficient pushes the given way. */
  const rulesAt = (edge: number, helps: boolean): string[] => {
    const ids = new Set<string>();
    rows.forEach((row, i) => {
      if (!binding[i]) return;
      let lo = 0;
      let hi = row.edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (row.edges[mid]! < edge) lo = mid + 1;
        else hi = mid;
      }
      if (lo >= row.edges.length || row.edges[lo] !== edge) return;
      const push = row.sense === 'ge' ? row.coefs[lo]! > 0 : row.coefs[lo]! < 0;
      if (push === helps) ids.add(row.quota.id);
    });
    return [...ids].sort();
  };
  const boundIds = () => [...new Set(rows.filter((_, i) => binding[i]).map((r) => r.quota.id))].sort();
  const freeEdges = (junior: boolean, index: number): number[] => {
    const out: number[] = [];
    if (junior) {
      for (let e = graph.rowStart[index]!; e < graph.rowStart[index + 1]!; e++) if (free[e] === 1) out.push(e);
    } else {
      for (const e of view.columnEdges(index)) if (free[e] === 1) out.push(e);
    }
    return out;
  };
  return {
    pair(edge) {
      if (free[edge] === 1) return undefined;
      const ids = rulesAt(edge, true);
      const rules = quoteList(ids.length > 0 ? ids : boundIds());
      if (rules === '') return undefined;
      const row = view.edgeRow[edge]!;
      const alt = freeEdges(true, row).filter((e) => chosen[e] !== 1);
      if (alt.length === 0) return { messageId: 'rule.pairOnly', params: { rules } };
      const best = alt.reduce((a, b) => (graph.edgeWeight[b]! > graph.edgeWeight[a]! ? b : a));
      return {
        messageId: 'rule.pair',
        params: {
          rules,
          person: displayName(eligibility.juniors[row]!),
          partner: displayName(eligibility.seniors[graph.edgeCol[best]!]!),
          delta: graph.edgeWeight[best]! - graph.edgeWeight[edge]!,
        },
      };
    },
    unmatched(person) {
      const junior = person.role === 'junior';
      const index = (junior ? eligibility.juniors : eligibility.seniors).findIndex((p) => p.id === person.id);
      if (index < 0) return undefined;
      const edges = freeEdges(junior, index);
      if (edges.length === 0) return undefined;
      const ids = [...new Set(edges.flatMap((e) => rulesAt(e, false)))].sort();
      const rules = quoteList(ids.length > 0 ? ids : boundIds());
      if (rules === '') return undefined;
      const e = edges[0]!;
      const partner = junior ? eligibility.seniors[graph.edgeCol[e]!]! : eligibility.juniors[view.edgeRow[e]!]!;
      return { messageId: 'unmatched.rules', params: { who: displayName(person), rules, partner: displayName(partner) } };
    },
  };
}
