/**
 * Reading input files (Node only): participants as CSV (streamed) or JSON, programs and
 * histories as JSON. Every problem is a {@link ValidationError} whose issues name the file (and,
 * for CSV, the line and column), so that the CLI can print them as they are.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { BinomeError, throwIfAny, ValidationError, type Issue } from '../errors';
import { matchResultSchema, type MatchResult } from '../model/result';
import { fromZodIssues } from '../model/zod-issues';
import { longListIssues } from '../model/long-lists';
import { checkProgramReferences } from '../model/cross-checks';
import { parseHistory, type History } from '../model/history';
import { resolveLimits, type ParseOptions } from '../model/parse-options';
import { parseParticipants, type Participant } from '../model/participant';
import { parseProgram, type Program, type ProgramParseOptions } from '../model/program';
import { csvParseOptions, isCsvSyntaxError, ParticipantsCsvReader, type CsvDelimiter, type CsvOptions, type CsvReadResult } from './csv-participants';
import { parseJsonText } from './json-text';

/** What an input file holds. */
export type InputKind = 'participants' | 'program' | 'history';

/** Options shared by the loaders. */
export interface FileOptions {
  /** Name of the file in messages; default: the path as given (the CLI passes what the user typed). */
  readonly displayName?: string;
}

/** Options of {@link loadParticipants}. */
export interface LoadParticipantsOptions extends ParseOptions, FileOptions {
  /**
   * The program the participants are for: its skills are the taxonomy, and its locked and
   * forbidden pairs and `mustMatch` ids must name participants of the right role.
   */
  readonly program?: Program;
  /** Name of the program's file, for the issues of its references; none by default. */
  readonly programFile?: string;
  /** Field separator when the file is CSV (its name ends in `.csv`); default `,`. Ignored for JSON. */
  readonly delimiter?: CsvDelimiter;
}

/** Options of {@link loadHistory}. */
export interface LoadHistoryOptions extends ParseOptions, FileOptions {
  /** The program whose skills are the taxonomy of the past cohorts. */
  readonly program?: Program;
}

/** Options of {@link loadProgram}. */
export interface LoadProgramOptions extends ProgramParseOptions, FileOptions {}

/** Options of {@link validateFile}. */
export interface ValidateFileOptions extends Pick<ParseOptions, 'unknownFields' | 'maxStringLength' | 'limits'>, FileOptions {
  /** What the file holds; detected from its name and content when absent. */
  readonly kind?: InputKind;
  /** Path of a program file to check participants or a history against. */
  readonly program?: string;
  /** Name of the program file in messages; default: the path as given. */
  readonly programDisplayName?: string;
  /** Field separator when the file is CSV (its name ends in `.csv`); default `,`. */
  readonly delimiter?: CsvDelimiter;
}

/** What {@link validateFile} found. */
export interface FileReport {
  /** What the file holds (detected, given, or guessed from its name when its content cannot tell). */
  readonly kind: InputKind;
  /** Records read: participants (CSV data rows), cohorts, or 1 for a program; 0 when unreadable. */
  readonly count: number;
  /** Every problem found, program file's first; empty when the file is valid. */
  readonly issues: Issue[];
}

const isCsvName = (file: string) => extname(file).toLowerCase() === '.csv';

/** The kind of a parsed JSON document, or `null`. */
function kindOfValue(value: unknown): InputKind | null {
  if (Array.isArray(value)) return 'participants';
  if (value === null || typeof value !== 'object') return null;
  if (Object.prototype.hasOwnProperty.call(value, 'participants')) return 'participants';
  if (Object.prototype.hasOwnProperty.call(value, 'cohorts')) return 'history';
  return 'program';
}

/**
 * Tells what an input file holds: participants for a `.csv` file, a JSON array or an object
 * with `participants`; a history for an object with `cohorts`; a program for any other object.
 *
 * @param file - Path or name of the file.
 * @param text - Its content, when at hand (needed for JSON).
 * @returns The kind, or `null` when neither the name nor the content tells.
 * @example
 * detectKind('people.csv'); // 'participants'
 * detectKind('program.json', '{"objective":"maxScore"}'); // 'program'
 */
