/**
 * Participants in CSV, as the formats README describes them: one row per participant, one column
 * per field, objects spread over dotted columns (`skills.ai-tools`), lists inside a cell separated
 * by `;` (by `|` when the fields are separated by `;`). Rows are converted one by one into raw
 * records, then validated by the same machinery as JSON; every issue names the file, the physical
 * line and the column: `people.csv:14 skills.ai-tools: level must be 0..5, got 7`.
 *
 * No Node API here beyond what `csv-parse` itself needs; the Node file reader lives in
 * `read-input.ts` and feeds the same {@link ParticipantsCsvReader}.
 *
 * @module
 */
import { CsvError, parse, type Options as CsvParseOptions } from 'csv-parse/sync';
import { MAX_ISSUES, appendIssues, throwIfAny, type Issue, type IssueSource } from '../errors';
import { checkParticipants } from '../model/cross-checks';
import { tooMany } from '../model/limits';
import { DEFAULT_LIMITS, parseOptionIssues, resolveLimits, type Limits, type ParseOptions } from '../model/parse-options';
import { validateParticipantList, type Participant } from '../model/participant';
import { isReservedKey } from '../model/reserved-keys';
import { defaultSkills } from '../model/taxonomy';
import { suggest } from '../model/zod-issues';

/** Field separator of a participants CSV file: `,` (default) or `;` (spreadsheets in French locales). */
export type CsvDelimiter = ',' | ';';

/** Options of {@link parseParticipantsCsv} and {@link ParticipantsCsvReader}. */
export interface CsvOptions extends ParseOptions {
  /** File name used in messages; default {@link DEFAULT_CSV_FILE}. */
  readonly file?: string;
  /** Field separator; default `,`. With `;`, lists use `|` and numbers may use a decimal comma. */
  readonly delimiter?: CsvDelimiter;
}

/** File name used in messages when the caller gives none. */
export const DEFAULT_CSV_FILE = 'participants.csv';

/**
 * Issues of CSV options handed over as plain values: those of the parse options
 * ({@link parseOptionIssues}), a `file` that is not a string, a `delimiter` other than `,` or `;`.
 *
 * @param options - The options as given (any value; `undefined` is none).
 */
export function csvOptionIssues(options: unknown): Issue[] {
  const issues = parseOptionIssues(options);
  if (options === null || typeof options !== 'object') return issues;
  const { file, delimiter } = options as { file?: unknown; delimiter?: unknown };
  if (file !== undefined && typeof file !== 'string') issues.push({ path: ['options', 'file'], message: 'must be a file name', received: file });
  if (delimiter !== undefined && delimiter !== ',' && delimiter !== ';') issues.push({ path: ['options', 'delimiter'], message: 'must be "," or ";"', received: delimiter });
  return issues;
}

/** How a cell of a plain (non-dotted) column is read. */
export type CellType = 'string' | 'boolean' | 'number' | 'list';

/** The plain columns of the format and how their cells are read, in the order of the README. */
export const csvColumnTypes: Readonly<Record<string, CellType>> = Object.freeze({
  id: 'string',
  name: 'string',
  role: 'string',
  volunteer: 'boolean',
  department: 'string',
  site: 'string',
  managerId: 'string',
  birthYear: 'number',
  tenureYears: 'number',
  languages: 'list',
  timezone: 'string',
  availability: 'list',
  capacity: 'number',
  openness: 'number',
  tags: 'list',
  pastPartners: 'list',
});

/** Fields spread over dotted columns (`skills.<id>`, `wants.<id>`, `attributes.<key>`). */
export const csvObjectFields = Object.freeze(['skills', 'wants', 'attributes'] as const);

/** Columns every participants CSV file must have. */
export const requiredCsvColumns = Object.freeze(['id', 'role', 'volunteer', 'department'] as const);

type ObjectField = (typeof csvObjectFields)[number];

/** What one header column holds. */
type Column =
  | { readonly kind: 'scalar'; readonly field: string; readonly type: CellType }
  | { readonly kind: 'object'; readonly field: ObjectField; readonly key: string }
  | { readonly kind: 'ignored' };

/** A data row turned into a raw participant record, or the reason it could not be. */
export type CsvRow =
  | { readonly ok: true; readonly record: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly issue: Issue };

