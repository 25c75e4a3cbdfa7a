import { DEMO_DATASET, DEMO_RETAILER, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { storedRows } from '@/tests/e2e/records-helpers';
import type { Frame, Page } from 'puppeteer-core';
import type { FirefoxSession } from '@/tests/support/firefox.ts';
import { byName, click, expect, find, sendFromPage, test, typeInto, visibleText, waitForText, type Emulator, type EmulatorRequest } from '@/tests/e2e-firefox/fixtures';

const USERNAME = 'api-e2e-firefox';
const PASSPHRASE = 'plum tractor seven lanterns';
const SECOND_ID = 'C-100002';
const DATA_PATH = `/api/data/v1/demo/production/data/${DEMO_DATASET}/`;

/** A profile for the emulator with a registered, unlocked key, made through the extension's own protocol. */
async function setUpThroughProtocol(firefox: FirefoxSession, emulator: Emulator): Promise<Page> {
  const options = await firefox.openExtensionPage('options');
  const profile = await sendFromPage<{ id: string }>(options, 'profiles.save', {
    input: { name: 'Emulator', baseUrl: emulator.url, retailer: DEMO_RETAILER, username: USERNAME, ttlSeconds: 3600, alg: 'RS256', readOnly: false, confirmWrites: false },
  });
  await sendFromPage(options, 'profiles.activate', { id: profile.id });
  const key = await sendFromPage<{ publicKeyPem: string }>(options, 'key.generate', { profileId: profile.id, bits: 2048, passphrase: PASSPHRASE });
  await emulator.admin('/__admin/api-keys', { username: USERNAME, publicKey: key.publicKeyPem });
  return options;
}

const authCalls = (log: EmulatorRequest[]) => log.filter((r) => r.path === '/api/auth/v0/refresh/');
const lookups = (log: EmulatorRequest[]) => log.filter((r) => r.method === 'GET' && r.path === DATA_PATH);
const posts = (log: EmulatorRequest[]) => log.filter((r) => r.method === 'POST' && r.path === DATA_PATH);

test('in Firefox: a profile, its key registered on the API Keys page, a token, spaced look-ups and an edit saved from the sidebar page', async ({
  firefox,
  emulator,
}) => {
  // The options page, as a person fills it in.
  const options = await firefox.openExtensionPage('options');
  await typeInto(options, byName('Profile name', 'textbox'), 'Emulator');
  await typeInto(options, byName('API base URL', 'textbox'), emulator.url);
  await typeInto(options, byName('Retailer shortname', 'textbox'), DEMO_RETAILER);
  await typeInto(options, byName('API username', 'textbox'), USERNAME);
  await click(options, byName('Save profile', 'button'));
  await find(options, byName('Emulator', 'button'));

  await typeInto(options, byName('New passphrase'), PASSPHRASE);
  await typeInto(options, byName('Confirm passphrase'), PASSPHRASE);
  await click(options, byName('Generate key pair', 'button'));
  const pemField = await find(options, byName('Public key (PEM)', 'textbox'));
  await options.waitForFunction((field) => (field as HTMLTextAreaElement).value.includes('-----BEGIN PUBLIC KEY-----'), { timeout: 60_000, polling: 200 }, pemField);
  const publicKeyPem = await pemField.evaluate((field) => (field as HTMLTextAreaElement).value);
  // The About section names the build.
  expect(await visibleText(options)).toMatch(/Monetate Data Inspector \d+\.\d+\.\d+, local build/);

  // Monetate's Settings → Sites → API Keys page (the emulator's copy), in a Firefox tab.
  const keysPage = await firefox.browser.newPage();
  await keysPage.goto(`${emulator.url}/settings/api-keys`, { waitUntil: 'domcontentloaded' });
  await typeInto(keysPage, byName('API username', 'textbox'), USERNAME);
  await typeInto(keysPage, byName('Public key (PEM)', 'textbox'), publicKeyPem);
  await click(keysPage, byName('CREATE PUBLIC KEY', 'button'));
  await waitForText(keysPage, `created for ${USERNAME}`);
  // The options page may already have asked for a token (for its dataset list) before the key was registered.
  const authBefore = authCalls(await emulator.requests()).length;

  // The popup (opened as a tab) gets a token signed by the key.
  const popup = await firefox.openExtensionPage('popup');
  await waitForText(popup, 'Unlocked');
  await click(popup, byName('Get token', 'button'));
  await waitForText(popup, 'New token received.');
  const auth = authCalls(await emulator.requests()).slice(authBefore);
  expect(auth.length).toBeGreaterThanOrEqual(1);
  for (const call of auth) expect(call).toMatchObject({ status: 200, username: USERNAME });

  // The sidebar's page and the popup look up at the same moment: the shared queue keeps them 1 s apart.
  const panel = await firefox.openExtensionPage('sidepanel');
  for (const [page, id] of [[popup, SECOND_ID], [panel, SAMPLE_RECORD_ID]] as const) {
    const dataset = await find(page, byName('Dataset', 'combobox'));
    await page.waitForFunction((select) => !(select as HTMLSelectElement).disabled && (select as HTMLSelectElement).options.length > 1, { polling: 200 }, dataset);
    await page.select(byName('Dataset', 'combobox'), DEMO_DATASET);
    await typeInto(page, byName('Record ID', 'textbox'), id);
  }
  const before = lookups(await emulator.requests()).length;
  await Promise.all([click(popup, byName('Look up', 'button')), click(panel, byName('Look up', 'button'))]);
  await waitForText(popup, `Found “${SECOND_ID}” in ${DEMO_DATASET}.`);
  await waitForText(panel, `Found “${SAMPLE_RECORD_ID}” in ${DEMO_DATASET}.`);
  const burst = lookups(await emulator.requests()).slice(before);
  expect(burst.map((r) => r.query.id).sort()).toEqual([SAMPLE_RECORD_ID, SECOND_ID]);
  expect(burst.every((r) => r.status === 200)).toBe(true);
  expect(Math.abs((burst[1]?.arrivedAt ?? 0) - (burst[0]?.arrivedAt ?? 0))).toBeGreaterThanOrEqual(1000);

  // An edit in the sidebar page, reviewed and saved: the emulator stores it.
  await click(panel, byName('Edit', 'button'));
  await typeInto(panel, byName('first_name', 'textbox'), 'Ada');
  await click(panel, byName('Review changes', 'button'));
  await click(panel, byName('Save', 'button'));
  await waitForText(panel, `Saved “${SAMPLE_RECORD_ID}”.`);
  const log = await emulator.requests();
  expect(posts(log).map((r) => r.status)).toEqual([201]);
  const [row] = await storedRows(emulator, DEMO_DATASET, SAMPLE_RECORD_ID);
  expect(row?.first_name).toBe('"Ada"');
  expect(row?.email).toBe('"ava.okafor0@example.com"');
  const arrivals = lookups(log).map((r) => r.arrivedAt).sort((a, b) => a - b);
  for (let i = 1; i < arrivals.length; i++) expect((arrivals[i] as number) - (arrivals[i - 1] as number)).toBeGreaterThanOrEqual(1000);
});

test('in Firefox: with the emulator’s host withheld, nothing is sent and Grant access brings it back', async ({ firefox, emulator }) => {
  const options = await setUpThroughProtocol(firefox, emulator);

  // What a person does in Firefox's add-on settings (Permissions → this site), done through the API.
  const withdrawn = await options.evaluate(() =>
    (globalThis as unknown as { browser: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } } }).browser.permissions.remove({
      origins: ['http://127.0.0.1/*'],
    }),
  );
  expect(withdrawn).toBe(true);
  await find(options, byName('Grant access', 'button'));
  // The options page may have asked for a token (for its dataset list) before access was withheld.
  const withheldAt = Date.now();
  const sinceWithheld = async () => authCalls(await emulator.requests()).filter((r) => r.arrivedAt > withheldAt);
  expect(await visibleText(options)).toContain('The browser has not given this extension access to 127.0.0.1');

  const popup = await firefox.openExtensionPage('popup');
  await find(popup, byName('Grant access', 'button'));
  await click(popup, byName('Get token', 'button'));
  await waitForText(popup, 'The browser has not given the extension access to 127.0.0.1');
  expect(await sinceWithheld()).toEqual([]);

  // Grant access, from the options page's button (a click: Firefox asks only inside a user gesture).
  await click(options, byName('Grant access', 'button'));
  await options.waitForFunction(() => !document.body.innerText.includes('has not given this extension access'), { polling: 200, timeout: 15_000 });
  await popup.waitForFunction(() => !document.body.innerText.includes('has not given this extension access'), { polling: 200, timeout: 15_000 });
  await click(popup, byName('Get token', 'button'));
  await waitForText(popup, 'New token received.');
  expect((await sinceWithheld()).map((r) => [r.status, r.username])).toEqual([[200, USERNAME]]);
});

