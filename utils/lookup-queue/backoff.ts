export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Floor: even a tiny random draw must not send faster than the look-up limit. */
  minMs: number;
}

/**
 * "Full jitter" exponential backoff: a random wait up to `min(cap, base * 2^attempt)`,
 * never under `minMs`. Jitter keeps several browsers from retrying in lockstep.
 * @example backoffDelay(2, { baseMs: 1000, capMs: 30000, minMs: 1000 }, () => 0.5) // 2000
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.max(options.minMs, Math.round(ceiling * random()));
}
