import { Command, CommanderError, Option } from 'commander';
import { BinomeError, issueFormatter, presetNames } from '../index';
import { circlesCommand, type CirclesCommandOptions } from './commands/circles';
import { demoCommand } from './commands/demo';
import { evaluateCommand, type EvaluateCommandOptions } from './commands/evaluate';
import { explainCommand, type ExplainCommandOptions } from './commands/explain';
import { matchCommand, type MatchCommandOptions } from './commands/match';
import { rematchCommand, type RematchCommandOptions } from './commands/rematch';
import { rotateCommand, type RotateCommandOptions } from './commands/rotate';
import { SCHEMA_KINDS, schemaCommand } from './commands/schema';
import { validateCommand, type ValidateCommandOptions } from './commands/validate';
import { ExitCode, type CliEnv, type ExitCodeValue } from './env';
import { UsageError } from './usage-error';

declare const __BINOME_VERSION__: string | undefined;

const EXIT_CODES = `
Exit codes:
  0  success (validate: the file is valid)
  1  invalid input or usage: the message names the file, line and field
  2  the programme's rules cannot all hold (the output carries the diagnosis)
  3  internal error of binome (please report it)`;

/** Adds the options every command that reads a cohort shares. */
function cohortOptions(command: Command): Command {
  return command
    .option('-p, --program <file>', 'program JSON (taxonomy, weights, constraints, quotas); default: the built-in program')
    .addOption(new Option('--preset <name>', 'start from a preset program; --program then overrides its fields').choices([...presetNames]))
    .addOption(new Option('--delimiter <char>', 'CSV field separator; with ";" lists inside a cell use "|"').choices([',', ';']).default(','));
}

/**
 * Runs the `binome` command line in-process and resolves to its exit code; never calls
 * `process.exit`, and prints no stack trace for a user's mistake.
 *
 * @param argv - The arguments after the program name (`process.argv.slice(2)`).
 * @param env - Output streams, working directory and Ctrl-C signal.
 */
