import type { Pace } from '../../src/delivery/index.js';
import { JsonBody, type WebApiCall } from './post.js';

/** The two ways the adapter calls the Web API: posts as one lean JSON request, other methods through Bolt's client. */
export interface SlackCalls {
  /** `chat.postMessage`, `chat.postEphemeral` (see `createWebApiCall`). */
  post: WebApiCall;
  /** Any other method, through Bolt's client (form-encoded where Slack wants it). */
  api: WebApiCall;
}

/**
 * `calls` for one workspace, each call first taking its tokens from the core's rate buckets (see
 * `DeliveryQueue.pace`): a post counts against its channel and the workspace, any other method against
 * its own tier in the workspace. Which is which is the core's to know (`DEFAULT_LIMITS`); the adapter
 * only says what it calls and where.
 */
export function pacedCalls(pace: Pace, workspaceId: string, calls: SlackCalls): SlackCalls {
  const wrap =
    (call: WebApiCall): WebApiCall =>
    (method, args) => {
      const channel = args instanceof JsonBody ? undefined : args.channel;
      const target = { platform: 'slack' as const, workspaceId, method, ...(typeof channel === 'string' ? { conversationId: channel } : {}) };
      return pace(target, method, () => call(method, args));
    };
  return { post: wrap(calls.post), api: wrap(calls.api) };
}
