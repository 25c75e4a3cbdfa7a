import type { Locator, Page } from '@playwright/test';
import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, test } from '@/tests/e2e/fixtures';
import { lookUpIn, openSurface, shownValue } from '@/tests/e2e/records-helpers';

/** Chrome caps an extension popup at 600 px tall; what is below is cut off. */
const POPUP_MAX_HEIGHT = 600;

/** True when the page scrolls sideways: something is wider than the panel. */
function scrollsSideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

/** How many lines the text of an element is laid out on (distinct line tops of its content). */
function lineCount(value: Locator): Promise<number> {
  return value.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
  });
}

/** The height the popup's content needs, which Chrome gives the popup window (up to 600 px). */
function contentHeight(page: Page): Promise<number> {
  return page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
}

for (const width of [360, 320]) {
  test(`at ${width} px the side panel shows a record, its review, the schema and the edit log without scrolling sideways or splitting words`, async ({
    openExtensionPage,
    emulator,
  }) => {
    const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
    await panel.setViewportSize({ width, height: 800 });
    await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
    const email = shownValue(panel, DEMO_DATASET, 'email').locator('.mdi-value');
    await expect(email).toHaveText(/^[\w.]+@example\.com$/);

    const wide = await scrollsSideways(panel);
    expect(wide.scrollWidth, 'side panel with a record scrolls sideways').toBeLessThanOrEqual(wide.clientWidth);
    // An address and an ISO date read whole, on one line each.
    expect(await lineCount(email), 'the e-mail address is split over lines').toBe(1);
    const date = shownValue(panel, DEMO_DATASET, 'last_purchase_at').locator('.mdi-value');
    await expect(date).toHaveText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await lineCount(date), 'the ISO date is split over lines').toBe(1);

    // The review of an edit: before and after of a long value, still inside the panel.
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    await panel.getByLabel('email', { exact: true }).fill('mateo.patel-long-address-for-review@example.com');
    await panel.getByLabel('first_name', { exact: true }).fill('Mateo');
    await panel.getByRole('button', { name: 'Review changes' }).click();
    const review = panel.getByRole('region', { name: 'Review changes' }).getByRole('table');
    await expect(review).toBeVisible();
    const reviewWidth = await scrollsSideways(panel);
    expect(reviewWidth.scrollWidth, 'side panel with the review scrolls sideways').toBeLessThanOrEqual(reviewWidth.clientWidth);
    expect(await lineCount(review.getByText('mateo.patel-long-address-for-review@example.com'))).toBeLessThanOrEqual(2);

    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”.`, { exact: false })).toBeVisible();
    await panel.getByText('Edit log', { exact: true }).click();
    await panel.getByText('Look-up history', { exact: true }).click();
    await panel.getByText(`Schema of ${DEMO_DATASET}`, { exact: true }).click();
    // Field names in the schema table are names: whole, not cut at the panel's edge.
    const fieldName = panel.getByRole('cell', { name: 'favorite_categories', exact: true });
    await expect(fieldName).toBeVisible();
    expect(await lineCount(fieldName)).toBe(1);
    const log = panel.getByRole('region', { name: 'Edit log' });
    await expect(log.getByRole('table', { name: 'Writes, newest first' }).getByRole('row')).toHaveCount(2);
    await expect(panel.getByRole('region', { name: 'Look-up history' }).getByRole('button', { name: `Look up ${SAMPLE_RECORD_ID} in ${DEMO_DATASET} again` })).toBeVisible();
    const logWidth = await scrollsSideways(panel);
    expect(logWidth.scrollWidth, 'side panel with the edit log scrolls sideways').toBeLessThanOrEqual(logWidth.clientWidth);
    // The write's date and time stay together on one line.
    const when = log.getByRole('row').nth(1).getByRole('cell').first();
    expect(await lineCount(when)).toBe(1);
  });
}

test('the popup with a record and the last JWT open fits in Chrome’s 600 px', async ({ openExtensionPage, emulator }) => {
  const popup = await openSurface(openExtensionPage, emulator, 'popup');
  // A popup window is as wide as its content; a short viewport makes the page report its own height.
  const width = await popup.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().width));
  await popup.setViewportSize({ width, height: 300 });
  await lookUpIn(popup, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expect(popup.getByLabel('Record summary')).toContainText(SAMPLE_RECORD_ID);
  await expect(popup.getByText(/^and \d+ more fields$/)).toBeVisible();
  // A fresh token as well, so its "New token received." line is counted too.
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'New token received.' })).toBeVisible();
  await popup.getByText('Last signed JWT (header and claims)').click();
  await expect(popup.getByLabel('Last signed JWT header and claims')).toBeVisible();

  expect(await contentHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
  const wide = await scrollsSideways(popup);
  expect(wide.scrollWidth).toBeLessThanOrEqual(wide.clientWidth);
  // Nothing of the decoded JWT is hidden: it is whole JSON in the box.
  const decoded = JSON.parse((await popup.getByLabel('Last signed JWT header and claims').textContent())!) as { claims: Record<string, unknown> };
  expect(Object.keys(decoded.claims).sort()).toEqual(['iat', 'username']);
});
