import { reply, textReply, type Block, type Button, type Reply } from '../model/reply.js';
import type { Prompt } from '../prompts/schema.js';
import type { Sharing, StoryRecord } from '../store/stories.js';
import { sharingMeaning, storyWhere } from './consent.js';
import { QUIET_HOURS } from './quiet-hours.js';

/** Action ids of the story buttons (they come back as `IncomingAction.id`). */
export const STORY_ACTIONS = {
  consent: 'story.consent',
  skip: 'story.skip',
  edit: 'story.edit',
  withdraw: 'story.withdraw',
  keep: 'story.keep',
  /** Change one story's level (value `storyId:level`); a more open level shows the preview first. */
  level: 'story.level',
  /** Confirm sharing a story as it is (value `storyId:level`). */
  share: 'story.share',
  /** Share a story with names and contact details replaced by "a colleague" (value `storyId:level`). */
  redact: 'story.redact',
} as const;

/** Button labels; the shell matches typed text against them ("share anonymously"). */
export const SHARING_LABELS: Record<Sharing, string> = {
  private: 'Keep private',
  anonymous: 'Share anonymously',
  named: 'Share with my name',
};


/** The sharing buttons' own labels: short enough for three side by side in a phone column. */
export const SHARING_BUTTONS: Record<Sharing, string> = {
  private: 'Private',
  anonymous: 'Anonymous',
  named: 'With my name',
};

/**
 * The three sharing buttons, all alike: the current choice is said in words ("Now: anonymous"), since a
 * filled button reads as the one to press, not the one chosen.
 */
export function consentButtons(): Button[] {
  return (['private', 'anonymous', 'named'] as const).map((level) => ({ id: STORY_ACTIONS.consent, label: SHARING_BUTTONS[level], value: level }));
}

/** "now, then 7 and 28 days later" for the configured question days. */
export function describeDays(days: readonly number[]): string {
  const later = days.filter((d) => d > 0);
  const first = days[0] === 0 ? 'now' : `in ${days[0]} day${days[0] === 1 ? '' : 's'}`;
  const rest = days[0] === 0 ? later : later.slice(1);
  if (rest.length === 0) return first;
  const list = rest.length === 1 ? `${rest[0]}` : `${rest.slice(0, -1).join(', ')} and ${rest[rest.length - 1]}`;
  return `${first}, then ${list} days later`;
}

/**
 * The welcome: what the bot asks and why (traced to the seed), what happens to answers, and the choice
 * of sharing level. Nothing is stored until a button is pressed.
 */
export function welcomeReply(days: readonly number[], minPeople: number): Reply {
  const count = days.length;
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
  return reply(
    [
      { type: 'header', text: 'Welcome. What have you noticed so far?' },
      {
        type: 'text',
        text: `People who have just arrived see how things really get done here, before the rest of us stop noticing. Over your first weeks I'd like to ask you ${count === 1 ? 'one short question' : `${words[count] ?? count} short questions`} about it (${describeDays(days)}): what people have told you, who has helped, what surprised you. There are no right answers, and you can skip any question.`,
      },
      {
        type: 'context',
        text: 'Why: "Where to Begin", a guide to whole system working, suggests that when someone new joins, we listen to how people explain the way things "really get done around here".',
      },
      {
        type: 'list',
        items: (['private', 'anonymous', 'named'] as const).map((level) => `${SHARING_BUTTONS[level]}: your answers are ${sharingMeaning(level, minPeople)}.`),
      },
      {
        type: 'text',
        text: `Nothing is saved until you choose. Questions come only on weekdays between ${QUIET_HOURS.dayStartsAt} and ${QUIET_HOURS.dayEndsAt} your time. You can change your choice any time by saying "story"; "my stories" lists your answers to change or withdraw one by one, and "forget me" deletes everything I hold about you.`,
      },
      { type: 'label', text: 'How may I use your answers?' },
      { type: 'actions', buttons: consentButtons() },
    ],
    { fallback: 'Welcome. Over your first weeks I would like to ask a few questions about how things really get done here. How may I use your answers?' },
  );
}

/** Shown when someone who already chose says `story`: their level, the buttons, and what comes next. */
export function currentChoiceReply(sharing: Sharing, extra: { openQuestion?: string; next?: string; stories: number; minPeople: number }): Reply {
  const blocks: Block[] = [
    { type: 'label', text: `Now: ${SHARING_BUTTONS[sharing].toLowerCase()}` },
    { type: 'text', text: `Your answers are set to: ${SHARING_LABELS[sharing]}. They are ${sharingMeaning(sharing, extra.minPeople)}.` },
    {
      type: 'context',
      text: `You have ${extra.stories} saved ${extra.stories === 1 ? 'story' : 'stories'} (say "my stories" to see each one). Choose below to change how your answers may be used; "forget me" deletes everything.`,
    },
    { type: 'actions', buttons: consentButtons() },
  ];
  if (extra.openQuestion) blocks.push({ type: 'text', text: `Your open question: ${extra.openQuestion} (reply here, or say "skip")` });
  else if (extra.next) blocks.push({ type: 'context', text: `Your next question comes ${extra.next}.` });
  return reply(blocks, { fallback: `Your answers are set to: ${SHARING_LABELS[sharing]}.` });
}

/** A question of the sequence, asked in the person's DM. */
export function questionReply(prompt: Prompt, sharing: Sharing, meta: { jobId?: string; step: number; of: number }): Reply {
  return reply(
    [
      { type: 'header', text: meta.of > 1 ? `Question ${meta.step + 1} of ${meta.of}` : 'A question for your first weeks' },
      { type: 'text', text: prompt.text },
      ...(prompt.followUps.length ? [{ type: 'list' as const, items: prompt.followUps }] : []),
      {
        type: 'context',
        text: `Reply here with whatever comes to mind; a sentence or two is plenty. Your answers are set to: ${SHARING_LABELS[sharing]} (say "story" to change it).`,
      },
      { type: 'actions', buttons: [{ id: STORY_ACTIONS.skip, label: 'Skip this question', value: prompt.id }] },
    ],
    {
      fallback: prompt.text,
      ...(meta.jobId ? { metadata: { type: 'moodmusic_story_question', payload: { job_id: meta.jobId } } } : {}),
    },
  );
}

/** Thanks for an answer, echoing what was saved, with edit / withdraw / keep. */
export function thanksReply(story: StoryRecord, edited: boolean, minPeople: number): Reply {
  const where = storyWhere(story.sharing, minPeople);
  return reply(
    [
      { type: 'text', text: edited ? 'Updated. Your story now reads:' : 'Thank you. I have saved your story:' },
      { type: 'quote', text: story.text, user: true },
      { type: 'context', text: where },
      {
        type: 'actions',
        buttons: [
          { id: STORY_ACTIONS.edit, label: 'Edit', value: story.id },
          { id: STORY_ACTIONS.withdraw, label: 'Withdraw', value: story.id, style: 'danger' },
          { id: STORY_ACTIONS.keep, label: 'Keep as is', value: story.id },
        ],
      },
    ],
    { fallback: edited ? 'Updated your story.' : 'Thank you, I have saved your story.' },
  );
}

/** A private one-liner. */
export function note(text: string): Reply {
  return textReply(text, { visibility: 'private' });
}
