import { match } from '../engine/match';
import type { MatchInput, MatchOptions } from '../engine/options';
import { scorePairs } from '../engine/score-pairs';
import { ValidationError } from '../errors';
import { parseParticipants, type Participant } from '../model/participant';
import { parseProgram, type PairRef, type Program } from '../model/program';
import type { MatchResult } from '../model/result';
import { solveAssignment } from '../solver/assignment';

/** How the rounds of a rotation are planned. */
export type RotationStrategy = 'sequential' | 'joint' | 'best';

/** Options of {@link planRotation}: those of `match`, plus the rounds. */
export interface RotationOptions extends MatchOptions {
  /** Number of rounds, 1..100. */
  readonly rounds: number;
  /**
   * `sequential` (default): each round is the best one given the earlier ones. `joint`: the most
   * pairs (or the best total, for `maxScore`) over all rounds together, then split into rounds;
   * only for programs without quotas, locked pairs or `maximin`. `best`: both, keeping the one
   * with more pairs in all, then the better total.
   */
  readonly strategy?: RotationStrategy;
}

/** What {@link planRotation} returns. */
export interface RotationPlan {
  /** One result per round, each with its pairs, explanations and unmatched. */
  readonly rounds: readonly MatchResult[];
  /** The strategy that produced the rounds. */
  readonly strategy: 'sequential' | 'joint';
  /** Pairs over all rounds. */
  readonly pairs: number;
  /** Total score over all rounds. */
  readonly totalScore: number;
  readonly warnings: readonly string[];
}

const MAX_ROUNDS = 100;

/**
 * Plans several rounds of a programme in which no pair ever repeats, nor pairs anyone with a past
 * partner (`pastPartners`; the program's `avoidPastPartners` is switched on for the rotation).
 * In the default `sequential` strategy each round is optimal given the earlier ones (the pairs
 * of earlier rounds are forbidden, and everything else of the program holds, quotas included);
 * locked pairs apply to the first round only.
 *
 * @param input - Participants and program, raw or parsed; never mutated.
 * @param options - Rounds, strategy, and any option of `match` (locale, solver, time limit...).
 * @returns The rounds, each a full `MatchResult`.
 * @throws ValidationError for bad input or options, as `match` does.
 * @example
 * const { rounds } = planRotation({ participants, program }, { rounds: 3 });
 */
export function planRotation(input: MatchInput, options: RotationOptions): RotationPlan {
  const { rounds: count, strategy = 'sequential', ...matchOptions } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_ROUNDS) {
    throw new ValidationError([{ path: ['options', 'rounds'], message: `must be a whole number 1..${MAX_ROUNDS}`, received: count }]);
  }
  if (!['sequential', 'joint', 'best'].includes(strategy)) {
    throw new ValidationError([{ path: ['options', 'strategy'], message: 'must be sequential, joint or best', received: strategy }]);
  }
  const base = parseProgram(input.program ?? {});
  const program: Program = { ...base, constraints: { ...base.constraints, avoidPastPartners: true } };
  const participants = parseParticipants(input.participants, { ...matchOptions.parse, skills: program.skills });
  const warnings: string[] = [];
  if (!base.constraints.avoidPastPartners) warnings.push('avoidPastPartners switched on: a rotation never pairs past partners');

  const jointReason = jointUnsupported(program);
  if (strategy === 'joint' && jointReason) {
    throw new ValidationError([{ path: ['options', 'strategy'], message: `joint planning does not support ${jointReason}; use sequential`, received: strategy }]);
  }
  const sequential = strategy === 'joint' ? null : planSequential(participants, program, count, matchOptions);
  let joint: MatchResult[] | null = null;
  if (strategy !== 'sequential') {
    if (jointReason) warnings.push(`joint planning skipped: it does not support ${jointReason}`);
    else joint = planJoint(participants, program, count, matchOptions);
  }
  const chosen = pickBetter(sequential, joint);
  const totals = summarise(chosen.rounds);
  return { rounds: chosen.rounds, strategy: chosen.strategy, ...totals, warnings };
}

