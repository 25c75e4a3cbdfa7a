import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { CHROMIUM_PATH, LOCAL_BUILD_DIR } from '@/tests/support/chromium.ts';
import { expect, sendFromPage, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';
import { OVERLAY_FRAME_PATH, OVERLAY_HOST, overlayDriver, overlayFrame } from '@/tests/e2e/overlay-driver';

const DATASET_PAGE = `/platform/control/a-demo/p/demo.example/datasets/${DEMO_DATASET}`;
const LAUNCHER = 'Monetate Data Inspector';

/** Every element of the page with its box, and the document's scroll size. */
function layoutOf(page: Page) {
  return page.evaluate(() => ({
    scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    boxes: [...document.querySelectorAll('body *')].map((element) => {
      const box = element.getBoundingClientRect();
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('data-platform-button') ? `[${element.getAttribute('data-platform-button')}]` : ''}`;
      return `${name} ${box.x},${box.y} ${box.width}x${box.height}`;
    }),
  }));
}

async function launcherSettings(page: Page) {
  return (await page.evaluate(() => chrome.storage.local.get('settings'))).settings as { launcherPosition?: { edge: string; offset: number }; overlayHiddenOrigins?: string[] } | undefined;
}

test('the launcher moves nothing on the page and covers none of its corner buttons', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const url = `${emulator.url}${DATASET_PAGE}`;

  // The same page in the same Chromium, without the extension.
  const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const plainPage = await plain.newPage({ viewport: { width: 1280, height: 800 } });
  await plainPage.goto(url);
  const without = await layoutOf(plainPage);
  await plain.close();

  const page = await context.newPage();
  await page.goto(url);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  await overlay.find('button', LAUNCHER);
  expect(await layoutOf(page)).toEqual(without);

  // The platform's corner buttons are still the topmost element where they are, and work.
  for (const name of ['Help', 'Account', 'Feedback', 'Save']) {
    const button = page.getByRole('button', { name, exact: true });
    const box = (await button.boundingBox())!;
    const launcher = await overlay.box('button', LAUNCHER);
    const overlapsLauncher = box.x < launcher.x + launcher.width && launcher.x < box.x + box.width && box.y < launcher.y + launcher.height && launcher.y < box.y + box.height;
    expect(overlapsLauncher, `${name} is under the launcher`).toBe(false);
    await button.click();
    await expect(page.locator('#platform-last-action')).toHaveText(`${name} clicked`);
  }

  // Opening the panel floats over the page; the page's own layout still does not move.
  const beforeOpening = await layoutOf(page);
  await overlay.click('button', LAUNCHER);
  await overlay.waitForText(/Profile Emulator/);
  expect(await layoutOf(page)).toEqual(beforeOpening);
});

test('drag the launcher to any edge: it stays there, on screen, until reset', async ({ context, emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  const start = await overlay.box('button', LAUNCHER);
  expect(start.x + start.width).toBeGreaterThan(1280 - 40); // the right edge by default

  // Drag towards the left edge, a third of the way down.
  await page.mouse.move(start.x + 16, start.y + 16);
  await page.mouse.down();
  await page.mouse.move(600, 300, { steps: 8 });
  await page.mouse.move(30, 260, { steps: 8 });
  await page.mouse.up();
  const dropped = await overlay.box('button', LAUNCHER);
  expect(dropped.x).toBeLessThan(10);
  expect(Math.abs(dropped.y - 244)).toBeLessThan(3);
  // A drag is not a click: the panel stayed closed.
  expect(await overlay.has('dialog', LAUNCHER)).toBe(false);
  await expect.poll(async () => (await launcherSettings(options))?.launcherPosition?.edge).toBe('left');

  // Remembered across pages.
  await page.reload();
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  await expect.poll(async () => (await overlay.box('button', LAUNCHER)).x).toBeLessThan(10);

  // A smaller window re-clamps it: always fully visible.
  await page.setViewportSize({ width: 420, height: 240 });
  await expect.poll(async () => {
    const box = await overlay.box('button', LAUNCHER);
    return box.x >= 0 && box.y >= 0 && box.x + box.width <= 420 && box.y + box.height <= 240;
  }).toBe(true);

  // The keyboard moves it too: Alt+Shift+Down puts it on the bottom edge.
  await page.setViewportSize({ width: 1280, height: 800 });
  await overlay.click('button', LAUNCHER); // opens the panel…
  await overlay.click('button', LAUNCHER); // …and closes it, leaving focus on the launcher
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(async () => (await overlay.box('button', LAUNCHER)).y).toBeGreaterThan(800 - 40);
  await expect.poll(async () => (await launcherSettings(options))?.launcherPosition?.edge).toBe('bottom');

  // "Reset launcher position" in the options page brings it back to the right edge.
  await sendFromPage(options, 'settings.save', { resetLauncherPosition: true });
  await page.reload();
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  await expect.poll(async () => (await overlay.box('button', LAUNCHER)).x).toBeGreaterThan(1280 - 40);
});

test('hide on this site: the launcher goes and stays gone until shown again in options', async ({ context, emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  await overlay.click('button', LAUNCHER);
  await overlay.click('button', 'Hide on this site');
  await expect(page.locator(OVERLAY_HOST)).toHaveCount(0);
  await expect.poll(async () => (await launcherSettings(options))?.overlayHiddenOrigins).toEqual([emulator.url]);

  await page.reload();
  await expect(page.locator('h1')).toHaveText(DEMO_DATASET);
  await page.waitForTimeout(1000);
  await expect(page.locator(OVERLAY_HOST)).toHaveCount(0);

  await options.reload();
  await options.getByRole('button', { name: `Show launcher on ${emulator.url}` }).click();
  await page.reload();
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
});

test('runs only on platform pages, loads the panel on first open, and leaves when the extension is updated', async ({ context, emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const page = await context.newPage();

  // The emulator's API Keys page is on the same origin but is not a platform page.
  await page.goto(`${emulator.url}/settings/api-keys`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  await expect(page.locator(OVERLAY_HOST)).toHaveCount(0);

  // The panel is an extension page in an iframe: count the times a frame loads it.
  const panelLoads: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame.url().startsWith('chrome-extension://') && new URL(frame.url()).pathname === OVERLAY_FRAME_PATH) panelLoads.push(frame.url());
  });
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  await overlay.find('button', LAUNCHER);
  await page.waitForTimeout(500);
  expect(panelLoads).toEqual([]);
  expect(overlayFrame(page)).toBeUndefined();
  await overlay.click('button', LAUNCHER);
  await overlay.waitForText(/Profile Emulator/);
  expect(panelLoads).toHaveLength(1);
  await overlay.click('button', 'Close overlay');
  await overlay.click('button', LAUNCHER);
  await overlay.waitForText(/Profile Emulator/);
  expect(panelLoads).toHaveLength(1);

  // An update (here a reload) orphans the content script: it removes itself.
  // (The options page goes with the old extension, so its evaluate does not return.)
  await options.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  await expect(page.locator(OVERLAY_HOST)).toHaveCount(0, { timeout: 10_000 });
  // The page itself is untouched and still works.
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await expect(page.locator('#platform-last-action')).toHaveText('Help clicked');
});

test('the page loads only the launcher at first; the panel page is web-accessible to platform pages only, at a dynamic address', () => {
  const manifest = JSON.parse(readFileSync(path.join(LOCAL_BUILD_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts: Array<{ matches: string[]; js: string[]; css?: string[] }>;
    web_accessible_resources: Array<{ resources: string[]; matches: string[]; use_dynamic_url?: boolean }>;
  };
  expect(manifest.content_scripts).toHaveLength(1);
  const [script] = manifest.content_scripts;
  expect(script!.css ?? []).toEqual([]);
  for (const file of script!.js) {
    const code = readFileSync(path.join(LOCAL_BUILD_DIR, file), 'utf8');
    expect(code).not.toMatch(/__REACT_DEVTOOLS_GLOBAL_HOOK__|react\.production|createRoot/);
  }
  // Only the frame's page: the scripts and styles it loads come from the extension's own origin.
  expect(manifest.web_accessible_resources).toEqual([
    { resources: ['overlay-frame.html'], matches: ['https://marketer.monetate.net/*', 'http://127.0.0.1/*', 'http://localhost/*'], use_dynamic_url: true },
  ]);

  // The production build beside it (npm test builds both) reaches the platform only.
  const productionDir = path.join(path.dirname(LOCAL_BUILD_DIR), 'chrome-mv3');
  expect(existsSync(path.join(productionDir, 'manifest.json')), 'run "npm run build" before the end-to-end tests').toBe(true);
  const production = JSON.parse(readFileSync(path.join(productionDir, 'manifest.json'), 'utf8')) as typeof manifest;
  expect(production.content_scripts.map((entry) => entry.matches)).toEqual([['https://marketer.monetate.net/*']]);
  expect(production.web_accessible_resources).toEqual([{ resources: ['overlay-frame.html'], matches: ['https://marketer.monetate.net/*'], use_dynamic_url: true }]);
});
