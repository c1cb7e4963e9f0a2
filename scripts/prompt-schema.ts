// Regenerates prompts/schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promptFileJsonSchema } from '../src/prompts/json-schema.js';

const target = fileURLToPath(new URL('../../prompts/schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(promptFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
