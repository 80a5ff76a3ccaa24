/**
 * Reports of a match result for people who never read JSON: CSV for spreadsheets, Markdown for
 * wikis and tickets, one self-contained HTML page with charts. Platform-neutral (strings in,
 * strings out, no I/O, no clock): the caller writes the files.
 *
 * @module
 */
import { ValidationError } from '../errors';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { RenderReportOptions, ReportFormat, ReportInput } from './types';

/** The formats {@link renderReport} writes, in a stable order (for a CLI's choices). */
export const reportFormats: readonly ReportFormat[] = Object.freeze(['json', 'csv', 'md', 'html'] as const);

/**
 * Renders a match result in a format: `json` (the result itself, `JSON.stringify(result, null, 2)`
 * and a newline), `csv` ({@link renderCsv}), `md` ({@link renderMarkdown}) or `html`
 * ({@link renderHtml}).
 *
 * @param format - `json`, `csv`, `md` or `html`.
 * @param input - The result, its participants and its program; never mutated.
 * @param options - Locale of the labels, title, generation date; `bom` for CSV.
 * @returns The text of the report (encode it as UTF-8).
 * @throws {@link ValidationError} (`invalid-input`) for an unknown format, e.g. from a CLI flag.
 * @example
 * const html = renderReport('html', { result, participants, program }, { locale: 'fr' });
 */
export function renderReport(format: ReportFormat, input: ReportInput, options: RenderReportOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(input.result, null, 2)}\n`;
    case 'csv':
      return renderCsv(input, options);
    case 'md':
      return renderMarkdown(input, options);
    case 'html':
      return renderHtml(input, options);
    default:
      throw new ValidationError([{ path: ['format'], message: `unknown report format (expected ${reportFormats.join(', ')})`, received: format }]);
  }
}

export { CSV_BOM, CSV_COLUMNS, csvCell, csvRows, renderCsv, type CsvColumn } from './csv';
export { escapeHtml, HTML_REPORT_CSP, renderHtml } from './html';
export { reportLabels, type ReportLabels } from './labels';
export { escapeMarkdown, renderMarkdown } from './markdown';
export type { CsvOptions, RenderReportOptions, ReportFormat, ReportInput, ReportOptions } from './types';
export { departmentMatrix, scoreHistogram, SCORE_BINS, skillFlow, type DepartmentMatrix, type SkillFlow } from './view';
export { evaluationLabels, type EvaluationLabels } from './evaluation-labels';
export { renderEvaluationHtml } from './evaluation-html';
export { renderEvaluationMarkdown } from './evaluation-markdown';
export { evaluationFormats, renderEvaluation } from './evaluation-report';
export type { EvaluationFormat, EvaluationReportInput, EvaluationReportOptions } from './evaluation-types';
export { CALIBRATION_BINS, calibrationBins, type CalibrationBin } from './evaluation-view';
