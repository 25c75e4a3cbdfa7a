import type { Frame, Page } from '@playwright/test';
import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';
import { openImportPage } from '@/tests/e2e/import-helpers';
import { OVERLAY_HOST, overlayDriver } from '@/tests/e2e/overlay-driver';

const DATASETS = '/platform/control/a-demo/p/demo.example/datasets';

/** The size text inherits in this page, as the browser computed it (Chrome's own page CSS included). */
function bodyFontSize(target: Page | Frame): Promise<number> {
  return target.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
}

function bodyFontFamily(target: Page | Frame): Promise<string> {
  return target.evaluate(() => getComputedStyle(document.body).fontFamily);
}

/** The smallest computed size of any visible text in the page, and where it is. */
function smallestText(target: Page | Frame): Promise<{ size: number; text: string }> {
  return target.evaluate(() => {
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim() || element.getClientRects().length === 0) continue;
      if (element.closest('.mdi-visually-hidden, script, style')) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: node.textContent.trim().slice(0, 40) };
    }
    return smallest;
  });
}

// Chrome sets `body { font-size: 75% }` on extension pages: a size only on :root shows as 10.5 px.
test('text is at least 13 px in the system font on the popup, side panel, options, import page and overlay panel', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  await options.reload();
  await expect(options.getByRole('heading', { name: 'Profiles' })).toBeVisible();

  const popup = await openExtensionPage('popup');
  await expect(popup.getByLabel('Dataset')).toBeEnabled();
  const sidePanel = await openExtensionPage('sidepanel');
  await expect(sidePanel.getByLabel('Dataset')).toBeEnabled();
  const importPage = await openImportPage(openExtensionPage, emulator);

  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASETS}/${DEMO_DATASET}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.find('combobox', 'Dataset');
  const panel = await overlay.frame();

  const surfaces: Array<[string, Page | Frame]> = [
    ['popup', popup],
    ['side panel', sidePanel],
    ['options', options],
    ['import page', importPage],
    ['overlay panel', panel],
  ];
  for (const [name, target] of surfaces) {
    expect(await bodyFontSize(target), `${name} body font size`).toBeGreaterThanOrEqual(13);
    expect(await bodyFontFamily(target), `${name} body font family`).toMatch(/^system-ui\b/);
    // Hints, badges and labels are smaller than body text, never below 12 px.
    const smallest = await smallestText(target);
    expect(smallest.size, `${name}: smallest text “${smallest.text}”`).toBeGreaterThanOrEqual(12);
  }
  await overlay.detach();
});
