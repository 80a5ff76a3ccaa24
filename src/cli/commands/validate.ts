import { resolve } from 'node:path';
import { issueFormatter } from '../../index';
import { validateFile } from '../../io/index';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf } from '../output';

/** Options of `binome validate`. */
export interface ValidateCommandOptions {
  readonly program?: string;
  readonly kind?: string;
  readonly delimiter?: string;
  readonly quiet?: boolean;
}

const NOUNS = { participants: ['participant', 'participants'], program: ['program', 'programs'], history: ['cohort', 'cohorts'] } as const;

/**
 * `binome validate`: recognises a participants, program or history file, checks it (against a
 * program's taxonomy and rules when one is given) and prints every problem, one per line, with the
 * file, line and column for CSV and the JSON path for JSON.
 *
 * @returns 0 when the file is valid, 1 otherwise.
 */
export async function validateCommand(env: CliEnv, file: string, options: ValidateCommandOptions): Promise<ExitCodeValue> {
  const kind = options.kind === undefined ? undefined : oneOf('--kind', options.kind, ['participants', 'program', 'history'] as const, 'participants');
  const delimiter = oneOf('--delimiter', options.delimiter, [',', ';'] as const, ',');
  const report = await validateFile(resolve(env.cwd, file), {
    ...(kind ? { kind } : {}),
    ...(options.program === undefined ? {} : { program: resolve(env.cwd, options.program), programDisplayName: options.program }),
    delimiter,
    displayName: file,
  });
  const format = issueFormatter();
  for (const issue of report.issues) env.stdout.write(`${format(issue)}\n`);
  const what = report.kind === 'program' ? 'program' : `${report.count} ${NOUNS[report.kind][report.count === 1 ? 0 : 1]}`;
  if (report.issues.length === 0) {
    if (options.quiet !== true) env.stdout.write(`${file}: valid ${report.kind} file (${what})\n`);
    return ExitCode.ok;
  }
  const n = report.issues.length;
  env.stderr.write(`${file}: ${n} ${n === 1 ? 'problem' : 'problems'} (${report.kind} file, ${what})\n`);
  return ExitCode.invalidInput;
}
