/** A stream the CLI writes text to. */
export interface TextSink {
  write(text: string): unknown;
  /** True when the stream is a terminal (progress is shown only there). */
  readonly isTTY?: boolean;
  /** Terminal width in columns, when a terminal. */
  readonly columns?: number;
}

/**
 * What the CLI needs from its process, passed in so that tests run it in-process: the output
 * streams, the working directory and a signal fired by Ctrl-C.
 */
export interface CliEnv {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Directory that relative paths are resolved from. */
  readonly cwd: string;
  /** Fired on the first Ctrl-C: a running solve stops and returns the best pairs found so far. */
  readonly signal?: AbortSignal;
}

/**
 * Exit codes of the `binome` command, documented in `binome --help` and the README.
 */
export const ExitCode = Object.freeze({
  /** Success (for `validate`: the file is valid). */
  ok: 0,
  /** Invalid input or usage: a malformed file, an unknown option, a missing argument. */
  invalidInput: 1,
  /** The programme's rules cannot all hold (the report carries the diagnosis). */
  infeasible: 2,
  /** A bug of binome: please report it with the command line. */
  internal: 3,
});

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
