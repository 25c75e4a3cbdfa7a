import { describe, expect, it } from 'vitest';
import { classifySender, mayRequest } from '@/entrypoints/background/sender';
import { CONTENT_SCRIPT_REQUESTS, requestSchemas, type RequestType } from '@/utils/messages/protocol';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const tab = { id: 7, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false } as never;

const overlayOnPlatform = { id: EXTENSION_ID, origin: 'https://marketer.monetate.net', url: 'https://marketer.monetate.net/control/a-1/p/shop/datasets/x', tab };
const overlayOnEmulator = { id: EXTENSION_ID, origin: 'http://127.0.0.1:8790', url: 'http://127.0.0.1:8790/platform/control/a-demo/p/demo.example/datasets', tab };

/** What the overlay on a Monetate page may ask: look-ups, saves, schema reads, and its own settings. */
const OVERLAY_MAY = ['overlay.status', 'lookup.record', 'lookup.cancel', 'schema.list', 'schema.get', 'record.save', 'sidepanel.show', 'launcher.save', 'overlay.hideOnSite'];

describe('what the overlay content script may ask the background', () => {
  it('is a content script on the Monetate platform, and on the emulator only in the local build', () => {
    expect(classifySender(overlayOnPlatform, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBe('content-script');
    expect(classifySender(overlayOnEmulator, EXTENSION_ID, EXTENSION_ORIGIN, true)).toBe('content-script');
    expect(classifySender(overlayOnEmulator, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBe('refused');
  });

  it('may send look-up, save and schema reads, and nothing that reaches a key or token', () => {
    const kind = classifySender(overlayOnPlatform, EXTENSION_ID, EXTENSION_ORIGIN, false);
    const allowed = (Object.keys(requestSchemas) as RequestType[]).filter((type) => mayRequest(kind, type));
    expect(allowed.sort()).toEqual([...OVERLAY_MAY].sort());
    expect([...CONTENT_SCRIPT_REQUESTS].sort()).toEqual([...OVERLAY_MAY].sort());
    for (const type of ['token.get', 'key.info', 'key.import', 'key.generate', 'vault.unlock', 'vault.exportBackup', 'curl.build', 'state.get', 'settings.save', 'profiles.save'] as const) {
      expect(mayRequest(kind, type), type).toBe(false);
    }
  });

  it('refuses a content script on any other site, and other extensions', () => {
    expect(classifySender({ ...overlayOnPlatform, origin: 'https://evil.example', url: 'https://evil.example/' }, EXTENSION_ID, EXTENSION_ORIGIN, true)).toBe('refused');
    expect(classifySender({ ...overlayOnPlatform, id: 'another-extension' }, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBe('refused');
    expect(classifySender({ ...overlayOnPlatform, tab: undefined }, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBe('refused');
    expect(mayRequest('refused', 'lookup.record')).toBe(false);
  });
});
