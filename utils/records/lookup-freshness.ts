/**
 * Whether a look-up must skip the cache before it is queued: the person asked for a refresh, or
 * set "reuse answers for" to 0 seconds.
 * @example mustAskMonetate({ refresh: false }, 30) // false
 */
export function mustAskMonetate(ask: { refresh?: boolean }, cacheTtlSeconds: number): boolean {
  return Boolean(ask.refresh) || cacheTtlSeconds === 0;
}

/**
 * Whether a cached answer is older than the person's "reuse answers for" setting (the queue's
 * cache keeps answers longer, up to the largest setting), so Monetate is asked again.
 * @example isTooOld({ fromCache: true, fetchedAt: 0 }, 30, 31_000) // true
 */
export function isTooOld(outcome: { fromCache: boolean; fetchedAt: number }, cacheTtlSeconds: number, nowMs: number): boolean {
  return outcome.fromCache && nowMs - outcome.fetchedAt > cacheTtlSeconds * 1000;
}
