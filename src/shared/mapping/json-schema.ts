import { z } from 'zod';
import { mappingFileSchema } from './schema';

/** The JSON Schema of mapping file v1, generated from the zod definitions (input side: defaults optional). */
export function mappingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(mappingFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $id: 'https://plek.co/schema/mapping.v1.json',
    title: 'Plek provisioning mapping file, version 1',
    ...schema,
  };
}