/** What a CSV read produced: the valid participants, every issue, and how many data rows. */
export interface CsvReadResult {
  /** The participants that passed every check, in file order (all of them when `issues` is empty). */
  readonly participants: Participant[];
  /** Every problem found, in line order, each with `source: { file, line, column }`. */
  readonly issues: Issue[];
  /** Data rows read (blank rows are not counted). */
  readonly rows: number;
}

/**
 * The `csv-parse` options shared by the string parser and the Node stream reader: records as
 * arrays of strings, BOM removed, any of CRLF, LF or CR between records, cell counts left to
 * the caller to check (so that a short row is an issue naming its line, not a parser error), and
 * no record longer than `maxRecordSize` characters (`limits.maxCsvRecordSize`).
 *
 * @param delimiter - Field separator.
 * @param maxRecordSize - Longest record, in characters; `Infinity` for no limit.
 */
export function csvParseOptions(delimiter: CsvDelimiter = ',', maxRecordSize: number = DEFAULT_LIMITS.maxCsvRecordSize): CsvParseOptions {
  return {
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: false,
    // csv-parse reads 0 as "no limit"; a limit of 0 would refuse every record anyway.
    max_record_size: Number.isFinite(maxRecordSize) ? Math.max(1, maxRecordSize) : 0,
  };
}

const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const jsonNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const commaDecimal = /^[+-]?\d+,\d+$/;

