import { resolve } from 'node:path';
import { rematch, type PairRef } from '../../index';
import { loadParticipants, loadResult } from '../../io/index';
import { csvCell, renderReport } from '../../report/index';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf, outputFormat, writeOutput } from '../output';
import { progressLine } from '../progress';
import { UsageError } from '../usage-error';
import { readCohort, timeLimitMs } from './match';

/** Options of `binome rematch`. */
export interface RematchCommandOptions {
  readonly participants: string;
  readonly program?: string;
  readonly delimiter?: string;
  readonly left?: string;
  readonly joined?: string;
  readonly failed?: string;
  readonly maxChanges?: string;
  readonly out?: string;
  readonly format?: string;
  readonly locale?: string;
  readonly timeLimit?: string;
  readonly quiet?: boolean;
}

/** `j-1:s-2,j-3:s-4` into pairs. */
function parsePairs(option: string, value: string | undefined): PairRef[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((item) => {
    const [juniorId, seniorId, ...extra] = item.split(':').map((s) => s.trim());
    if (!juniorId || !seniorId || extra.length > 0) throw new UsageError(`${option} takes junior:senior pairs separated by commas, got "${item}"`);
    return { juniorId, seniorId };
  });
}

const list = (value: string | undefined) => (value === undefined ? [] : value.split(',').map((s) => s.trim()).filter((s) => s !== ''));

/**
 * `binome rematch`: re-forms the pairs of a running cohort after people left or joined or pairs
 * failed, keeping the unaffected pairs (up to `--max-changes` of them may move).
 */
export async function rematchCommand(env: CliEnv, resultFile: string, options: RematchCommandOptions): Promise<ExitCodeValue> {
  const format = outputFormat(options.format, options.out);
  const locale = oneOf('--locale', options.locale, ['en', 'fr'] as const, 'en');
  const maxChanges = options.maxChanges === undefined ? 0 : Number(options.maxChanges);
  if (!Number.isInteger(maxChanges) || maxChanges < 0) throw new UsageError(`--max-changes must be a whole number >= 0, got "${options.maxChanges}"`);
  const failed = parsePairs('--failed', options.failed);
  const left = list(options.left);
  const limit = timeLimitMs(options.timeLimit);
  const progress = progressLine(env.stderr, options.quiet === true);
  try {
    progress.step('reading');
    const previous = await loadResult(resolve(env.cwd, resultFile), { displayName: resultFile });
    const { participants, program } = await readCohort(env, options.participants, options, progress.step);
    const joined = options.joined === undefined ? [] : await loadParticipants(resolve(env.cwd, options.joined), { program, displayName: options.joined, ...(options.delimiter === ';' ? { delimiter: ';' as const } : {}) });
    progress.step('re-matching');
    const next = rematch(previous, { left, joined, failed }, { participants, program }, { maxChanges, locale, ...(limit === undefined ? {} : { timeLimitMs: limit }) });
    progress.done();
    const { changes, optimalUnder, ...result } = next;
    const everyone = [...participants.filter((p) => !left.includes(p.id)), ...joined];
    let text: string;
    if (format === 'json') text = `${JSON.stringify(next, null, 2)}\n`;
    else if (format === 'md') {
      const rows = changes.map((c) => `| ${c.kind} | ${c.juniorId} | ${c.seniorId} | ${c.reason.replace(/\|/g, '\\|')} |`);
      const title = locale === 'fr' ? '## Changements' : '## Changes';
      const head = locale === 'fr' ? '| Changement | Junior | Senior | Pourquoi |' : '| Change | Junior | Senior | Why |';
      text = `${renderReport('md', { result, participants: everyone, program }, { locale })}\n${title}\n\n${head}\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
    } else if (format === 'csv') {
      const lines = ['change,juniorId,seniorId,reason', ...changes.map((c) => [c.kind, c.juniorId, c.seniorId, c.reason].map(csvCell).join(','))];
      text = `${lines.join('\r\n')}\r\n`;
    } else text = renderReport('html', { result, participants: everyone, program }, { locale });
    await writeOutput(env, text, options.out);
    if (options.quiet !== true) {
      const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
      env.stderr.write(
        `${result.pairs.length} pairs: ${count('kept')} kept, ${count('moved')} moved, ${count('ended')} ended, ${count('new')} new (${result.status}, optimal keeping all but ${optimalUnder.maxChanges} of ${optimalUnder.unaffectedPairs} unaffected pairs)\n`,
      );
    }
    return result.status === 'infeasible' ? ExitCode.infeasible : ExitCode.ok;
  } finally {
    progress.done();
  }
}
