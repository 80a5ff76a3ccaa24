import type { ResultPair } from '../model/result';
import { scorerLabel } from './labels';
import type { ReportInput, ReportOptions } from './types';
import { mainReason, rankedContributions, reportView, type ReportView } from './view';

const INLINE = /[\\`*_[\]<>|#~]/g;
const BREAKS = /\r\n|[\r\n\t\v\f\u2028\u2029]/g;

/**
 * Escapes text for inline Markdown (CommonMark and GitHub): the characters that start emphasis,
 * code, links, HTML, headings, strikethrough or table cells get a backslash, and line breaks and tabs
 * become spaces, so a name such as `<b>x</b>` or `a | b` reads as written.
 *
 * @param text - Any text from the data.
 * @returns Text safe in a paragraph, a list item, a heading or a table cell.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(BREAKS, ' ').replace(INLINE, (c) => `\\${c}`);
}

/** Escapes text that starts a line: also a leading `-`, `+`, `=` or `1.` that would start a block. */
function block(text: string): string {
  const s = escapeMarkdown(text).trimStart();
  const numbered = /^(\d+)([.)])/.exec(s);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${s.slice(numbered[0].length)}`;
  return s.replace(/^[-+=]/, (c) => `\\${c}`);
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)];
}

function person(view: ReportView, id: string): string {
  const name = view.nameOf(id);
  return name === id ? escapeMarkdown(id) : `${escapeMarkdown(name)} (${escapeMarkdown(id)})`;
}

function summary(input: ReportInput, view: ReportView): string[] {
  const { result } = input;
  const { labels: t, format: f } = view;
  const s = result.stats;
  const item = (label: string, value: string) => `- **${escapeMarkdown(label)}**${t.colon}${value}`;
  const status = `${escapeMarkdown(t.statuses[result.status])} (${t.method} ${escapeMarkdown(result.method)})`;
  const lines = [
    `## ${t.summary}`,
    '',
    item(t.status, status),
  ];
  if (result.gap !== null && result.gap > 0) lines.push(item(t.gap, f.percent(result.gap)));
  lines.push(
    item(t.pairs, String(s.pairs)),
    item(t.juniorsPaired, escapeMarkdown(t.ofVolunteers(String(s.paired.juniors), String(s.volunteers.juniors), String(s.juniors)))),
    item(t.seniorsPaired, escapeMarkdown(t.ofVolunteers(String(s.paired.seniors), String(s.volunteers.seniors), String(s.seniors)))),
    item(t.totalScore, f.score(s.totalScore)),
    item(t.meanScore, f.score(s.meanScore)),
  );
  if (s.pairs > 0) lines.push(item(t.scoreRange, `${f.score(s.minPairScore)} – ${f.score(s.maxPairScore)}`));
  lines.push(
    item(t.crossDepartment, f.percent(s.crossDepartmentShare)),
    item(t.crossSite, f.percent(s.crossSiteShare)),
    item(t.unmatchedCount, String(result.unmatched.length)),
  );
  if (result.warnings.length > 0) {
    lines.push('', `### ${t.warnings}`, '', ...result.warnings.map((w) => `- ${escapeMarkdown(w)}`));
  }
  if (result.diagnosis) {
    const d = result.diagnosis;
    lines.push('', `### ${t.diagnosis}`, '');
    if (d.conflicts.length > 0) {
      lines.push(`**${t.conflicts}**`, '');
      for (const c of d.conflicts) {
        const people = c.people.length > 0 ? ` (${c.people.map(escapeMarkdown).join(', ')})` : '';
        lines.push(`- **${escapeMarkdown(c.rule)}**${people}${t.colon}${escapeMarkdown(c.message)}`);
      }
      if (!d.minimal) lines.push('', t.notMinimal);
      lines.push('');
    }
    if (d.relaxations.length > 0) {
      lines.push(`**${t.relaxations}**`, '', ...d.relaxations.map((r) => `- **${escapeMarkdown(r.rule)}**${t.colon}${escapeMarkdown(r.message)}`));
    }
  }
  return lines;
}