function summarise(rounds: readonly MatchResult[]): { pairs: number; totalScore: number } {
  return { pairs: rounds.reduce((n, r) => n + r.pairs.length, 0), totalScore: rounds.reduce((n, r) => n + r.objective, 0) };
}

function pickBetter(sequential: MatchResult[] | null, joint: MatchResult[] | null): { rounds: MatchResult[]; strategy: 'sequential' | 'joint' } {
  if (joint === null) return { rounds: sequential!, strategy: 'sequential' };
  if (sequential === null) return { rounds: joint, strategy: 'joint' };
  const a = summarise(sequential);
  const b = summarise(joint);
  const jointBetter = b.pairs > a.pairs || (b.pairs === a.pairs && b.totalScore > a.totalScore + 1e-9 * Math.max(1, Math.abs(a.totalScore)));
  return jointBetter ? { rounds: joint, strategy: 'joint' } : { rounds: sequential, strategy: 'sequential' };
}

/** Why the joint strategy cannot serve this program, or null when it can. */
function jointUnsupported(program: Program): string | null {
  if (program.quotas.length > 0) return 'quotas';
  if (program.constraints.lockedPairs.length > 0) return 'locked pairs';
  if (program.objective === 'maximin') return 'the maximin objective';
  return null;
}

const key = (p: PairRef) => `${p.juniorId}\u0000${p.seniorId}`;

/** Round after round, each the best given the pairs of the earlier ones. */
function planSequential(participants: readonly Participant[], program: Program, count: number, options: MatchOptions): MatchResult[] {
  const rounds: MatchResult[] = [];
  const used: PairRef[] = [];
  for (let r = 0; r < count; r++) {
    const constraints = {
      ...program.constraints,
      lockedPairs: r === 0 ? program.constraints.lockedPairs : [],
      forbiddenPairs: [...program.constraints.forbiddenPairs, ...used],
    };
    const result = match({ participants, program: { ...program, constraints } }, options);
    rounds.push(result);
    for (const p of result.pairs) used.push({ juniorId: p.juniorId, seniorId: p.seniorId });
  }
  return rounds;
}

/**
 * All rounds at once: the eligible pairs form one b-matching in which everyone may take `rounds`
 * times their capacity and each pair at most once, solved exactly; its pairs are then coloured
 * into rounds (a bipartite multigraph of degree at most d splits into d matchings, König), so that
 * each round respects every capacity. Each round is then explained by `match` with its pairs
 * locked and the other rounds' pairs forbidden.
 */
function planJoint(participants: readonly Participant[], program: Program, count: number, options: MatchOptions): MatchResult[] {
  const { juniorIds, seniorIds, scores } = scorePairs(participants, program, options);
  const byId = new Map(participants.map((p) => [p.id, p] as const));
  const capOf = (id: string) => {
    const p = byId.get(id)!;
    return p.capacity ?? program.capacity[p.role];
  };
  const rowCap = juniorIds.map(capOf);
  const colCap = seniorIds.map(capOf);
  const row: number[] = [];
  const col: number[] = [];
  const weight: number[] = [];
  for (let r = 0; r < juniorIds.length; r++) {
    for (let c = 0; c < seniorIds.length; c++) {
      const w = scores[r * seniorIds.length + c]!;
      if (Number.isNaN(w)) continue;
      row.push(r);
      col.push(c);
      weight.push(w);
    }
  }
  const solution = solveAssignment(
    {
      rows: juniorIds.length,
      cols: seniorIds.length,
      rowCapacity: rowCap.map((c) => c * count),
      colCapacity: colCap.map((c) => c * count),
      edges: { row: Int32Array.from(row), col: Int32Array.from(col), weight: Float64Array.from(weight) },
    },
    { mode: program.objective === 'maxScore' ? 'maxWeight' : 'maxCardinality' },
  );
  const chosen: [number, number][] = [];
  for (let k = 0; k < solution.pairs.length; k += 2) chosen.push([solution.pairs[k]!, solution.pairs[k + 1]!]);
  const colour = colourRounds(chosen, rowCap, colCap, count);
  const byRound: PairRef[][] = Array.from({ length: count }, () => []);
  chosen.forEach(([r, c], k) => byRound[colour[k]!]!.push({ juniorId: juniorIds[r]!, seniorId: seniorIds[c]! }));
  const all = chosen.map(([r, c]) => ({ juniorId: juniorIds[r]!, seniorId: seniorIds[c]! }));
  return byRound.map((pairs) => {
    const mine = new Set(pairs.map(key));
    const constraints = {
      ...program.constraints,
      lockedPairs: pairs,
      forbiddenPairs: [...program.constraints.forbiddenPairs, ...all.filter((p) => !mine.has(key(p)))],
    };
    return match({ participants, program: { ...program, constraints } }, options);
  });
}

