/**
 * When a write asks for a review first. Plain functions (no zod), so every surface can import them.
 */

/** Base URLs that point at Monetate itself, where writes ask for confirmation by default. */
export function isProductionBaseUrl(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'monetate.net' || host.endsWith('.monetate.net');
  } catch {
    return false;
  }
}

/**
 * Whether a write (a record save, a schema change) is reviewed and confirmed before it is sent:
 * always for a profile on Monetate itself, and whenever "Confirm every write" is on. The one
 * rule every surface and write applies.
 * @example writesNeedReview({ baseUrl: 'https://api.monetate.net', confirmWrites: false }) // true
 */
export function writesNeedReview(profile: { baseUrl: string; confirmWrites: boolean }): boolean {
  return profile.confirmWrites || isProductionBaseUrl(profile.baseUrl);
}