export async function runCli(argv: readonly string[], env: CliEnv): Promise<ExitCodeValue> {
  let code: ExitCodeValue = ExitCode.ok;
  const run = (task: Promise<ExitCodeValue>) =>
    task.then((c) => {
      code = c;
    });
  const program = new Command('binome')
    .description('Forms reverse-mentoring pairs (juniors teach digital tools, seniors strategy), explains every match.')
    .version(typeof __BINOME_VERSION__ === 'string' ? __BINOME_VERSION__ : 'dev', '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => env.stdout.write(s), writeErr: (s) => env.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `\nExample:\n  $ binome match people.csv --program program.json --out report.html\n${EXIT_CODES}`);

  cohortOptions(
    program
      .command('match')
      .summary('form the pairs of a cohort and write the result')
      .description('Forms the best pairs of a cohort (CSV or JSON) under a program, and writes them with their explanations.')
      .argument('<participants>', 'participants file: .csv, or .json (an array or { "participants": [...] })'),
  )
    .option('-o, --out <file>', 'write to this file instead of standard output; its extension sets the format')
    .addOption(new Option('-f, --format <format>', 'output format (default: from --out, else json)').choices(['json', 'csv', 'md', 'html']))
    .addOption(new Option('-l, --locale <locale>', 'language of explanations and reports').choices(['en', 'fr']).default('en'))
    .option('-t, --time-limit <seconds>', 'stop after this long and keep the best pairs found (with their proven gap)')
    .addOption(new Option('--solver <method>', 'how programme rules are solved').choices(['auto', 'mip', 'lagrangian']).default('auto'))
    .addOption(new Option('--mip-solver <name>', 'exact 0-1 solver for rules; highs needs `npm install highs`').choices(['javascript-lp-solver', 'highs']).default('javascript-lp-solver'))
    .option('-q, --quiet', 'no progress and no summary on standard error')
    .addHelpText('after', '\nExamples:\n  $ binome match people.csv --program program.json --out report.html\n  $ binome match people.csv --format csv --locale fr > pairs.csv\n  $ binome match people.json --time-limit 30 --mip-solver highs --out result.json')
    .action((file: string, options: MatchCommandOptions) => run(matchCommand(env, file, options)));

  cohortOptions(
    program
      .command('validate')
      .summary('check a participants, program or history file')
      .description('Recognises a participants (CSV or JSON), program or history file by its content and lists every problem, with line and column for CSV and the JSON path for JSON.')
      .argument('<file>', 'file to check'),
  )
    .addOption(new Option('-k, --kind <kind>', 'what the file is, when its content does not tell').choices(['participants', 'program', 'history']))
    .option('-q, --quiet', 'print nothing when the file is valid')
    .addHelpText('after', '\nExamples:\n  $ binome validate people.csv --program program.json\n  $ binome validate program.json')
    .action((file: string, options: ValidateCommandOptions) => run(validateCommand(env, file, options)));

  cohortOptions(
    program
      .command('explain')
      .summary('why two people are or are not paired, and what forcing them would cost')
      .argument('<participants>', 'participants file (.csv or .json)'),
  )
    .requiredOption('-j, --junior <id>', 'id of the junior')
    .requiredOption('-s, --senior <id>', 'id of the senior')
    .addOption(new Option('-l, --locale <locale>', 'language of the explanation').choices(['en', 'fr']).default('en'))
    .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('-t, --time-limit <seconds>', 'time limit of each solve')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('-q, --quiet', 'no progress on standard error')
    .addHelpText('after', '\nExample:\n  $ binome explain people.csv --junior j-2001 --senior s-1003 --program program.json')
    .action((file: string, options: ExplainCommandOptions) => run(explainCommand(env, file, options)));

  cohortOptions(
    program
      .command('rotate')
      .summary('plan several rounds without ever repeating a pair')
      .description('Plans several rounds of a programme: no pair repeats across rounds nor with past partners; each round is optimal given the earlier ones (sequential), or all rounds are optimised together (joint).')
      .argument('<participants>', 'participants file (.csv or .json)'),
  )
    .requiredOption('-r, --rounds <n>', 'number of rounds')
    .addOption(new Option('--strategy <strategy>', 'sequential: each round best given the earlier ones; joint: all rounds together; best: both, keep the better').choices(['sequential', 'joint', 'best']).default('sequential'))
    .addOption(new Option('-f, --format <format>', 'output format (default: from --out, else json); html writes one file per round').choices(['json', 'csv', 'md', 'html']))
    .addOption(new Option('-l, --locale <locale>', 'language of explanations and reports').choices(['en', 'fr']).default('en'))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('-t, --time-limit <seconds>', 'time limit of each round')
    .option('-q, --quiet', 'no progress and no summary on standard error')
    .addHelpText('after', '\nExamples:\n  $ binome rotate people.csv --rounds 3 --program program.json --out rotation.md\n  $ binome rotate people.csv --rounds 4 --strategy best --format html --out rotation.html')
    .action((file: string, options: RotateCommandOptions) => run(rotateCommand(env, file, options)));

  cohortOptions(
    program
      .command('rematch')
      .summary('re-form pairs after people left or joined or pairs failed, keeping the others')
      .description(
        'Re-forms the pairs of a running cohort from its previous result (binome match --format json): people who left, people who joined, pairs that did not work (never formed again). Unaffected pairs stay unless --max-changes lets that many move for a better result.',
      )
      .argument('<result>', 'the previous result, JSON'),
  )
    .requiredOption('--participants <file>', 'the participants of the previous result (.csv or .json)')
    .option('--left <ids>', 'ids of people who left, comma-separated')
    .option('--joined <file>', 'participants file of the people who joined')
    .option('--failed <pairs>', 'pairs that did not work, as junior:senior, comma-separated')
    .option('-m, --max-changes <n>', 'unaffected pairs that may be broken up for a better result', '0')
    .addOption(new Option('-f, --format <format>', 'output format (default: from --out, else json); csv lists the changes').choices(['json', 'csv', 'md', 'html']))
    .addOption(new Option('-l, --locale <locale>', 'language of explanations and reports').choices(['en', 'fr']).default('en'))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('-t, --time-limit <seconds>', 'time limit of the solve')
    .option('-q, --quiet', 'no progress and no summary on standard error')
    .addHelpText('after', '\nExample:\n  $ binome rematch result.json --participants people.csv --left s-1002 --failed j-2001:s-1001 --joined newcomers.csv --out next.json')
    .action((file: string, options: RematchCommandOptions) => run(rematchCommand(env, file, options)));

  cohortOptions(
    program
      .command('circles')
      .summary('group the juniors who mentor into peer-support circles, mixed across departments and sites')
      .description(
        'Groups the juniors of a result (binome match --format json) into mentor circles of balanced size, mixing departments first and sites next, and explains each circle.',
      )
      .argument('<result>', 'the match result, JSON'),
  )
    .requiredOption('--participants <file>', 'the participants of the result (.csv or .json)')
    .option('-s, --size <min,max>', 'smallest and largest circle', '4,6')
    .addOption(new Option('-f, --format <format>', 'output format (default: from --out, else json)').choices(['json', 'md', 'csv']))
    .addOption(new Option('-l, --locale <locale>', 'language of explanations and reports').choices(['en', 'fr']).default('en'))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('-q, --quiet', 'no progress and no summary on standard error')
    .addHelpText('after', '\nExamples:\n  $ binome circles result.json --participants people.csv --out circles.md\n  $ binome circles result.json --participants people.csv --size 5,7 --format csv --locale fr > circles.csv')
    .action((file: string, options: CirclesCommandOptions) => run(circlesCommand(env, file, options)));

  program
    .command('evaluate')
    .summary('replay past cohorts: did the score predict outcomes, would the engine have done better')
    .description(
      'Replays a history of cohorts (JSON, { "cohorts": [...] }) against a program: rank correlations and ROC AUC of the score and of each criterion with the outcomes (bootstrap intervals), the historical pairs that break the rules, and the engine run on the same people, judged by an outcome model fitted on the other cohorts. --calibrate fits the weights to the outcomes.',
    )
    .argument('<history>', 'history JSON file')
    .option('-p, --program <file>', 'program JSON to evaluate; default: the built-in program')
    .option('-c, --calibrate', 'fit the weights to the outcomes (leave-one-cohort-out) and report before/after')
    .option('--program-out <file>', 'with --calibrate: write the program with the fitted weights there')
    .addOption(new Option('-f, --format <format>', 'report format (default: from --out, else md)').choices(['md', 'json', 'html']))
    .addOption(new Option('-l, --locale <locale>', 'language of the report').choices(['en', 'fr']).default('en'))
    .option('-o, --out <file>', 'write the report to this file instead of standard output')
    .option('--resamples <n>', 'bootstrap resamples behind each interval', '400')
    .option('--seed <n>', 'seed of the bootstrap', '1')
    .option('-q, --quiet', 'no progress and no summary on standard error')
    .addHelpText('after', '\nExamples:\n  $ binome evaluate history.json --program program.json --calibrate --out evaluation.html\n  $ binome evaluate history.json --calibrate --program-out tuned-program.json')
    .action((file: string, options: EvaluateCommandOptions) => run(evaluateCommand(env, file, options)));

  program
    .command('schema')
    .summary('print the JSON Schema of an input or of the result')
    .argument('[kind]', `one of ${SCHEMA_KINDS.join(', ')}`, 'participants')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nExample:\n  $ binome schema program > program.schema.json')
    .action((kind: string, options: { out?: string }) => run(schemaCommand(env, kind, options)));

  program
    .command('demo')
    .summary('run the engine on the embedded sample')
    .description('Forms the pairs of the embedded 12-person sample under the sample program (with its quotas) and prints them, as Markdown by default.')
    .addOption(new Option('-l, --locale <locale>', 'language').choices(['en', 'fr']).default('en'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'csv', 'md', 'html']))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nExamples:\n  $ binome demo\n  $ binome demo --locale fr --out demo.html')
    .action((options: { locale?: string; format?: string; out?: string }) => run(demoCommand(env, options)));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(env, error);
  }
}

/** Prints an error the way its kind deserves and returns the exit code. */
function reportError(env: CliEnv, error: unknown): ExitCodeValue {
  if (error instanceof CommanderError) {
    // Commander has printed its message (usage errors) or the help/version (exit code 0).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.invalidInput;
  }
  if (error instanceof BinomeError) {
    const { issues } = error;
    const shown = issues.slice(0, 200).map(issueFormatter());
    env.stderr.write(`error: ${issues.length === 1 ? shown[0] : `${issues.length} problems:\n${shown.map((l) => `  ${l}`).join('\n')}`}\n`);
    if (issues.length > shown.length) env.stderr.write(`  ... and ${issues.length - shown.length} more (binome validate lists them all)\n`);
    return ExitCode.invalidInput;
  }
  if (error instanceof UsageError) {
    env.stderr.write(`error: ${error.message}\n`);
    return ExitCode.invalidInput;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  env.stderr.write(`binome: internal error, please report it with the command line:\n${text}\n`);
  return ExitCode.internal;
}
