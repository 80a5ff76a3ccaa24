import { z } from 'zod';

const id = z.string().min(1);

/** Schema of one scorer's share of a pair score. */
export const contributionSchema = z.strictObject({
  /** Scorer id (a key of `program.weights`). */
  scorer: z.string(),
  /** Points of the pair score (0..100 in all) that this scorer gives. */
  points: z.number(),
  /** Raw value of the scorer for the pair, in [0, 1]. */
  value: z.number().min(0).max(1),
  /** Weight share of the scorer: `points = 100 * share * value`. */
  share: z.number().min(0).max(1),
  /** Readable reasons, in the result's locale. */
  reasons: z.array(z.string()),
});

const rankSchema = z.strictObject({ rank: z.int().min(1), of: z.int().min(1) });

/** Schema of the best partner one side of a pair could have had instead. */
export const alternativeSchema = z.strictObject({
  /** Whose alternative this is. */
  side: z.enum(['junior', 'senior']),
  /** The partner that side scores highest. */
  partnerId: id,
  /** Score of that other pair. */
  score: z.number(),
  /** Who that partner is paired with instead (empty when unpaired). */
  pairedWith: z.array(id),
  /** How much the total would drop if that pair were forced; `null` when forcing it would cost a pair. */
  cost: z.number().nullable(),
});

/** Schema of one pair of the result. */
export const resultPairSchema = z.strictObject({
  juniorId: id,
  seniorId: id,
  /** 0..100, exactly the sum of the contributions' points. */
  score: z.number(),
  contributions: z.array(contributionSchema),
  /** A readable paragraph: score, main reason, ranks, best alternatives. */
  explanation: z.string(),
  /** True when the program locked this pair. */
  locked: z.boolean(),
  /** Junior: rank of this senior among the junior's eligible seniors; senior: the reverse. */
  ranks: z.strictObject({ junior: rankSchema, senior: rankSchema }),
  alternatives: z.array(alternativeSchema),
  /** Rules that did not apply to the pair because a side lacks a field, and the like. */
  notes: z.array(z.string()),
  /** Ids of the program's goals the pair serves (`program.goals`), in program order. */
  goals: z.array(z.string()),
});

/** Why a participant is not paired. */
export const unmatchedReasonSchema = z.enum(['not-volunteer', 'no-eligible-partner', 'outcompeted', 'below-min-score', 'capacity', 'rules', 'time-limit']);

/** Schema of one unmatched participant. */
export const unmatchedSchema = z.strictObject({
  id,
  name: z.string().optional(),
  role: z.enum(['junior', 'senior']),
  reason: unmatchedReasonSchema,
  /** Readable detail, in the result's locale. */
  detail: z.string(),
});

/** Schema of one conflicting rule of a diagnosis. */
export const conflictSchema = z.strictObject({
  /** Quota id, or `lockedPairs[i]` for a locked pair. */
  rule: z.string(),
  /** Ids of the people involved. */
  people: z.array(z.string()),
  /** Readable explanation, in the result's locale. */
  message: z.string(),
});

/** Schema of a relaxation that makes the rules hold. */
export const relaxationSchema = z.strictObject({
  rule: z.string(),
  /** What to change, e.g. `{ share: 0.22 }`, `{ count: 1 }`, `{ remove: true }`. */
  change: z.record(z.string(), z.union([z.number(), z.boolean(), z.array(z.string())])),
  message: z.string(),
});

/** Schema of an infeasibility diagnosis. */
export const diagnosisSchema = z.strictObject({
  /** A minimal set of rules that cannot hold together (each of them alone can, or nearly). */
  conflicts: z.array(conflictSchema),
  /** Whether the set is proven minimal (false when the diagnosis ran out of time or size). */
  minimal: z.boolean(),
  /** The smallest changes found that make the rules hold, one rule at a time. */
  relaxations: z.array(relaxationSchema),
});

