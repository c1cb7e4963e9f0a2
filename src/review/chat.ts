/**
 * The chat side of the review: `review PLAN` in a message, a bare `review` (which opens the form), and the
 * submitted form. Replies use the platform-neutral block model.
 */
import { reply, type Block, type Reply } from '../model/reply.js';
import { reviewToReply } from './render.js';
import { reviewPlan, type PlanForm } from './review.js';

/** The form adapters show for a bare `review`; its id comes back with the field values on submit. */
export const REVIEW_FORM: Extract<Block, { type: 'form' }> = {
  type: 'form',
  id: 'review.submit',
  title: 'Review a meeting plan',
  submitLabel: 'Review',
  fields: [
    { id: 'question', label: 'The question or purpose', placeholder: 'e.g. How do we make this a good place to grow up in?', multiline: true },
    { id: 'who', label: 'Who is coming', placeholder: 'Roles, levels, organisations, and the people the issue is about', multiline: true, optional: true },
    { id: 'howMany', label: 'How many people', placeholder: 'e.g. about 20', optional: true },
    { id: 'howLong', label: 'How long', placeholder: 'e.g. 2 hours, half a day, 10:00-12:00', optional: true },
    { id: 'agenda', label: 'What happens in the meeting', placeholder: 'Talks, conversation, tables, the room...', multiline: true, optional: true },
    { id: 'after', label: 'What happens after', placeholder: 'Follow-up, a next meeting, actions and who owns them', multiline: true, optional: true },
  ],
};

const FORM_KEYS = ['question', 'who', 'howMany', 'howLong', 'agenda', 'after'] as const;

/** Replies to `review PLAN`; with no plan, asks for one and offers the form. */
export function reviewChat(text: string): Reply {
  if (!String(text ?? '').trim()) {
    return reply([
      { type: 'text', text: 'Paste your meeting plan after the word review, or fill in the form: the question, who is coming, how many, how long, and what happens after.' },
      REVIEW_FORM,
    ]);
  }
  return reviewToReply(reviewPlan(text));
}

/** Replies to a submitted review form (field ids as in `REVIEW_FORM`). */
export function reviewForm(values: Record<string, string>): Reply {
  const form: PlanForm = {};
  for (const key of FORM_KEYS) {
    const value = values?.[key];
    if (typeof value === 'string' && value.trim()) form[key] = value;
  }
  return reviewToReply(reviewPlan(form));
}
