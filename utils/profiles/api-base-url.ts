import { isLoopbackHttp, MONETATE_API_ORIGIN } from '@/utils/hosts';

/** What the one base-URL rule says about a value. */
export type ApiBaseUrlCheck =
  | {
      ok: true;
      /** The normalized base URL: scheme and host (and port), nothing else. */
      origin: string;
      /**
       * True for an https host other than Monetate's: the user must grant the extension that host
       * by name (an optional host permission) before any JWT or token is sent there.
       */
      needsPermission: boolean;
    }
  | { ok: false; message: string };

const EXAMPLE = `for example ${MONETATE_API_ORIGIN}`;

/**
 * The one rule for a profile's API base URL, used by the profile form, the background (on every
 * save, every read and before every request) and backup import. Production accepts
 * `https://api.monetate.net` as is and any other https host only with the user's permission; the
 * local build also accepts the emulator on `http://127.0.0.1:<port>` and `http://localhost:<port>`.
 * Never a path, query, fragment or user name: the Auth and Data API paths are fixed.
 * @example checkApiBaseUrl('https://api.monetate.net/', { localBuild: false }) // { ok: true, origin: 'https://api.monetate.net', needsPermission: false }
 * @example checkApiBaseUrl('http://evil.example', { localBuild: false }).ok // false
 */
export function checkApiBaseUrl(value: string, options: { localBuild: boolean }): ApiBaseUrlCheck {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return { ok: false, message: `Enter the API base URL, ${EXAMPLE}.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `Enter a full URL starting with https://, ${EXAMPLE}.` };
  }
  const loopback = options.localBuild && isLoopbackHttp(url);
  if (url.protocol !== 'https:' && !loopback) {
    return {
      ok: false,
      message: options.localBuild
        ? 'Use https://, or http://127.0.0.1:<port> or http://localhost:<port> for the emulator.'
        : `Use https:// (${EXAMPLE}); plain http:// is not accepted.`,
    };
  }
  if (url.username || url.password || url.search || url.hash || text.includes('?') || text.includes('#') || url.pathname !== '/') {
    return { ok: false, message: `Enter only the scheme and host, ${EXAMPLE}, with no path.` };
  }
  return { ok: true, origin: url.origin, needsPermission: !loopback && url.origin !== MONETATE_API_ORIGIN };
}

/**
 * The host permission that covers one API origin. The emulator's loopback origins map to the
 * port-less pattern the local build's manifest declares (it covers every port; Firefox's match
 * patterns take no port at all).
 * @example hostPermissionPattern('https://api.example.com') // 'https://api.example.com/*'
 * @example hostPermissionPattern('http://127.0.0.1:8790') // 'http://127.0.0.1/*'
 */
export function hostPermissionPattern(origin: string): string {
  try {
    const url = new URL(origin);
    if (isLoopbackHttp(url)) return `http://${url.hostname}/*`;
  } catch {
    // Not a URL: the pattern below is refused by the browser, which is the right outcome.
  }
  return `${origin}/*`;
}
