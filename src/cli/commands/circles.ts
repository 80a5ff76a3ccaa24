import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ValidationError, displayName, type Issue, type Participant } from '../../index';
import { parseJsonText } from '../../io/index';
import { mentorCircles, type MentorCircles } from '../../lifecycle/circles';
import { csvCell, escapeMarkdown } from '../../report/index';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf, outputFormat, writeOutput } from '../output';
import { progressLine } from '../progress';
import { UsageError } from '../usage-error';
import { readCohort } from './match';

/** Options of `binome circles`, as commander parses them. */
export interface CirclesCommandOptions {
  /** Participants file of the result (CSV or JSON). */
  readonly participants?: string;
  readonly program?: string;
  readonly delimiter?: string;
  /** `MIN,MAX` (or `N` for `N,N`). */
  readonly size?: string;
  readonly locale?: string;
  readonly format?: string;
  readonly out?: string;
  readonly quiet?: boolean;
}

/** The part of a result pair the command reads. */
type ResultPairIds = { readonly juniorId: string; readonly seniorId: string };

/** Formats of `binome circles`. */
const FORMATS = ['json', 'md', 'csv'] as const;

/** Columns of the CSV output, one row per member. */
export const CIRCLES_CSV_COLUMNS = Object.freeze(['circleId', 'memberId', 'name', 'department', 'site'] as const);

/** Parses `--size MIN,MAX` (or `N`). */
export function parseSize(value: string | undefined): readonly [number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => s.trim());
  const numbers = parts.map(Number);
  const [min, max] = numbers.length === 1 ? [numbers[0], numbers[0]] : numbers;
  if (parts.length > 2 || parts.some((s) => !/^\d+$/.test(s)) || min === undefined || max === undefined || min < 2 || max < min) {
    throw new UsageError(`--size must be MIN,MAX (whole numbers, 2 <= MIN <= MAX), e.g. 4,6; got "${value}"`);
  }
  return [min, max];
}

/**
 * `binome circles`: reads a match result (JSON, as `binome match --format json` writes it) and
 * its participants, groups the juniors who mentor into peer-support circles mixing departments
 * and sites, and writes them as JSON (the return value of `mentorCircles`), Markdown or CSV.
 *
 * @returns 0 on success.
 */
export async function circlesCommand(env: CliEnv, resultFile: string, options: CirclesCommandOptions): Promise<ExitCodeValue> {
  const locale = oneOf('--locale', options.locale, ['en', 'fr'] as const, 'en');
  const inferred = options.format === undefined ? outputFormat(undefined, options.out) : undefined;
  if (inferred === 'html') throw new UsageError(`--out: binome circles writes .json, .md or .csv, got "${options.out}"`);
  const format = oneOf('--format', options.format ?? inferred, FORMATS, 'json');
  const size = parseSize(options.size);
  if (options.participants === undefined) throw new UsageError('--participants <file> is required: the participants file the result was made from');
  const progress = progressLine(env.stderr, options.quiet === true);
  try {
    progress.step(`reading ${resultFile}`);
    const result = await readResult(resolve(env.cwd, resultFile), resultFile);
    const { participants, program } = await readCohort(env, options.participants, options, progress.step);
    progress.step('forming the circles');
    let circles: MentorCircles;
    try {
      circles = mentorCircles(result, { participants }, { locale, parse: { skills: program.skills }, ...(size ? { size } : {}) });
    } catch (error) {
      throw inFile(error, resultFile);
    }
    progress.done();
    const text = format === 'json' ? `${JSON.stringify(circles, null, 2)}\n` : format === 'csv' ? circlesCsv(circles, participants) : circlesMarkdown(circles, result.pairs, participants, locale);
    await writeOutput(env, text, options.out);
    if (options.quiet !== true) {
      const { mixing } = circles;
      const sizes = circles.circles.map((c) => c.members.length);
      const least = sizes.reduce((a, b) => Math.min(a, b), Infinity);
      const most = sizes.reduce((a, b) => Math.max(a, b), 0);
      const range = sizes.length === 0 ? '' : ` of ${least}${most === least ? '' : `-${most}`}`;
      const where = options.out === undefined ? '' : ` -> ${options.out}`;
      env.stderr.write(
        `${count(circles.circles.length, 'circle')}${range}, ${count(mixing.sameDepartmentPairs, 'same-department pair')} (least possible ${mixing.lowerBound}), ${count(mixing.sameSitePairs, 'same-site pair')}${where}\n`,
      );
      for (const warning of circles.warnings) env.stderr.write(`warning: ${warning}\n`);
    }
    return ExitCode.ok;
  } finally {
    progress.done();
  }
}

/** `1 circle`, `2 circles`. */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Reads the result file: any JSON with `pairs` of `{ juniorId, seniorId }` (a match result, or
 * pairs made elsewhere), checked further by `mentorCircles`.
 */
