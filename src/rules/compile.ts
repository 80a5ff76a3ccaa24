/**
 * Programme rules as linear rows over the eligible pairs: each quota of the program becomes one
 * row (`minShare`, `maxShare`), one row per group (`minPairs`, `maxPairs`) or one row per person
 * (`mustMatch`).
 *
 * @module
 */
import type { Eligibility } from '../engine/eligibility';
import { displayName } from '../model/context';
import type { Participant, Role } from '../model/participant';
import type { Program, Quota } from '../model/program';

/** One linear rule over the eligible pairs: `sum(coef[k] * x[edge[k]]) >= rhs` (or `<=`). */
export interface RuleRow {
  /** Index of the quota in `program.quotas` (engine-made rules come after them). */
  readonly quotaIndex: number;
  /** The quota, or an engine-made rule. */
  readonly quota: Quota | KeepRule;
  /** Direction of the row. */
  readonly sense: 'ge' | 'le';
  /** Edges of the eligibility graph with a non-zero coefficient, ascending. */
  readonly edges: Int32Array;
  /** Their coefficients. */
  readonly coefs: Float64Array;
  /** Right-hand side. */
  readonly rhs: number;
  /** The group of a `minPairs`/`maxPairs` row: its value as text (a department, a site, a tag...). */
  readonly group?: string;
  /** The person of a `mustMatch` row. */
  readonly person?: Participant;
  /** Side of the group or person. */
  readonly side?: Role;
  /** Matchable people of the group or the person, for diagnoses. */
  readonly members: readonly Participant[];
}

/** Rows of the program's quotas, and warnings about rules that touch no one or non-volunteers. */
/**
 * A rule the engine makes for itself (not part of the program format): at least `count` of these
 * pairs are formed. `rematch` uses it to keep all but `maxChanges` of the unaffected pairs.
 */
export interface KeepRule {
  readonly id: string;
  readonly kind: 'keepPairs';
  readonly pairs: readonly { readonly juniorId: string; readonly seniorId: string }[];
  readonly count: number;
}

/**
 * Compiles engine-made keep rules into rows over the eligible pairs (a listed pair that is not
 * eligible cannot count towards its rule).
 *
 * @param rules - The rules; their `quotaIndex` follows the program's quotas.
 * @param firstIndex - `program.quotas.length`.
 */
export function compileKeepRules(rules: readonly KeepRule[], eligibility: Eligibility, firstIndex: number): RuleRow[] {
  const { graph, juniors, seniors } = eligibility;
  const rowIndex = new Map(juniors.map((p, i) => [p.id, i] as const));
  const colIndex = new Map(seniors.map((p, i) => [p.id, i] as const));
  return rules.map((rule, k) => {
    const edges: number[] = [];
    const members = new Map<string, Participant>();
    for (const pair of rule.pairs) {
      const r = rowIndex.get(pair.juniorId);
      const c = colIndex.get(pair.seniorId);
      if (r === undefined || c === undefined) continue;
      for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
        if (graph.edgeCol[e] !== c) continue;
        edges.push(e);
        members.set(juniors[r]!.id, juniors[r]!);
        members.set(seniors[c]!.id, seniors[c]!);
      }
    }
    edges.sort((a, b) => a - b);
    return {
      quotaIndex: firstIndex + k,
      quota: rule,
      sense: 'ge' as const,
      edges: Int32Array.from(edges),
      coefs: new Float64Array(edges.length).fill(1),
      rhs: rule.count,
      members: [...members.values()],
    };
  });
}

export interface CompiledRules {
  readonly rows: readonly RuleRow[];
  /** Plain-English warnings (for the result's `warnings`). */
  readonly warnings: readonly string[];
}

const differ = (a: string | null | undefined, b: string | null | undefined) => a != null && b != null && a !== b;

/** Values of a participant for a `per` grouping. */
function groupValues(p: Participant, per: Extract<Quota, { kind: 'minPairs' | 'maxPairs' }>['per']): (string | number | boolean)[] {
  if ('attribute' in per) {
    const v = p.attributes && Object.hasOwn(p.attributes, per.attribute) ? p.attributes[per.attribute] : undefined;
    return v === undefined || v === null ? [] : [v];
  }
  if (per.field === 'department') return [p.department];
  if (per.field === 'site') return p.site == null ? [] : [p.site];
  return p.tags ? [...new Set(p.tags)] : [];
}

const groupKey = (v: string | number | boolean) => `${typeof v}:${String(v)}`;

/**
 * Compiles the program's quotas into rows over the eligibility graph.
 *
 * @param program - The validated program.
 * @param eligibility - Matchable juniors (rows) and seniors (columns) and their eligible pairs.
 * @param everyone - Every participant, for `mustMatch` rules that name non-volunteers.
 */
