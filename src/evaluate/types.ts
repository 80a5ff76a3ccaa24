import type { Program } from '../model/program';
import type { RuleStatus } from '../rules/solve';

/** An estimate with a bootstrap confidence interval (percentile method). */
export interface Interval {
  readonly estimate: number;
  /** Lower end of the interval (e.g. the 2.5th percentile for 95%). */
  readonly low: number;
  /** Upper end of the interval. */
  readonly high: number;
}

/** How well one score (the engine's, or a single scorer's value) ranks the outcomes of a set of pairs. */
export interface Predictiveness {
  /** What is measured: `score` for the engine's pair score, else a scorer id. */
  readonly predictor: string;
  /** Pairs with a satisfaction rating. */
  readonly withSatisfaction: number;
  /** Pairs with a completion flag. */
  readonly withCompletion: number;
  /** Spearman's rank correlation with satisfaction (ties: mid-ranks); null when undefined (fewer than 3 pairs, or a constant side). */
  readonly spearman: Interval | null;
  /** Kendall's tau-b with satisfaction (ties corrected); null when undefined. */
  readonly kendall: Interval | null;
  /** ROC AUC of the score for completion (ties count one half); null without both completed and not completed pairs. */
  readonly auc: Interval | null;
}

/** Outcomes of a set of pairs, each over the pairs that report it. */
export interface OutcomeSummary {
  readonly pairs: number;
  /** Mean satisfaction (1..5), null when no pair reports it. */
  readonly meanSatisfaction: number | null;
  /** Share of completed pairs (0..1), null when no pair reports it. */
  readonly completionRate: number | null;
  /** Mean number of sessions, null when no pair reports it. */
  readonly meanSessions: number | null;
}

/** One historical pair, as evaluated. */
export interface EvaluatedPair {
  readonly cohort: string;
  readonly juniorId: string;
  readonly seniorId: string;
  /** The engine's score of the pair under the program's weights (0..100), whatever the hard rules say. */
  readonly score: number;
  /** Each built-in or custom scorer's value for the pair, in [0, 1], by scorer id. */
  readonly values: Readonly<Record<string, number>>;
  /** Hard rules of the program the pair breaks (constraint ids, `minScore`); empty when it is eligible. */
  readonly breaks: readonly string[];
  readonly satisfaction: number | null;
  readonly completed: boolean | null;
  readonly sessions: number | null;
  /**
   * Outcome predicted for the pair by the model fitted on the other cohorts (leave one cohort
   * out); null when there is no other cohort with outcomes.
   */
  readonly predicted: PredictedOutcome | null;
}

/** An outcome model's prediction for a pair or the mean over a set of pairs. */
export interface PredictedOutcome {
  /** Predicted satisfaction, 1..5. */
  readonly satisfaction: number;
  /** Predicted probability of completing the programme, 0..1. */
  readonly completion: number;
}

/** Figures of a set of pairs of one cohort: the historical pairs, or the engine's. */
export interface PairSetFigures {
  readonly pairs: number;
  readonly totalScore: number;
  readonly meanScore: number;
  /** Volunteers (juniors and seniors) with at least one pair. */
  readonly volunteersPaired: number;
  /** Share of pairs across departments, 0..1. */
  readonly crossDepartmentShare: number;
  /** Pairs that break a hard rule of the program (always 0 for the engine). */
  readonly breakingRules: number;
  /** Mean predicted outcome under the leave-one-cohort-out model; null without a model. */
  readonly predicted: PredictedOutcome | null;
}

/** The engine run on a past cohort's participants, against what was done by hand. */
export interface Replay {
  /** Status of the engine's solve. */
  readonly status: RuleStatus;
  readonly historical: PairSetFigures;
  readonly engine: PairSetFigures;
  /** Pairs both the coordinator and the engine formed. */
  readonly pairsInCommon: number;
  /** Cohorts the outcome model was fitted on (every other cohort with outcomes). */
  readonly modelCohorts: readonly string[];
}

