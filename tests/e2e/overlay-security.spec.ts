import type { Page, Worker } from '@playwright/test';
import { DEMO_DATASET, HTML_RECORD_ID, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, sendFromPage, setUpUnlockedProfile, TEST_PASSPHRASE, test, type Emulator } from '@/tests/e2e/fixtures';
import { lookupGets } from '@/tests/e2e/lookup-helpers';
import { OVERLAY_HOST, overlayDriver, overlayFrame } from '@/tests/e2e/overlay-driver';
import { contentScriptWorld } from '@/tests/e2e/content-script-world';

const DATASET_PAGE = `/platform/control/a-demo/p/demo.example/datasets/${DEMO_DATASET}`;
/** Not among the 20 rows the platform page lists, so its values appear only in the overlay. */
const HIDDEN_ROW_ID = 'C-100050';

/** The platform's dataset page, once the overlay is on it. */
async function openDatasetPage(page: Page, emulator: Emulator) {
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
}

async function openAndLookUp(page: Page, id: string) {
  const overlay = await overlayDriver(page);
  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.fill('textbox', 'Record ID', id);
  await overlay.click('button', 'Look up');
  await overlay.waitForText(new RegExp(`Found “${id}”`));
  return overlay;
}

test('the page’s own scripts cannot read the overlay or reach the extension', async ({ context, emulator, openExtensionPage, extensionId }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const page = await context.newPage();
  // A hostile page: it hooks attachShadow before anything else runs, to catch closed roots.
  await page.addInitScript(() => {
    const caught: ShadowRoot[] = [];
    Object.assign(window, { caughtRoots: caught });
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = original.call(this, init);
      caught.push(root);
      return root;
    };
  });
  await openDatasetPage(page, emulator);
  await openAndLookUp(page, HIDDEN_ROW_ID);
  const record = emulator.emulator.state.datasets.get(DEMO_DATASET)!.records.find((row) => row.customer_id === HIDDEN_ROW_ID)!;
  const secret = String(record.email);

  const seen = await page.evaluate((hostTag) => {
    const host = document.querySelector(hostTag)!;
    const texts = [document.body.innerText, document.documentElement.innerText, document.documentElement.textContent ?? '', document.documentElement.outerHTML];
    const all = [...document.querySelectorAll('*')].map((element) => element.shadowRoot?.innerHTML ?? '').join('');
    return {
      shadowRoot: host.shadowRoot,
      children: host.childNodes.length,
      caught: (window as unknown as { caughtRoots: ShadowRoot[] }).caughtRoots.length,
      text: texts.join('\n') + all,
      serialized: host.getHTML({ serializableShadowRoots: true }),
      // The panel's iframe is inside the closed root: not in the page's DOM, not in window.frames.
      iframes: document.querySelectorAll('iframe').length,
      frames: window.length,
    };
  }, OVERLAY_HOST);
  expect(seen.shadowRoot).toBeNull();
  expect(seen.children).toBe(0);
  expect(seen.iframes).toBe(0);
  expect(seen.frames).toBe(0);
  expect(seen.caught).toBe(0);
  expect(seen.serialized).toBe('');
  expect(seen.text).not.toContain(secret);
  expect(seen.text).not.toContain(`Found “${HIDDEN_ROW_ID}”`);

  // The page has no way to message the extension: externally_connectable matches nothing.
  const direct = await page.evaluate(async (id) => {
    const chromeGlobal = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }).chrome;
    if (typeof chromeGlobal?.runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage';
    try {
      return await chromeGlobal.runtime.sendMessage(id, { channel: 'mdi', type: 'token.get', payload: {} });
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, extensionId);
  expect(direct).toMatch(/^(no chrome\.runtime\.sendMessage|refused: )/);

  // Forged protocol messages posted to the window: the content script does not listen.
  const authCallsBefore = (await emulator.requests()).filter((request) => /\/auth\//.test(request.path)).length;
  const answers = await page.evaluate(async (origin) => {
    const received: unknown[] = [];
    window.addEventListener('message', (event) => received.push(event.data));
    for (const type of ['token.get', 'key.info', 'vault.exportBackup', 'overlay.hideOnSite']) {
      window.postMessage({ channel: 'mdi', type, payload: { profileId: 'x', origin } }, '*');
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return received.length;
  }, emulator.url);
  expect(answers).toBe(4); // only the page's own four messages: nothing answered them
  expect((await emulator.requests()).filter((request) => /\/auth\//.test(request.path)).length).toBe(authCallsBefore);
  await expect(page.locator(OVERLAY_HOST)).toHaveCount(1); // hideOnSite was not obeyed
  expect(await sendFromPage<{ overlayHiddenOrigins: string[] }>(options, 'state.get', {}).then((state) => (state as unknown as { settings: { overlayHiddenOrigins: string[] } }).settings.overlayHiddenOrigins)).toEqual([]);
});

test('from the content script, the background answers look-up, save and schema requests only, and never with a token', async ({ context, emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const { profileId } = await setUpUnlockedProfile(options, emulator);
  const token = (await sendFromPage<{ token: string }>(options, 'token.get', {})).token;
  const page = await context.newPage();
  await openDatasetPage(page, emulator);
  const world = await contentScriptWorld(page);

  const refused = {
    'token.get': {},
    'key.info': { profileId },
    'vault.unlock': { profileId, passphrase: TEST_PASSPHRASE },
    'vault.exportBackup': { profileId },
    'state.get': {},
    'curl.build': { dataset: DEMO_DATASET, id: 'C-100001' },
    'profiles.save': { input: {} },
    'settings.save': { overlayHiddenOrigins: [] },
    'history.list': {},
    'schema.addAttributes': { dataset: DEMO_DATASET, fields: { x: { data_type: 'STRING' } } },
  };
  for (const [type, payload] of Object.entries(refused)) {
    expect(await world.ask(type, payload), type).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  }

  const answers = [
    await world.ask('overlay.status', {}),
    await world.ask('schema.list', {}),
    await world.ask('lookup.record', { dataset: DEMO_DATASET, id: 'C-100001', callerId: 'probe' }),
  ];
  for (const answer of answers) {
    expect(answer).toMatchObject({ ok: true });
    const text = JSON.stringify(answer);
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // no JWT either
    expect(text).not.toMatch(/PRIVATE KEY|"token"|"pkcs8"/);
  }

  await world.cdp.detach();
});

test('record values are shown as text: HTML in a record runs nothing in the overlay', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openDatasetPage(page, emulator);
  const overlay = await openAndLookUp(page, HTML_RECORD_ID);
  const text = await overlay.panelText();
  expect(text).toContain('<img src=x onerror=alert(1)>');
  expect(text).toContain('<b>gold</b>');
  expect(await overlay.countInside('img, script, b, iframe, object')).toBe(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});

/** The parts of the extension API these tests use beyond tests/e2e/chrome-global.d.ts. */
interface MoreChrome {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  runtime: { connect(info: { name: string }): { postMessage(message: unknown): void; onMessage: { addListener(listener: (message: { type: string }) => void): void } } };
}

/** The auto-lock deadline the background has set, read in the service worker. */
async function autoLockAt(worker: Worker): Promise<number | null> {
  return worker.evaluate(async () => (await (globalThis as unknown as { chrome: MoreChrome }).chrome.alarms.get('auto-lock'))?.scheduledTime ?? null);
}

/** The page's own scripts (main world) dispatch the input a person would give. */
function forgeInput(page: Page, id: string) {
  return page.evaluate((pickedId) => {
    let made = document.getElementById('page-made-id');
    if (!made) {
      made = document.createElement('span');
      made.id = 'page-made-id';
      made.dataset.customerId = pickedId;
      made.textContent = pickedId;
      document.body.prepend(made);
    }
    const keys = { key: 'K', code: 'KeyK', altKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true };
    document.body.dispatchEvent(new KeyboardEvent('keydown', keys));
    made.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    made.dispatchEvent(new MouseEvent('click', { altKey: true, button: 0, bubbles: true, composed: true, cancelable: true }));
    const host = document.querySelector('mdi-overlay');
    host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    (document.elementFromPoint(innerWidth - 20, innerHeight / 2) as HTMLElement | null)?.click();
  }, id);
}

test('the page’s synthetic input opens nothing, looks nothing up and keeps no key unlocked', async ({ context, emulator, openExtensionPage, serviceWorker }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  await sendFromPage(options, 'settings.save', { autoLockMinutes: 5 });
  await options.close(); // nothing else is asking the background from here on
  const worker = await serviceWorker();
  // A new auto-lock time, written past the router: the next activity, whenever it comes,
  // reschedules the alarm at once (no 20 s throttle), so a single ping would show.
  await worker.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: MoreChrome }).chrome.storage.local;
    const { settings } = await storage.get('settings');
    await storage.set({ settings: { ...(settings as object), autoLockMinutes: 9 } });
  });
  const page = await context.newPage();
  await openDatasetPage(page, emulator);
  const overlay = await overlayDriver(page);
  await overlay.find('button', 'Monetate Data Inspector');
  const lockAt = await autoLockAt(worker);
  expect(lockAt).not.toBeNull();
  const getsBefore = lookupGets(await emulator.requests()).length;

  // Three rounds, as a page keeping a key awake would.
  for (let round = 0; round < 3; round++) {
    await forgeInput(page, 'C-100007');
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(1000);
  expect(await overlay.has('dialog', 'Monetate Data Inspector')).toBe(false);
  expect(overlayFrame(page)).toBeUndefined();
  expect(lookupGets(await emulator.requests()).length).toBe(getsBefore);
  expect(await autoLockAt(worker)).toBe(lockAt);

  // The same element, Alt+clicked by a person, is looked up; that is activity, and it counts.
  await page.locator('#page-made-id').click({ modifiers: ['Alt'] });
  await overlay.waitForText(/Found “C-100007”/);
  expect(lookupGets(await emulator.requests()).length).toBe(getsBefore + 1);
  await expect.poll(() => autoLockAt(worker)).toBeGreaterThan(Date.now() + 8 * 60_000);
});

/** The panel's iframe element as the page's own main world would hold it, had it a reference. */
async function frameElementInPageWorld(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type DomNode = { nodeName: string; backendNodeId: number; children?: DomNode[]; shadowRoots?: DomNode[]; contentDocument?: DomNode };
  const findIframe = (node: DomNode): DomNode | null => {
    if (node.nodeName === 'IFRAME') return node;
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
      const hit = findIframe(child);
      if (hit) return hit;
    }
    return null;
  };
  const iframe = findIframe(root as DomNode);
  if (!iframe) throw new Error('The overlay has no iframe.');
  // resolveNode without a context id resolves in the page's main world.
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: iframe.backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    returnByValue: true,
    functionDeclaration: `function () {
      let read;
      try { read = this.contentWindow.document.body.innerText; } catch (error) { read = 'blocked: ' + error.name; }
      return { contentDocument: this.contentDocument, read };
    }`,
  });
  await cdp.detach();
  return result.value as { contentDocument: unknown; read: string };
}

