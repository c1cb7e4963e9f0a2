/** What one run did, for logs and tests. */
export interface RunReport {
  posted: number;
  skipped: number;
  failed: number;
  /** Abandoned claims found posted (via `findPosted`) or re-sent. */
  recovered: number;
  /** Claims given back unsent because the bot was stopping. */
  released: number;
}

/** A report of a run that has done nothing yet. */
export function emptyReport(): RunReport {
  return { posted: 0, skipped: 0, failed: 0, recovered: 0, released: 0 };
}
