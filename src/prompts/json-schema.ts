import { z } from 'zod';
import { promptFileSchema } from './schema.js';

/** JSON Schema for one prompt file, generated from the zod schema so editors can complete and check it. */
export function promptFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(promptFileSchema, { target: 'draft-7', unrepresentable: 'any' }),
    $id: 'https://github.com/moodmusic/moodmusic/prompts/schema.json',
    title: 'moodmusic prompt file',
    description: 'One theme of the moodmusic prompt library. Validate with `moodmusic prompts check`.',
  };
}
