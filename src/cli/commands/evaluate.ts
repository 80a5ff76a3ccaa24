import { resolve } from 'node:path';
import { calibrateWeights, evaluateHistory, type Calibration, type Program } from '../../index';
import { loadHistory, loadProgram } from '../../io/index';
import { renderEvaluation } from '../../report/index';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf, writeOutput } from '../output';
import { progressLine } from '../progress';
import { UsageError } from '../usage-error';

/** Options of `binome evaluate`. */
export interface EvaluateCommandOptions {
  readonly program?: string;
  readonly calibrate?: boolean;
  readonly format?: string;
  readonly locale?: string;
  readonly out?: string;
  readonly programOut?: string;
  readonly resamples?: string;
  readonly seed?: string;
  readonly quiet?: boolean;
}

function count(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${option} must be a whole number >= 0, got "${value}"`);
  return n;
}

/**
 * `binome evaluate`: replays a history of cohorts against a program (how well its score predicted
 * the outcomes, which pairs broke its rules, what the engine would have done), and with
 * `--calibrate` fits the weights to the outcomes; writes a Markdown, JSON or HTML report.
 */
export async function evaluateCommand(env: CliEnv, file: string, options: EvaluateCommandOptions): Promise<ExitCodeValue> {
  const format = oneOf('--format', options.format ?? (options.out?.toLowerCase().endsWith('.html') ? 'html' : options.out?.toLowerCase().endsWith('.json') ? 'json' : undefined), ['md', 'json', 'html'] as const, 'md');
  const locale = oneOf('--locale', options.locale, ['en', 'fr'] as const, 'en');
  const resamples = count('--resamples', options.resamples, 400);
  const seed = count('--seed', options.seed, 1);
  if (options.programOut !== undefined && options.calibrate !== true) throw new UsageError('--program-out needs --calibrate');
  const progress = progressLine(env.stderr, options.quiet === true);
  try {
    progress.step('reading');
    const program: Program | undefined = options.program === undefined ? undefined : await loadProgram(resolve(env.cwd, options.program), { displayName: options.program });
    const history = await loadHistory(resolve(env.cwd, file), { ...(program ? { program } : {}), displayName: file });
    progress.step('replaying the cohorts');
    const evaluation = evaluateHistory(history, program ?? {}, { resamples, seed });
    let calibration: Calibration | undefined;
    if (options.calibrate === true) {
      progress.step('calibrating the weights');
      calibration = calibrateWeights(history, program ?? {}, { seed });
    }
    progress.done();
    await writeOutput(env, renderEvaluation(format, { evaluation, ...(calibration ? { calibration } : {}) }, { locale }), options.out);
    if (calibration && options.programOut !== undefined) {
      await writeOutput(env, `${JSON.stringify(calibration.program, null, 2)}\n`, options.programOut);
    }
    if (options.quiet !== true) {
      const score = evaluation.overall.predictiveness[0];
      const rho = score?.spearman ? score.spearman.estimate.toFixed(3) : 'n/a';
      env.stderr.write(`${evaluation.cohorts.length} cohorts, ${evaluation.pairs.length} pairs; score vs satisfaction: Spearman ${rho}`);
      if (calibration) env.stderr.write(`; held out after calibration: ${calibration.mean.spearmanBefore?.toFixed(3) ?? 'n/a'} -> ${calibration.mean.spearmanAfter?.toFixed(3) ?? 'n/a'}`);
      env.stderr.write('\n');
      for (const warning of [...evaluation.warnings, ...(calibration?.warnings ?? [])]) env.stderr.write(`warning: ${warning}\n`);
    }
    return ExitCode.ok;
  } finally {
    progress.done();
  }
}