/** A finite number, or `undefined` when the cell does not read strictly as one. */
function readNumber(cell: string, pattern: RegExp, decimalComma: boolean): number | undefined {
  let text = pattern === plainNumber ? cell.trim() : cell;
  if (decimalComma && commaDecimal.test(text)) text = text.replace(',', '.');
  if (!pattern.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const booleans: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, '1': true, '0': false };

/** `true`/`false`, `yes`/`no`, `1`/`0` in any case, else `undefined`. */
function readBoolean(cell: string): boolean | undefined {
  const key = cell.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(booleans, key) ? booleans[key] : undefined;
}

/** Items of a list cell, trimmed, empty ones dropped. */
function readList(cell: string, separator: string): string[] {
  return cell
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An `attributes.*` cell: a finite number, a boolean (`true`/`false`, any case) or the text. */
function readAttribute(cell: string, decimalComma: boolean): string | number | boolean {
  const number = readNumber(cell, jsonNumber, decimalComma);
  if (number !== undefined) return number;
  const lower = cell.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  return cell;
}

/** The key after the dot when `name` is `<field>.<key>` for an object field. */
function splitDotted(name: string): { field: ObjectField; key: string } | undefined {
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const field = csvObjectFields.find((f) => f === name.slice(0, dot));
  return field === undefined ? undefined : { field, key: name.slice(dot + 1) };
}

/** "Did you mean" hint for an unknown column, or `undefined`. */
function columnHint(name: string): string | undefined {
  const dot = name.indexOf('.');
  if (dot >= 0) {
    const field = suggest(name.slice(0, dot), csvObjectFields);
    return field === undefined ? undefined : `${field}${name.slice(dot)}`;
  }
  return suggest(name, [...Object.keys(csvColumnTypes), ...csvObjectFields]);
}

/**
 * Converts the data rows of a participants CSV file into raw records (plain objects in the JSON
 * shape, not yet validated), once its header has been checked. Pure and reusable: the string
 * parser and the Node stream reader both feed it one row at a time.
 */
export class CsvRowConverter {
  /** Problems of the header (missing, unknown, duplicate or empty column names), on its line. */
  readonly issues: readonly Issue[];
  /** Required columns that the header lacks (their per-row "is required" issues are implied). */
  readonly missing: ReadonlySet<string>;
  /** Number of cells every row must have: the header's. */
  readonly width: number;
  /**
   * True when the header breaks a size limit (more `skills.*`, `wants.*` or `attributes.*`
   * columns than a record may have): the rows are then not read.
   */
  readonly fatal: boolean;
  private readonly limits: Limits;
  private readonly columns: readonly Column[];
  private readonly positions: ReadonlyMap<string, number>;
  private readonly file: string;
  private readonly separator: string;
  private readonly decimalComma: boolean;

  /**
   * @param header - Cells of the header row, as read.
   * @param options - File name for messages, delimiter, unknown-column policy.
   * @param line - Physical line of the header (1 unless blank lines come first).
   */
  constructor(header: readonly string[], options: CsvOptions = {}, line = 1) {
    this.file = options.file ?? DEFAULT_CSV_FILE;
    const delimiter = options.delimiter ?? ',';
    this.separator = delimiter === ';' ? '|' : ';';
    this.decimalComma = delimiter === ';';
    this.limits = resolveLimits(options);
    this.width = header.length;
    const positions = new Map<string, number>();
    if (header.length > this.limits.maxCsvColumns) {
      // Not read any further: one issue, not one per column.
      const issue = tooMany(['header'], header.length, this.limits.maxCsvColumns, 'columns', 'maxCsvColumns');
      this.issues = [{ ...issue, source: { file: this.file, line } }];
      this.fatal = true;
      this.columns = [];
      this.missing = new Set();
      this.positions = positions;
      return;
    }
    const issues: Issue[] = [];
    this.columns = header.map((name, index) => {
      const first = positions.get(name);
      if (name !== '' && first === undefined) positions.set(name, index);
      const { column, message, unnamed } = this.planColumn(name, index, first, options.unknownFields ?? 'error');
      if (message !== undefined) issues.push(this.headerIssue(name === '' || unnamed === true ? undefined : name, index, message, line));
      return column;
    });
    const present = new Set(this.columns.flatMap((c) => (c.kind === 'scalar' ? [c.field] : [])));
    const missing = requiredCsvColumns.filter((name) => !present.has(name));
    for (const name of missing) issues.push(this.headerIssue(name, -1, 'missing required column', line));
    const oversized = this.oversizedFields(line);
    appendIssues(issues, oversized);
    this.fatal = oversized.length > 0;
    this.issues = issues;
    this.missing = new Set(missing);
    this.positions = positions;
  }

  /**
   * Position of a column in the header, for ordering issues within a line.
   *
   * @param name - Column name as written in the header.
   * @returns Its 0-based position (the first one when repeated), or the header width when absent.
   */
  position(name: string): number {
    return this.positions.get(name) ?? this.width;
  }

  /**
   * Converts one data row into a raw participant record: empty cells are absent fields,
   * `skills` and `wants` are always present (possibly `{}`), `attributes` only when a cell has a
   * value. A cell that does not read as its type is kept as text, so that validation reports it
   * with its value.
   *
   * @param cells - The row's cells, as read.
   * @param line - Physical line where the row starts, for the issue of a wrong cell count.
   * @param row - 0-based position of the row among the data rows (the record's index).
   * @returns The record, or an issue when the row has more or fewer cells than the header.
   */
  convert(cells: readonly string[], line: number, row: number): CsvRow {
    if (cells.length !== this.width) {
      return {
        ok: false,
        issue: {
          path: ['participants', row],
          message: `${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, the header has ${this.width}`,
          source: { file: this.file, line },
        },
      };
    }
    const record: Record<string, unknown> = { skills: {}, wants: {} };
    this.columns.forEach((column, index) => {
      const cell = cells[index];
      if (cell === undefined || cell === '' || column.kind === 'ignored') return;
      if (column.kind === 'scalar') record[column.field] = this.readCell(cell, column.type);
      else this.objectOf(record, column.field)[column.key] = this.readEntry(cell, column.field);
    });
    return { ok: true, record };
  }

  /** Issues of the object fields spread over more columns than a record may have entries. */
  private oversizedFields(line: number): Issue[] {
    const caps = {
      skills: 'maxSkillsPerPerson',
      wants: 'maxSkillsPerPerson',
      attributes: 'maxAttributes',
    } as const satisfies Record<ObjectField, keyof Limits>;
    return csvObjectFields.flatMap((field): Issue[] => {
      const count = this.columns.filter((c) => c.kind === 'object' && c.field === field).length;
      const name = caps[field];
      const limit = this.limits[name];
      if (count <= limit) return [];
      const issue = tooMany(['header', field], count, limit, `${field}.* columns`, name);
      return [{ ...issue, source: { file: this.file, line } }];
    });
  }

  private planColumn(
    name: string,
    index: number,
    first: number | undefined,
    unknownFields: 'error' | 'strip',
  ): { column: Column; message?: string; unnamed?: boolean } {
    const ignored: Column = { kind: 'ignored' };
    if (name === '') return { column: ignored, message: `column ${index + 1} has no name` };
    const dotted = splitDotted(name);
    const max = this.limits.maxStringLength;
    if ((dotted?.key ?? name).length > max) {
      return { column: ignored, message: `column ${index + 1}: a name of ${name.length} characters (at most ${max} after its prefix, limits.maxStringLength)`, unnamed: true };
    }
    if (first !== undefined) return { column: ignored, message: `duplicate column (first is column ${first + 1})` };
    const type = Object.prototype.hasOwnProperty.call(csvColumnTypes, name) ? csvColumnTypes[name] : undefined;
    if (type !== undefined) return { column: { kind: 'scalar', field: name, type } };
    if (dotted?.key === '') return { column: ignored, message: `empty key: name the column ${dotted.field}.<key>` };
    if (dotted !== undefined && isReservedKey(dotted.key)) return { column: ignored, message: `reserved key "${dotted.key}" is not allowed` };
    if (dotted !== undefined) return { column: { kind: 'object', ...dotted } };
    if ((csvObjectFields as readonly string[]).includes(name)) {
      return { column: ignored, message: `an object field: spread it over columns named ${name}.<key>` };
    }
    if (unknownFields === 'strip') return { column: ignored };
    const hint = columnHint(name);
    return {
      column: ignored,
      message: hint === undefined ? 'unknown column (extra data belongs in attributes.<key> columns)' : `unknown column (did you mean "${hint}"?)`,
    };
  }

  private headerIssue(name: string | undefined, index: number, message: string, line: number): Issue {
    const source: IssueSource = name === undefined ? { file: this.file, line } : { file: this.file, line, column: name };
    return { path: name === undefined ? ['header', index] : ['header', name], message, source };
  }

  private readCell(cell: string, type: CellType): unknown {
    switch (type) {
      case 'string':
        return cell;
      case 'boolean':
        return readBoolean(cell) ?? cell;
      case 'number':
        return readNumber(cell, plainNumber, this.decimalComma) ?? cell;
      case 'list':
        return readList(cell, this.separator);
    }
  }

  private readEntry(cell: string, field: ObjectField): unknown {
    if (field === 'attributes') return readAttribute(cell, this.decimalComma);
    return readNumber(cell, plainNumber, this.decimalComma) ?? cell;
  }

  private objectOf(record: Record<string, unknown>, field: ObjectField): Record<string, unknown> {
    const existing = record[field];
    if (existing !== undefined) return existing as Record<string, unknown>;
    const created: Record<string, unknown> = {};
    record[field] = created;
    return created;
  }
}

/** Line breaks inside the cells of a record (a CRLF counts once). */
function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue;
    count += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return count;
}

/** A row whose cells are all empty: a blank line, or `,,,` as spreadsheets export empty rows. */
function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === '');
}

