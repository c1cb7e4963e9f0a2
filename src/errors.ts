/**
 * The error family. Each carries a stable `code` and a message that says how to fix the problem; each
 * entry point (webhook, cron tick, shell line, CLI) catches them in one place.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'PROMPTS_INVALID'
  | 'STORE_UNAVAILABLE'
  | 'PLATFORM_ERROR'
  | 'USER_INPUT';

export class MoodmusicError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A bad environment variable; the message names the variable and what it expects. */
export class ConfigError extends MoodmusicError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}

/** One problem found in a prompt file, located as FILE:LINE. */
export interface PromptProblem {
  file: string;
  line: number;
  message: string;
}

/** The prompt library failed validation; `problems` lists every one of them. */
export class PromptLibraryError extends MoodmusicError {
  readonly problems: PromptProblem[];
  constructor(problems: PromptProblem[]) {
    super('PROMPTS_INVALID', problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}

/** The database cannot be reached or migrated. */
export class StoreError extends MoodmusicError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}

/**
 * A chat platform refused or failed a call. `retryable` tells the delivery queue whether to try again;
 * `retryAfterMs` is the platform's own `Retry-After` when it gave one.
 */
export class PlatformError extends MoodmusicError {
  readonly platform: string;
  readonly platformCode: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  constructor(
    platform: string,
    platformCode: string,
    message: string,
    options: { retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super('PLATFORM_ERROR', message, { cause: options.cause });
    this.platform = platform;
    this.platformCode = platformCode;
    this.retryable = options.retryable ?? false;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Input a person gave that cannot be used; the message is shown to them as-is. */
export class UserInputError extends MoodmusicError {
  constructor(message: string) {
    super('USER_INPUT', message);
  }
}

/** A short description of any thrown value, for logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
