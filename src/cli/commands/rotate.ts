import { extname } from 'node:path';
import { planRotation, type MatchResult, type Participant, type Program } from '../../index';
import { renderReport } from '../../report/index';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf, outputFormat, writeOutput } from '../output';
import { progressLine } from '../progress';
import { UsageError } from '../usage-error';
import { readCohort, timeLimitMs } from './match';

/** Options of `binome rotate`. */
export interface RotateCommandOptions {
  readonly rounds: string;
  readonly strategy?: string;
  readonly program?: string;
  readonly delimiter?: string;
  readonly out?: string;
  readonly format?: string;
  readonly locale?: string;
  readonly timeLimit?: string;
  readonly quiet?: boolean;
}

/** The rounds as one document of the chosen format (HTML: one self-contained file per round). */
function renderRounds(format: 'json' | 'csv' | 'md' | 'html', rounds: readonly MatchResult[], participants: readonly Participant[], program: Program, locale: 'en' | 'fr'): string[] {
  const input = (result: MatchResult) => ({ result, participants, program });
  if (format === 'html') return rounds.map((result, r) => renderReport('html', input(result), { locale, title: `${program.name ?? 'binome'}: ${locale === 'fr' ? 'tour' : 'round'} ${r + 1}` }));
  if (format === 'md') {
    return [rounds.map((result, r) => renderReport('md', input(result), { locale, title: `${locale === 'fr' ? 'Tour' : 'Round'} ${r + 1}` })).join('\n')];
  }
  if (format === 'csv') {
    // One table: the round number in front of each row of the per-round CSV.
    const lines: string[] = [];
    rounds.forEach((result, r) => {
      const [header, ...rows] = renderReport('csv', input(result), { locale }).split('\r\n').filter((l) => l !== '');
      if (r === 0) lines.push(`round,${header}`);
      for (const row of rows) lines.push(`${r + 1},${row}`);
    });
    return [`${lines.join('\r\n')}\r\n`];
  }
  return [`${JSON.stringify({ rounds }, null, 2)}\n`];
}

/**
 * `binome rotate`: plans several rounds in which no pair repeats (nor any past partners), each
 * round optimal given the earlier ones, or all rounds jointly.
 */
export async function rotateCommand(env: CliEnv, file: string, options: RotateCommandOptions): Promise<ExitCodeValue> {
  const rounds = Number(options.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) throw new UsageError(`--rounds must be a whole number 1..100, got "${options.rounds}"`);
  const strategy = oneOf('--strategy', options.strategy, ['sequential', 'joint', 'best'] as const, 'sequential');
  const format = outputFormat(options.format, options.out);
  const locale = oneOf('--locale', options.locale, ['en', 'fr'] as const, 'en');
  if (format === 'html' && (options.out === undefined || options.out === '-')) throw new UsageError('--format html writes one file per round: give --out (e.g. --out rotation.html gives rotation-1.html, rotation-2.html, ...)');
  const limit = timeLimitMs(options.timeLimit);
  const progress = progressLine(env.stderr, options.quiet === true);
  try {
    const { participants, program } = await readCohort(env, file, options, progress.step);
    progress.step(`planning ${rounds} rounds`);
    const plan = planRotation({ participants, program }, { rounds, strategy, locale, ...(limit === undefined ? {} : { timeLimitMs: limit }) });
    progress.done();
    const documents = renderRounds(format, plan.rounds, participants, program, locale);
    if (format === 'html') {
      const out = options.out!;
      const ext = extname(out);
      const base = out.slice(0, out.length - ext.length);
      for (const [r, text] of documents.entries()) await writeOutput(env, text, `${base}-${r + 1}${ext}`);
    } else await writeOutput(env, documents[0]!, options.out);
    if (options.quiet !== true) {
      env.stderr.write(`${plan.rounds.length} rounds (${plan.strategy}), ${plan.pairs} pairs in all, total score ${plan.totalScore.toFixed(1)}: ${plan.rounds.map((r) => `${r.pairs.length} (${r.status})`).join(', ')}\n`);
      for (const warning of plan.warnings) env.stderr.write(`warning: ${warning}\n`);
    }
    return plan.rounds.some((r) => r.status === 'infeasible') ? ExitCode.infeasible : ExitCode.ok;
  } finally {
    progress.done();
  }
}
