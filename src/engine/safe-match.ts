import { BinomeError, InternalError } from '../errors';
import type { MatchResult } from '../model/result';
import { match, matchAsync } from './match';
import type { MatchInput, MatchOptions } from './options';

/** What {@link safeMatch} returns: the result, or the error as data. */
export type SafeMatchResult = { readonly ok: true; readonly result: MatchResult } | { readonly ok: false; readonly error: BinomeError };

/**
 * {@link match} without exceptions, for callers that hand it whatever a web form sent: the same
 * raw input, and `{ ok: true, result }` or `{ ok: false, error }`. `error` is always a
 * `BinomeError` with a stable `code` and `issues` (each with its path): `invalid-input`,
 * `locked-pair-conflict`, `invalid-plugin`, or `internal-error` for anything unexpected (a bug,
 * or a plug-in that threw), whose `cause` is the original error. An infeasible programme is not an
 * error: it is a result with status `infeasible` and a diagnosis.
 *
 * @param input - Participants and program, raw or parsed; never mutated.
 * @param options - As for `match`.
 * @example
 * const outcome = safeMatch({ participants: body.people, program: body.program });
 * if (!outcome.ok) return reply(400, { code: outcome.error.code, issues: outcome.error.issues });
 */
export function safeMatch(input: MatchInput, options: MatchOptions = {}): SafeMatchResult {
  try {
    return { ok: true, result: match(input, options) };
  } catch (error) {
    return { ok: false, error: asBinomeError(error, 'match') };
  }
}

/** {@link safeMatch} for {@link matchAsync}: never rejects. */
export async function safeMatchAsync(input: MatchInput, options: MatchOptions = {}): Promise<SafeMatchResult> {
  try {
    return { ok: true, result: await matchAsync(input, options) };
  } catch (error) {
    return { ok: false, error: asBinomeError(error, 'match') };
  }
}

/** The error itself when it is the library's, else wrapped as an {@link InternalError}. */
export function asBinomeError(error: unknown, where: string): BinomeError {
  return error instanceof BinomeError ? error : new InternalError(error, where);
}
