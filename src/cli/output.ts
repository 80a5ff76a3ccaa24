import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { CliEnv } from './env';
import { UsageError } from './usage-error';

/** Output formats of the result. */
export type OutputFormat = 'json' | 'csv' | 'md' | 'html';

const FORMATS: readonly OutputFormat[] = ['json', 'csv', 'md', 'html'];

/**
 * The format asked for: `--format`, else the extension of `--out` (`.html`, `.htm`, `.csv`,
 * `.md`, `.json`), else JSON.
 */
export function outputFormat(format: string | undefined, out: string | undefined): OutputFormat {
  if (format !== undefined) {
    if ((FORMATS as readonly string[]).includes(format)) return format as OutputFormat;
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  }
  const ext = out === undefined ? '' : extname(out).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.csv') return 'csv';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return 'json';
}

/** Writes the command's output to `--out` (creating its folder) or to standard output. */
export async function writeOutput(env: CliEnv, text: string, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    env.stdout.write(text);
    return;
  }
  const path = resolve(env.cwd, out);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}

/** Checks that an option is one of a set. */
export function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}, got "${value}"`);
}
