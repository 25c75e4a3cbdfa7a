import { AppError } from '@/utils/errors';
import { checkApiBaseUrl, hostPermissionPattern } from '@/utils/profiles/api-base-url';

export interface HostAccessDeps {
  localBuild: boolean;
  /** Whether the browser granted this optional host permission, e.g. `browser.permissions.contains`. */
  hasPermission(pattern: string): Promise<boolean>;
}

export interface HostAccess {
  /**
   * Throws unless a request to `url` may carry a JWT or token: `host_not_permitted` when its
   * origin fails the base-URL rule of this build or is an https host other than Monetate's
   * that the user has not granted; `host_access_withheld` when it is Monetate's (or, in the
   * local build, the emulator's) and the browser has not granted it, as Firefox lets people do
   * under Manifest V3 (and Chrome's site-access setting too).
   */
  assertMayReach(url: string): Promise<void>;
  /** `fetch`, refusing (before anything leaves) every request `assertMayReach` refuses. */
  guardFetch(fetchImpl: typeof fetch): typeof fetch;
}

/**
 * The last check before a credential leaves the background. Profiles are validated when saved
 * and when read; this holds even if something slipped past both, and also when the user later
 * withdraws a host permission in the browser's settings.
 * @example const client = createMonetateClient({ fetch: access.guardFetch(globalThis.fetch) });
 */
export function createHostAccess(deps: HostAccessDeps): HostAccess {
  async function assertMayReach(url: string): Promise<void> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new AppError('host_not_permitted', 'an address that is not a URL');
    }
    const rule = checkApiBaseUrl(parsed.origin, { localBuild: deps.localBuild });
    if (!rule.ok) throw new AppError('host_not_permitted', parsed.origin);
    let granted = false;
    try {
      granted = await deps.hasPermission(hostPermissionPattern(rule.origin));
    } catch {
      granted = false;
    }
    if (!granted) throw new AppError(rule.needsPermission ? 'host_not_permitted' : 'host_access_withheld', parsed.host);
  }

  return {
    assertMayReach,
    guardFetch(fetchImpl) {
      return async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        await assertMayReach(url);
        return fetchImpl(input, init);
      };
    },
  };
}
