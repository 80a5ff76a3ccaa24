import { ValidationError } from '../errors';
import { renderEvaluationHtml } from './evaluation-html';
import { renderEvaluationMarkdown } from './evaluation-markdown';
import type { EvaluationFormat, EvaluationReportInput, EvaluationReportOptions } from './evaluation-types';

/** The formats {@link renderEvaluation} writes, in a stable order (for a CLI's choices). */
export const evaluationFormats: readonly EvaluationFormat[] = Object.freeze(['json', 'md', 'html'] as const);

/**
 * Renders an evaluation of past cohorts (and optionally the calibration of the weights) in a
 * format: `json` (`JSON.stringify({ evaluation, calibration }, null, 2)` and a newline, without
 * `calibration` when absent), `md` ({@link renderEvaluationMarkdown}) or `html`
 * ({@link renderEvaluationHtml}).
 *
 * @param format - `json`, `md` or `html`.
 * @param input - The evaluation of `evaluateHistory` and, optionally, the calibration of
 *   `calibrateWeights`; never mutated.
 * @param options - Locale of the labels (`en` by default), title, generation date.
 * @returns The text of the report (encode it as UTF-8).
 * @throws {@link ValidationError} (`invalid-input`) for an unknown format, e.g. from a CLI flag.
 * @example
 * const html = renderEvaluation('html', { evaluation, calibration }, { locale: 'fr' });
 */
export function renderEvaluation(format: EvaluationFormat, input: EvaluationReportInput, options: EvaluationReportOptions = {}): string {
  switch (format) {
    case 'json': {
      const data = input.calibration === undefined ? { evaluation: input.evaluation } : { evaluation: input.evaluation, calibration: input.calibration };
      return `${JSON.stringify(data, null, 2)}\n`;
    }
    case 'md':
      return renderEvaluationMarkdown(input, options);
    case 'html':
      return renderEvaluationHtml(input, options);
    default:
      throw new ValidationError([
        { path: ['format'], message: `unknown evaluation report format (expected ${evaluationFormats.join(', ')})`, received: format },
      ]);
  }
}
