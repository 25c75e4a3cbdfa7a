/** At most one activity message per this many ms: auto-lock counts in minutes. */
export const ACTIVITY_INTERVAL_MS = 60_000;

/**
 * Reports a person's typing to the background (so auto-lock does not lock them out mid-form),
 * at most once per interval; calls in between are dropped. Returns whether this call reported.
 * @example const typed = createActivityReporter(() => sendRequest('activity', {})); input.oninput = typed;
 */
export function createActivityReporter(report: () => Promise<unknown>, intervalMs = ACTIVITY_INTERVAL_MS): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const now = Date.now();
    if (now - last < intervalMs) return false;
    last = now;
    // A lost activity message costs at most one minute of the auto-lock's count.
    void report().catch(() => undefined);
    return true;
  };
}