test('in Firefox: the overlay on the emulator’s platform page opens its panel and looks a record up', async ({ firefox, emulator }) => {
  await setUpThroughProtocol(firefox, emulator);
  const page = await firefox.browser.newPage();
  await page.goto(`${emulator.url}/platform/`, { waitUntil: 'domcontentloaded' });
  await waitForText(page, 'Datasets');
  // The launcher sits in a closed shadow root; its keyboard shortcut opens the overlay.
  let panel: Frame | undefined;
  await expect
    .poll(
      async () => {
        await page.keyboard.down('Alt');
        await page.keyboard.down('Shift');
        await page.keyboard.press('KeyK');
        await page.keyboard.up('Shift');
        await page.keyboard.up('Alt');
        // Firefox reports the cross-origin panel frame as about:blank over BiDi; its own location says what it is.
        for (const frame of page.frames()) {
          const href = await frame.evaluate(() => location.href).catch(() => '');
          if (href.includes('/overlay-frame.html')) panel = frame;
        }
        return panel !== undefined;
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toBe(true);
  const frame = panel!;
  // The handshake worked (the panel is only shown after it): the profile and its lock state are there.
  await frame.waitForFunction(() => document.body.innerText.includes('Unlocked'), { polling: 200, timeout: 20_000 });
  const dataset = await frame.waitForSelector(byName('Dataset', 'combobox'));
  await frame.waitForFunction((select) => (select as HTMLSelectElement).options.length > 1, { polling: 200 }, dataset);
  await dataset!.select(DEMO_DATASET);
  const recordId = await frame.waitForSelector(byName('Record ID', 'textbox'));
  await recordId!.type(SAMPLE_RECORD_ID);
  await (await frame.waitForSelector(byName('Look up', 'button')))!.click();
  await frame.waitForFunction((text: string) => document.body.innerText.includes(text), { polling: 200, timeout: 30_000 }, `Found “${SAMPLE_RECORD_ID}” in ${DEMO_DATASET}.`);
  expect(lookups(await emulator.requests()).map((r) => [r.query.id, r.status])).toEqual([[SAMPLE_RECORD_ID, 200]]);
});
