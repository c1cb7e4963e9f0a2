import { parse as parseQuery } from 'node:querystring';

/**
 * The shape a request to `/slack/events` must have before Bolt reads it. A valid signature proves the
 * body came from someone holding the signing secret, not that it is well formed: Bolt's receiver reads
 * `body.ssl_check` on whatever JSON arrives, so a signed `null` used to end the process.
 */

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonOf(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** An Events API envelope or interaction payload: an object with a string `type`, and a well-formed `event`. */
function payloadProblem(body: unknown): string | undefined {
  if (!isObject(body)) return `the payload is ${describe(body)}, not an object`;
  if (typeof body.type !== 'string' || body.type === '') return 'the payload has no type';
  if (body.type === 'event_callback' || 'event' in body) {
    const event = body.event;
    if (!isObject(event) || typeof event.type !== 'string') return 'the event is missing or not an object with a type';
  }
  for (const field of ['user', 'team', 'channel', 'container', 'message', 'view', 'authorizations', 'actions'] as const) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    const wantArray = field === 'authorizations' || field === 'actions';
    if (wantArray ? !Array.isArray(value) || !value.every(isObject) : !isObject(value)) return `the payload field ${field} is malformed`;
  }
  return undefined;
}

/**
 * Why a request body is not one Slack sends, or `undefined` when it is. Mirrors how Bolt parses it: an
 * exact `application/x-www-form-urlencoded` content type means a form (a slash command, `ssl_check`, or
 * an interaction's `payload=` JSON); anything else is read as JSON.
 */
export function slackBodyProblem(raw: string, contentType: string | undefined): string | undefined {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseQuery(raw);
    if (form.ssl_check === '1') return undefined;
    if ('payload' in form) {
      if (typeof form.payload !== 'string') return 'the form has more than one payload';
      const parsed = jsonOf(form.payload);
      return parsed.ok ? payloadProblem(parsed.value) : 'the form payload is not JSON';
    }
    if (typeof form.command !== 'string' || typeof form.team_id !== 'string' || typeof form.user_id !== 'string' || typeof form.channel_id !== 'string') {
      return 'the form is neither a slash command nor an interaction payload';
    }
    return undefined;
  }
  const parsed = jsonOf(raw);
  if (!parsed.ok) return 'the body is not JSON';
  return payloadProblem(parsed.value);
}
