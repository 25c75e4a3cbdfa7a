import { fakeBrowser } from 'wxt/testing';
import { MATCH_PATTERNS } from '@/utils/hosts';

/**
 * Makes WXT's fake browser answer `permissions.contains` as an installed production build does
 * while the user keeps the access its manifest asks for (api.monetate.net), plus the hosts in
 * the returned set, which a test may add to (hosts the user granted) or empty (access withheld).
 * The background checks this before every request, since Firefox lets people withhold it.
 * @example const granted = grantManifestHosts(); granted.add('https://api.example.com/*');
 */
export function grantManifestHosts(): Set<string> {
  const granted = new Set<string>([MATCH_PATTERNS.monetateApi]);
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin)),
  });
  return granted;
}
