import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createRouter } from '@/entrypoints/background/router';
import { createServices, type Services } from '@/entrypoints/background/services';
import { activeProfileIdItem, tokensItem } from '@/utils/storage/items';
import type { createFakeMonetate } from '@/tests/unit/background/fake-monetate';
import { grantManifestHosts } from '@/tests/unit/background/manifest-grants';

export const EXTENSION_PAGE = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html` };
export const PLATFORM_TAB = { id: fakeBrowser.runtime.id, url: 'https://marketer.monetate.net/control/a-1/p/x/datasets', tab: { id: 7, windowId: 1 } as never };
export const PROFILE_ID = 'profile-1';

/** What the options page's form sends for a valid production profile. */
export const PROFILE_INPUT = {
  name: 'Acme production',
  baseUrl: 'https://api.monetate.net',
  retailer: 'acme',
  username: 'api-123-jane',
  ttlSeconds: 3600,
  alg: 'RS256',
  readOnly: false,
  confirmWrites: true,
};

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; detail?: string } };

/**
 * A background on WXT's fake browser talking to a fake Monetate: one sealed, active, writable
 * profile with a valid token, and the router every surface's message goes through.
 * @example const background = await startBackground(monetate); await background.data('history.list', {});
 */
export async function startBackground(monetate: ReturnType<typeof createFakeMonetate>) {
  fakeBrowser.reset();
  grantManifestHosts();
  vi.stubGlobal('fetch', monetate.fetch);
  // Stored the way the options page stores it (sealed), or the background refuses to use it.
  const services: Services = createServices();
  await services.profiles.put({
    id: PROFILE_ID,
    name: 'Acme',
    baseUrl: 'https://api.monetate.net',
    retailer: 'acme',
    username: 'api-1-jane',
    ttlSeconds: 3600,
    alg: 'RS256',
    readOnly: false,
    confirmWrites: false,
    createdAt: 1,
  });
  await activeProfileIdItem.setValue(PROFILE_ID);
  await tokensItem.setValue({ [PROFILE_ID]: { token: 'token-1', expiresAt: Date.now() + 3_600_000, issuedAt: Date.now() } });
  const route = createRouter(() => services);

  async function ask<T>(type: string, payload: unknown, sender: object = EXTENSION_PAGE): Promise<Reply<T>> {
    return (await route({ channel: 'mdi', type, payload }, sender as never)) as never;
  }

  async function data<T>(type: string, payload: unknown, sender: object = EXTENSION_PAGE): Promise<T> {
    const reply = await ask<T>(type, payload, sender);
    if (!reply.ok) throw new Error(`${type}: ${reply.error.code} ${reply.error.detail ?? ''}`);
    return reply.data;
  }

  return { services, route, ask, data };
}
