import { explainPairChoice } from '../../index';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf, writeOutput } from '../output';
import { progressLine } from '../progress';
import { readCohort, timeLimitMs } from './match';

/** Options of `binome explain`. */
export interface ExplainCommandOptions {
  readonly junior: string;
  readonly senior: string;
  readonly program?: string;
  readonly locale?: string;
  readonly format?: string;
  readonly delimiter?: string;
  readonly timeLimit?: string;
  readonly out?: string;
  readonly quiet?: boolean;
}

/**
 * `binome explain`: why a junior and a senior are or are not paired, and what forcing the pair
 * would cost.
 */
export async function explainCommand(env: CliEnv, file: string, options: ExplainCommandOptions): Promise<ExitCodeValue> {
  const locale = oneOf('--locale', options.locale, ['en', 'fr'] as const, 'en');
  const format = oneOf('--format', options.format, ['text', 'json'] as const, 'text');
  const limit = timeLimitMs(options.timeLimit);
  const progress = progressLine(env.stderr, options.quiet === true);
  try {
    const { participants, program } = await readCohort(env, file, options, progress.step);
    progress.step('solving with and without the pair');
    const answer = explainPairChoice({ participants, program }, { juniorId: options.junior, seniorId: options.senior }, { locale, ...(limit === undefined ? {} : { timeLimitMs: limit }) });
    progress.done();
    if (format === 'json') {
      const { result: _result, ...rest } = answer;
      await writeOutput(env, `${JSON.stringify(rest, null, 2)}\n`, options.out);
    } else {
      const lines = [answer.explanation, ''];
      for (const c of answer.contributions) lines.push(`  ${c.scorer.padEnd(12)} ${c.points.toFixed(1).padStart(5)}  ${c.reasons.join('; ')}`);
      if (answer.forced && answer.forced.changedPairs.length > 0) {
        lines.push('', locale === 'fr' ? 'Binômes défaits si on l’impose :' : 'Pairs broken up by forcing it:');
        for (const p of answer.forced.changedPairs) lines.push(`  ${p.juniorId} - ${p.seniorId}`);
      }
      await writeOutput(env, `${lines.join('\n')}\n`, options.out);
    }
    return ExitCode.ok;
  } finally {
    progress.done();
  }
}