export function detectKind(file: string, text?: string): InputKind | null {
  if (isCsvName(file)) return 'participants';
  if (text === undefined) return null;
  const json = parseJsonText(text);
  return json.ok ? kindOfValue(json.value) : null;
}

/** Node's error codes in words. */
const readReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory in the path',
  EMFILE: 'too many open files',
};

/** A read failure as an issue: `people.csv: cannot read: no such file`. */
function readIssue(name: string, error: unknown): Issue {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const reason = (code === undefined ? undefined : readReasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return { path: [], message: `cannot read: ${reason}`, source: { file: name } };
}

/** The issues of a validation error, each given `source.file` when it has no source yet. */
function issuesWithFile(error: unknown, name: string): Issue[] {
  if (!(error instanceof BinomeError) || error.code !== 'invalid-input') throw error;
  return error.issues.map((issue) => (issue.source === undefined ? { ...issue, source: { file: name } } : issue));
}

/** Runs a parse function; its issues come back with the file's name. */
function attempt<T>(name: string, run: () => T): { value?: T; issues: Issue[] } {
  try {
    return { value: run(), issues: [] };
  } catch (error) {
    return { issues: issuesWithFile(error, name) };
  }
}

/** A JSON file read and parsed, or the issue that prevented it. */
interface JsonRead {
  readonly value?: unknown;
  readonly issues: Issue[];
}

/** What a reader found: the value when valid, every issue, and how many records were read. */
interface FileRead<T> {
  readonly value?: T;
  readonly issues: Issue[];
  readonly count: number;
}

/** Reads and parses a JSON file; an unreadable file or a syntax error is an issue. */
async function readJson(file: string, name: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { issues: [readIssue(name, error)] };
  }
  const json = parseJsonText(text);
  if (json.ok) return { value: json.value, issues: [] };
  const message = `invalid JSON at column ${json.column}: ${json.message}`;
  return { issues: [{ path: [], message, source: { file: name, line: json.line } }] };
}

/** Thrown out of the CSV pipeline to stop reading once a limit is broken. */
const STOP: unique symbol = Symbol('stop reading');

/** Streams a CSV file through `csv-parse` into a {@link ParticipantsCsvReader}. */
async function streamCsv(file: string, options: CsvOptions): Promise<CsvReadResult> {
  const reader = new ParticipantsCsvReader(options);
  // Records go to the reader as the parser makes them (on_record), so that a syntax error or a
  // broken limit is located on the record where it happens, however far the parser read ahead.
  const csv = parse({
    ...csvParseOptions(options.delimiter, resolveLimits(options).maxCsvRecordSize),
    on_record: (cells: string[]) => {
      reader.push(cells);
      if (reader.stopped) throw STOP; // a limit is broken: stop reading the file
      return null;
    },
  });
  try {
    await pipeline(createReadStream(file), csv, async (records: AsyncIterable<unknown>) => {
      for await (const record of records) void record; // none: on_record keeps them
    });
  } catch (error) {
    // Stopping on purpose surfaces as STOP, or as the abort of the streams it tears down.
    if (error !== STOP && !reader.stopped) {
      if (!isCsvSyntaxError(error)) return { participants: [], issues: [readIssue(options.file ?? file, error)], rows: 0 };
      reader.fail(error);
    }
  }
  return reader.finish();
}

/** The parse options of a loader, with the program's skills as the taxonomy. */
function parseOptionsOf(options: ParseOptions & { readonly program?: Program }): ParseOptions {
  const { unknownFields, maxStringLength, limits } = options;
  const skills = options.program?.skills ?? options.skills;
  return {
    ...(unknownFields === undefined ? {} : { unknownFields }),
    ...(maxStringLength === undefined ? {} : { maxStringLength }),
    ...(limits === undefined ? {} : { limits }),
    ...(skills === undefined ? {} : { skills }),
  };
}

/** The options of a program's parse: its size limits. */
function programOptionsOf(options: ProgramParseOptions): ProgramParseOptions {
  const { maxStringLength, limits } = options;
  return { ...(maxStringLength === undefined ? {} : { maxStringLength }), ...(limits === undefined ? {} : { limits }) };
}

