import type { Locale } from '../explain/messages/types';
import type { Participant } from '../model/participant';
import type { Program } from '../model/program';
import type { MatchResult } from '../model/result';

/**
 * What every renderer reads: a match result with the participants and the program it was made
 * from (validated, as `parseParticipants` and `parseProgram` return them). The participants give
 * names, departments, sites and skill levels; the program gives the skill taxonomy and the scorers.
 * Nothing is mutated.
 */
export interface ReportInput {
  /** The result of `match` on these participants and this program. */
  readonly result: MatchResult;
  /** The validated participants (every one of the result's ids should be among them). */
  readonly participants: readonly Participant[];
  /** The validated program, defaults filled in. */
  readonly program: Program;
}

/** Options shared by every renderer. */
export interface ReportOptions {
  /**
   * Language of the report's own labels (headings, column titles, figures). Defaults to the
   * result's locale. The explanations and details inside the result keep the locale they were
   * written in by `match`.
   */
  readonly locale?: Locale | undefined;
  /** Title of the report; defaults to the program's name, else a generic title. */
  readonly title?: string | undefined;
  /**
   * A date or any text shown as "Generated on ...", printed as given. Renderers never read the
   * clock, so without it the output depends on the input only.
   */
  readonly generatedAt?: string | undefined;
}

/** Options of the CSV renderer. */
export interface CsvOptions extends ReportOptions {
  /** Start the text with a UTF-8 byte order mark ({@link CSV_BOM}) so Excel reads accents right. */
  readonly bom?: boolean | undefined;
}

/** Output formats of `renderReport`. */
export type ReportFormat = 'json' | 'csv' | 'md' | 'html';

/** Options of `renderReport`: those of every renderer (only CSV reads `bom`). */
export type RenderReportOptions = CsvOptions;