const csvMessages: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (a `"` is missing)',
  CSV_INVALID_CLOSING_QUOTE: 'characters after the closing quote of a quoted cell (write a quote inside a quoted cell as "")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'characters after the closing quote of a quoted cell (write a quote inside a quoted cell as "")',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted cell (quote the whole cell and write the quote as "")',
  CSV_MAX_RECORD_SIZE: 'row too long (a quote may be missing, or the delimiter is wrong)',
};

/**
 * Whether `error` is a syntax error of `csv-parse` (rather than a bug or an I/O failure).
 *
 * @param error - Anything thrown.
 */
export function isCsvSyntaxError(error: unknown): error is CsvError {
  if (error instanceof CsvError) return true;
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE');
}

/**
 * Reads a participants CSV file one record at a time (header first) and validates the whole at
 * the end. Lines are counted from the cells themselves, so that a quoted cell spanning several
 * lines moves the following rows' numbers as an editor shows them, whatever the line endings.
 * Blank rows are skipped. Never throws for bad content: {@link ParticipantsCsvReader.finish}
 * returns every issue.
 *
 * @example
 * const reader = new ParticipantsCsvReader({ file: 'people.csv' });
 * for (const cells of records) reader.push(cells);
 * const { participants, issues } = reader.finish();
 */
export class ParticipantsCsvReader {
  private readonly options: CsvOptions;
  private readonly file: string;
  private readonly limits: Limits;
  private converter: CsvRowConverter | undefined;
  private readonly issues: Issue[] = [];
  private readonly records: Readonly<Record<string, unknown>>[] = [];
  /** For each record, its line and its row (0-based among data rows). */
  private readonly places: { readonly line: number; readonly row: number }[] = [];
  private nextLine = 1;
  private rows = 0;
  private halted = false;