/**
 * Splits a set of pairs in which row r has at most `count * rowCap[r]` pairs (columns alike) into
 * `count` rounds in which row r has at most `rowCap[r]`: each person is split into `cap` copies
 * that share their pairs evenly (at most `count` each), then the copies' multigraph, of degree at
 * most `count`, is edge-coloured with `count` colours by alternating paths.
 *
 * @returns The round (colour) of each pair, in input order.
 */
export function colourRounds(pairs: readonly (readonly [number, number])[], rowCap: readonly number[], colCap: readonly number[], count: number): Int32Array {
  // Copies: pair k goes to copy (its rank among the person's pairs) mod cap.
  const rowSeen = new Int32Array(rowCap.length);
  const colSeen = new Int32Array(colCap.length);
  const rowBase = prefix(rowCap);
  const colBase = prefix(colCap);
  const u = new Int32Array(pairs.length);
  const v = new Int32Array(pairs.length);
  pairs.forEach(([r, c], k) => {
    u[k] = rowBase[r]! + (rowSeen[r]!++ % Math.max(1, rowCap[r]!));
    v[k] = colBase[c]! + (colSeen[c]!++ % Math.max(1, colCap[c]!));
  });
  const U = rowBase[rowCap.length]!;
  const V = colBase[colCap.length]!;
  // at[x * count + colour] = pair index using that colour at vertex x, or -1.
  const atU = new Int32Array(U * count).fill(-1);
  const atV = new Int32Array(V * count).fill(-1);
  const colour = new Int32Array(pairs.length).fill(-1);
  const free = (at: Int32Array, x: number) => {
    for (let c = 0; c < count; c++) if (at[x * count + c] === -1) return c;
    return -1;
  };
  for (let k = 0; k < pairs.length; k++) {
    const a = free(atU, u[k]!);
    const b = free(atV, v[k]!);
    if (a < 0 || b < 0) throw new Error('colourRounds: a person has more pairs than rounds allow');
    if (atV[v[k]! * count + a] !== -1) {
      // Swap colours a and b along the alternating path from v[k] (it cannot reach u[k]).
      const path: number[] = [];
      let onV = true;
      let x = v[k]!;
      let want = a;
      for (;;) {
        const e = (onV ? atV : atU)[x * count + want]!;
        if (e === -1) break;
        path.push(e);
        x = onV ? u[e]! : v[e]!;
        onV = !onV;
        want = want === a ? b : a;
      }
      for (const e of path) {
        atU[u[e]! * count + colour[e]!] = -1;
        atV[v[e]! * count + colour[e]!] = -1;
      }
      for (const e of path) {
        colour[e] = colour[e] === a ? b : a;
        atU[u[e]! * count + colour[e]!] = e;
        atV[v[e]! * count + colour[e]!] = e;
      }
    }
    colour[k] = a;
    atU[u[k]! * count + a] = k;
    atV[v[k]! * count + a] = k;
  }
  return colour;
}

function prefix(values: readonly number[]): Int32Array {
  const out = new Int32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) out[i + 1] = out[i]! + Math.max(1, values[i]!);
  return out;
}
