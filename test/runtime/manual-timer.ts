/** A timer the test drives for a heap watch's `every` option: `timer.check()` runs the check as the interval would. */
export function manualTimer() {
  const timer = { check: undefined as (() => void) | undefined, everyMs: 0, stopped: false };
  const every = (check: () => void, everyMs: number) => {
    Object.assign(timer, { check, everyMs });
    return () => {
      timer.stopped = true;
    };
  };
  return { timer, every };
}
