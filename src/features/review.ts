import type { CoreContext, Feature } from '../core/types.js';
import type { ConversationRef, IncomingMessage } from '../model/message.js';
import { choosePrompt } from '../prompts/choose.js';
import { reply, type Block, type Reply } from '../model/reply.js';
import { reframeChat } from '../reframe/chat.js';
import { reframeWithModel } from '../reframe/llm.js';
import { reframeToReply } from '../reframe/render.js';
import { reviewChat, reviewForm } from '../review/chat.js';
import { reviewWithModel } from '../review/llm-extract.js';
import { REVIEW_SOURCE, reviewToReply } from '../review/render.js';

/** The placeholder posted at once while a language model reads the plan. */
export const READING_PLAN = 'Reading your plan...';

/**
 * With a language model configured, a slow answer is posted as a placeholder at once and updated when
 * ready (where the platform can edit messages); without one, or without editing, the answer is returned
 * as usual. A failure to update is logged (never the plan) and the answer is posted as a new message.
 */
async function answerSlowly(message: IncomingMessage, ctx: CoreContext, placeholder: string, work: () => Promise<Reply>): Promise<Reply[]> {
  const outbound = ctx.outbound(message.platform);
  if (!outbound?.update) return [await work()];
  const thread = message.threadId ?? (message.isDirect ? undefined : message.messageId);
  const target = { platform: message.platform, workspaceId: message.workspaceId, conversationId: message.conversationId, ...(thread ? { threadId: thread } : {}) };
  const posted = await outbound.post(target, reply([{ type: 'text', text: placeholder }]));
  const answer = await work();
  try {
    await outbound.update(target, posted, answer);
  } catch (error) {
    ctx.logger.warn('review: could not update the placeholder, posting the answer instead', { error });
    await outbound.post(target, answer);
  }
  return [];
}

/**
 * Adds one opening question for the meeting, from the facilitator prompts (rotated per conversation, so
 * a second review offers another). A library without facilitator prompts leaves the review as it is.
 */
async function withOpeningQuestion(answer: Reply, ctx: CoreContext, ref: ConversationRef): Promise<Reply> {
  const prompt = await choosePrompt(ctx, ref, { audience: 'facilitator' });
  if (!prompt) return answer;
  const opening: Block[] = [
    { type: 'text', text: `An opening question for the meeting: ${prompt.text}`, ...(prompt.fromPeople ? { user: [prompt.text] } : {}) },
    { type: 'context', text: `Why: ${prompt.why} (say "prompt facilitator" for another)`, ...(prompt.fromPeople ? { user: [prompt.why] } : {}) },
  ];
  // Before the footer that names the source, so the source stays the card's last line.
  const footer = answer.blocks.findIndex((b) => b.type === 'context' && b.text === REVIEW_SOURCE);
  const at = footer === -1 ? answer.blocks.length : footer;
  return { ...answer, blocks: [...answer.blocks.slice(0, at), ...opening, ...answer.blocks.slice(at)] };
}

/**
 * `review PLAN`, a bare `review` (the form), the submitted form, and `reframe QUESTION`. A plan pasted in a
 * channel was shared there by its author, so the answer goes to the thread; a form is filled in privately,
 * so its answer is private too (adapters offer to share it). A reviewed plan ends with one opening
 * question for the meeting from the facilitator prompts.
 */
export const reviewFeature: Feature = {
  name: 'review',
  commands: {
    review: async (intent, message, ctx) => {
      const llm = ctx.settings.reviewLlm;
      if (llm && intent.plan.trim()) {
        return answerSlowly(message, ctx, READING_PLAN, async () => {
          const answer = await withOpeningQuestion(reviewToReply(await reviewWithModel(intent.plan, llm, ctx.logger)), ctx, message);
          if (!message.isDirect) answer.inThread = true;
          return answer;
        });
      }
      const answer = intent.plan.trim() ? await withOpeningQuestion(reviewChat(intent.plan), ctx, message) : reviewChat(intent.plan);
      if (!intent.plan.trim()) answer.visibility = 'private';
      else if (!message.isDirect) answer.inThread = true;
      return [answer];
    },
    reframe: async (intent, message, ctx) => {
      const llm = ctx.settings.reviewLlm;
      if (llm && intent.question.trim()) {
        return answerSlowly(message, ctx, 'Reading your question...', async () => {
          const answer = reframeToReply(await reframeWithModel(intent.question, llm, ctx.logger));
          if (!message.isDirect) answer.inThread = true;
          return answer;
        });
      }
      const answer = reframeChat(intent.question);
      if (!message.isDirect) answer.inThread = true;
      return [answer];
    },
  },
  actions: {
    'review.submit': async (message, ctx) => [{ ...(await withOpeningQuestion(reviewForm(message.action?.values ?? {}), ctx, message)), visibility: 'private' }],
  },
};
