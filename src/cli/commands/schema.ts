import { jsonSchema, type SchemaKind } from '../../index';
import { ExitCode, type CliEnv, type ExitCodeValue } from '../env';
import { oneOf, writeOutput } from '../output';

/** The documents `binome schema` knows. */
export const SCHEMA_KINDS: readonly SchemaKind[] = ['participants', 'participant', 'program', 'history', 'result'];

/** `binome schema [kind]`: prints the JSON Schema (draft 2020-12) of an input or of the result. */
export async function schemaCommand(env: CliEnv, kind: string | undefined, options: { readonly out?: string }): Promise<ExitCodeValue> {
  const chosen = oneOf('kind', kind, SCHEMA_KINDS, 'participants');
  await writeOutput(env, `${JSON.stringify(jsonSchema(chosen), null, 2)}\n`, options.out);
  return ExitCode.ok;
}