  /** @param options - File name for messages, delimiter, and the parse options (taxonomy, limits, ...). */
  constructor(options: CsvOptions = {}) {
    throwIfAny(csvOptionIssues(options));
    this.options = options;
    this.file = options.file ?? DEFAULT_CSV_FILE;
    this.limits = resolveLimits(options);
  }

  /**
   * True once a size limit is broken (more rows than `limits.maxParticipants`, or a header with
   * more object columns than a record may have) or {@link MAX_ISSUES} rows were malformed: the
   * caller stops reading, and
   * {@link ParticipantsCsvReader.finish} reports that issue without validating the rows.
   */
  get stopped(): boolean {
    return this.halted;
  }

  /**
   * Takes the next record of the file, as `csv-parse` gives it (header first). Ignored once
   * {@link ParticipantsCsvReader.stopped}.
   *
   * @param cells - The record's cells.
   */
  push(cells: readonly string[]): void {
    if (this.halted) return;
    const line = this.nextLine;
    this.nextLine = line + 1 + lineBreaks(cells);
    if (isBlank(cells)) return;
    if (this.converter === undefined) {
      this.converter = new CsvRowConverter(cells, this.options, line);
      appendIssues(this.issues, this.converter.issues);
      this.halted = this.converter.fatal;
      return;
    }
    if (this.rows >= this.limits.maxParticipants) {
      const { maxParticipants } = this.limits;
      this.issues.push({
        path: ['participants'],
        message: `at most ${maxParticipants} participants per run (limits.maxParticipants); reading stopped at this row`,
        source: { file: this.file, line },
      });
      this.halted = true;
      return;
    }
    const row = this.rows++;
    const result = this.converter.convert(cells, line, row);
    if (!result.ok) {
      this.issues.push(result.issue);
      if (this.issues.length >= MAX_ISSUES) {
        // The issue budget: a file bad from top to bottom stops here, as the parse functions do.
        this.issues.push(this.stopIssue(this.nextLine));
        this.halted = true;
      }
      return;
    }
    this.records.push(result.record);
    this.places.push({ line, row });
  }

  /**
   * Records a syntax error of the CSV text (an unclosed quote, a record over
   * `limits.maxCsvRecordSize`, ...), which ends the reading; it is located on the line where the
   * faulty record starts.
   *
   * @param error - The error thrown by `csv-parse`.
   */
  fail(error: CsvError): void {
    const message =
      error.code === 'CSV_MAX_RECORD_SIZE'
        ? `row longer than ${this.limits.maxCsvRecordSize} characters (limits.maxCsvRecordSize): a quote may be missing, or the delimiter is wrong`
        : (csvMessages[error.code] ?? `invalid CSV: ${error.message}`);
    this.issues.push({ path: ['participants', this.rows], message, source: { file: this.file, line: this.nextLine } });
  }

  /**
   * Validates the records read (each field, then across records: unique ids, skill ids in the
   * taxonomy, manager chains without loops) and locates every issue by line and column.
   *
   * @returns The valid participants, every issue in line order, and the number of data rows.
   */
  finish(): CsvReadResult {
    if (this.converter === undefined && this.issues.length === 0) {
      return { participants: [], issues: [{ path: [], message: 'empty file (expected a header row)', source: { file: this.file } }], rows: 0 };
    }
    if (this.halted) return { participants: [], issues: [...this.issues], rows: this.rows };
    const converter = this.converter;
    const { entries, issues, stoppedAt } = validateParticipantList(this.records, ['participants'], this.options);
    let stop = stoppedAt;
    if (stop === undefined) {
      const cross = checkParticipants(entries, this.options.skills ?? defaultSkills, ['participants'], MAX_ISSUES - issues.length);
      appendIssues(issues, cross.issues);
      stop = cross.stoppedAt;
    }
    const located = issues.map((issue) => this.locate(issue)).filter((issue) => !converter?.missing.has(issue.source?.column ?? ''));
    const all = [...this.issues, ...located];
    const order = all.map((issue, i) => ({ issue, i, line: issue.source?.line ?? 0, column: this.rank(issue) }));
    order.sort((a, b) => a.line - b.line || a.column - b.column || a.i - b.i);
    const sorted = order.map((o) => o.issue);
    if (stop !== undefined) sorted.push(this.stopIssue(this.places[stop]?.line ?? this.nextLine));
    return { participants: entries.map((e) => e.participant), issues: sorted, rows: this.rows };
  }

