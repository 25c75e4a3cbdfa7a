/**
 * A `Retry-After` header as a wait in ms: delta seconds (`"5"`) or an HTTP date. Returns
 * `undefined` when absent or unreadable; a date in the past gives 0.
 * @example parseRetryAfter('5', Date.now()) // 5000
 * @example parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:58 GMT')) // 2000
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const dateMs = parseHttpDate(value);
  return dateMs === undefined ? undefined : Math.max(0, dateMs - nowMs);
}

/**
 * An HTTP date (`Date`, `Retry-After`) in epoch ms, or `undefined`.
 * @example parseHttpDate('Thu, 01 Jan 1970 00:00:01 GMT') // 1000
 */
export function parseHttpDate(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  // HTTP dates always name a month; Date.parse would also read "5" or "-3" as years.
  if (!/[A-Za-z]{3}/.test(header)) return undefined;
  const ms = Date.parse(header);
  return Number.isFinite(ms) ? ms : undefined;
}
