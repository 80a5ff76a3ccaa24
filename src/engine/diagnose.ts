/**
 * Infeasibility diagnosis: a minimal set of rules that cannot hold together (a deletion filter
 * over the rules, each test an exact feasibility solve), the people involved, and for each rule
 * of the set the smallest change found that lets the set hold.
 *
 * @module
 */
import { explainUnmatched } from '../explain/unmatched';
import { SolutionView } from '../explain/solution-view';
import type { Locale } from '../explain/messages/types';
import { displayName } from '../model/context';
import type { Diagnosis } from '../model/result';
import type { RuleRow } from '../rules/compile';
import { stopReason, type Control, type Steps } from '../rules/control';
import type { MipSolver } from '../rules/mip';
import { residualRows, type ProblemRow } from '../rules/problem';
import { solveRules } from '../rules/solve';
import { maxPairs, subgraph } from '../rules/graph-tools';
import type { Eligibility } from './eligibility';
import type { LockedSplit } from './locked-pairs';
import type { Prepared } from './prepare';

/** What {@link diagnose} needs. */
export interface DiagnoseInput {
  readonly prepared: Prepared;
  readonly eligibility: Eligibility;
  readonly split: LockedSplit;
  readonly compiled: readonly RuleRow[];
  readonly locale: Locale;
  readonly control: Control;
  readonly mip: MipSolver;
  /** Receives the MIP solver's notes. */
  readonly notes?: string[];
}

/** Grouping fields in French texts. */
const FIELD_FR = { department: 'département', site: 'site', tag: 'étiquette' } as const;

/** Most rows the deletion filter tests one by one (each test is a solve). */
const ROW_FILTER_MAX = 60;

/** Verdict of a feasibility test: `unknown` when the solver could not tell in time. */
type Verdict = 'feasible' | 'infeasible' | 'unknown';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Explains why the rules cannot hold.
 *
 * @returns The conflicting rules (minimal when every test was conclusive) and relaxations.
 */
