import type { CoreContext } from '../core/types.js';
import type { PlatformName } from '../model/message.js';
import { reframe } from '../reframe/reframe.js';
import type { CustomPromptRecord } from '../store/custom-prompts.js';
import type { Prompt, Theme } from './schema.js';

/** The limits a channel's own question meets, as the library's own do. */
export const CUSTOM_LIMITS = { minText: 12, maxText: 400, maxWhy: 400, perWorkspace: 200 } as const;

/** A stored custom prompt as the rotation sees it. */
export function toPrompt(record: CustomPromptRecord): Prompt {
  return {
    id: record.id,
    theme: record.theme as Theme,
    text: record.text,
    why: record.why ?? 'A question people in this workspace added.',
    audience: ['channel'],
    followUps: [],
    fromPeople: true,
  };
}

/** Why a proposed question cannot be added as it is: the problems, and rewrites when it is deficit-framed. */
export interface QuestionCheck {
  problems: string[];
  suggestions: string[];
}

/**
 * Checks a proposed question like the library's own: length, a real question, and the framing check —
 * a question framed around a problem is refused with the framing check's aspirational rewrites.
 */
export function checkQuestion(text: string, why: string | undefined): QuestionCheck {
  const problems: string[] = [];
  const t = text.trim();
  if (t.length < CUSTOM_LIMITS.minText) problems.push(`The question is too short (at least ${CUSTOM_LIMITS.minText} characters).`);
  if (t.length > CUSTOM_LIMITS.maxText) problems.push(`The question is too long (${t.length} characters; at most ${CUSTOM_LIMITS.maxText}).`);
  if (why !== undefined && why.trim().length > CUSTOM_LIMITS.maxWhy) problems.push(`The "why" is too long (at most ${CUSTOM_LIMITS.maxWhy} characters).`);
  if (/https?:\/\/|<[@#!]/i.test(t)) problems.push('Leave links and mentions out of the question.');
  let suggestions: string[] = [];
  if (problems.length === 0) {
    const framing = reframe(t);
    if (framing.deficit) {
      problems.push(`It is framed around a problem${framing.evidence.length ? ` ("${framing.evidence.slice(0, 2).join('", "')}")` : ''}, which can leave out the people whose help you need.`);
      suggestions = framing.suggestions.slice(0, 3);
    }
  }
  return { problems, suggestions };
}

const TTL_MS = 60_000;
const cache = new WeakMap<object, Map<string, { at: number; prompts: Prompt[] }>>();

/** A workspace's own prompts, cached for a minute per store (cleared at once by `forgetCustomCache`). */
export async function customPrompts(ctx: Pick<CoreContext, 'store' | 'clock'>, platform: PlatformName, workspaceId: string): Promise<Prompt[]> {
  const now = ctx.clock.now().getTime();
  let byWorkspace = cache.get(ctx.store);
  if (!byWorkspace) cache.set(ctx.store, (byWorkspace = new Map()));
  const key = `${platform}:${workspaceId}`;
  const hit = byWorkspace.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.prompts;
  const prompts = (await ctx.store.customPrompts.list(platform, workspaceId)).map(toPrompt);
  byWorkspace.set(key, { at: now, prompts });
  return prompts;
}

/** Drops the cached list after an add or remove in this process. */
export function forgetCustomCache(ctx: Pick<CoreContext, 'store'>, platform: PlatformName, workspaceId: string): void {
  cache.get(ctx.store)?.delete(`${platform}:${workspaceId}`);
}
