/**
 * binome/io: reading the input files of the pairing engine (Node only). Participants as CSV
 * (streamed, every problem named by line and column: `people.csv:14 skills.ai-tools: level must
 * be 0..5, got 7`) or JSON, programs and histories as JSON (problems named by file and path), and
 * `validateFile`, which returns every problem instead of throwing.
 *
 * The CSV conversion itself (`parseParticipantsCsv`, `ParticipantsCsvReader`) uses no Node file
 * API and works on text from anywhere.
 *
 * @packageDocumentation
 */

export {
  CsvRowConverter,
  DEFAULT_CSV_FILE,
  ParticipantsCsvReader,
  csvColumnTypes,
  csvObjectFields,
  parseParticipantsCsv,
  readParticipantsCsv,
  requiredCsvColumns,
  type CellType,
  type CsvDelimiter,
  type CsvOptions,
  type CsvReadResult,
  type CsvRow,
} from './csv-participants';
export {
  detectKind,
  loadHistory,
  loadParticipants,
  loadProgram,
  loadResult,
  validateFile,
  type FileOptions,
  type FileReport,
  type InputKind,
  type LoadHistoryOptions,
  type LoadParticipantsOptions,
  type LoadProgramOptions,
  type ValidateFileOptions,
} from './read-input';
export { parseJsonText, type JsonText } from './json-text';
export type { Issue, IssueSource } from '../errors';