/** Historical pairs that break the program's hard rules, and how they fared against the others. */
export interface RuleBreaches {
  /** Pairs breaking at least one rule, with the rules. */
  readonly pairs: readonly { readonly juniorId: string; readonly seniorId: string; readonly rules: readonly string[] }[];
  /** Pairs breaking each rule, by rule id. */
  readonly byRule: Readonly<Record<string, number>>;
  readonly breaking: OutcomeSummary;
  readonly others: OutcomeSummary;
}

/** The evaluation of one cohort. */
export interface CohortEvaluation {
  readonly id: string;
  readonly participants: number;
  readonly outcomes: OutcomeSummary;
  /** The engine's score first, then each scorer alone. */
  readonly predictiveness: readonly Predictiveness[];
  readonly breaches: RuleBreaches;
  readonly replay: Replay;
}

/** What {@link evaluateHistory} returns. */
export interface HistoryEvaluation {
  /** Weights of the program evaluated, normalised to sum 1. */
  readonly weights: Readonly<Record<string, number>>;
  readonly cohorts: readonly CohortEvaluation[];
  /** Over every cohort's pairs together. */
  readonly overall: {
    readonly outcomes: OutcomeSummary;
    readonly predictiveness: readonly Predictiveness[];
    readonly breaches: RuleBreaches;
  };
  /** Every historical pair with its score, values, rule breaches, outcome and prediction. */
  readonly pairs: readonly EvaluatedPair[];
  /** Confidence level of the intervals, e.g. 0.95. */
  readonly confidence: number;
  /** Bootstrap resamples behind each interval. */
  readonly resamples: number;
  /** Things the reader should know (a cohort without outcomes, a single cohort: no model). */
  readonly warnings: readonly string[];
}

/** One fitted weight of {@link calibrateWeights}. */
export interface FittedWeight {
  readonly scorer: string;
  /** Share of the weights before calibration (normalised). */
  readonly before: number;
  /** Share after calibration (normalised, >= 0, sums to 1 over the scorers). */
  readonly after: number;
  /** Bootstrap standard deviation of `after`. */
  readonly sd: number;
  /** Bootstrap percentile interval of `after`. */
  readonly low: number;
  readonly high: number;
}

/** Held-out quality of the weights, per cohort and on average: each cohort judged by weights fitted on the others. */
export interface HeldOutComparison {
  readonly cohort: string;
  /** Spearman correlation of the score with satisfaction on the held-out cohort, before and after. */
  readonly spearmanBefore: number | null;
  readonly spearmanAfter: number | null;
  /** ROC AUC of the score for completion on the held-out cohort, before and after. */
  readonly aucBefore: number | null;
  readonly aucAfter: number | null;
  /**
   * Mean predicted outcome, under the outcome model fitted on the other cohorts, of the pairs made
   * by hand, of the engine's pairs with the program's weights, and of the engine's pairs with the
   * weights fitted on the other cohorts; null without a model.
   */
  readonly predicted: {
    readonly historical: PredictedOutcome | null;
    readonly engineBefore: PredictedOutcome | null;
    readonly engineAfter: PredictedOutcome | null;
  };
}

/** What {@link calibrateWeights} returns. */
export interface Calibration {
  /** The input program with the calibrated weights (every other field unchanged). */
  readonly program: Program;
  readonly weights: readonly FittedWeight[];
  /** Leave-one-cohort-out comparison, one entry per cohort with outcomes. */
  readonly heldOut: readonly HeldOutComparison[];
  /** Means over `heldOut` (null entries left out). */
  readonly mean: { readonly spearmanBefore: number | null; readonly spearmanAfter: number | null; readonly aucBefore: number | null; readonly aucAfter: number | null };
  /** Strength of the pull towards the program's weights, chosen by cross-validation. */
  readonly regularisation: number;
  /** Outcome the weights were fitted to. */
  readonly target: 'satisfaction' | 'completed';
  /** Pairs the final fit used. */
  readonly pairs: number;
  readonly warnings: readonly string[];
}
