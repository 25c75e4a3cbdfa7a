/**
 * The hosts the extension trusts, defined once. `wxt.config.ts` builds the manifest's match
 * patterns from these constants and the code checks origins against the same ones, so the
 * manifest and the run-time checks cannot drift apart. Plain constants only: this module is
 * also loaded by the build configuration, outside the browser.
 */

/** Monetate's API: the one API origin the production build reaches without asking the user. */
export const MONETATE_API_ORIGIN = 'https://api.monetate.net';

/** Monetate's platform, where the overlay runs. */
export const MONETATE_PLATFORM_ORIGIN = 'https://marketer.monetate.net';

/** Loopback hosts the local build may reach over plain http (the emulator, on any port). */
export const LOOPBACK_HOSTNAMES: readonly string[] = ['127.0.0.1', 'localhost'];

/** Where the emulator serves its copy of the platform; the local build's overlay runs only there. */
export const EMULATOR_PLATFORM_PATH = '/platform/';

/** Match patterns for the manifest (a pattern without a port matches every port). */
export const MATCH_PATTERNS = {
  monetateApi: `${MONETATE_API_ORIGIN}/*`,
  monetatePlatform: `${MONETATE_PLATFORM_ORIGIN}/*`,
  /** The emulator's API and pages, any port: host permissions of the local build. */
  loopback: LOOPBACK_HOSTNAMES.map((hostname) => `http://${hostname}/*`),
  /** The emulator's platform pages only: where the local build's content script runs. */
  emulatorPlatform: LOOPBACK_HOSTNAMES.map((hostname) => `http://${hostname}${EMULATOR_PLATFORM_PATH}*`),
  /** Any other https API host, granted by the user one host at a time (optional permission). */
  otherApiHosts: 'https://*/*',
} as const;

/**
 * True for a plain-http loopback URL of the local build's emulator.
 * @example isLoopbackHttp(new URL('http://127.0.0.1:8790/')) // true
 */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTNAMES.includes(url.hostname);
}

/**
 * True where the overlay belongs: any page of the Monetate platform, and in the local build the
 * emulator's `/platform/` pages only (not its API Keys page or the API itself).
 * @example isPlatformPage('http://127.0.0.1:8790/settings/api-keys', true) // false
 */
export function isPlatformPage(href: string, localBuild: boolean): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.origin === MONETATE_PLATFORM_ORIGIN) return true;
  return localBuild && isLoopbackHttp(url) && url.pathname.startsWith(EMULATOR_PLATFORM_PATH);
}

/**
 * True for the origin of a page the overlay may run on (the path is checked by `isPlatformPage`).
 * @example isPlatformOrigin('https://marketer.monetate.net', false) // true
 */
export function isPlatformOrigin(origin: string, localBuild: boolean): boolean {
  if (origin === MONETATE_PLATFORM_ORIGIN) return true;
  if (!localBuild) return false;
  try {
    const url = new URL(origin);
    return isLoopbackHttp(url) && url.origin === origin;
  } catch {
    return false;
  }
}