test('the page cannot change what the user types in the overlay’s edit form, nor read the form', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const page = await context.newPage();
  await openDatasetPage(page, emulator);
  const overlay = await openAndLookUp(page, SAMPLE_RECORD_ID);
  await overlay.click('button', 'Edit');
  await overlay.fill('textbox', 'first_name', 'Typed by me');

  // Focus is still in the field. The page's scripts try to type into whatever has it.
  const results = await page.evaluate(() => {
    const typed = [document.execCommand('insertText', false, ' and the page')];
    document.execCommand('selectAll');
    typed.push(document.execCommand('insertText', false, 'Page wrote this'));
    return typed;
  });
  expect(results).toEqual([false, false]);
  expect(await overlay.value('textbox', 'first_name')).toBe('Typed by me');

  // Even holding the iframe element, the page gets no document: it is another origin.
  expect(await frameElementInPageWorld(page)).toEqual({ contentDocument: null, read: 'blocked: SecurityError' });

  await overlay.click('button', 'Save');
  await overlay.waitForText(/Saved “C-100001”/);
  const stored = emulator.emulator.state.datasets.get(DEMO_DATASET)!.records.find((row) => row.customer_id === SAMPLE_RECORD_ID)!;
  expect(stored.first_name).toBe('Typed by me');
});

