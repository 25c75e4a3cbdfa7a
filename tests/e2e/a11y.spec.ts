import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Frame, Page } from '@playwright/test';
import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';
import { chooseFile, csvFile, openImportPage } from '@/tests/e2e/import-helpers';
import { OVERLAY_HOST, overlayDriver } from '@/tests/e2e/overlay-driver';
import { lookUpIn, openSurface } from '@/tests/e2e/records-helpers';

/**
 * axe-core on every surface and state, in the OS's light and dark scheme: 0 violations of any
 * impact (WCAG 2.x A/AA and axe's best practices). Each test names its states; each state is a
 * step, so a failure says where.
 */

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const DATASETS = '/platform/control/a-demo/p/demo.example/datasets';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

function describe(violations: AxeResults['violations']): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');
}

/** Runs axe on a whole extension page and expects nothing. */
async function expectAccessible(page: Page, state: string, scheme: Scheme): Promise<void> {
  await test.step(state, async () => {
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await expectBackground(page, scheme);
    // Animations and the live countdown settle before axe reads colours.
    await page.waitForTimeout(100);
    // A11Y_SHOTS=<folder> keeps a screenshot of every state, for reviewing the pages by eye.
    if (process.env.A11Y_SHOTS) await page.screenshot({ path: `${process.env.A11Y_SHOTS}/${state.replace(/\W+/g, '-')}-${scheme}.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id), `${state}:\n${describe(violations)}`).toEqual([]);
  });
}

/**
 * Runs axe inside a frame axe cannot reach from its page: the overlay's panel sits in a closed
 * shadow root, so axe is loaded into the panel's own document.
 */
async function expectAccessibleFrame(frame: Frame, state: string, scheme: Scheme): Promise<void> {
  await test.step(state, async () => {
    expect(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await expectBackground(frame, scheme);
    await frame.evaluate(axe.source);
    const violations = (await frame.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document).then((r) => r.violations))) as AxeResults['violations'];
    expect(violations.map((v) => v.id), `${state}:\n${describe(violations)}`).toEqual([]);
  });
}

async function inScheme(page: Page, scheme: Scheme): Promise<Page> {
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** The page's own background follows the scheme (so axe checked the colours a person sees). */
async function expectBackground(target: Page | Frame, scheme: Scheme): Promise<void> {
  const channels = await target.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
  const lightness = channels.reduce((sum, channel) => sum + channel, 0) / 3;
  if (scheme === 'dark') expect(lightness, `body background rgb(${channels.join(', ')})`).toBeLessThan(64);
  else expect(lightness, `body background rgb(${channels.join(', ')})`).toBeGreaterThan(192);
}

for (const scheme of SCHEMES) {
  test(`popup (${scheme}): no profile yet; unlocked with no look-up; a record result with the JWT open; a queued look-up; locked`, async ({ openExtensionPage, emulator }) => {
    const fresh = await inScheme(await openExtensionPage('popup'), scheme);
    await expect(fresh.getByRole('button', { name: 'Set up a profile' })).toBeVisible();
    await expectAccessible(fresh, 'popup with no profile yet', scheme);
    await fresh.close();

    const popup = await inScheme(await openSurface(openExtensionPage, emulator, 'popup'), scheme);
    await popup.setViewportSize({ width: 400, height: 600 });
    await expectAccessible(popup, 'popup unlocked with no look-up yet', scheme);

    await lookUpIn(popup, DEMO_DATASET, SAMPLE_RECORD_ID);
    await expect(popup.getByLabel('Record summary')).toContainText(SAMPLE_RECORD_ID);
    await popup.getByRole('button', { name: 'Get token' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'New token received.' })).toBeVisible();
    await popup.getByText('Last signed JWT (header and claims)').click();
    await expect(popup.getByLabel('Last signed JWT header and claims')).toBeVisible();
    await expectAccessible(popup, 'popup with a record result and the JWT open', scheme);

    // Monetate asks to wait a day: the look-up stays in the queue, with its Cancel.
    await emulator.admin('/__admin/faults', { target: 'lookup', kind: 'status', status: 429, retryAfter: '86400' });
    await lookUpIn(popup, DEMO_DATASET, 'C-100002');
    const queue = popup.getByLabel('Look-up queue');
    await expect(queue).toContainText('“C-100002” is number 1 in the queue');
    await expectAccessible(popup, 'popup with a look-up waiting in the queue', scheme);
    await queue.getByRole('button', { name: 'Cancel look-up of “C-100002”' }).click();
    await expect(queue).toHaveCount(0);

    await popup.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(popup.getByLabel('Passphrase')).toBeVisible();
    await expectAccessible(popup, 'popup locked', scheme);
  });

  test(`side panel (${scheme}): a record; the edit form; the review; the edit log and history; not found; an error`, async ({ openExtensionPage, emulator }) => {
    const panel = await inScheme(await openSurface(openExtensionPage, emulator, 'sidepanel'), scheme);
    await panel.setViewportSize({ width: 400, height: 800 });
    await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
    await expect(panel.getByRole('table', { name: `Record in ${DEMO_DATASET}` })).toBeVisible();
    await expectAccessible(panel, 'side panel with a record', scheme);

    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    await panel.getByLabel('first_name', { exact: true }).fill('Ada');
    await expectAccessible(panel, 'side panel with the edit form open', scheme);

    await panel.getByRole('button', { name: 'Review changes' }).click();
    await expect(panel.getByRole('region', { name: 'Review changes' })).toBeVisible();
    await expectAccessible(panel, 'side panel with the review shown', scheme);

    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”.`, { exact: false })).toBeVisible();
    await panel.getByText('Edit log', { exact: true }).click();
    await panel.getByText('Look-up history', { exact: true }).click();
    await expect(panel.getByRole('table', { name: 'Writes, newest first' })).toBeVisible();
    await panel.getByText(`Schema of ${DEMO_DATASET}`, { exact: true }).click();
    await expectAccessible(panel, 'side panel with the edit log, history and schema open', scheme);

    await lookUpIn(panel, DEMO_DATASET, 'C-NOBODY-HERE');
    await expect(panel.getByText(/^Not found: no record “C-NOBODY-HERE”/)).toBeVisible();
    await expectAccessible(panel, 'side panel with a not-found result', scheme);

    await emulator.admin('/__admin/faults', { target: 'lookup', kind: 'status', status: 403 });
    await lookUpIn(panel, DEMO_DATASET, 'C-100002');
    await expect(panel.getByRole('alert').first()).toBeVisible();
    await expectAccessible(panel, 'side panel with an error', scheme);
  });

  test(`options (${scheme}): no profile yet; profiles, key and settings`, async ({ openExtensionPage, emulator }) => {
    const fresh = await inScheme(await openExtensionPage('options'), scheme);
    await expect(fresh.getByRole('form', { name: 'New profile' })).toBeVisible();
    await expectAccessible(fresh, 'options page with no profile yet', scheme);

    await setUpUnlockedProfile(fresh, emulator);
    await fresh.reload();
    await expect(fresh.getByRole('list', { name: 'Profiles' })).toBeVisible();
    await expect(fresh.getByRole('region', { name: /^Key for / })).toBeVisible();
    await fresh.getByText('Import a profile from an encrypted backup').click();
    await expectAccessible(fresh, 'options page with profiles, key and settings', scheme);
  });

  test(`import page (${scheme}): empty; a file chosen with its mapping shown`, async ({ openExtensionPage, emulator }) => {
    const page = await inScheme(await openImportPage(openExtensionPage, emulator), scheme);
    await expectAccessible(page, 'import page, empty', scheme);

    await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
    await chooseFile(page, 'customers.csv', csvFile(5, { 3: { orders_count: 'many' } }));
    await expect(page.getByRole('table').first()).toBeVisible();
    await expect(page.getByText(/row/i).first()).toBeVisible();
    await expectAccessible(page, 'import page with a file chosen and its mapping shown', scheme);
  });

  test(`overlay panel (${scheme}): open on a platform page; with a record; with the edit form open`, async ({ context, emulator, openExtensionPage }) => {
    await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
    const page = await inScheme(await context.newPage(), scheme);
    await page.goto(`${emulator.url}${DATASETS}/${DEMO_DATASET}`);
    await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
    const overlay = await overlayDriver(page);
    await overlay.click('button', 'Monetate Data Inspector');
    await overlay.find('combobox', 'Dataset');
    const frame = await overlay.frame();
    await expectAccessibleFrame(frame, 'overlay panel open on a platform page', scheme);

    await overlay.fill('textbox', 'Record ID', SAMPLE_RECORD_ID);
    await overlay.click('button', 'Look up');
    await overlay.waitForText(new RegExp(`Found “${SAMPLE_RECORD_ID}”`));
    await expectAccessibleFrame(frame, 'overlay panel with a record', scheme);

    await overlay.click('button', 'Edit');
    await overlay.find('textbox', 'first_name');
    await expectAccessibleFrame(frame, 'overlay panel with the edit form open', scheme);
    await overlay.detach();
  });
}
