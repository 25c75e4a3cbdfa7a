import type { Page } from '@playwright/test';
import { DEMO_DATASET, HTML_RECORD_ID } from '../../emulator/demo-data.ts';
import { expect, sendFromPage, setUpUnlockedProfile, TEST_PASSPHRASE, test } from './fixtures';
import { OVERLAY_HOST, overlayDriver } from './overlay-driver';
import { contentScriptWorld } from './content-script-world';

const DATASET_PAGE = `/platform/control/a-demo/p/demo.example/datasets/${DEMO_DATASET}`;
/** Not among the 20 rows the platform page lists, so its values appear only in the overlay. */
const HIDDEN_ROW_ID = 'C-100050';

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
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
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
    };
  }, OVERLAY_HOST);
  expect(seen.shadowRoot).toBeNull();
  expect(seen.children).toBe(0);
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
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const world = await contentScriptWorld(page);

  const refused = {
    'token.get': {},
    'key.info': { profileId },
    'vault.unlock': { profileId, passphrase: TEST_PASSPHRASE },
    'vault.exportBackup': { profileId },
    'state.get': {},
    'curl.build': { schema: DEMO_DATASET, id: 'C-100001' },
    'profiles.save': { input: {} },
    'settings.save': { overlayHiddenOrigins: [] },
    'history.list': {},
    'schema.addAttributes': { schema: DEMO_DATASET, fields: { x: { data_type: 'STRING' } } },
  };
  for (const [type, payload] of Object.entries(refused)) {
    expect(await world.ask(type, payload), type).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  }

  const answers = [
    await world.ask('overlay.status', {}),
    await world.ask('schema.list', {}),
    await world.ask('lookup.record', { schema: DEMO_DATASET, id: 'C-100001', callerId: 'probe' }),
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
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await openAndLookUp(page, HTML_RECORD_ID);
  const text = await overlay.panelText();
  expect(text).toContain('<img src=x onerror=alert(1)>');
  expect(text).toContain('<b>gold</b>');
  expect(await overlay.countInside('img, script, b, iframe, object')).toBe(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});
