/**
 * The shape an activity must have before botbuilder or the normaliser reads it. Authentication proves who
 * sent a request, not that its JSON is well formed; a malformed one gets 400 here instead of an exception
 * (or worse) deeper down.
 */

type Kind = 'string' | 'object' | 'array' | 'boolean';

/** Fields the adapter reads, with the JSON type each must have when present. */
const FIELDS: Record<string, Kind> = {
  id: 'string',
  serviceUrl: 'string',
  channelId: 'string',
  timestamp: 'string',
  localTimestamp: 'string',
  localTimezone: 'string',
  expiration: 'string',
  text: 'string',
  replyToId: 'string',
  from: 'object',
  recipient: 'object',
  conversation: 'object',
  channelData: 'object',
  entities: 'array',
  attachments: 'array',
  membersAdded: 'array',
  membersRemoved: 'array',
  reactionsAdded: 'array',
  reactionsRemoved: 'array',
};

/** Nested fields read as strings: `conversation.id`, `from.id`, and so on. */
const NESTED: Record<string, Record<string, Kind>> = {
  conversation: { id: 'string', conversationType: 'string', tenantId: 'string', isGroup: 'boolean' },
  from: { id: 'string', name: 'string', aadObjectId: 'string' },
  recipient: { id: 'string', name: 'string' },
};

/** Arrays whose items must be objects (a `null` member or mention would throw in the normaliser). */
const OBJECT_ITEMS = ['entities', 'attachments', 'membersAdded', 'membersRemoved', 'reactionsAdded', 'reactionsRemoved'];

function kindOf(value: unknown): Kind | 'null' | 'number' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'object' || t === 'boolean' || t === 'number' ? t : 'other';
}

/** Why `body` is not an activity this bot can read, or `undefined` when it is. */
export function activityProblem(body: unknown): string | undefined {
  if (kindOf(body) !== 'object') return `body is not an activity object (got ${kindOf(body)})`;
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'activity has no type';
  for (const [field, kind] of Object.entries(FIELDS)) {
    const value = activity[field];
    if (value !== undefined && kindOf(value) !== kind) return `activity field ${field} must be ${kind === 'array' ? 'an array' : `a ${kind}`}`;
  }
  for (const [field, nested] of Object.entries(NESTED)) {
    const parent = activity[field] as Record<string, unknown> | undefined;
    if (!parent) continue;
    for (const [key, kind] of Object.entries(nested)) {
      const value = parent[key];
      if (value !== undefined && value !== null && kindOf(value) !== kind) return `activity field ${field}.${key} must be a ${kind}`;
    }
  }
  for (const field of OBJECT_ITEMS) {
    const items = activity[field] as unknown[] | undefined;
    if (items?.some((item) => kindOf(item) !== 'object')) return `activity field ${field} must hold objects`;
  }
  return undefined;
}

/** What botbuilder's own `process` does to a parsed activity: ISO timestamp strings become dates. */
export function withDates(activity: Record<string, unknown>): Record<string, unknown> {
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity;
}
