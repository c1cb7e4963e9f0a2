import { describeError } from '../errors.js';
import type { ConversationRef, IncomingMessage } from '../model/message.js';
import type { MemberInfo } from '../model/outbound.js';
import { textReply, type Reply } from '../model/reply.js';
import type { CoreContext } from './types.js';

type Ctx = Pick<CoreContext, 'settings' | 'outbound' | 'logger'>;

const refOf = (m: ConversationRef): ConversationRef => ({ platform: m.platform, workspaceId: m.workspaceId, conversationId: m.conversationId });

/** The platform's word for the people who administer a conversation. */
export function adminsWord(platform: IncomingMessage['platform']): string {
  return platform === 'teams' ? 'team owners' : 'workspace admins and owners';
}

async function member(ctx: Ctx, ref: ConversationRef, userId: string): Promise<MemberInfo | undefined> {
  try {
    return await ctx.outbound(ref.platform)?.member?.(refOf(ref), userId);
  } catch (error) {
    // Not knowing is not a yes: the person is treated as not an admin, and the log says why.
    ctx.logger.warn('could not ask the platform about a member', { platform: ref.platform, error: describeError(error) });
    return undefined;
  }
}

/** True for people in ADMIN_USERS and for the platform's admins: Slack workspace admins/owners, Teams team owners. */
export async function isAdmin(ctx: Ctx, message: IncomingMessage): Promise<boolean> {
  if (ctx.settings.adminUsers?.includes(message.userId)) return true;
  return (await member(ctx, message, message.userId))?.admin ?? false;
}

/** How to name someone to colleagues: the platform's name for them, else a neutral phrase (never a raw id). */
export async function nameOf(ctx: Ctx, ref: ConversationRef, userId: string, fallback = 'the person who set it'): Promise<string> {
  return (await member(ctx, ref, userId))?.name ?? fallback;
}

/**
 * Whether `message`'s sender may change a setting that `setBy` set: the same person, an admin, or anyone
 * when nobody is recorded (never set, or its setter said `forget me`). Undefined when allowed; otherwise
 * the short answer naming who can.
 */
export async function refuseChange(ctx: Ctx, message: IncomingMessage, what: string, setBy: string | undefined): Promise<Reply | undefined> {
  if (!setBy || setBy === message.userId) return undefined;
  if (await isAdmin(ctx, message)) return undefined;
  const who = await nameOf(ctx, message, setBy);
  return textReply(
    `Only ${who}, who set ${what} here, ${adminsWord(message.platform)}, or the bot's administrators (ADMIN_USERS) can change it. Say status to see who set what.`,
    { visibility: 'private' },
  );
}

/** "set by Sam on 27 Nov 2026" for `status`. */
export async function setByText(ctx: Ctx, ref: ConversationRef, setBy: string | undefined, at: string | undefined): Promise<string> {
  const who = setBy ? await nameOf(ctx, ref, setBy, 'someone here') : 'someone who has since left (forget me)';
  const when = at ? ` on ${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(at))}` : '';
  return `set by ${who}${when}`;
}
