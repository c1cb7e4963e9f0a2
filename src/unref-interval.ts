/**
 * Runs `check` every `everyMs` on a timer that does not keep the process alive (a heap watch must never
 * hold a stopping bot open); returns the function that stops it.
 */
export function unrefInterval(check: () => void, everyMs: number): () => void {
  const timer = setInterval(check, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
