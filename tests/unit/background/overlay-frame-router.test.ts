import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createRouter } from '@/entrypoints/background/router';
import { createServices, type Services } from '@/entrypoints/background/services';
import { settingsItem } from '@/utils/storage/items';

const ORIGIN = `chrome-extension://${fakeBrowser.runtime.id}`;
const PLATFORM_PAGE = 'https://marketer.monetate.net/control/a-1/p/x/datasets';
const tab = { id: 7, windowId: 1, url: PLATFORM_PAGE } as never;
/** The overlay's panel page, in its iframe on a platform page. */
const FRAME = { id: fakeBrowser.runtime.id, origin: ORIGIN, url: `${ORIGIN}/overlay-frame.html#mJ2yq0bX5Yx3o8i1R0oQfA`, tab, frameId: 3 };
const POPUP = { id: fakeBrowser.runtime.id, origin: ORIGIN, url: `${ORIGIN}/popup.html` };
const CONTENT_SCRIPT = { id: fakeBrowser.runtime.id, origin: 'https://marketer.monetate.net', url: PLATFORM_PAGE, tab, frameId: 0 };

let route: ReturnType<typeof createRouter>;

beforeEach(() => {
  fakeBrowser.reset();
  let services: Services | undefined;
  route = createRouter(() => (services ??= createServices()));
});

const ask = (type: string, payload: unknown, sender: object) => route({ channel: 'mdi', type, payload }, sender as never);

describe('the background and the overlay’s frame', () => {
  it('refuses the frame every request that reaches a key, a token, the vault or the app state', async () => {
    const refused: Record<string, unknown> = {
      'token.get': {},
      'key.info': { profileId: 'p' },
      'key.generate': { profileId: 'p', bits: 2048, passphrase: 'a long enough passphrase' },
      'vault.unlock': { profileId: 'p', passphrase: 'x' },
      'vault.lock': {},
      'vault.changePassphrase': { profileId: 'p', current: 'x', next: 'y' },
      'vault.exportBackup': { profileId: 'p' },
      'vault.importBackup': { text: '{}', passphrase: 'x' },
      'state.get': {},
      'curl.build': { dataset: 's', id: 'i' },
      'settings.save': { overlayHiddenOrigins: [] },
      'history.list': {},
    };
    for (const [type, payload] of Object.entries(refused)) {
      expect(await ask(type, payload, FRAME), type).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      // The same request from the popup passes the sender check (whatever it then answers).
      expect(await ask(type, payload, POPUP), type).not.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });

  it('lets the frame look up and read schemas, as the content script may', async () => {
    // Through the sender check; it fails later only because no profile exists.
    expect(await ask('schema.list', {}, FRAME)).toMatchObject({ ok: false, error: { code: 'profile_missing' } });
    expect(await ask('lookup.record', { dataset: 's', id: 'C-1', callerId: 'c' }, FRAME)).toMatchObject({ ok: false, error: { code: 'profile_missing' } });
    expect(await ask('overlay.status', {}, FRAME)).toMatchObject({ ok: true, data: { hasProfile: false } });
  });

  it('hides the overlay on a site only when that site’s content script asks, never the frame', async () => {
    for (const origin of ['https://marketer.monetate.net', ORIGIN]) {
      expect(await ask('overlay.hideOnSite', { origin }, FRAME), origin).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect((await settingsItem.getValue()).overlayHiddenOrigins).toEqual([]);
    expect(await ask('overlay.hideOnSite', { origin: 'https://marketer.monetate.net' }, CONTENT_SCRIPT)).toMatchObject({ ok: true });
    expect((await settingsItem.getValue()).overlayHiddenOrigins).toEqual(['https://marketer.monetate.net']);
  });
});
