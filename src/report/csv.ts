import type { CsvOptions, ReportInput } from './types';
import { rankedContributions } from './view';

/** The UTF-8 byte order mark; put it first (or pass `bom: true`) so that Excel reads accents. */
export const CSV_BOM = '\uFEFF';

/**
 * Columns of the CSV report, in order. They are stable, English and named like the fields of the
 * JSON result, whatever the locale, so scripts can read the file by column name:
 *
 * - `kind`: `pair` or `unmatched`;
 * - pair rows: `juniorId`, `juniorName`, `seniorId`, `seniorName`, `score` (one decimal, `.` as the
 *   decimal mark), `reason1`..`reason3` (the three contributions with most points, as
 *   `scorer: first reason`; fewer when fewer scorers gave points);
 * - unmatched rows: `id`, `name`, `role` (`junior` / `senior`), `reason` (the code, e.g.
 *   `not-volunteer`), `detail`.
 *
 * Cells a row does not use are empty.
 */
export const CSV_COLUMNS = Object.freeze([
  'kind',
  'juniorId',
  'juniorName',
  'seniorId',
  'seniorName',
  'score',
  'reason1',
  'reason2',
  'reason3',
  'id',
  'name',
  'role',
  'reason',
  'detail',
] as const);

/** A column of the CSV report. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Writes one CSV cell: neutralised against formula injection, then quoted per RFC 4180.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some a tab or carriage return
 * before them) as a formula, so a participant named `=HYPERLINK(...)` could run code in the HR
 * officer's Excel. Such a cell gets a single quote `'` in front: `=SUM(A1)` is written `'=SUM(A1)`,
 * which spreadsheets show as text. Reading the file back gives the quoted text, not the original.
 * The rule applies to every cell (numbers of the report are never negative, so none is touched).
 *
 * A cell with a comma, a double quote, a CR or a LF is put in double quotes, with its double
 * quotes doubled: `Doe, "JD"` is written `"Doe, ""JD"""`.
 *
 * @param value - The text of the cell.
 * @returns The cell as it goes between the commas.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The rows of the CSV report as cell values, before neutralisation and quoting; the header first.
 *
 * @param input - The result, its participants and its program.
 * @returns `[CSV_COLUMNS, ...one row per pair, ...one row per unmatched]`, each row as long as the header.
 */
export function csvRows(input: ReportInput): string[][] {
  const names = new Map(input.participants.map((p) => [p.id, p.name ?? '']));
  const blank = (): Record<CsvColumn, string> =>
    Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<CsvColumn, string>;
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const pair of input.result.pairs) {
    const row = blank();
    row.kind = 'pair';
    row.juniorId = pair.juniorId;
    row.juniorName = names.get(pair.juniorId) ?? '';
    row.seniorId = pair.seniorId;
    row.seniorName = names.get(pair.seniorId) ?? '';
    row.score = pair.score.toFixed(1);
    const top = rankedContributions(pair).slice(0, 3);
    const reasons = top.map((c) => (c.reasons[0] === undefined ? c.scorer : `${c.scorer}: ${c.reasons[0]}`));
    row.reason1 = reasons[0] ?? '';
    row.reason2 = reasons[1] ?? '';
    row.reason3 = reasons[2] ?? '';
    rows.push(CSV_COLUMNS.map((c) => row[c]));
  }
  for (const u of input.result.unmatched) {
    const row = blank();
    row.kind = 'unmatched';
    row.id = u.id;
    row.name = u.name ?? names.get(u.id) ?? '';
    row.role = u.role;
    row.reason = u.reason;
    row.detail = u.detail;
    rows.push(CSV_COLUMNS.map((c) => row[c]));
  }
  return rows;
}

/**
 * Renders a match result as CSV for spreadsheets: a header of {@link CSV_COLUMNS}, one row per pair
 * (`kind` = `pair`), then one row per unmatched participant (`kind` = `unmatched`), in the result's
 * order. RFC 4180: fields separated by `,`, CRLF after every row (the last too), quoting as
 * {@link csvCell} says, cells starting with `=`, `+`, `-`, `@`, tab or CR neutralised with a
 * leading `'`. The reasons and details are the result's texts, in the locale `match` wrote them
 * in; `locale`, `title` and `generatedAt` do not apply.
 *
 * @param input - The result, its participants and its program; never mutated.
 * @param options - `bom: true` starts the text with {@link CSV_BOM}.
 * @returns The CSV text (a string: encode it as UTF-8).
 * @example
 * writeFileSync('pairs.csv', renderCsv({ result, participants, program }, { bom: true }));
 */
export function renderCsv(input: ReportInput, options: CsvOptions = {}): string {
  const body = csvRows(input)
    .map((row) => `${row.map(csvCell).join(',')}\r\n`)
    .join('');
  return options.bom ? CSV_BOM + body : body;
}