  /** The last issue once {@link MAX_ISSUES} were found: where reading, or checking, stopped. */
  private stopIssue(line: number): Issue {
    return { path: ['participants'], message: `stopped after ${MAX_ISSUES} issues; rows from line ${line} on were not checked`, source: { file: this.file, line } };
  }

  /** Position of an issue's column in the header, to order the issues of a line; -1 for none. */
  private rank(issue: Issue): number {
    const column = issue.source?.column;
    if (column !== undefined) return this.converter?.position(column) ?? -1;
    const [first, index] = issue.path;
    return first === 'header' && typeof index === 'number' ? index : -1;
  }

  /** Maps `['participants', i, field, key?, ...]` to the record's line and column. */
  private locate(issue: Issue): Issue {
    const [, index, field, key] = issue.path;
    const place = typeof index === 'number' ? this.places[index] : undefined;
    if (place === undefined) return { ...issue, source: { file: this.file } };
    const isObject = (csvObjectFields as readonly unknown[]).includes(field) && typeof key === 'string';
    const column = typeof field !== 'string' ? undefined : isObject ? `${field}.${String(key)}` : field;
    const source: IssueSource = column === undefined ? { file: this.file, line: place.line } : { file: this.file, line: place.line, column };
    return { ...issue, path: ['participants', place.row, ...issue.path.slice(2)], message: this.relocateMessage(issue.message), source };
  }

  /** "duplicate id (first at participants[3])" names the line in a CSV file. */
  private relocateMessage(message: string): string {
    return message.replace(/\(first at participants\[(\d+)\]\)/, (text, index: string) => {
      const place = this.places[Number(index)];
      return place === undefined ? text : `(first at line ${place.line})`;
    });
  }
}

/** Thrown out of `csv-parse` to stop reading once a limit is broken. */
const STOP: unique symbol = Symbol('stop reading');

/**
 * Parses and validates a participants CSV text: UTF-8 with or without BOM, CRLF or LF, RFC 4180
 * quoting. Checks the header (required, unknown, duplicate and empty column names), the cell
 * count of every row, every field of every record and the cross-record rules (unique ids, skill
 * ids in the taxonomy, manager chains without loops), and reports all of them at once.
 *
 * @param text - The whole file.
 * @param options - File name for messages, delimiter, unknown-column policy, string limit, taxonomy.
 * @returns The participants, in file order, with absent fields removed.
 * @throws {@link ValidationError} listing every problem in line order, e.g.
 *   `people.csv:14 skills.ai-tools: level must be 0..5, got 7`.
 * @example
 * const people = parseParticipantsCsv(readFileSync('people.csv', 'utf8'), { file: 'people.csv' });
 */
export function parseParticipantsCsv(text: string, options: CsvOptions = {}): Participant[] {
  const { participants, issues } = readParticipantsCsv(text, options);
  throwIfAny(issues);
  return participants;
}

/**
 * As {@link parseParticipantsCsv}, but returns the issues instead of throwing.
 *
 * @param text - The whole file.
 * @param options - As for {@link parseParticipantsCsv}.
 * @returns The valid participants, every issue, and the number of data rows.
 */
export function readParticipantsCsv(text: string, options: CsvOptions = {}): CsvReadResult {
  const reader = new ParticipantsCsvReader(options);
  if (typeof text !== 'string') {
    const issue: Issue = { path: ['participants'], message: 'CSV text must be a string', received: text, source: { file: options.file ?? DEFAULT_CSV_FILE } };
    return { participants: [], issues: [issue], rows: 0 };
  }
  try {
    parse(text, {
      ...csvParseOptions(options.delimiter, resolveLimits(options).maxCsvRecordSize),
      on_record: (cells: string[]) => {
        reader.push(cells);
        if (reader.stopped) throw STOP;
        return null;
      },
    });
  } catch (error) {
    if (error !== STOP) {
      if (!isCsvSyntaxError(error)) throw error;
      reader.fail(error);
    }
  }
  return reader.finish();
}
