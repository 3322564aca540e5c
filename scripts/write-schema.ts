// Writes resources/schema/mapping.v1.json from the zod definitions the engine itself validates with, so the
// published JSON Schema can never drift from the code. `npm run schema`; a test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mappingJsonSchema } from '../src/shared/mapping/json-schema';

const target = fileURLToPath(new URL('../resources/schema/mapping.v1.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(mappingJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