/** How many records the array at `key` of a document holds (the document itself when an array). */
function countOf(value: unknown, key: string): number {
  if (Array.isArray(value)) return key === 'participants' ? value.length : 0;
  const list = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list.length : 0;
}

/** Validates a participants JSON document already read. */
function participantsFromJson(json: JsonRead, name: string, options: ParseOptions): FileRead<Participant[]> {
  const count = countOf(json.value, 'participants');
  if (json.issues.length > 0) return { issues: json.issues, count };
  return { ...attempt(name, () => parseParticipants(json.value, options)), count };
}

/** Validates a history JSON document already read. */
function historyFromJson(json: JsonRead, name: string, options: ParseOptions): FileRead<History> {
  const count = countOf(json.value, 'cohorts');
  if (json.issues.length > 0) return { issues: json.issues, count };
  return { ...attempt(name, () => parseHistory(json.value, options)), count };
}

/** Validates a program JSON document already read. */
function programFromJson(json: JsonRead, name: string, options: ProgramParseOptions): FileRead<Program> {
  if (json.issues.length > 0) return { issues: json.issues, count: 0 };
  return { ...attempt(name, () => parseProgram(json.value, programOptionsOf(options))), count: 1 };
}

/** Participants of a file with every issue, never throwing for bad content. */
async function readParticipantsFile(file: string, options: LoadParticipantsOptions): Promise<FileRead<Participant[]>> {
  const name = options.displayName ?? file;
  const parseOptions = parseOptionsOf(options);
  let read: FileRead<Participant[]>;
  if (isCsvName(file)) {
    const csv = await streamCsv(file, { ...parseOptions, file: name, ...(options.delimiter ? { delimiter: options.delimiter } : {}) });
    read = { value: csv.participants, issues: csv.issues, count: csv.rows };
  } else {
    read = participantsFromJson(await readJson(file, name), name, parseOptions);
  }
  return withReferences(read, options.program, options.programFile);
}

/**
 * Adds the issues of a program's references (locked and forbidden pairs, `mustMatch` ids) to
 * valid participants; located in the program's file when its name is known.
 */
function withReferences(read: FileRead<Participant[]>, program: Program | undefined, programFile: string | undefined): FileRead<Participant[]> {
  if (read.issues.length > 0 || program === undefined) return read;
  const issues = checkProgramReferences(program, read.value ?? []);
  return { ...read, issues: programFile === undefined ? issues : issues.map((issue) => ({ ...issue, source: { file: programFile } })) };
}

/**
 * Reads and validates a participants file: CSV when its name ends in `.csv` (any case), streamed
 * row by row so that a large export never sits in memory as one string; JSON otherwise. With a
 * program, skill ids are checked against its taxonomy and its pair lists and `mustMatch` ids
 * against the participants.
 *
 * @param file - Path of the file.
 * @param options - Program, CSV delimiter, display name, parse options.
 * @returns The participants, in file order.
 * @throws {@link ValidationError} listing every problem, each with `source` naming the file
 *   (and the line and column for CSV), also when the file cannot be read.
 * @example
 * const participants = await loadParticipants('people.csv', { program, delimiter: ';' });
 */
export async function loadParticipants(file: string, options: LoadParticipantsOptions = {}): Promise<Participant[]> {
  const { value, issues } = await readParticipantsFile(file, options);
  throwIfAny(issues);
  return value ?? [];
}

/**
 * Reads and validates a program file (JSON), filling in its defaults.
 *
 * @param file - Path of the file.
 * @param options - Display name, size limits.
 * @returns The program.
 * @throws {@link ValidationError} whose issues name the file, e.g.
 *   `program.json: program.weights.reciprocity: must be >= 0, got -1`.
 */
export async function loadProgram(file: string, options: LoadProgramOptions = {}): Promise<Program> {
  const name = options.displayName ?? file;
  const { value, issues } = programFromJson(await readJson(file, name), name, options);
  throwIfAny(issues);
  return value as Program;
}

/**
 * Reads and validates a history file (JSON): past cohorts, their participants and pairs.
 *
 * @param file - Path of the file.
 * @param options - Program (for the taxonomy), display name, parse options.
 * @returns The history.
 * @throws {@link ValidationError} whose issues name the file.
 */
