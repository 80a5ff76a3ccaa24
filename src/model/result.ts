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
});

/** Why a participant is not paired. */
export const unmatchedReasonSchema = z.enum(['not-volunteer', 'no-eligible-partner', 'outcompeted', 'below-min-score', 'capacity']);

/** Schema of one unmatched participant. */
export const unmatchedSchema = z.strictObject({
  id,
  name: z.string().optional(),
  role: z.enum(['junior', 'senior']),
  reason: unmatchedReasonSchema,
  /** Readable detail, in the result's locale. */
  detail: z.string(),
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
  certificate: z.strictObject({
    verified: z.boolean(),
    maxViolation: z.number(),
    tolerance: z.number(),
    cardinality: z.number(),
    juniors: z.record(z.string(), z.number()),
    seniors: z.record(z.string(), z.number()),
  }),
  /** Wall-clock milliseconds per phase; the only part of a result that varies between runs. */
  timeMs: z.strictObject({ validate: z.number(), score: z.number(), solve: z.number(), explain: z.number(), total: z.number() }),
});

/** Schema of a match result (the formats README's, with `status`, `stats` and richer pairs). */
export const matchResultSchema = z.strictObject({
  /** `optimal`: the pairs are a proven optimum of the program's objective. */
  status: z.enum(['optimal']),
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
/** Figures of a run. */
export type MatchStats = MatchResult['stats'];
