/**
 * The `binome` executable: wires the process (argv, streams, Ctrl-C, exit code) to {@link runCli}.
 *
 * @module
 */
import { runCli } from './run';

const controller = new AbortController();
process.once('SIGINT', () => {
  // First Ctrl-C: stop the solve and keep the best pairs found; a second one ends the process.
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`binome: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);
