import type { ConstraintPlugin } from '../constraints/constraint';
import type { Locale } from '../explain/messages/types';
import type { ParseOptions } from '../model/parse-options';
import type { MipSolver } from '../rules/mip';
import type { RuleMethod } from '../rules/solve';
import type { ScorerPlugin } from '../scoring/scorer';

/** What `match` and `scorePairs` take: raw JSON-like values or the output of the parse functions. */
export interface MatchInput {
  /** An array of participants or `{ participants: [...] }`, raw or from `parseParticipants`. */
  readonly participants: unknown;
  /** A program, raw or from `parseProgram`; absent means the default program. */
  readonly program?: unknown;
}

/** A phase of a `match` call, in the order they run (`diagnose` only when the rules cannot hold). */
export type ProgressPhase = 'validate' | 'score' | 'solve' | 'explain' | 'diagnose';

/** Where a long `match` call stands, for progress displays. */
export interface ProgressEvent {
  /** The phase running. */
  readonly phase: ProgressPhase;
  /**
   * Units done in the phase: 0 or 1 for `validate`, juniors scored for `score`, solve steps for
   * `solve` and `diagnose`, pairs explained for `explain`.
   */
  readonly done: number;
  /**
   * Units in all, or `null` while not known (`solve` and `diagnose` learn it when they end: their
   * last event has `done === total`).
   */
  readonly total: number | null;
}

/** Options of `match` and `scorePairs`. */
export interface MatchOptions {
  /** Language of every text of the result. Default `en`. */
  readonly locale?: Locale;
  /** Custom scorers; each needs a weight under its id in `program.weights`. */
  readonly scorers?: readonly ScorerPlugin[];
  /** Custom hard constraints, applied after the built-in ones. */
  readonly constraints?: readonly ConstraintPlugin[];
  /** How to parse raw input: unknown-field policy, string limit. */
  readonly parse?: Omit<ParseOptions, 'skills'>;
  /** Year over which time-zone gaps are taken (daylight saving included). Default 2026. */
  readonly timezoneYear?: number;
  /**
   * Whether to compute, for each pair and each unmatched participant, the best partner they could
   * have had and what forcing it would cost. Default `true`; turn off to save time on very large
   * cohorts.
   */
  readonly alternatives?: boolean;
  /**
   * How programme rules (quotas, `maximin`) are solved: `auto` (default) runs the Lagrangian
   * method, then hands the pairs it cannot rule out to the MIP solver when they are few enough
   * for it (`mipSolver.autoMaxVariables`), else returns the Lagrangian solution with its gap;
   * `mip` always finishes with the MIP solver (exact, however long it takes within
   * `timeLimitMs`); `lagrangian` never calls it. Programs without rules use the exact core.
   */
  readonly solver?: RuleMethod;
  /** The exact 0-1 solver for rules; default {@link lpSolver} (javascript-lp-solver). */
  readonly mipSolver?: MipSolver;
  /** Milliseconds the whole call may take; the best solution found by then comes back. */
  readonly timeLimitMs?: number;
  /** Stops the solve when fired (see `matchAsync` for a signal fired during the solve). */
  readonly signal?: AbortSignal;
  /**
   * Called as the call goes: once when each phase starts (`done` 0) and ends, and in between
   * at most about a hundred times per phase. Runs synchronously inside `match`; keep it cheap.
   * An exception it throws aborts the call.
   */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** Default year over which time-zone gaps are taken. */
export const DEFAULT_TIMEZONE_YEAR = 2026;
