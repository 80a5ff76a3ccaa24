import { appendIssues, type Issue } from '../errors';
import { parseOptionIssues } from '../model/parse-options';
import type { MatchOptions } from './options';

const LOCALES = ['en', 'fr'];
const SOLVERS = ['auto', 'mip', 'lagrangian'];

/**
 * Checks the options of `match` that come as plain values (a web form may hand them over as
 * anything): locale, solver, time limit, time-zone year, alternatives, and the shape of the
 * plug-in lists and callbacks. Plug-ins themselves are checked where they are bound.
 *
 * @param options - The options as given.
 * @returns One issue per bad option, with the path `options.<name>`.
 */
export function optionIssues(options: MatchOptions): Issue[] {
  if (options === null || typeof options !== 'object') return [{ path: ['options'], message: 'must be an object', received: options }];
  const issues: Issue[] = [];
  const bad = (name: string, message: string, received: unknown) => issues.push({ path: ['options', name], message, received });
  const o = options as Record<string, unknown>;
  if (o.locale !== undefined && !LOCALES.includes(o.locale as string)) bad('locale', 'must be "en" or "fr"', o.locale);
  if (o.solver !== undefined && !SOLVERS.includes(o.solver as string)) bad('solver', 'must be "auto", "mip" or "lagrangian"', o.solver);
  if (o.timeLimitMs !== undefined && !(typeof o.timeLimitMs === 'number' && o.timeLimitMs >= 0)) bad('timeLimitMs', 'must be a number of milliseconds >= 0', o.timeLimitMs);
  if (o.timezoneYear !== undefined && !(Number.isInteger(o.timezoneYear) && (o.timezoneYear as number) >= 1970 && (o.timezoneYear as number) <= 2200)) {
    bad('timezoneYear', 'must be a whole year 1970..2200', o.timezoneYear);
  }
  if (o.alternatives !== undefined && typeof o.alternatives !== 'boolean') bad('alternatives', 'must be true or false', o.alternatives);
  for (const name of ['scorers', 'constraints'] as const) {
    if (o[name] !== undefined && !Array.isArray(o[name])) bad(name, 'must be an array of plug-ins', o[name]);
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') bad('onProgress', 'must be a function', typeof o.onProgress);
  if (o.signal !== undefined && !(typeof o.signal === 'object' && o.signal !== null && 'aborted' in o.signal)) bad('signal', 'must be an AbortSignal', typeof o.signal);
  if (o.mipSolver !== undefined && !(typeof o.mipSolver === 'object' && o.mipSolver !== null && typeof (o.mipSolver as { solve?: unknown }).solve === 'function')) {
    bad('mipSolver', 'must be a MipSolver (an object with a solve method)', typeof o.mipSolver);
  }
  appendIssues(issues, parseOptionIssues(o.parse, ['options', 'parse']));
  return issues;
}
