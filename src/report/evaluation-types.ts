import type { Calibration, HistoryEvaluation } from '../evaluate/types';
import type { Locale } from '../explain/messages/types';

/**
 * What the evaluation renderers read: the evaluation of past cohorts (`evaluateHistory`) and,
 * optionally, the calibration of the weights on the same history (`calibrateWeights`). Nothing is
 * mutated.
 */
export interface EvaluationReportInput {
  /** The replay of the history under a program. */
  readonly evaluation: HistoryEvaluation;
  /** The weights fitted to the same history; its section is left out when absent. */
  readonly calibration?: Calibration | undefined;
}

/** Options of the evaluation renderers. */
export interface EvaluationReportOptions {
  /** Language of the report's labels: `en` (default) or `fr`. Warnings are printed as given. */
  readonly locale?: Locale | undefined;
  /** Title of the report; defaults to a generic title in the locale. */
  readonly title?: string | undefined;
  /**
   * A date or any text shown as "Generated on ...", printed as given. Renderers never read the
   * clock, so without it the output depends on the input only.
   */
  readonly generatedAt?: string | undefined;
}

/** Output formats of `renderEvaluation`. */
export type EvaluationFormat = 'json' | 'md' | 'html';