async function readResult(file: string, name: string): Promise<{ pairs: ResultPairIds[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = code === 'ENOENT' ? 'file not found' : `cannot read the file (${error instanceof Error ? error.message : String(error)})`;
    throw new ValidationError([{ path: [], message, source: { file: name } }]);
  }
  const json = parseJsonText(text);
  if (!json.ok) throw new ValidationError([{ path: [], message: `invalid JSON at column ${json.column}: ${json.message}`, source: { file: name, line: json.line } }]);
  const value = json.value;
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { pairs?: unknown }).pairs)) {
    throw new ValidationError([{ path: ['pairs'], message: 'expected a match result with "pairs" (binome match --format json)', source: { file: name } }]);
  }
  return value as { pairs: ResultPairIds[] };
}

/** Locates the issues about the result (`result.pairs[3].juniorId`) in its file. */
function inFile(error: unknown, name: string): unknown {
  if (!(error instanceof ValidationError)) return error;
  const issues = error.issues.map((issue): Issue => (issue.path[0] === 'result' ? { ...issue, path: issue.path.slice(1), source: { file: name } } : issue));
  return new ValidationError(issues as [Issue, ...Issue[]]);
}

/** One row per member: circle id, member id, name, department, site; cells as `csvCell` writes them. */
function circlesCsv(circles: MentorCircles, participants: readonly Participant[]): string {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const rows: string[][] = [[...CIRCLES_CSV_COLUMNS]];
  for (const circle of circles.circles) {
    for (const id of circle.members) {
      const p = byId.get(id);
      rows.push([circle.id, id, p?.name ?? '', p?.department ?? '', p?.site ?? '']);
    }
  }
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

const MD_LABELS = {
  en: {
    title: 'Mentor circles',
    circle: 'Circle',
    columns: ['Mentor', 'Id', 'Department', 'Site', 'Mentees'],
    none: 'No circle.',
    warning: 'Warning',
    mixing: (m: MentorCircles['mixing'], count: number) =>
      `${count} circle${count === 1 ? '' : 's'}; ${m.sameDepartmentPairs} pair${m.sameDepartmentPairs === 1 ? ' of members shares' : 's of members share'} a department (least possible: ${m.lowerBound}), ${m.sameSitePairs} ${m.sameSitePairs === 1 ? 'shares' : 'share'} a site.`,
  },
  fr: {
    title: 'Cercles de mentors',
    circle: 'Cercle',
    columns: ['Mentor', 'Id', 'Direction', 'Site', 'Mentoré·es'],
    none: 'Aucun cercle.',
    warning: 'Attention',
    mixing: (m: MentorCircles['mixing'], count: number) =>
      `${count} cercle${count > 1 ? 's' : ''} ; ${m.sameDepartmentPairs} paire${m.sameDepartmentPairs > 1 ? 's' : ''} de membres dans la même direction (minimum possible : ${m.lowerBound}), ${m.sameSitePairs} sur le même site.`,
  },
} as const;

/** A title, the mixing figures, warnings, then per circle a table of its members and its explanation. */
function circlesMarkdown(circles: MentorCircles, pairs: readonly ResultPairIds[], participants: readonly Participant[], locale: 'en' | 'fr'): string {
  const t = MD_LABELS[locale];
  const colon = locale === 'fr' ? ' : ' : ': ';
  const byId = new Map(participants.map((p) => [p.id, p]));
  const lines = [`# ${t.title}`, '', escapeMarkdown(t.mixing(circles.mixing, circles.circles.length))];
  for (const warning of circles.warnings) lines.push('', `> **${t.warning}**${colon}${escapeMarkdown(warning)}`);
  if (circles.circles.length === 0) lines.push('', t.none);
  const menteesOf = new Map<string, string[]>();
  for (const pair of [...pairs].sort((a, b) => (a.seniorId < b.seniorId ? -1 : a.seniorId > b.seniorId ? 1 : 0))) {
    const p = byId.get(pair.seniorId);
    const list = menteesOf.get(pair.juniorId) ?? [];
    const name = p ? displayName(p) : pair.seniorId;
    if (!list.includes(name)) list.push(name);
    menteesOf.set(pair.juniorId, list);
  }
  for (const circle of circles.circles) {
    lines.push('', `## ${t.circle} ${circle.id.replace('circle-', '')}`, '');
    lines.push(`| ${t.columns.join(' | ')} |`, `| ${t.columns.map(() => '---').join(' | ')} |`);
    for (const id of circle.members) {
      const p = byId.get(id);
      const cells = [p ? displayName(p) : id, id, p?.department ?? '', p?.site ?? '', (menteesOf.get(id) ?? []).join(', ')];
      lines.push(`| ${cells.map(escapeMarkdown).join(' | ')} |`);
    }
    lines.push('', escapeMarkdown(circle.explanation));
  }
  return `${lines.join('\n')}\n`;
}
