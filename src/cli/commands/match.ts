import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { defaultProgram, matchAsync, parseProgram, presetByName, withPreset, type MatchOptions, type Program, type ProgramInput } from '../../index';
import { parseJsonText } from '../../io/json-text';
import { loadHighsSolver } from '../../highs';
import { loadParticipants, loadProgram } from '../../io/index';
import { renderReport } from '../../report/index';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf, outputFormat, writeOutput } from '../output';
import { progressLine } from '../progress';
import { UsageError } from '../usage-error';

/** Options of `binome match`, as commander parses them. */
export interface MatchCommandOptions {
  readonly program?: string;
  readonly out?: string;
  readonly format?: string;
  readonly locale?: string;
  readonly timeLimit?: string;
  readonly solver?: string;
  readonly mipSolver?: string;
  readonly delimiter?: string;
  readonly quiet?: boolean;
}

/**
 * The program of a command: `--program FILE`, or `--preset NAME` with `--program FILE` as
 * overrides (merged by `withPreset`), or the default program.
 */
export async function readProgram(env: CliEnv, options: { readonly program?: string; readonly preset?: string }): Promise<Program> {
  if (options.preset === undefined) return options.program === undefined ? defaultProgram : await loadProgram(resolve(env.cwd, options.program), { displayName: options.program });
  const preset = presetByName(options.preset);
  if (options.program === undefined) return parseProgram(preset);
  const path = resolve(env.cwd, options.program);
  // Checked on its own first, so that its errors name the file; then merged over the preset.
  await loadProgram(path, { displayName: options.program });
  const json = parseJsonText(await readFile(path, 'utf8'));
  return parseProgram(withPreset(preset, (json.ok ? json.value : {}) as ProgramInput));
}

/** The options shared by the commands that read a cohort: program, preset, delimiter. */
export async function readCohort(
  env: CliEnv,
  file: string,
  options: { readonly program?: string; readonly preset?: string; readonly delimiter?: string },
  step: (text: string) => void = () => {},
): Promise<{ participants: Awaited<ReturnType<typeof loadParticipants>>; program: Program }> {
  const delimiter = oneOf('--delimiter', options.delimiter, [',', ';'] as const, ',');
  step('reading the program');
  const program = await readProgram(env, options);
  step(`reading ${file}`);
  const participants = await loadParticipants(resolve(env.cwd, file), { program, delimiter, displayName: file });
  return { participants, program };
}

/** Parses `--time-limit SECONDS` into milliseconds. */
export function timeLimitMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--time-limit must be a number of seconds >= 0, got "${value}"`);
  return seconds * 1000;
}

/**
 * `binome match`: reads a cohort (CSV or JSON) and a program, forms the pairs and writes the
 * result as JSON, CSV, Markdown or a self-contained HTML report.
 *
 * @returns 0, or 2 when the programme's rules cannot all hold (the output then carries the
 *   diagnosis).
 */
export async function matchCommand(env: CliEnv, file: string, options: MatchCommandOptions): Promise<ExitCodeValue> {
  const format = outputFormat(options.format, options.out);
  const locale = oneOf('--locale', options.locale, ['en', 'fr'] as const, 'en');
  const solver = oneOf('--solver', options.solver, ['auto', 'mip', 'lagrangian'] as const, 'auto');
  const mip = oneOf('--mip-solver', options.mipSolver, ['javascript-lp-solver', 'highs'] as const, 'javascript-lp-solver');
  const limit = timeLimitMs(options.timeLimit);
  const progress = progressLine(env.stderr, options.quiet === true);
  try {
    const { participants, program } = await readCohort(env, file, options, progress.step);
    const matchOptions: MatchOptions = {
      locale,
      solver,
      ...(mip === 'highs' ? { mipSolver: await loadHighsSolver() } : {}),
      ...(limit === undefined ? {} : { timeLimitMs: limit }),
      ...(env.signal ? { signal: env.signal } : {}),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    };
    const result = await matchAsync({ participants, program }, matchOptions);
    progress.done();
    await writeOutput(env, renderReport(format, { result, participants, program }, { locale }), options.out);
    if (options.quiet !== true) {
      const s = result.stats;
      const where = options.out === undefined ? '' : ` -> ${options.out}`;
      env.stderr.write(`${s.pairs} pairs, ${s.unmatched} unmatched, total score ${s.totalScore.toFixed(1)} (${result.status}${result.gap ? `, gap ${(100 * result.gap).toFixed(2)}%` : ''})${where}\n`);
      for (const warning of result.warnings) env.stderr.write(`warning: ${warning}\n`);
      if (result.diagnosis) for (const c of result.diagnosis.conflicts) env.stderr.write(`conflict: ${c.message}\n`);
    }
    return result.status === 'infeasible' ? ExitCode.infeasible : ExitCode.ok;
  } finally {
    progress.done();
  }
}