test('text copied in the overlay does not pass through the page', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const page = await context.newPage();
  await openDatasetPage(page, emulator);
  // The page listens for copies everywhere, and would even rewrite them.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { seenCopies: seen });
    const listen = (event: ClipboardEvent) => {
      seen.push(`${event.type}:${document.getSelection()?.toString() ?? ''}`);
      event.clipboardData?.setData('text/plain', 'page was here');
    };
    for (const type of ['copy', 'cut'] as const) {
      window.addEventListener(type, listen, true);
      document.addEventListener(type, listen, true);
    }
  });
  const overlay = await openAndLookUp(page, HIDDEN_ROW_ID);
  const record = emulator.emulator.state.datasets.get(DEMO_DATASET)!.records.find((row) => row.customer_id === HIDDEN_ROW_ID)!;
  const email = String(record.email);

  // The person selects the e-mail value and presses the copy keys.
  const cell = await overlay.box('cell', email);
  await page.mouse.click(cell.x + cell.width / 2, cell.y + cell.height / 2, { clickCount: 3 });
  const frame = overlayFrame(page);
  await frame?.evaluate(() => {
    const copied: string[] = [];
    Object.assign(window, { copiedHere: copied });
    document.addEventListener('copy', () => copied.push(document.getSelection()?.toString() ?? ''));
  });
  await page.keyboard.press('ControlOrMeta+C');
  await page.waitForTimeout(300);

  expect(await page.evaluate(() => (window as unknown as { seenCopies: string[] }).seenCopies)).toEqual([]);
  // The copy did happen, inside the overlay's own document.
  expect(frame).toBeDefined();
  expect(await frame!.evaluate(() => (window as unknown as { copiedHere: string[] }).copiedHere.join(''))).toContain(email);

  // The panel's own Copy buttons still reach the clipboard from inside the frame, past the page too.
  await overlay.click('button', 'Copy JSON');
  await overlay.waitForText(/Copied the record as JSON\./);
  expect(await overlay.panelText()).not.toMatch(/Could not copy/);
  expect(await page.evaluate(() => (window as unknown as { seenCopies: string[] }).seenCopies)).toEqual([]);
});

