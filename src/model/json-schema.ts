import { z } from 'zod';
import { historySchema } from './history';
import { participantSchema, participantsSchema } from './participant';
import { programSchema } from './program';
import { matchResultSchema } from './result';

/** Documents whose JSON Schema the library publishes. */
export type SchemaKind = 'participant' | 'participants' | 'program' | 'history' | 'result';

/**
 * The JSON Schema (draft 2020-12) of an input or output document, generated from the library's
 * own zod schemas, so a vendor can validate upstream. Cross-record rules (unique ids, skill ids in
 * the taxonomy, manager loops, time-zone names, language tags) are beyond JSON Schema and are
 * checked by the parse functions only.
 *
 * @param kind - Which document.
 * @returns A plain JSON-serialisable object.
 * @example
 * fs.writeFileSync('program.schema.json', JSON.stringify(jsonSchema('program'), null, 2));
 */
export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const history = historySchema.extend({
    cohorts: z.array(historySchema.shape.cohorts.element.extend({ participants: z.array(participantSchema()) })),
  });
  const schemas = {
    participant: participantSchema(),
    participants: participantsSchema(),
    program: programSchema,
    history,
    result: matchResultSchema,
  } as const;
  return z.toJSONSchema(schemas[kind], { io: kind === 'result' ? 'output' : 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
