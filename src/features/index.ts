import type { Feature } from '../core/types.js';
import { helpFeature } from './help.js';
import { promptsFeature } from './prompts.js';

/** Every feature the bot runs, in the order they see messages. */
export function allFeatures(): Feature[] {
  return [helpFeature, promptsFeature];
}
