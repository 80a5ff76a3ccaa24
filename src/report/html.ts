import type { ResultPair } from '../model/result';
import { scorerLabel } from './labels';
import type { ReportInput, ReportOptions } from './types';
import { departmentMatrix, rankedContributions, reportView, scoreHistogram, skillFlow, type ReportView, type SkillFlow } from './view';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML, in element content and in quoted attribute values alike (`&`, `<`, `>`,
 * `"` and `'`).
 *
 * @param text - Any text.
 * @returns The text with those characters as entities.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

const h = escapeHtml;

/**
 * The Content-Security-Policy of the HTML report: nothing may be loaded from anywhere (no network,
 * no file), only the inline style and script of the page run, and images only from `data:` URLs.
 */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Folds text for the filter: no accents, lower case (the page's script folds the same way). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Rounds an SVG coordinate to one decimal, so the output stays short and stable. */
const r = (n: number) => Math.round(n * 10) / 10;

/** Colours of the built-in scorers; custom scorers take the rest in turn. */
const SCORER_COLOURS: Readonly<Record<string, string>> = {
  skillGap: '#2563eb',
  reciprocity: '#7c3aed',
  crossSilo: '#0d9488',
  availability: '#d97706',
  openness: '#db2777',
};
const EXTRA_COLOURS = ['#65a30d', '#0891b2', '#9333ea', '#dc2626', '#4b5563', '#ca8a04'];

function scorerColours(input: ReportInput): Map<string, string> {
  const ids = new Set<string>(Object.keys(input.program.weights));
  for (const pair of input.result.pairs) for (const c of pair.contributions) ids.add(c.scorer);
  const colours = new Map<string, string>();
  let extra = 0;
  for (const id of ids) {
    const builtin = Object.hasOwn(SCORER_COLOURS, id) ? SCORER_COLOURS[id] : undefined;
    colours.set(id, builtin ?? (EXTRA_COLOURS[extra++ % EXTRA_COLOURS.length] as string));
  }
  return colours;
}

/** A tick step of 1, 2 or 5 times a power of ten giving at most `ticks` intervals up to `max`. */
function niceStep(max: number, ticks: number): number {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

function histogramSvg(input: ReportInput, view: ReportView): string {
  const t = view.labels;
  const bins = scoreHistogram(input.result.pairs);
  const W = 560;
  const H = 280;
  const m = { top: 24, right: 16, bottom: 52, left: 52 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const max = Math.max(1, ...bins);
  const step = niceStep(max, 5);
  const top = Math.ceil(max / step) * step;
  const y = (v: number) => m.top + ph - (v / top) * ph;
  const bw = pw / bins.length;
  const out: string[] = [];
  out.push(`<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="score-histogram-title" class="chart">`);
  out.push(`<title id="score-histogram-title">${h(t.histogram)}</title>`);
  out.push('<g class="grid">');
  for (let v = 0; v <= top; v += step) {
    out.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${r(y(v))}" y2="${r(y(v))}"/>`);
    out.push(`<text class="tick" x="${m.left - 8}" y="${r(y(v) + 4)}" text-anchor="end">${v}</text>`);
  }
  out.push('</g><g class="bars">');
  bins.forEach((count, k) => {
    const x = m.left + k * bw + 3;
    const height = (count / top) * ph;
    const tip = t.bin(String(k * 10), String(k * 10 + 10), count);
    out.push(
      `<rect class="bar" data-bin="${k}" data-count="${count}" x="${r(x)}" y="${r(y(count))}" width="${r(bw - 6)}" height="${r(height)}" rx="3"><title>${h(tip)}</title></rect>`,
    );
    if (count > 0) out.push(`<text class="count" x="${r(x + (bw - 6) / 2)}" y="${r(y(count) - 6)}" text-anchor="middle">${count}</text>`);
  });
  out.push('</g><g class="axis">');
  out.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${m.top + ph}" y2="${m.top + ph}"/>`);
  for (let k = 0; k <= bins.length; k++) {
    out.push(`<text class="tick" x="${r(m.left + k * bw)}" y="${m.top + ph + 18}" text-anchor="middle">${k * 10}</text>`);
  }
  out.push(`<text class="label" x="${r(m.left + pw / 2)}" y="${H - 10}" text-anchor="middle">${h(t.axisScore)}</text>`);
  out.push(`<text class="label" transform="translate(14 ${r(m.top + ph / 2)}) rotate(-90)" text-anchor="middle">${h(t.axisPairs)}</text>`);
  out.push('</g></svg>');
  return out.join('');
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function skillFlowSvg(input: ReportInput, view: ReportView): string {
  const t = view.labels;
  const flows = skillFlow(input);
  if (flows.length === 0) return `<p class="empty">${h(t.noSkills)}</p>`;
  const pairs = input.result.pairs.length;
  const groups: { teacher: 'junior' | 'senior'; title: string; flows: SkillFlow[] }[] = [
    { teacher: 'junior' as const, title: t.juniorToSenior, flows: flows.filter((f) => f.teacher === 'junior') },
    { teacher: 'senior' as const, title: t.seniorToJunior, flows: flows.filter((f) => f.teacher === 'senior') },
  ].filter((g) => g.flows.length > 0);
  const W = 1040;
  const labelW = 330;
  const barMax = W - labelW - 48;
  const rowH = 26;
  const headH = 34;
  const axisH = 22;
  const scaleMax = Math.max(1, pairs);
  const step = niceStep(scaleMax, 5);
  const H = axisH + groups.reduce((sum, g) => sum + headH + g.flows.length * rowH, 0) + 8;
  const x = (v: number) => labelW + (v / scaleMax) * barMax;
  const out: string[] = [];
  out.push(`<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="skill-flow-title" class="chart">`);
  out.push(`<title id="skill-flow-title">${h(t.skillFlow)}</title>`);
  out.push('<g class="grid">');
  for (let v = 0; v <= scaleMax; v += step) {
    out.push(`<line x1="${r(x(v))}" x2="${r(x(v))}" y1="${axisH - 4}" y2="${H - 8}"/>`);
    out.push(`<text class="tick" x="${r(x(v))}" y="${axisH - 8}" text-anchor="middle">${v}</text>`);
  }
  out.push('</g>');
  let yy = axisH;
  for (const group of groups) {
    const direction = group.teacher === 'junior' ? 'junior-to-senior' : 'senior-to-junior';
    out.push(`<g class="flow ${direction}" data-direction="${direction}">`);
    out.push(`<text class="group" x="0" y="${yy + 22}">${h(group.title)}</text>`);
    yy += headH;
    for (const f of group.flows) {
      const label = f.skill.label ?? f.skill.id;
      const width = (f.count / scaleMax) * barMax;
      const tip = t.flowBar(label, f.count, pairs);
      out.push(`<text class="skill" x="${labelW - 10}" y="${yy + 17}" text-anchor="end">${h(truncate(label, 44))}<title>${h(tip)}</title></text>`);
      out.push(`<rect class="track" x="${labelW}" y="${yy + 5}" width="${barMax}" height="${rowH - 10}" rx="3"/>`);
      out.push(
        `<rect class="bar" data-skill="${h(f.skill.id)}" data-direction="${direction}" data-count="${f.count}" x="${labelW}" y="${yy + 5}" width="${r(width)}" height="${rowH - 10}" rx="3"><title>${h(tip)}</title></rect>`,
      );
      out.push(`<text class="count" x="${r(x(f.count) + 6)}" y="${yy + 17}">${f.count}</text>`);
      yy += rowH;
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}

function departmentTable(input: ReportInput, view: ReportView): string {
  const t = view.labels;
  if (input.result.pairs.length === 0) return `<p class="empty">${h(t.noPairs)}</p>`;
  const mx = departmentMatrix(input, view.locale);
  const max = Math.max(1, ...mx.counts.flat());
  const colTotals = mx.seniorDepartments.map((_, k) => mx.counts.reduce((sum, row) => sum + (row[k] ?? 0), 0));
  const out: string[] = ['<div class="scroll"><table id="department-matrix" class="matrix">'];
  out.push(`<thead><tr><th scope="col" class="corner">${h(t.matrixCorner)}</th>`);
  for (const d of mx.seniorDepartments) out.push(`<th scope="col" class="num">${h(d)}</th>`);
  out.push(`<th scope="col" class="num total">${h(t.total)}</th></tr></thead><tbody>`);
  mx.juniorDepartments.forEach((jd, i) => {
    const row = mx.counts[i] ?? [];
    out.push(`<tr><th scope="row">${h(jd)}</th>`);
    mx.seniorDepartments.forEach((sd, k) => {
      const count = row[k] ?? 0;
      const cls = ['num', jd === sd ? 'same' : '', count === 0 ? 'zero' : ''].filter(Boolean).join(' ');
      const style = count > 0 ? ` style="--v:${r(count / max)}"` : '';
      out.push(`<td class="${cls}" data-junior-department="${h(jd)}" data-senior-department="${h(sd)}" data-count="${count}"${style}>${count}</td>`);
    });
    out.push(`<td class="num total">${row.reduce((a, b) => a + b, 0)}</td></tr>`);
  });
  out.push(`</tbody><tfoot><tr><th scope="row">${h(t.total)}</th>`);
  for (const c of colTotals) out.push(`<td class="num total">${c}</td>`);
  out.push(`<td class="num total">${input.result.pairs.length}</td></tr></tfoot></table></div>`);
  return out.join('');
}

function personCell(view: ReportView, id: string): string {
  const p = view.byId.get(id);
  const meta = [id, p?.department, p?.site].filter((v): v is string => v !== undefined && v !== '');
  return `<td class="who"><strong>${h(view.nameOf(id))}</strong><span class="meta">${meta.map(h).join(' · ')}</span></td>`;
}

function pairRow(view: ReportView, pair: ResultPair, index: number, colours: Map<string, string>): string {
  const t = view.labels;
  const f = view.format;
  const search = fold(
    [pair.juniorId, view.nameOf(pair.juniorId), view.departmentOf(pair.juniorId), pair.seniorId, view.nameOf(pair.seniorId), view.departmentOf(pair.seniorId)].join(' '),
  );
  const ranked = rankedContributions(pair);
  const segment = (c: ResultPair['contributions'][number]) =>
    `<span style="width:${r(Math.max(0, c.points))}%;background:${colours.get(c.scorer) ?? '#94a3b8'}" title="${h(`${scorerLabel(t, c.scorer)}${t.colon}${t.points(f.score(c.points))}`)}"></span>`;
  const bar = `<div class="scorebar" aria-hidden="true">${pair.contributions.filter((c) => c.points > 0).map(segment).join('')}</div>`;
  const contributions = ranked
    .map(
      (c) =>
        `<li><i style="background:${colours.get(c.scorer) ?? '#94a3b8'}"></i><b>${h(scorerLabel(t, c.scorer))}</b> <span class="pts">${h(t.points(f.score(c.points)))}</span>` +
        (c.reasons.length > 0 ? `<ul>${c.reasons.map((reason) => `<li>${h(reason)}</li>`).join('')}</ul>` : '') +
        '</li>',
    )
    .join('');
  const notes = pair.notes.length > 0 ? `<p class="notes"><b>${h(t.notes)}</b>${h(t.colon)}${pair.notes.map(h).join(' · ')}</p>` : '';
  const locked = pair.locked ? ` <span class="tag">${h(t.locked)}</span>` : '';
  return [
    `<tr data-pair="${h(`${pair.juniorId}|${pair.seniorId}`)}" data-junior="${h(pair.juniorId)}" data-senior="${h(pair.seniorId)}" data-score="${pair.score.toFixed(1)}" data-search="${h(search)}">`,
    `<td class="num rank">${index + 1}</td>`,
    personCell(view, pair.juniorId),
    personCell(view, pair.seniorId),
    `<td class="num score"><b>${h(f.score(pair.score))}</b>${bar}</td>`,
    `<td class="explain"><p>${h(pair.explanation)}${locked}</p>${notes}`,
    `<details><summary>${h(t.breakdown)}</summary><ul class="contrib">${contributions}</ul></details></td>`,
    '</tr>',
  ].join('');
}

function pairsSection(input: ReportInput, view: ReportView): string {
  const t = view.labels;
  const pairs = input.result.pairs;
  const colours = scorerColours(input);
  const used = [...colours].filter(([id]) => pairs.some((p) => p.contributions.some((c) => c.scorer === id && c.points > 0)));
  const legend = used.map(([id, colour]) => `<span><i style="background:${colour}"></i>${h(scorerLabel(t, id))}</span>`).join('');
  const out: string[] = [`<section id="pairs" class="card"><h2>${h(t.pairsTitle)}</h2>`];
  out.push('<div class="filter">');
  out.push(`<label for="pairs-filter">${h(t.filterLabel)}</label>`);
  out.push(`<input type="search" id="pairs-filter" placeholder="${h(t.filterPlaceholder)}" autocomplete="off" spellcheck="false" aria-controls="pairs-table">`);
  const shown = t.shownTemplate.replace('{shown}', String(pairs.length)).replace('{total}', String(pairs.length));
  out.push(`<span id="pairs-count" class="muted" aria-live="polite" data-template="${h(t.shownTemplate)}">${h(shown)}</span>`);
  out.push('</div>');
  if (legend) out.push(`<div class="legend">${legend}</div>`);
  out.push('<div class="scroll"><table id="pairs-table" class="pairs">');
  out.push(
    `<thead><tr><th scope="col" class="num">#</th><th scope="col">${h(t.junior)}</th><th scope="col">${h(t.senior)}</th><th scope="col" class="num">${h(t.score)}</th><th scope="col">${h(t.explanation)}</th></tr></thead><tbody>`,
  );
  pairs.forEach((pair, i) => out.push(pairRow(view, pair, i, colours)));
  out.push('</tbody></table></div>');
  out.push(`<p id="pairs-empty" class="empty"${pairs.length === 0 ? '' : ' hidden'}>${h(pairs.length === 0 ? t.noPairs : t.noPairMatches)}</p>`);
  out.push('</section>');
  return out.join('');
}

function unmatchedSection(input: ReportInput, view: ReportView): string {
  const t = view.labels;
  const list = input.result.unmatched;
  const out: string[] = [`<section id="unmatched" class="card"><h2>${h(t.unmatchedTitle)}</h2>`];
  if (list.length === 0) out.push(`<p class="empty">${h(t.noUnmatched)}</p>`);
  out.push(`<div class="scroll"><table id="unmatched-table"${list.length === 0 ? ' hidden' : ''}>`);
  out.push(
    `<thead><tr><th scope="col">${h(t.name)}</th><th scope="col">${h(t.role)}</th><th scope="col">${h(t.department)}</th><th scope="col">${h(t.reason)}</th><th scope="col">${h(t.detail)}</th></tr></thead><tbody>`,
  );
  for (const u of list) {
    out.push(
      `<tr data-unmatched="${h(u.id)}" data-reason="${h(u.reason)}">` +
        `<td class="who"><strong>${h(u.name ?? view.nameOf(u.id))}</strong><span class="meta">${h(u.id)}</span></td>` +
        `<td>${h(t.roles[u.role])}</td><td>${h(view.departmentOf(u.id))}</td>` +
        `<td><span class="reason reason-${h(u.reason)}">${h(t.reasons[u.reason])}</span><span class="meta code">${h(u.reason)}</span></td>` +
        `<td class="detail">${h(u.detail)}</td></tr>`,
    );
  }
  out.push('</tbody></table></div></section>');
  return out.join('');
}

function summarySection(input: ReportInput, view: ReportView): string {
  const { result } = input;
  const t = view.labels;
  const f = view.format;
  const s = result.stats;
  const kpi = (id: string, label: string, value: string, note = '') =>
    `<div class="kpi" data-kpi="${id}"><div class="l">${h(label)}</div><div class="v">${h(value)}</div>${note ? `<div class="s">${h(note)}</div>` : ''}</div>`;
  const out: string[] = [`<section id="summary" class="card"><h2>${h(t.summary)}</h2><div class="kpis">`];
  out.push(kpi('pairs', t.pairs, String(s.pairs)));
  out.push(kpi('juniors', t.juniorsPaired, String(s.paired.juniors), t.volunteersNote(String(s.volunteers.juniors), String(s.juniors))));
  out.push(kpi('seniors', t.seniorsPaired, String(s.paired.seniors), t.volunteersNote(String(s.volunteers.seniors), String(s.seniors))));
  out.push(
    kpi('mean', t.meanScore, f.score(s.meanScore), s.pairs > 0 ? `${t.scoreRange}${t.colon}${f.score(s.minPairScore)} – ${f.score(s.maxPairScore)}` : ''),
  );
  out.push(kpi('total', t.totalScore, f.score(s.totalScore)));
  out.push(kpi('cross-department', t.crossDepartment, f.percent(s.crossDepartmentShare)));
  out.push(kpi('cross-site', t.crossSite, f.percent(s.crossSiteShare)));
  out.push(kpi('unmatched', t.unmatchedCount, String(result.unmatched.length)));
  out.push('</div>');
  if (result.warnings.length > 0) {
    out.push(`<div class="callout warn" id="warnings"><h3>${h(t.warnings)}</h3><ul>${result.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></div>`);
  }
  const d = result.diagnosis;
  if (d) {
    out.push(`<div class="callout bad" id="diagnosis"><h3>${h(t.diagnosis)}</h3>`);
    if (d.conflicts.length > 0) {
      out.push(`<h4>${h(t.conflicts)}</h4><ul>`);
      for (const c of d.conflicts) {
        const people = c.people.length > 0 ? ` <span class="meta">(${c.people.map((id) => h(view.nameOf(id))).join(', ')})</span>` : '';
        out.push(`<li><b>${h(c.rule)}</b>${people}${h(t.colon)}${h(c.message)}</li>`);
      }
      out.push('</ul>');
      if (!d.minimal) out.push(`<p class="muted">${h(t.notMinimal)}</p>`);
    }
    if (d.relaxations.length > 0) {
      out.push(`<h4>${h(t.relaxations)}</h4><ul>${d.relaxations.map((x) => `<li><b>${h(x.rule)}</b>${h(t.colon)}${h(x.message)}</li>`).join('')}</ul>`);
    }
    out.push('</div>');
  }
  out.push('</section>');
  return out.join('');
}

const STYLE = `
:root{--fg:#0f172a;--text:#1e293b;--muted:#64748b;--line:#e2e8f0;--bg:#f1f5f9;--card:#fff;--accent:#2563eb;--accent2:#7c3aed;--head:#0f172a}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;color:var(--text);background:var(--bg)}
.wrap{max-width:1160px;margin:0 auto;padding:0 28px}
header.top{background:var(--head);color:#f8fafc;padding:30px 0 26px}
header.top h1{font-size:27px;line-height:1.25;margin:0 0 10px;font-weight:650;letter-spacing:-.01em}
.sub{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center;color:#cbd5e1;font-size:14px}
.badge{display:inline-block;padding:2px 11px;border-radius:999px;font-size:12.5px;font-weight:600;background:#dcfce7;color:#14532d}
.badge.feasible{background:#fef3c7;color:#78350f}.badge.infeasible,.badge.time-limit{background:#fee2e2;color:#7f1d1d}
nav.toc{display:flex;flex-wrap:wrap;gap:6px 18px;margin-top:16px;font-size:13.5px}
nav.toc a{color:#bfdbfe;text-decoration:none}nav.toc a:hover{text-decoration:underline}
main.wrap{padding-top:28px;padding-bottom:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:22px 26px;margin:0 0 22px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
.row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:22px}
.row>.card{margin:0 0 22px}
h2{font-size:18px;line-height:1.3;margin:0 0 4px;color:var(--fg);font-weight:650}
h3{font-size:15px;margin:0 0 6px}h4{font-size:14px;margin:12px 0 4px}
.caption,.muted{color:var(--muted);font-size:13.5px}
.caption{margin:0 0 16px}
.kpis{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin-top:14px}
.kpi{border:1px solid var(--line);border-radius:10px;padding:12px 16px;background:#f8fafc}
.kpi .l{color:var(--muted);font-size:12.5px;font-weight:500}
.kpi .v{font-size:26px;font-weight:650;color:var(--fg);font-variant-numeric:tabular-nums;line-height:1.3}
.kpi .s{color:var(--muted);font-size:12px}
.callout{border-radius:10px;padding:12px 16px;margin-top:16px;font-size:14px}
.callout ul{margin:4px 0 0;padding-left:20px}
.callout.warn{background:#fffbeb;border:1px solid #fde68a}
.callout.bad{background:#fef2f2;border:1px solid #fecaca}
svg.chart{display:block;max-width:100%;height:auto;overflow:visible}
svg .grid line{stroke:#e2e8f0;stroke-width:1}
svg .axis line{stroke:#94a3b8;stroke-width:1}
svg text{fill:var(--text);font-size:12.5px}
svg text.tick{fill:var(--muted);font-size:11.5px}
svg text.label{fill:var(--muted);font-size:12.5px}
svg text.count{font-size:12px;font-weight:600;fill:var(--fg)}
svg text.group{font-size:13.5px;font-weight:650;fill:var(--fg)}
#score-histogram rect.bar{fill:var(--accent)}
#skill-flow rect.track{fill:#f1f5f9}
#skill-flow .junior-to-senior rect.bar{fill:var(--accent)}
#skill-flow .senior-to-junior rect.bar{fill:var(--accent2)}
#score-histogram svg.chart{max-width:560px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:9px 12px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;background:#f8fafc;border-bottom:1px solid #cbd5e1}
.num{text-align:right;font-variant-numeric:tabular-nums}
tbody tr:hover{background:#f8fafc}
.matrix{width:100%}
.matrix th,.matrix td{padding:8px 10px}
.matrix thead th{text-transform:none;letter-spacing:0;font-size:12.5px;color:var(--fg)}
.matrix th[scope=row]{font-weight:600;color:var(--fg)}
.matrix td{background:rgba(37,99,235,calc(var(--v,0)*.3))}
.matrix td.num,.matrix thead th.num{width:64px}
.matrix td.same{box-shadow:inset 0 0 0 2px #fdba74}
.matrix td.zero{color:#cbd5e1}
.matrix .total{font-weight:650;background:#f8fafc;color:var(--fg)}
.matrix tfoot th,.matrix tfoot td{border-top:1px solid #cbd5e1}
.matrix .corner{font-weight:500;color:var(--muted);font-size:12px;white-space:nowrap}
.filter{display:flex;flex-wrap:wrap;gap:10px 14px;align-items:center;margin:14px 0 12px}
.filter label{font-weight:600;font-size:14px;color:var(--fg)}
.filter input{font:inherit;font-size:14px;padding:8px 12px;border:1px solid #cbd5e1;border-radius:8px;min-width:300px;background:#fff;color:var(--text)}
.filter input:focus{outline:2px solid var(--accent);outline-offset:1px}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:12.5px;color:var(--muted);margin:0 0 10px}
.legend i,.contrib i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.pairs .rank{color:var(--muted);width:36px}
.who strong{display:block;color:var(--fg);font-weight:600;white-space:nowrap}
.who .meta,.meta{display:block;color:var(--muted);font-size:12.5px}
.pairs .score{width:140px;white-space:nowrap}
.pairs .score b{font-size:16px;color:var(--fg)}
.scorebar{display:flex;height:8px;width:110px;margin:6px 0 0 auto;background:#e2e8f0;border-radius:4px;overflow:hidden}
.scorebar span{display:block;height:100%}
.explain{max-width:560px}
.explain p{margin:0}
.explain .notes{margin-top:6px;font-size:13px;color:var(--muted)}
.tag{display:inline-block;margin-left:6px;padding:0 8px;border-radius:999px;background:#ede9fe;color:#5b21b6;font-size:12px;font-weight:600}
details{margin-top:6px}
summary{cursor:pointer;color:var(--accent);font-size:13px;font-weight:500}
.contrib{list-style:none;padding:0;margin:8px 0 0;font-size:13px}
.contrib>li{margin:0 0 8px}
.contrib .pts{color:var(--muted)}
.contrib ul{margin:2px 0 0;padding-left:34px;color:var(--text)}
.reason{font-weight:600;color:var(--fg)}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11.5px}
.detail{max-width:520px}
.empty{color:var(--muted);font-style:italic;margin:12px 0 0}
footer{color:var(--muted);font-size:12.5px;padding:0 0 36px}
@media (max-width:900px){.row{grid-template-columns:minmax(0,1fr)}.kpis{grid-template-columns:repeat(2,minmax(0,1fr))}.wrap{padding-left:16px;padding-right:16px}.filter input{min-width:0;width:100%}}
@media print{
body{background:#fff;font-size:11pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
header.top{background:#fff;color:#000;padding:0 0 10px;border-bottom:2px solid #0f172a}
header.top .sub{color:#334155}
nav.toc,.filter,.legend{display:none}
.wrap{max-width:none;padding:0}
.card{border:none;box-shadow:none;padding:0;margin:18px 0}
.row{display:block}
tr,.kpi,svg.chart{break-inside:avoid}
.kpis{grid-template-columns:repeat(4,minmax(0,1fr));gap:8px}
.kpi{padding:8px 10px}
.kpi .v{font-size:17pt}
thead{display:table-header-group}
h2{break-after:avoid}
tbody tr:hover{background:none}
summary{display:none}
}
`;

const SCRIPT = `
(function () {
  var input = document.getElementById('pairs-filter');
  var table = document.getElementById('pairs-table');
  if (!input || !table) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-pair]'));
  var count = document.getElementById('pairs-count');
  var empty = document.getElementById('pairs-empty');
  var fold = function (s) { return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase(); };
  function update() {
    var terms = fold(input.value).split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-search') || '';
      var ok = terms.every(function (term) { return text.indexOf(term) !== -1; });
      row.hidden = !ok;
      if (ok) shown++;
    });
    if (count) count.textContent = (count.getAttribute('data-template') || '').replace('{shown}', String(shown)).replace('{total}', String(rows.length));
    if (empty) empty.hidden = shown > 0;
  }
  input.addEventListener('input', update);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { input.value = ''; update(); }
  });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  update();
})();
`;

/**
 * Renders a match result as one self-contained HTML page for people who never read JSON: summary
 * figures, a histogram of the pair scores and a chart of the skills that flow in each direction
 * (inline SVG drawn here, so they show without script), the departments crossed, a table of the
 * pairs with their explanations and a filter box, and the unmatched with their reasons.
 *
 * The page loads nothing: the style and the small filter script are inline, the fonts are the
 * system's, and a Content-Security-Policy ({@link HTML_REPORT_CSP}) forbids every request. Every
 * text from the data is HTML-escaped. Stable hooks for tests and styling: `#summary`,
 * `#score-histogram svg` (bars `rect.bar[data-bin][data-count]`), `#skill-flow svg` (bars
 * `rect.bar[data-skill][data-direction][data-count]`), `#department-matrix`, `#pairs-filter`,
 * `#pairs-table` (rows `tr[data-pair]`, `data-junior`, `data-senior`), `#unmatched-table` (rows
 * `tr[data-unmatched]`). Print-friendly: the filter hides and the score breakdowns open.
 *
 * @param input - The result, its participants and its program; never mutated.
 * @param options - Locale of the labels (default: the result's; sets `<html lang>`), title,
 *   generation date.
 * @returns The HTML document (UTF-8).
 * @example
 * writeFileSync('pairs.html', renderHtml({ result, participants, program }, { locale: 'fr', generatedAt: '2027-03-01' }));
 */
export function renderHtml(input: ReportInput, options: ReportOptions = {}): string {
  const view = reportView(input, options);
  const t = view.labels;
  const { result } = input;
  const sub: string[] = [`<span class="badge ${h(result.status)}" id="status" data-status="${h(result.status)}">${h(t.statuses[result.status])}</span>`];
  if (result.gap !== null && result.gap > 0) sub.push(`<span>${h(t.gap)}${h(t.colon)}${h(view.format.percent(result.gap))}</span>`);
  if (input.program.name !== undefined && input.program.name !== view.title) sub.push(`<span>${h(t.program)}${h(t.colon)}${h(input.program.name)}</span>`);
  if (options.generatedAt !== undefined) sub.push(`<span>${h(t.generatedAt(options.generatedAt))}</span>`);
  const toc = [
    ['summary', t.summary],
    ['score-histogram', t.histogram],
    ['departments', t.departments],
    ['skill-flow', t.skillFlow],
    ['pairs', t.pairsTitle],
    ['unmatched', t.unmatchedTitle],
  ]
    .map(([id, label]) => `<a href="#${id}">${h(label as string)}</a>`)
    .join('');
  return [
    ...documentStart(view.locale, view.title, STYLE),
    `<header class="top"><div class="wrap"><h1>${h(view.title)}</h1><div class="sub">${sub.join('')}</div><nav class="toc" aria-label="${h(t.contents)}">${toc}</nav></div></header>`,
    '<main class="wrap">',
    summarySection(input, view),
    '<div class="row">',
    `<section id="score-histogram" class="card"><h2>${h(t.histogram)}</h2><p class="caption">${h(t.histogramCaption)}</p>${histogramSvg(input, view)}</section>`,
    `<section id="departments" class="card"><h2>${h(t.departments)}</h2><p class="caption">${h(t.departmentsCaption)}</p>${departmentTable(input, view)}</section>`,
    '</div>',
    `<section id="skill-flow" class="card"><h2>${h(t.skillFlow)}</h2><p class="caption">${h(t.skillFlowCaption)}</p>${skillFlowSvg(input, view)}</section>`,
    pairsSection(input, view),
    unmatchedSection(input, view),
    '</main>',
    `<footer class="wrap">${h(t.footer)}${options.generatedAt !== undefined ? ` ${h(t.generatedAt(options.generatedAt))}.` : ''}</footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The opening of a self-contained report page, up to `<body>`: doctype, language, the
 * Content-Security-Policy that forbids any network access, the title and the inline style.
 *
 * @param locale - The page's language.
 * @param title - The page title (escaped here).
 * @param style - The page's CSS, inlined.
 */
export function documentStart(locale: string, title: string, style: string): string[] {
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light">',
    '<meta name="generator" content="binome">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
  ];
}
