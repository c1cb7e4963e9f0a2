/**
 * How a framing check reads: what in the wording points at a problem, a few questions people might want
 * to answer instead, and who might be missing from the room.
 */
import { reply, type Block, type Reply } from '../model/reply.js';
import type { ReframeResult } from './reframe.js';

const WHY =
  'Questions formed around deficits can exclude the people whose involvement is critical to new solutions; "Language is critical" (Where to Begin).';

function quoteList(items: string[]): string {
  return items.map((e) => `"${e}"`).join(', ');
}

function opening(result: ReframeResult): string {
  if (result.deficit) {
    return `This question is framed around a problem (${quoteList(result.evidence.slice(0, 3))}). That can leave out the people who most need to be part of the answer.`;
  }
  if (result.suggestions.length > 0) {
    return 'This is not framed around a problem, but it does not yet say what you are reaching for. A question with some hope in it tends to draw in more people.';
  }
  return 'This already reaches for something people can build together, rather than a problem to fix.';
}

/** Renders a framing check as a chat reply. */
export function reframeToReply(result: ReframeResult): Reply {
  const blocks: Block[] = [{ type: 'header', text: 'Framing check' }, { type: 'text', text: opening(result), user: result.evidence.slice(0, 3) }];
  if (result.suggestions.length > 0) {
    blocks.push({ type: 'label', text: result.deficit ? 'You could ask instead' : 'You could widen it' });
    blocks.push({ type: 'list', items: result.suggestions });
  }
  if (result.whoMightBeMissing.length > 0) {
    blocks.push({ type: 'label', text: 'Who might be missing from the room' }, { type: 'list', items: result.whoMightBeMissing });
  }
  if (result.deficit) blocks.push({ type: 'context', text: WHY });
  return reply(blocks);
}

/** Renders a framing check as plain text for the terminal: no wrapping, no colour codes. */
export function reframeToText(result: ReframeResult): string {
  const lines = [opening(result)];
  if (result.suggestions.length > 0) {
    lines.push('', result.deficit ? 'You could ask instead:' : 'You could widen it:');
    for (const s of result.suggestions) lines.push(`  - ${s}`);
  }
  if (result.whoMightBeMissing.length > 0) {
    lines.push('', 'Who might be missing from the room:');
    for (const w of result.whoMightBeMissing) lines.push(`  - ${w}`);
  }
  if (result.deficit) lines.push('', WHY);
  return `${lines.join('\n')}\n`;
}
