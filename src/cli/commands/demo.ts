import { match, parseParticipants, parseProgram } from '../../index';
import { renderReport } from '../../report/index';
import sampleParticipants from '../../../examples/data/participants.sample.json';
import sampleProgram from '../../../examples/data/program.sample.json';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf, outputFormat, writeOutput } from '../output';

/** Options of `binome demo`. */
export interface DemoCommandOptions {
  readonly locale?: string;
  readonly format?: string;
  readonly out?: string;
}

/**
 * `binome demo`: runs the engine on the embedded sample (12 people, the sample program with its
 * quotas) and prints the pairs with their explanations, as Markdown unless asked otherwise.
 */
export async function demoCommand(env: CliEnv, options: DemoCommandOptions): Promise<ExitCodeValue> {
  const locale = oneOf('--locale', options.locale, ['en', 'fr'] as const, 'en');
  const format = options.format === undefined && options.out === undefined ? 'md' : outputFormat(options.format, options.out);
  const program = parseProgram(sampleProgram);
  const participants = parseParticipants(sampleParticipants, { skills: program.skills });
  const result = match({ participants, program }, { locale });
  await writeOutput(env, renderReport(format, { result, participants, program }, { locale }), options.out);
  return ExitCode.ok;
}