export function compileRules(program: Program, eligibility: Eligibility, everyone: readonly Participant[]): CompiledRules {
  const { graph, juniors, seniors } = eligibility;
  const E = graph.edgeCol.length;
  const edgeRow = new Int32Array(E);
  for (let r = 0; r < graph.rows; r++) edgeRow.fill(r, graph.rowStart[r]!, graph.rowStart[r + 1]!);
  const juniorOf = (e: number) => juniors[edgeRow[e]!]!;
  const seniorOf = (e: number) => seniors[graph.edgeCol[e]!]!;
  const rows: RuleRow[] = [];
  const warnings: string[] = [];
  const rowIndex = new Map(juniors.map((p, i) => [p.id, i] as const));
  const colIndex = new Map(seniors.map((p, i) => [p.id, i] as const));
  // Edges of each column, for per-senior rows.
  const colEdges: number[][] = seniors.map(() => []);
  for (let e = 0; e < E; e++) colEdges[graph.edgeCol[e]!]!.push(e);
  const edgesOf = (p: Participant): number[] => {
    if (p.role === 'junior') {
      const r = rowIndex.get(p.id);
      if (r === undefined) return [];
      const out: number[] = [];
      for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) out.push(e);
      return out;
    }
    const c = colIndex.get(p.id);
    return c === undefined ? [] : colEdges[c]!;
  };

  // Rows in quota id order, not program order, so that reordering the quotas never changes which
  // of several equally good answers the solvers reach (quota ids are unique); `quotaIndex` still
  // points into `program.quotas`, for messages in program order.
  const byId = program.quotas.map((quota, quotaIndex) => ({ quota, quotaIndex })).sort((a, b) => (a.quota.id < b.quota.id ? -1 : a.quota.id > b.quota.id ? 1 : 0));
  byId.forEach(({ quota, quotaIndex }) => {
    if (quota.kind === 'minShare' || quota.kind === 'maxShare') {
      const where = quota.where;
      const counts =
        where === 'differentSite'
          ? (e: number) => differ(juniorOf(e).site, seniorOf(e).site)
          : where === 'differentDepartment'
            ? (e: number) => differ(juniorOf(e).department, seniorOf(e).department)
            : (e: number) => {
                const attributes = (where.side === 'junior' ? juniorOf(e) : seniorOf(e)).attributes;
                return attributes !== undefined && Object.hasOwn(attributes, where.attribute) && attributes[where.attribute] === where.equals;
              };
      const edges: number[] = [];
      const coefs: number[] = [];
      for (let e = 0; e < E; e++) {
        const c = (counts(e) ? 1 : 0) - quota.share;
        if (c !== 0) {
          edges.push(e);
          coefs.push(c);
        }
      }
      rows.push({
        quotaIndex,
        quota,
        sense: quota.kind === 'minShare' ? 'ge' : 'le',
        edges: Int32Array.from(edges),
        coefs: Float64Array.from(coefs),
        rhs: 0,
        members: [],
      });
      return;
    }
    if (quota.kind === 'minPairs' || quota.kind === 'maxPairs') {
      const side = quota.per.side;
      const people = side === 'junior' ? juniors : seniors;
      const groups = new Map<string, { value: string | number | boolean; members: Participant[] }>();
      for (const v of quota.values ?? []) groups.set(groupKey(v), { value: v, members: [] });
      for (const p of people) {
        for (const v of groupValues(p, quota.per)) {
          const key = groupKey(v);
          let g = groups.get(key);
          if (!g) {
            if (quota.values) continue;
            g = { value: v, members: [] };
            groups.set(key, g);
          }
          g.members.push(p);
        }
      }
      if (groups.size === 0) warnings.push(`quota "${quota.id}": no matchable ${side} has a value for this grouping, so it applies to no one`);
      const sorted = [...groups.values()].sort((a, b) => (String(a.value) < String(b.value) ? -1 : String(a.value) > String(b.value) ? 1 : 0));
      for (const g of sorted) {
        const edges = [...new Set(g.members.flatMap(edgesOf))].sort((a, b) => a - b);
        rows.push({
          quotaIndex,
          quota,
          sense: quota.kind === 'minPairs' ? 'ge' : 'le',
          edges: Int32Array.from(edges),
          coefs: new Float64Array(edges.length).fill(1),
          rhs: quota.count,
          group: String(g.value),
          side,
          members: g.members,
        });
      }
      return;
    }
    if (quota.kind !== 'mustMatch') return;
    const must = quota;
    const named = must.ids ? new Set(must.ids) : null;
    const persons = everyone
      .filter((p) => (named ? named.has(p.id) : (p.tags ?? []).includes(must.tag ?? '')))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (persons.length === 0) warnings.push(`quota "${quota.id}": no participant has the tag "${must.tag}", so it applies to no one`);
    for (const person of persons) {
      const matchable = person.role === 'junior' ? rowIndex.has(person.id) : colIndex.has(person.id);
      if (!matchable) {
        warnings.push(`quota "${quota.id}": ${displayName(person)} (${person.id}) is not a volunteer, so is not paired (mustMatch never overrides volunteering)`);
        continue;
      }
      const edges = edgesOf(person);
      rows.push({
        quotaIndex,
        quota,
        sense: 'ge',
        edges: Int32Array.from(edges),
        coefs: new Float64Array(edges.length).fill(1),
        rhs: 1,
        person,
        side: person.role,
        members: [person],
      });
    }
  });
  return { rows, warnings };
}
