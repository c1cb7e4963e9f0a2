import { describeError } from '../errors.js';
import type { ConversationRef, IncomingMessage } from '../model/message.js';
import type { MemberInfo } from '../model/outbound.js';
import { textReply, type Reply } from '../model/reply.js';
import { formatDate } from '../schedule/format.js';
import type { CoreContext } from './types.js';

type Ctx = Pick<CoreContext, 'settings' | 'outbound' | 'logger'>;
type StatusCtx = Ctx & Pick<CoreContext, 'clock'>;

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

/**
 * Who set a setting and when, for `status`: "you, on Friday 27 November", "Alex, on Monday 23 November",
 * or "someone no longer recorded" (the setter said `forget me`, or it predates this record).
 */
export async function whoSet(ctx: StatusCtx, message: IncomingMessage, setBy: string | undefined, at: string | undefined): Promise<string> {
  const who = !setBy ? 'someone no longer recorded' : setBy === message.userId ? 'you' : await nameOf(ctx, message, setBy, 'someone here');
  return at ? `${who}, on ${formatDate(new Date(at), ctx.settings.defaultTimeZone, ctx.clock.now())}` : who;
}

/** "set by Alex, on Monday 23 November" for a setting shown inside another line of `status`. */
export async function setByText(ctx: StatusCtx, message: IncomingMessage, setBy: string | undefined, at: string | undefined): Promise<string> {
  return `set by ${await whoSet(ctx, message, setBy, at)}`;
}
