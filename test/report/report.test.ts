import { describe, expect, test } from 'vitest';
import { ValidationError } from '../../src/index';
import { renderCsv, renderHtml, renderMarkdown, renderReport, reportFormats, reportLabels, type ReportFormat } from '../../src/report/index';
import { sampleInput } from './inputs';

describe('renderReport', () => {
  const input = sampleInput();

  test('json is the result itself, indented, with a final newline', () => {
    const text = renderReport('json', input);
    expect(text).toBe(`${JSON.stringify(input.result, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(input.result);
  });

  test('dispatches csv, md and html to their renderers with the options', () => {
    const options = { locale: 'fr', title: 'Cohorte', generatedAt: '2027-03-01', bom: true } as const;
    expect(renderReport('csv', input, options)).toBe(renderCsv(input, options));
    expect(renderReport('md', input, options)).toBe(renderMarkdown(input, options));
    expect(renderReport('html', input, options)).toBe(renderHtml(input, options));
    expect(reportFormats).toEqual(['json', 'csv', 'md', 'html']);
  });

  test('an unknown format is a validation error', () => {
    expect(() => renderReport('pdf' as ReportFormat, input)).toThrow(ValidationError);
  });

  test('both locales have every label, and no French label is left in English', () => {
    const en = reportLabels('en');
    const fr = reportLabels('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(fr.reasons).sort()).toEqual(Object.keys(en.reasons).sort());
    expect(Object.keys(fr.scorers).sort()).toEqual(Object.keys(en.scorers).sort());
    expect([fr.summary, fr.pairsTitle, fr.unmatchedTitle, fr.reasons.capacity, fr.scorers.skillGap]).toMatchInlineSnapshot(`
      [
        "Synthèse",
        "Binômes et explications",
        "Participants sans binôme",
        "Places insuffisantes",
        "Écart de compétences (le junior transmet)",
      ]
    `);
  });
});
