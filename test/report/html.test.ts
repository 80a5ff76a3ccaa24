import { describe, expect, test } from 'vitest';
import { escapeHtml, HTML_REPORT_CSP, renderHtml, type ReportInput } from '../../src/report/index';
import { craftedInput, hostile, sampleInput } from './inputs';

/** The HTML of the section with this id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The attributes of every element of a kind and class, as records. */
function elements(html: string, tag: string, cls?: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1] as string] = a[2] as string;
    if (cls === undefined || (attrs.class ?? '').split(' ').includes(cls)) out.push(attrs);
  }
  return out;
}

/** Skill flow, recomputed from the raw records: teacher level above learner level, and wanted. */
function flowOracle({ result, participants, program }: ReportInput): Map<string, number> {
  const counts = new Map<string, number>();
  for (const skill of program.skills) {
    let n = 0;
    for (const pair of result.pairs) {
      const junior = participants.find((p) => p.id === pair.juniorId)!;
      const senior = participants.find((p) => p.id === pair.seniorId)!;
      const teacher = skill.teacher === 'junior' ? junior : senior;
      const learner = skill.teacher === 'junior' ? senior : junior;
      const want = learner.wants[skill.id] ?? 0;
      if (want > 0 && (teacher.skills[skill.id] ?? 0) > (learner.skills[skill.id] ?? 0)) n++;
    }
    counts.set(skill.id, n);
  }
  return counts;
}

describe('renderHtml', () => {
  test('escapes every text from the data: a participant named <script> stays text', () => {
    const input = craftedInput();
    const html = renderHtml(input);
    expect(html).not.toContain(hostile.script);
    expect(html).toContain(escapeHtml(hostile.script));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html).not.toContain('<b>cohort</b>');
    expect(html).toContain('<title>Crafted &lt;b&gt;cohort&lt;/b&gt; | 2027</title>');
    expect(html).toContain('Marc &quot;Le Boss&quot; Petit');
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('loads nothing: no URL, no src, in-page links only, a CSP that forbids the network', () => {
    for (const input of [sampleInput(), craftedInput()]) {
      const html = renderHtml(input);
      expect(html).not.toMatch(/https?:\/\//i);
      expect(html).not.toMatch(/\ssrc\s*=/i);
      expect(html).not.toMatch(/url\(|@import|<link\b|<iframe\b|<object\b|<embed\b|<img\b/i);
      for (const a of elements(html, 'a')) expect(a.href).toMatch(/^#[\w-]+$/);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`);
      expect(HTML_REPORT_CSP).toContain("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    }
  });

  test('stable hooks: one row per pair and per unmatched person', () => {
    const input = craftedInput();
    const html = renderHtml(input);
    expect(html).toContain('id="pairs-table"');
    expect(html).toMatch(/<input type="search" id="pairs-filter"/);
    expect(html).toContain('id="unmatched-table"');
    const rows = elements(section(html, 'pairs'), 'tr').filter((tr) => 'data-pair' in tr);
    expect(rows.map((tr) => `${tr['data-junior']}|${tr['data-senior']}`)).toEqual(input.result.pairs.map((p) => `${p.juniorId}|${p.seniorId}`));
    const unmatched = elements(section(html, 'unmatched'), 'tr').filter((tr) => 'data-unmatched' in tr);
    expect(unmatched.map((tr) => tr['data-unmatched'])).toEqual(input.result.unmatched.map((u) => u.id));
  });

  test('histogram: ten bins whose counts add up to the number of pairs', () => {
    for (const input of [sampleInput(), craftedInput()]) {
      const bars = elements(section(renderHtml(input), 'score-histogram'), 'rect', 'bar');
      expect(bars).toHaveLength(10);
      const counts = bars.map((b) => Number(b['data-count']));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(input.result.pairs.length);
      const expected = new Array<number>(10).fill(0);
      for (const p of input.result.pairs) expected[Math.min(9, Math.floor(p.score / 10))]! += 1;
      expect(counts).toEqual(expected);
    }
  });

  test('skill flow: one bar per skill of the taxonomy, counts equal to a recomputation', () => {
    for (const input of [sampleInput(), craftedInput()]) {
      const bars = elements(section(renderHtml(input), 'skill-flow'), 'rect', 'bar');
      expect(bars).toHaveLength(input.program.skills.length);
      const oracle = flowOracle(input);
      for (const bar of bars) {
        const skill = input.program.skills.find((s) => s.id === bar['data-skill'])!;
        expect(Number(bar['data-count'])).toBe(oracle.get(skill.id));
        expect(bar['data-direction']).toBe(skill.teacher === 'junior' ? 'junior-to-senior' : 'senior-to-junior');
      }
      expect([...oracle.values()].some((n) => n > 0)).toBe(true);
    }
  });

  test('department matrix counts every pair once', () => {
    const input = sampleInput();
    const cells = elements(renderHtml(input), 'td').filter((td) => 'data-count' in td);
    expect(cells.reduce((sum, td) => sum + Number(td['data-count']), 0)).toBe(input.result.pairs.length);
  });

  test('French labels and lang with locale fr; English by default for an English result', () => {
    const fr = renderHtml(sampleInput(), { locale: 'fr' });
    expect(fr).toContain('<html lang="fr">');
    for (const label of ['Synthèse', 'Scores des binômes', 'Directions croisées', 'Binômes et explications', 'Participants sans binôme', 'Filtrer les binômes']) {
      expect(fr).toContain(label);
    }
    const en = renderHtml(sampleInput());
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Pairs and explanations');
    expect(en).not.toContain('Synthèse');
    expect(renderHtml(sampleInput('fr'))).toContain('<html lang="fr">');
  });

  test('deterministic, and dated only when asked', () => {
    const input = sampleInput();
    expect(renderHtml(input)).toBe(renderHtml(sampleInput()));
    expect(renderHtml(input)).not.toMatch(/20\d\d-\d\d-\d\d/);
    expect(renderHtml(input, { generatedAt: '2027-03-01 <x>' })).toContain('Generated on 2027-03-01 &lt;x&gt;');
    expect(renderHtml(input, { title: 'T & <b>' })).toContain('<h1>T &amp; &lt;b&gt;</h1>');
  });

  test('an empty result renders without pairs', () => {
    const input = sampleInput();
    const empty: ReportInput = {
      ...input,
      result: { ...input.result, pairs: [], stats: { ...input.result.stats, pairs: 0, meanScore: 0, totalScore: 0 } },
    };
    const html = renderHtml(empty);
    expect(elements(section(html, 'score-histogram'), 'rect', 'bar').every((b) => b['data-count'] === '0')).toBe(true);
    expect(html).toContain('No pairs were formed.');
  });
});
