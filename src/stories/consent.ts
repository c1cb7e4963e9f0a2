import type { CoreContext } from '../core/types.js';
import type { Sharing } from '../store/stories.js';

/** Default of DIGEST_MIN_PEOPLE: an anonymous digest needs stories from this many different people. */
export const DEFAULT_DIGEST_MIN_PEOPLE = 3;

/** The configured minimum of different people behind a digest (never below 2). */
export function digestMinPeople(ctx: Pick<CoreContext, 'settings'>): number {
  return Math.max(2, ctx.settings.digestMinPeople ?? DEFAULT_DIGEST_MIN_PEOPLE);
}

/**
 * What each sharing level means, in the words people consent to. Each must stay exactly true of what the
 * store and the digest do (test/stories/consent.test.ts checks each claim against them): where the words
 * are kept, who can read them, what is posted and when, and how to change or withdraw.
 */
export function sharingMeaning(level: Sharing, minPeople: number): string {
  const kept = "saved in this bot's database with your user id, and the people who run this bot can read that database";
  const change = 'say "my stories" to change or withdraw any of them (a digest already posted stays as it was)';
  switch (level) {
    case 'private':
      return `${kept}; they are never posted in any channel and never exported. Say "my stories" to withdraw any of them, or "forget me" to delete everything`;
    case 'anonymous':
      return `${kept}. After you have seen each story as it will appear and confirmed it, it can be posted without your name in a channel's story digest (on the digest's schedule, or when someone says "digest now") once stories from at least ${minPeople} different people are waiting, and included without your name in exports made by the people who run this bot; ${change}`;
    case 'named':
      return `${kept}. After you have seen each story as it will appear and confirmed it, it can be posted with your name in a channel's story digest (on the digest's schedule, or when someone says "digest now") once stories from at least ${minPeople} different people are waiting, and included with your name in exports made by the people who run this bot; ${change}`;
  }
}

/** One line for a single stored story: where it is and who may see it, at its level. */
export function storyWhere(level: Sharing, minPeople: number): string {
  switch (level) {
    case 'private':
      return 'It is private: kept in this bot\'s database (which the people who run this bot can read), never posted or exported.';
    case 'anonymous':
      return `It is shared anonymously: it can appear without your name in a channel's story digest once stories from at least ${minPeople} different people are waiting.`;
    case 'named':
      return `It is shared with your name: it can appear with your name in a channel's story digest once stories from at least ${minPeople} different people are waiting.`;
  }
}