test('the overlay’s frame gets only what its content script gets from the background', async ({ context, emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const { profileId } = await setUpUnlockedProfile(options, emulator);
  const token = (await sendFromPage<{ token: string }>(options, 'token.get', {})).token;
  const page = await context.newPage();
  await openDatasetPage(page, emulator);
  const overlay = await overlayDriver(page);
  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.waitForText(/Profile Emulator/);
  const frame = await overlay.frame();
  // The frame is an extension page: its own scripts could message the background as any page
  // of ours does. The background answers by who the sender is, not what it says.
  const ask = (type: string, payload: unknown) => frame.evaluate(([t, p]) => chrome.runtime.sendMessage({ channel: 'mdi', type: t, payload: p }), [type, payload] as const);

  const refused = {
    'token.get': {},
    'key.info': { profileId },
    'vault.unlock': { profileId, passphrase: TEST_PASSPHRASE },
    'vault.lock': { profileId },
    'vault.exportBackup': { profileId },
    'vault.changePassphrase': { profileId, current: TEST_PASSPHRASE, next: 'another long passphrase here' },
    'state.get': {},
    'curl.build': { dataset: DEMO_DATASET, id: SAMPLE_RECORD_ID },
    'settings.save': { overlayHiddenOrigins: [] },
    'profiles.save': { input: {} },
    'history.list': {},
    'editlog.list': {},
  };
  for (const [type, payload] of Object.entries(refused)) {
    expect(await ask(type, payload), type).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  }
  // Not even "hide on this site" for the page it sits in: only the content script names its site.
  expect(await ask('overlay.hideOnSite', { origin: emulator.url })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });

  const answer = await ask('lookup.record', { dataset: DEMO_DATASET, id: SAMPLE_RECORD_ID, callerId: 'frame-probe' });
  expect(answer).toMatchObject({ ok: true });
  expect(JSON.stringify(answer)).not.toContain(token);

  // On the events port it hears the overlay's narrow status, never the app state.
  const firstEvent = await frame.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const port = (globalThis as unknown as { chrome: MoreChrome }).chrome.runtime.connect({ name: 'mdi-events' });
        port.onMessage.addListener((event: { type: string }) => resolve(event.type));
        port.postMessage({ hello: 'frame-probe-events' });
      }),
  );
  expect(firstEvent).toBe('overlay-status');
  expect(await sendFromPage(options, 'vault.lock', { profileId })).toBeNull(); // the options page still may
});
