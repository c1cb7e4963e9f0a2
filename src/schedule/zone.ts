import type { CoreContext } from '../core/types.js';
import { isValidTimeZone } from '../config.js';
import { UserInputError } from '../errors.js';
import { canonicalTimeZone } from './zone-name.js';
import type { IncomingMessage } from '../model/message.js';

/**
 * The time zone a recurring rule runs in: the one the person named, else the conversation's, else the
 * person's own, else DEFAULT_TIMEZONE. Shared by prompt schedules and story digests so both agree.
 */
export async function timeZoneFor(asked: string | undefined, message: IncomingMessage, ctx: Pick<CoreContext, 'store' | 'settings'>): Promise<string> {
  if (asked) {
    const canonical = canonicalTimeZone(asked);
    if (!canonical) {
      throw new UserInputError(`"${asked.slice(0, 60)}" is not a time zone I know. Use an IANA name such as Europe/London, America/New_York or Asia/Kolkata (or UTC).`);
    }
    return canonical;
  }
  const conversation = await ctx.store.conversations.get({ platform: message.platform, workspaceId: message.workspaceId, conversationId: message.conversationId });
  for (const tz of [conversation?.timeZone, message.userTimeZone]) if (tz && isValidTimeZone(tz)) return tz;
  return ctx.settings.defaultTimeZone;
}