export function* diagnose(x: DiagnoseInput): Steps<Diagnosis> {
  const { eligibility, split, compiled } = x;
  const graph = split.residual;
  const all = residualRows(compiled, split.lockedEdges, split.residualToEdge, eligibility.graph.edgeCol.length);
  const ones = { ...graph, edgeWeight: new Float64Array(graph.edgeCol.length).fill(1) };
  let conclusive = true;
  const test = function* (rows: readonly ProblemRow[]): Steps<Verdict> {
    if (rows.length === 0) return 'feasible';
    // No pairs at all meets every row whose right-hand side is at most 0.
    if (rows.every((row) => row.rhs <= 1e-9)) return 'feasible';
    if (stopReason(x.control)) return 'unknown';
    const s = yield* solveRules({ graph: ones, rows, cardinality: null }, { method: 'auto', mip: x.mip, control: x.control, feasibility: true, ...(x.notes ? { notes: x.notes } : {}) });
    return s.x !== null ? 'feasible' : s.status === 'infeasible' ? 'infeasible' : 'unknown';
  };

  // A rule that cannot hold on its own is a conflict by itself. Counts of pairs (mustMatch,
  // minPairs) are decided by a largest matching over their pairs, caps by the locked pairs alone.
  const aloneVerdict = function* (row: ProblemRow): Steps<Verdict> {
    if (row.coefs.every((c) => c === 1)) {
      if (row.rhs <= 0) return 'feasible';
      const mark = new Uint8Array(graph.edgeCol.length);
      for (const e of row.edges) mark[e] = 1;
      return maxPairs(subgraph(graph, (e) => mark[e] === 1).graph) >= row.rhs - 1e-9 ? 'feasible' : 'infeasible';
    }
    if (row.coefs.every((c) => c < 0)) return row.rhs <= 1e-9 ? 'feasible' : 'infeasible';
    return yield* test([row]);
  };
  const alone: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const v = yield* aloneVerdict(all[i]!);
    if (v === 'infeasible') alone.push(i);
    else if (v === 'unknown') conclusive = false;
  }
  let set: number[];
  if (alone.length > 0) set = alone;
  else {
    // Deletion filter: first whole quotas, then single rows of the quotas kept.
    set = all.map((_, i) => i);
    const quotaIds = [...new Set(compiled.map((r) => r.quotaIndex))];
    for (const q of quotaIds) {
      const without = set.filter((i) => compiled[i]!.quotaIndex !== q);
      if (without.length === set.length) continue;
      const v = yield* test(without.map((i) => all[i]!));
      if (v === 'infeasible') set = without;
      else if (v === 'unknown') conclusive = false;
    }
    // Then single rows, when few enough for one solve each.
    if (set.length > ROW_FILTER_MAX) conclusive = false;
    for (const i of set.length > ROW_FILTER_MAX ? [] : [...set]) {
      const without = set.filter((k) => k !== i);
      if (without.length === 0) continue;
      const v = yield* test(without.map((k) => all[k]!));
      if (v === 'infeasible') set = without;
      else if (v === 'unknown') conclusive = false;
    }
  }

  const fr = x.locale === 'fr';
  const conflicts: Diagnosis['conflicts'] = [];
  const relaxations: Diagnosis['relaxations'] = [];
  const view = new SolutionView(eligibility.graph, new Uint8Array(eligibility.graph.edgeCol.length));
  const noPartnerDetail = (id: string) =>
    explainUnmatched({
      prepared: x.prepared,
      eligibility,
      view,
      locale: x.locale,
      freePlaces: { junior: 0, senior: 0 },
      places: { junior: 0, senior: 0 },
      forcingCost: () => undefined,
    }).find((u) => u.id === id)?.detail;

  for (const i of set) {
    const row = compiled[i]!;
    // Rules that fail on their own are conflicts by themselves: relax each against no other.
    const others = alone.length > 0 ? [] : set.filter((k) => k !== i).map((k) => all[k]!);
    const quota = row.quota;
    const people = row.members.map((p) => p.id);
    if (quota.kind === 'mustMatch' && row.person) {
      const who = `${row.person.role} ${row.person.id}${row.person.name ? ` (${row.person.name})` : ''}`;
      const detail = row.edges.length === 0 ? noPartnerDetail(row.person.id) : undefined;
      const message = detail
        ? `mustMatch "${quota.id}": ${who}${fr ? ' : ' : ': '}${detail}`
        : fr
          ? `mustMatch "${quota.id}" : ${who} ne peut pas avoir de binôme si les autres règles de cet ensemble tiennent (${row.edges.length} partenaires possibles)`
          : `mustMatch "${quota.id}": ${who} cannot be paired while the other rules of this set hold (${row.edges.length} eligible partners)`;
      conflicts.push({ rule: quota.id, people, message });
      relaxations.push({
        rule: quota.id,
        change: { remove: [row.person.id] },
        message: fr ? `retirer ${row.person.id} de "${quota.id}"` : `drop ${row.person.id} from "${quota.id}"`,
      });
      continue;
    }
    if (quota.kind === 'keepPairs') {
      // The most of these pairs the other rules let stand.
      const weight = new Float64Array(graph.edgeCol.length);
      const residualRow = all[i]!;
      for (let k = 0; k < residualRow.edges.length; k++) weight[residualRow.edges[k]!] = 1;
      const best = yield* solveRules({ graph: { ...graph, edgeWeight: weight }, rows: others, cardinality: null }, { method: 'mip', mip: x.mip, control: x.control, ...(x.notes ? { notes: x.notes } : {}) });
      const reach = best.x !== null ? Math.round(best.value + quota.count - residualRow.rhs) : null;
      const of = quota.pairs.length;
      const message = fr
        ? `"${quota.id}" : garder au moins ${quota.count} des ${of} binômes inchangés est impossible avec les autres règles${reach === null ? '' : ` ; au plus ${reach} peuvent être gardés`}`
        : `"${quota.id}": keeping at least ${quota.count} of the ${of} unchanged pairs conflicts with the other rules${reach === null ? '' : `; at most ${reach} can be kept`}`;
      conflicts.push({ rule: quota.id, people, message });
      if (reach !== null) {
        relaxations.push({ rule: quota.id, change: { count: reach }, message: fr ? `garder ${reach} binômes inchangés` : `keep ${reach} unchanged pairs` });
      }
      continue;
    }
    if (quota.kind === 'minPairs' || quota.kind === 'maxPairs') {
      const field = 'attribute' in quota.per ? quota.per.attribute : fr ? FIELD_FR[quota.per.field] : quota.per.field;
      const group = fr ? `${field} "${row.group}" (${quota.per.side}s)` : `${quota.per.side} ${field} "${row.group}"`;
      // The best count this group can have with the other rules: maximise (or minimise) its pairs.
      const sign = quota.kind === 'minPairs' ? 1 : -1;
      const weight = new Float64Array(graph.edgeCol.length);
      const residualRow = all[i]!;
      for (let k = 0; k < residualRow.edges.length; k++) weight[residualRow.edges[k]!] = sign;
      const best = yield* solveRules({ graph: { ...graph, edgeWeight: weight }, rows: others, cardinality: null }, { method: 'mip', mip: x.mip, control: x.control, ...(x.notes ? { notes: x.notes } : {}) });
      // Pairs of the group already fixed by locked pairs (the residual right-hand side nets them).
      const locked = quota.kind === 'minPairs' ? quota.count - residualRow.rhs : residualRow.rhs + quota.count;
      const reach = best.x !== null ? Math.round(sign * best.value + locked) : null;
      const message =
        reach === null
          ? `${quota.kind} "${quota.id}": ${group} ${fr ? 'est en conflit avec les autres règles de cet ensemble' : 'conflicts with the other rules of this set'}`
          : quota.kind === 'minPairs'
            ? fr
              ? `${quota.kind} "${quota.id}" : ${group} demande ${quota.count} binômes, au plus ${reach} ${reach > 1 ? 'sont possibles' : 'est possible'}`
              : `${quota.kind} "${quota.id}": ${group} needs ${quota.count} pairs, at most ${reach} can be formed`
            : fr
              ? `${quota.kind} "${quota.id}" : ${group} limite à ${quota.count} binômes, il en faut au moins ${reach}`
              : `${quota.kind} "${quota.id}": ${group} allows ${quota.count} pairs, at least ${reach} are needed`;
      conflicts.push({ rule: quota.id, people, message });
      if (reach !== null) {
        relaxations.push({
          rule: quota.id,
          change: { count: reach, group: [row.group ?? ''] },
          message: fr ? `ramener ${quota.kind} "${quota.id}" à ${reach} pour ${group}` : `set ${quota.kind} "${quota.id}" to ${reach} for ${group}`,
        });
      }
      continue;
    }
    if (quota.kind === 'minShare' || quota.kind === 'maxShare') {
      // Binary search on the share, to the nearest 0.5 point.
      const rowAt = (share: number): ProblemRow[] => {
        const changed = { ...row, quota: { ...quota, share }, coefs: Float64Array.from(row.coefs, (c) => c + quota.share - share) };
        return residualRows([changed], split.lockedEdges, split.residualToEdge, eligibility.graph.edgeCol.length);
      };
      let good = quota.kind === 'minShare' ? 0 : 1;
      let bad = quota.share;
      while (Math.abs(bad - good) > 0.005) {
        const mid = (good + bad) / 2;
        const v = yield* test([...others, ...rowAt(mid)]);
        if (v === 'feasible') good = mid;
        else {
          if (v === 'unknown') conclusive = false;
          bad = mid;
        }
      }
      const reach = quota.kind === 'minShare' ? Math.floor(good * 1000) / 1000 : Math.ceil(good * 1000) / 1000;
      const what = typeof quota.where === 'string' ? (quota.where === 'differentSite' ? (fr ? 'changent de site' : 'cross sites') : fr ? 'changent de département' : 'cross departments') : `${quota.where.side}.${quota.where.attribute} = ${String(quota.where.equals)}`;
      const message =
        quota.kind === 'minShare'
          ? fr
            ? `le quota "${quota.id}" >= ${pct(quota.share)} ne peut pas tenir : au plus ${pct(reach)} des binômes peuvent respecter « ${what} » avec ces participants et ces règles`
            : `quota "${quota.id}" >= ${pct(quota.share)} cannot hold: at most ${pct(reach)} of pairs can ${typeof quota.where === 'string' ? what : `have ${what}`} with these participants and rules`
          : fr
            ? `le quota "${quota.id}" <= ${pct(quota.share)} ne peut pas tenir : au moins ${pct(reach)} des binômes respectent « ${what} »`
            : `quota "${quota.id}" <= ${pct(quota.share)} cannot hold: at least ${pct(reach)} of pairs ${typeof quota.where === 'string' ? what : `have ${what}`} with these participants and rules`;
      conflicts.push({ rule: quota.id, people: [], message });
      relaxations.push({ rule: quota.id, change: { share: reach }, message: fr ? `ramener "${quota.id}" à ${pct(reach)}` : `set "${quota.id}" to ${pct(reach)}` });
    }
  }
  if (split.lockedEdges.length > 0) {
    // Edge order is id order (rows and columns are sorted by id), whatever the order of lockedPairs.
    const lockedPeople = [...split.lockedEdges].sort((a, b) => a - b).map((e) => {
      const r = eligibility.graph.rowStart.findIndex((start, k) => k < eligibility.graph.rows && e >= start && e < eligibility.graph.rowStart[k + 1]!);
      return `${displayName(eligibility.juniors[r]!)} / ${displayName(eligibility.seniors[eligibility.graph.edgeCol[e]!]!)}`;
    });
    if (conflicts.length > 0) {
      conflicts.push({
        rule: 'lockedPairs',
        people: [],
        message: fr ? `avec les binômes imposés : ${lockedPeople.join(', ')}` : `with the locked pairs: ${lockedPeople.join(', ')}`,
      });
    }
  }
  return { conflicts, minimal: conclusive, relaxations };
}
