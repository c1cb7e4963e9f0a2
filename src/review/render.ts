/**
 * How a review reads: strengths first (people act on encouragement), then a few nudges as questions,
 * each with its reason. Chat gets the block model; the CLI gets plain prose.
 */
import { reply, type Block, type Reply } from '../model/reply.js';
import { quoted } from './quote.js';
import type { Flag, FlagId } from './rules.js';
import type { ReviewResult } from './review.js';

/** Nudges shown in chat; the rest are summarised so a reply stays a conversation, not a report. */
export const CHAT_NUDGES = 4;
/** Strengths shown in chat and text; the JSON keeps them all. */
export const SHOWN_STRENGTHS = 4;

/** Which nudges come first: purpose and people before logistics. */
const PRIORITY: FlagId[] = [
  'purpose-unclear', 'deficit-framing', 'affected-people-absent', 'narrow-mix', 'converge-early',
  'presentation-led', 'representatives', 'one-off', 'large-group', 'short-time', 'room-setting',
];

/** Flags in the order a facilitator would raise them. */
export function byPriority(flags: Flag[]): Flag[] {
  return [...flags].sort((a, b) => PRIORITY.indexOf(a.id) - PRIORITY.indexOf(b.id));
}

/** Each remaining nudge in a few words, with the question it stands for, so none is left unexplained. */
const SHORT_NAMES: Record<FlagId, string> = {
  'purpose-unclear': 'the purpose (what is the one question this meeting is for?)',
  'deficit-framing': 'the framing (could the question name something to build rather than a problem?)',
  'affected-people-absent': 'who the issue is about (will they be in the room?)',
  'narrow-mix': 'the mix of people (could another level or organisation join?)',
  representatives: 'representatives (could people come as themselves?)',
  'one-off': 'what happens after (is there a next step with named owners?)',
  'large-group': 'the size of the group (how will everyone get to speak?)',
  'presentation-led': 'talks versus conversation (could the talks be shorter?)',
  'converge-early': 'deciding too soon (could you explore options first?)',
  'short-time': 'time (is there enough for a real conversation?)',
  'room-setting': 'the room (tables, seating and sound for small conversations)',
};

function closing(result: ReviewResult): string {
  if (result.flags.length === 0 && (result.plan.openQuestions ?? []).length === 0 && result.strengths.length > 0) {
    // Only what was read is vouched for: a plan that leaves things out gets no praise for what it did not say.
    return 'Nothing in what the plan says needs a nudge from me.';
  }
  return '';
}

/** The source, named once at the foot of a chat review instead of after every reason. */
export const REVIEW_SOURCE = 'From "Where to Begin", a short page on whole system working.';

/** A reason without its trailing `("Where to Begin")`: the footer names the source once. */
function withoutCitation(why: string): string {
  return why.replace(/\s*\((?:"Where to Begin"|Where to Begin)\)(?=\.?$)/, '');
}

/**
 * Renders a review as a chat reply: a heading, what the plan does well, a bold label over numbered
 * nudges each with its reason, and the source once at the foot. Strengths and nudges weave the plan's
 * own words into the bot's sentences, so they are marked as user text: escaping touches only markdown
 * characters, which the bot's wording never uses.
 */
export function reviewToReply(result: ReviewResult): Reply {
  const blocks: Block[] = [];
  if (result.flags.length === 0 && result.strengths.length === 0 && (result.plan.openQuestions ?? []).length === 0) {
    blocks.push({ type: 'text', text: result.notice ?? 'I could not find much to go on in that plan.' });
    return reply(blocks);
  }
  blocks.push({ type: 'header', text: 'Some thoughts on your meeting plan' });
  if (result.strengths.length > 0) {
    blocks.push({ type: 'label', text: 'What the plan already does well' }, { type: 'list', items: result.strengths.slice(0, SHOWN_STRENGTHS), user: true });
  }
  const flags = byPriority(result.flags);
  if (flags.length > 0) {
    if (result.strengths.length > 0) blocks.push({ type: 'divider' });
    blocks.push({ type: 'label', text: flags.length === 1 ? 'One question to consider' : 'A few questions to consider' });
    flags.slice(0, CHAT_NUDGES).forEach((f, i) => {
      blocks.push({ type: 'text', text: f.nudge, user: true, ...(flags.length > 1 ? { number: i + 1 } : {}) }, { type: 'context', text: withoutCitation(f.why) });
    });
    const rest = flags.slice(CHAT_NUDGES);
    if (rest.length > 0) {
      blocks.push({ type: 'context', text: `Also worth a thought: ${rest.map((f) => SHORT_NAMES[f.id]).join('; ')}.` });
    }
  }
  const open = result.plan.openQuestions ?? [];
  if (open.length > 0) {
    blocks.push({ type: 'label', text: flags.length > 0 ? 'And some things the plan does not make clear to me' : 'Some things the plan does not make clear to me' }, { type: 'list', items: open, user: true });
  }
  const end = closing(result);
  if (end) blocks.push({ type: 'text', text: end });
  if (result.notice) blocks.push({ type: 'context', text: result.notice });
  blocks.push({ type: 'context', text: REVIEW_SOURCE });
  return reply(blocks);
}

/** Renders a review as plain text for the terminal: no wrapping, no colour codes. */
export function reviewToText(result: ReviewResult): string {
  const lines: string[] = [];
  if (result.flags.length === 0 && result.strengths.length === 0 && (result.plan.openQuestions ?? []).length === 0) {
    return `${result.notice ?? 'I could not find much to go on in that plan.'}\n`;
  }
  if (result.strengths.length > 0) {
    lines.push('What the plan already does well:');
    for (const s of result.strengths.slice(0, SHOWN_STRENGTHS)) lines.push(`  - ${s}`);
    lines.push('');
  }
  const flags = byPriority(result.flags);
  if (flags.length > 0) {
    lines.push(flags.length === 1 ? 'One question to consider:' : 'Some questions to consider:');
    flags.forEach((f, i) => {
      lines.push('', `${i + 1}. ${f.nudge}`, `   Why: ${f.why}`);
      if (f.evidence.length > 0 && f.id !== 'purpose-unclear') {
        lines.push(`   From your plan: ${f.evidence.slice(0, 3).map((e) => quoted(e, 80)).join(', ')}`);
      }
    });
    lines.push('');
  }
  const open = result.plan.openQuestions ?? [];
  if (open.length > 0) {
    lines.push(flags.length > 0 ? 'And some things the plan does not make clear to me:' : 'Some things the plan does not make clear to me:');
    for (const q of open) lines.push(`  - ${q}`);
    lines.push('');
  }
  const end = closing(result);
  if (end) lines.push(end, '');
  if (result.notice) lines.push(result.notice, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