/** Schema of the figures of a run. */
export const statsSchema = z.strictObject({
  juniors: z.int(),
  seniors: z.int(),
  volunteers: z.strictObject({ juniors: z.int(), seniors: z.int() }),
  /** Pairs allowed by every hard constraint and `minScore`. */
  eligiblePairs: z.int(),
  pairs: z.int(),
  lockedPairs: z.int(),
  paired: z.strictObject({ juniors: z.int(), seniors: z.int() }),
  unmatched: z.int(),
  totalScore: z.number(),
  meanScore: z.number(),
  minPairScore: z.number(),
  maxPairScore: z.number(),
  /** Share of pairs across departments, 0..1 (0 when there are no pairs). */
  crossDepartmentShare: z.number(),
  /** Share of pairs across sites (both sites known and different), 0..1. */
  crossSiteShare: z.number(),
  objective: z.enum(['maxScore', 'maxPairsThenScore', 'maximin']),
  /**
   * Proof that the pairs are optimal: the dual values of the solve (maximisation form, see
   * `AssignmentDuals`) per junior and senior id, and the verdict of `verifyAssignment` on them.
   * It covers the pairs that are not locked, with the capacities the locked pairs leave; weights
   * are the pair scores of the eligible pairs (`scorePairs`). `cardinality` is the dual of the
   * fixed number of pairs (`maxPairsThenScore`; 0 for `maxScore`).
   */
  certificate: z
    .strictObject({
      verified: z.boolean(),
      maxViolation: z.number(),
      tolerance: z.number(),
      cardinality: z.number(),
      juniors: z.record(z.string(), z.number()),
      seniors: z.record(z.string(), z.number()),
    })
    .nullable(),
  /**
   * `maxPairsThenScore` and `maximin`: whether the number of pairs is proven the largest the rules
   * allow (`gap` is measured at this number of pairs); null for `maxScore`.
   */
  pairsProven: z.boolean().nullable(),
  /** Rule solves: core solves of the Lagrangian method and 0-1 programs, in all. */
  solves: z.int(),
  /** Set when the time limit or the caller's signal cut the solve short. */
  stopped: z.enum(['time-limit', 'aborted']).nullable(),
  /** Wall-clock milliseconds per phase; the only part of a result that varies between runs. */
  timeMs: z.strictObject({ validate: z.number(), score: z.number(), solve: z.number(), explain: z.number(), total: z.number() }),
});

/** Schema of a match result (the formats README's, with `status`, `stats` and richer pairs). */
export const matchResultSchema = z.strictObject({
  /**
   * `optimal`: a proven optimum of the program's objective under every rule; `feasible`: the pairs
   * meet every rule but are not proven best (see `gap`); `infeasible`: no set of pairs meets every
   * rule (see `diagnosis`); `time-limit`: stopped (time limit or signal) before any solution.
   */
  status: z.enum(['optimal', 'feasible', 'infeasible', 'time-limit']),
  /** Which solver ran: `core` (the exact assignment core), `lagrangian`, or `mip/<solver name>`. */
  method: z.string(),
  /**
   * Proven upper bound of the total score among solutions with as many pairs (for `maximin`, the
   * same floor too); null when none is known.
   */
  bound: z.number().nullable(),
  /** `(bound - objective) / bound`, 0 when optimal; null when no bound or no solution is known. */
  gap: z.number().nullable(),
  /** Why the rules cannot all hold, with the smallest relaxation found; null unless `infeasible`. */
  diagnosis: diagnosisSchema.nullable(),
  /** Things the caller should know: rules that touch no one, non-volunteers in mustMatch... */
  warnings: z.array(z.string()),
  /** Pairs sorted by junior id, then senior id. */
  pairs: z.array(resultPairSchema),
  /** Everyone not paired, with a reason, sorted by id. */
  unmatched: z.array(unmatchedSchema),
  /** Total score of the pairs. */
  objective: z.number(),
  optimal: z.boolean(),
  locale: z.enum(['en', 'fr']),
  stats: statsSchema,
});

/** The result of `match`. */
export type MatchResult = z.output<typeof matchResultSchema>;
/** One pair of a {@link MatchResult}. */
export type ResultPair = MatchResult['pairs'][number];
/** One scorer's share of a pair score. */
export type Contribution = ResultPair['contributions'][number];
/** One unmatched participant of a {@link MatchResult}. */
export type Unmatched = MatchResult['unmatched'][number];
/** Why a participant is not paired. */
export type UnmatchedReason = z.output<typeof unmatchedReasonSchema>;
/** Why a program's rules cannot hold. */
export type Diagnosis = z.output<typeof diagnosisSchema>;
/** Figures of a run. */
export type MatchStats = MatchResult['stats'];
