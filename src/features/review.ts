import type { Feature } from '../core/types.js';
import { reframeChat } from '../reframe/chat.js';
import { reviewChat, reviewForm } from '../review/chat.js';

/**
 * `review PLAN`, a bare `review` (the form), the submitted form, and `reframe QUESTION`. A plan pasted in a
 * channel was shared there by its author, so the answer goes to the thread; a form is filled in privately,
 * so its answer is private too (adapters offer to share it).
 */
export const reviewFeature: Feature = {
  name: 'review',
  commands: {
    review: async (intent, message) => {
      const answer = reviewChat(intent.plan);
      if (!intent.plan.trim()) answer.visibility = 'private';
      else if (!message.isDirect) answer.inThread = true;
      return [answer];
    },
    reframe: async (intent, message) => {
      const answer = reframeChat(intent.question);
      if (!message.isDirect) answer.inThread = true;
      return [answer];
    },
  },
  actions: {
    'review.submit': async (message) => [{ ...reviewForm(message.action?.values ?? {}), visibility: 'private' }],
  },
};
