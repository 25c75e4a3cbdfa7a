import { describe, expect, it } from 'vitest';
import { classifySender, eventsAudience, mayRequest } from '@/entrypoints/background/sender';
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

describe('the overlay’s frame: an extension page that speaks only the overlay’s message set', () => {
  const inTab = { tab, frameId: 4 };
  const frame = { id: EXTENSION_ID, origin: EXTENSION_ORIGIN, url: `${EXTENSION_ORIGIN}/overlay-frame.html#mJ2yq0bX5Yx3o8i1R0oQfA`, ...inTab };
  const classify = (sender: object) => classifySender(sender as never, EXTENSION_ID, EXTENSION_ORIGIN, false);

  it('is told apart from the extension’s other pages by its address', () => {
    expect(classify(frame)).toBe('overlay-frame');
    expect(classify({ id: EXTENSION_ID, origin: EXTENSION_ORIGIN, url: `${EXTENSION_ORIGIN}/popup.html` })).toBe('extension-page');
    expect(classify({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/options.html`, tab, frameId: 0 })).toBe('extension-page');
  });

  it('gets exactly what the content script gets, and nothing that reaches a key, a token or the app state', () => {
    const allowed = (Object.keys(requestSchemas) as RequestType[]).filter((type) => mayRequest(classify(frame), type));
    expect(allowed.sort()).toEqual([...CONTENT_SCRIPT_REQUESTS].sort());
    const privileged = (Object.keys(requestSchemas) as RequestType[]).filter((type) => /^(token|key|vault|state|curl|profiles|settings|history|editlog)\./.test(type));
    expect(privileged.length).toBeGreaterThan(10);
    for (const type of privileged) expect(mayRequest(classify(frame), type), type).toBe(false);
  });

  it('cannot pass for a full extension page by another spelling of its address', () => {
    for (const path of ['/overlay-frame.html', '/overlay-frame.html?x=1', '//overlay-frame.html', '/OVERLAY-FRAME.html', '/overlay%2Dframe.html', '/overlay-frame%2ehtml', '/%E0%A4%A']) {
      expect(classify({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}${path}` }), path).toBe('overlay-frame');
    }
    // Whatever its address, an extension document framed inside a tab is the overlay's.
    expect(classify({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html`, ...inTab })).toBe('overlay-frame');
  });

  it('hears the overlay’s status on the events port, not the app state', () => {
    expect(eventsAudience(frame as never, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBe('content');
    expect(eventsAudience({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/sidepanel.html` } as never, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBe('trusted');
    expect(eventsAudience(overlayOnPlatform as never, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBe('content');
    expect(eventsAudience({ ...overlayOnPlatform, origin: 'https://evil.example', url: 'https://evil.example/' } as never, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBeNull();
    expect(eventsAudience({ ...frame, id: 'another-extension' } as never, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBeNull();
    expect(eventsAudience(undefined, EXTENSION_ID, EXTENSION_ORIGIN, false)).toBeNull();
  });
});
