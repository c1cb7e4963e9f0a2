/** The typed result of parsing a chat line: one variant per verb of the chat grammar (DESIGN.md). */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When something recurs, as the person said it. Converted to a cron expression by the schedule module. */
export type Recurrence =
  | { kind: 'weekly'; day: Weekday; time: string; everyWeeks: number }
  | { kind: 'weekdays'; time: string }
  | { kind: 'daily'; time: string }
  | { kind: 'monthly'; nth: 1 | 2 | 3 | 4 | 'last'; day: Weekday; time: string }
  | { kind: 'cron'; expression: string };

/** A duration such as "2 weeks" (for `pause for …`). */
export interface Span {
  amount: number;
  unit: 'hour' | 'day' | 'week';
}

export type Intent =
  | { verb: 'help'; topic?: string }
  | { verb: 'prompt'; theme?: string }
  | { verb: 'review'; plan: string }
  | { verb: 'reframe'; question: string }
  | { verb: 'schedule'; recurrence: Recurrence; timeZone?: string; themes: string[] }
  | { verb: 'schedule-off' }
  | { verb: 'pause'; for?: Span }
  | { verb: 'resume' }
  | { verb: 'skip' }
  | { verb: 'status' }
  | { verb: 'story' }
  | { verb: 'welcome'; on: boolean }
  | { verb: 'digest'; recurrence: Recurrence; timeZone?: string }
  | { verb: 'digest-now' }
  | { verb: 'digest-off' }
  | { verb: 'forget-me' }
  /** A channel's own question: `prompt add THEME "QUESTION" [why "..."]`. */
  | { verb: 'prompt-add'; theme: string; question: string; why?: string }
  /** `prompt list mine` (or all of the workspace's own questions). */
  | { verb: 'prompt-list'; mine: boolean }
  /** `prompt remove ID`. */
  | { verb: 'prompt-remove'; id: string }
  /** Aggregate engagement with this conversation's prompts over the last `weeks` weeks (default 12). */
  | { verb: 'insights'; weeks?: number; scope: 'channel' | 'workspace' }
  /** `my stories`: the person's own stories, each with its sharing level, date and buttons. */
  | { verb: 'my-stories' }
  /** `withdraw` (explains how) or `withdraw N` (N as numbered by `my stories`). */
  | { verb: 'withdraw'; which?: number }
  /** A known verb used wrongly: `message` says what was expected, `usage` shows the right form. */
  | { verb: 'invalid'; of: string; message: string; usage: string }
  | { verb: 'unknown'; text: string };

export type Verb = Intent['verb'];
