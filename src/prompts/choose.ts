import type { CoreContext } from '../core/types.js';
import type { ConversationRef } from '../model/message.js';
import { reply, type Reply } from '../model/reply.js';
import { customPrompts } from './custom.js';
import { chooseTheme, dueInCycle, seededRandom, type ThemeRecord } from './learn.js';
import { pickNext } from './rotation.js';
import type { RotationState } from '../store/rotation.js';
import type { Audience, Prompt, Theme } from './schema.js';

/**
 * Picks the next prompt for a conversation and records the use, so the rotation state lives in the store.
 * Returns undefined when no prompt fits (e.g. a theme with no prompts for this audience).
 */
export async function choosePrompt(
  ctx: Pick<CoreContext, 'store' | 'prompts' | 'settings' | 'clock'>,
  ref: ConversationRef,
  options: { themes?: readonly Theme[]; audience?: Audience } = {},
): Promise<Prompt | undefined> {
  const picked = await peekPrompt(ctx, ref, options);
  if (picked) await ctx.store.rotation.markUsed(ref, picked.prompt.id, picked.lastUsed);
  return picked?.prompt;
}

/**
 * The prompt `choosePrompt` would pick, without recording the use: the scheduler records it only when
 * it wins the slot's claim. Pass `lastUsed` back to `rotation.markUsed` to save a read. `state`, when
 * the caller has read the conversation's rotation already (a batch of them at once), saves this read.
 */
export async function peekPrompt(
  ctx: Pick<CoreContext, 'store' | 'prompts' | 'settings' | 'clock'>,
  ref: ConversationRef,
  options: { themes?: readonly Theme[]; audience?: Audience; state?: RotationState } = {},
): Promise<{ prompt: Prompt; lastUsed: Map<string, number> } | undefined> {
  let eligible = ctx.prompts.eligible(options.audience ?? 'channel', options.themes);
  if ((options.audience ?? 'channel') === 'channel') {
    const own = await customPrompts(ctx, ref.platform, ref.workspaceId);
    // Copied only when the workspace has its own prompts: a fan-out picks for thousands of conversations.
    if (own.length) eligible = [...eligible, ...own.filter((p) => !options.themes?.length || options.themes.includes(p.theme))];
  }
  // One read for both the order (last use) and the cycle count (uses).
  const { lastUsed: used, uses } = options.state ?? (await ctx.store.rotation.state(ref));
  const key = `${ref.platform}:${ref.workspaceId}:${ref.conversationId}`;
  if (ctx.settings.rotation === 'learn' && eligible.length > 1) {
    // Learn which themes start conversation here, but only to order the prompts the cycle still owes.
    const due = dueInCycle(eligible, uses);
    const themes = [...new Set(due.map((p) => p.theme))];
    if (themes.length > 1) {
      const turn = [...uses.values()].reduce((a, b) => a + b, 0);
      const theme = chooseTheme(themes, await themeRecords(ctx, ref), seededRandom(`${ctx.settings.rotationSeed}|${key}|${turn}`));
      eligible = due.filter((p) => p.theme === theme);
    } else {
      eligible = due;
    }
  }
  const prompt = pickNext(eligible, used, ctx.settings.rotationSeed, key);
  return prompt && { prompt, lastUsed: used };
}

const THEME_TITLES: Record<Theme, string> = {
  purpose: 'Purpose',
  perspectives: 'More perspectives',
  onboarding: 'How things really get done here',
  language: 'Language',
  people: 'Who is in the room',
  design: 'Meeting design',
};

const RECORD_TTL_MS = 10 * 60_000;
const LOOK_BACK_MS = 52 * 7 * 86_400_000;
/** Replies keep coming for a day or so: a younger post would count as "no reply" too early. */
const SETTLE_MS = 86_400_000;
const recordCache = new WeakMap<object, Map<string, { at: number; records: Map<Theme, ThemeRecord> }>>();

/**
 * Per theme, how many of this workspace's settled prompts got at least one reply: the bandit's evidence,
 * read from the per-post counts (never per person) and cached for ten minutes per store.
 */
async function themeRecords(ctx: Pick<CoreContext, 'store' | 'prompts' | 'clock'>, ref: ConversationRef): Promise<Map<Theme, ThemeRecord>> {
  const now = ctx.clock.now().getTime();
  let byWorkspace = recordCache.get(ctx.store);
  if (!byWorkspace) recordCache.set(ctx.store, (byWorkspace = new Map()));
  const key = `${ref.platform}:${ref.workspaceId}`;
  const cached = byWorkspace.get(key);
  if (cached && now - cached.at < RECORD_TTL_MS) return cached.records;
  const rows = await ctx.store.posts.promptEngagement({ platform: ref.platform, workspaceId: ref.workspaceId }, new Date(now - LOOK_BACK_MS));
  const records = new Map<Theme, ThemeRecord>();
  for (const row of rows) {
    const theme = ctx.prompts.get(row.promptId)?.theme;
    if (!theme || now - Date.parse(row.postedAt) < SETTLE_MS) continue;
    const r = records.get(theme) ?? { started: 0, posts: 0 };
    r.posts += 1;
    if (row.replies > 0) r.started += 1;
    records.set(theme, r);
  }
  byWorkspace.set(key, { at: now, records });
  return records;
}

/** The reply that carries a prompt: the question, why it matters, and a way to get another. */
export function promptReply(prompt: Prompt, options: { intro?: string; anotherButton?: boolean; anotherValue?: string } = {}): Reply {
  return reply(
    [
      { type: 'header', text: options.intro ?? `A question on ${THEME_TITLES[prompt.theme].toLowerCase()}` },
      { type: 'text', text: prompt.text, ...(prompt.fromPeople ? { user: true as const } : {}) },
      ...(prompt.followUps.length ? [{ type: 'list' as const, items: prompt.followUps }] : []),
      { type: 'context', text: `Why this question: ${prompt.why}`, ...(prompt.fromPeople ? { user: [prompt.why] } : {}) },
      ...(options.anotherButton === false
        ? []
        : [{ type: 'actions' as const, buttons: [{ id: 'prompt.another', label: 'Another question', value: options.anotherValue ?? prompt.theme }] }]),
    ],
    { fallback: prompt.text, metadata: { type: 'moodmusic_prompt', payload: { prompt_id: prompt.id, theme: prompt.theme } } },
  );
}

export { THEME_TITLES };