function pairRow(view: ReportView, pair: ResultPair): string[] {
  const dj = view.departmentOf(pair.juniorId);
  const ds = view.departmentOf(pair.seniorId);
  return [
    person(view, pair.juniorId),
    person(view, pair.seniorId),
    `${escapeMarkdown(dj)} → ${escapeMarkdown(ds)}`,
    view.format.score(pair.score),
    escapeMarkdown(mainReason(pair)),
  ];
}

function explanation(view: ReportView, pair: ResultPair, index: number): string[] {
  const { labels: t, format: f } = view;
  const heading = `### ${index + 1}. ${escapeMarkdown(view.nameOf(pair.juniorId))} × ${escapeMarkdown(view.nameOf(pair.seniorId))} · ${f.score(pair.score)}`;
  const lines = [heading, ''];
  if (pair.locked) lines.push(`*${t.locked}*`, '');
  lines.push(block(pair.explanation), '');
  for (const c of rankedContributions(pair)) {
    const reasons = c.reasons.map(escapeMarkdown).join(t.semicolon);
    lines.push(`- **${escapeMarkdown(scorerLabel(t, c.scorer))}**, ${escapeMarkdown(t.points(f.score(c.points)))}${reasons ? `${t.colon}${reasons}` : ''}`);
  }
  if (pair.notes.length > 0) {
    lines.push('', `${t.notes}${t.colon.trimEnd()}`, '', ...pair.notes.map((n) => `- ${escapeMarkdown(n)}`));
  }
  lines.push('');
  return lines;
}

/**
 * Renders a match result as a Markdown document (CommonMark with GitHub tables): the title, the
 * summary figures (status, pairs, volunteers paired, scores, shares across departments and sites,
 * warnings, the diagnosis when the rules cannot hold), a table of the pairs, each pair's full
 * explanation and a table of the unmatched with their reasons. Every text from the data is escaped
 * (`|` and line breaks in table cells too), so names cannot break the layout.
 *
 * @param input - The result, its participants and its program; never mutated.
 * @param options - Locale of the labels (default: the result's), title, generation date.
 * @returns The Markdown text, ending with a newline.
 * @example
 * writeFileSync('pairs.md', renderMarkdown({ result, participants, program }, { locale: 'fr' }));
 */
export function renderMarkdown(input: ReportInput, options: ReportOptions = {}): string {
  const view = reportView(input, options);
  const { labels: t } = view;
  const { result } = input;
  const lines: string[] = [`# ${block(view.title)}`, ''];
  const sub: string[] = [];
  if (input.program.name !== undefined && input.program.name !== view.title) sub.push(`${t.program}${t.colon}${escapeMarkdown(input.program.name)}`);
  if (options.generatedAt !== undefined) sub.push(escapeMarkdown(t.generatedAt(options.generatedAt)));
  if (sub.length > 0) lines.push(sub.join(' · '), '');
  lines.push(...summary(input, view), '');

  lines.push(`## ${t.pairs}`, '');
  if (result.pairs.length === 0) lines.push(t.noPairs, '');
  else {
    lines.push(
      ...table([t.junior, t.senior, t.departmentsColumn, t.score, t.mainReason], ['l', 'l', 'l', 'r', 'l'], result.pairs.map((p) => pairRow(view, p))),
      '',
      `## ${t.explanations}`,
      '',
    );
    result.pairs.forEach((pair, i) => lines.push(...explanation(view, pair, i)));
  }

  lines.push(`## ${t.unmatchedTitle}`, '');
  if (result.unmatched.length === 0) lines.push(t.noUnmatched, '');
  else {
    const rows = result.unmatched.map((u) => [
      escapeMarkdown(u.name ?? view.nameOf(u.id)),
      escapeMarkdown(u.id),
      t.roles[u.role],
      escapeMarkdown(view.departmentOf(u.id)),
      `${escapeMarkdown(t.reasons[u.reason])} (\`${u.reason}\`)`,
      escapeMarkdown(u.detail),
    ]);
    lines.push(...table([t.name, t.id, t.role, t.department, t.reason, t.detail], ['l', 'l', 'l', 'l', 'l', 'l'], rows), '');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