export async function loadHistory(file: string, options: LoadHistoryOptions = {}): Promise<History> {
  const name = options.displayName ?? file;
  const { value, issues } = historyFromJson(await readJson(file, name), name, parseOptionsOf(options));
  throwIfAny(issues);
  return value as History;
}

/**
 * Reads a match result written by `binome match --format json` (or `JSON.stringify(match(...))`),
 * checked against the result schema.
 *
 * @param file - Path of the file.
 * @param options - Display name.
 * @throws {@link ValidationError} whose issues name the file and the JSON path.
 */
export async function loadResult(file: string, options: FileOptions = {}): Promise<MatchResult> {
  const name = options.displayName ?? file;
  const read = await readJson(file, name);
  throwIfAny(read.issues);
  const inFile = (issue: Issue): Issue => ({ ...issue, source: { file: name } });
  throwIfAny(longListIssues(matchResultSchema, read.value, ['result']).map(inFile));
  const parsed = matchResultSchema.safeParse(read.value);
  if (parsed.success) return parsed.data;
  const [first, ...rest] = fromZodIssues(parsed.error.issues, read.value, ['result'], () => undefined).map(inFile);
  throw new ValidationError(first ? [first, ...rest] : [inFile({ path: ['result'], message: 'is not a match result' })]);
}

/** A kind guessed from a file name, for content that cannot tell. */
function kindFromName(name: string): InputKind {
  const base = basename(name).toLowerCase();
  return base.includes('program') ? 'program' : base.includes('histor') ? 'history' : 'participants';
}

/** The program to check against, or its issues. */
async function programOf(options: ValidateFileOptions): Promise<{ program?: Program; programFile?: string; issues: Issue[] }> {
  if (options.program === undefined) return { issues: [] };
  const name = options.programDisplayName ?? options.program;
  const { value, issues } = programFromJson(await readJson(options.program, name), name, options);
  return value === undefined ? { issues } : { program: value, programFile: name, issues };
}

/**
 * Checks a file and returns every problem instead of throwing: what `binome validate` prints.
 * The kind is detected (see {@link detectKind}) unless given; when the content cannot tell
 * (unreadable, not JSON, not an object), it is guessed from the name (`program`, `history`),
 * participants by default. With a program file, participants and histories are checked against
 * it; when the program itself is invalid, its issues come first and the file is checked as if no
 * program were given.
 *
 * @param file - Path of the file.
 * @param options - Kind, program file, CSV delimiter, display names, parse options.
 * @returns The kind, the number of records, and every issue (empty when valid).
 * @example
 * const { kind, count, issues } = await validateFile('people.csv', { program: 'program.json' });
 * for (const issue of issues) console.log(formatIssue(issue));
 */
export async function validateFile(file: string, options: ValidateFileOptions = {}): Promise<FileReport> {
  const name = options.displayName ?? file;
  const { unknownFields, maxStringLength, limits } = options;
  const base = {
    displayName: name,
    ...(unknownFields ? { unknownFields } : {}),
    ...(maxStringLength !== undefined ? { maxStringLength } : {}),
    ...(limits !== undefined ? { limits } : {}),
  };
  if (options.kind === 'program') {
    const read = programFromJson(await readJson(file, name), name, options);
    return { kind: 'program', count: read.count, issues: read.issues };
  }
  const { program, programFile, issues: programIssues } = await programOf(options);
  const against = { ...base, ...(program ? { program } : {}), ...(programFile ? { programFile } : {}) };
  if (options.kind !== 'history' && isCsvName(file)) {
    const read = await readParticipantsFile(file, { ...against, ...(options.delimiter ? { delimiter: options.delimiter } : {}) });
    return { kind: 'participants', count: read.count, issues: [...programIssues, ...read.issues] };
  }
  const json = await readJson(file, name);
  const kind = options.kind ?? kindOfValue(json.value) ?? kindFromName(name);
  if (kind === 'program') {
    const read = programFromJson(json, name, options);
    return { kind, count: read.count, issues: read.issues };
  }
  const read =
    kind === 'history'
      ? historyFromJson(json, name, parseOptionsOf(against))
      : withReferences(participantsFromJson(json, name, parseOptionsOf(against)), program, programFile);
  return { kind, count: read.count, issues: [...programIssues, ...read.issues] };
}
