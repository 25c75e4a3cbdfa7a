import type { CDPSession, Page } from '@playwright/test';
import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';
import { lookupFromPage, lookupGets } from '@/tests/e2e/lookup-helpers';

const PLATFORM_PAGE = `/platform/control/a-demo/p/demo.example/datasets/${DEMO_DATASET}`;

test('a Retry-After of a day holds the queue at most 5 minutes, the popup says why it waits, and Cancel ends the wait', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator, { defaultDataset: DEMO_DATASET });
  await emulator.admin('/__admin/faults', { target: 'lookup', kind: 'status', status: 429, retryAfter: '86400' });

  const popup = await openExtensionPage('popup');
  await expect(popup.getByRole('button', { name: 'Look up' })).toBeEnabled();
  await popup.getByLabel('Record ID').fill('C-100001');
  await popup.getByRole('button', { name: 'Look up' }).click();

  const queue = popup.getByLabel('Look-up queue');
  await expect(queue).toContainText(/“C-100001” is number 1 in the queue, about (5 minutes|4 minutes \d+ seconds) \(Monetate asked us to wait; we wait at most 5 minutes\)/);
  await queue.getByRole('button', { name: 'Cancel look-up of “C-100001”' }).click();
  await expect(popup.getByText('The look-up was cancelled.')).toBeVisible();
  await expect(queue).toHaveCount(0);
  expect(lookupGets(await emulator.requests())).toHaveLength(1);
});

/** The overlay content script's isolated world on a platform page, through DevTools. */
async function contentScriptWorld(page: Page): Promise<{ cdp: CDPSession; evaluate<T>(expression: string): Promise<T> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isOurs = (context: (typeof contexts)[number]) => context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://');
  await expect.poll(() => contexts.some(isOurs)).toBe(true);
  const world = contexts.find(isOurs)!;
  return {
    cdp,
    async evaluate<T>(expression: string) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value as T;
    },
  };
}

test('queue events reaching a content script carry only its own look-ups and a count, never the record IDs others look up', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator, { defaultDataset: DEMO_DATASET });
  const page = await context.newPage();
  await page.goto(`${emulator.url}${PLATFORM_PAGE}`);
  const world = await contentScriptWorld(page);
  // Listen on the content script's own events port, as the overlay does.
  await world.evaluate(`(() => {
    globalThis.__seenQueue = [];
    const port = chrome.runtime.connect({ name: 'mdi-events' });
    port.onMessage.addListener((message) => { if (message && message.type === 'queue') globalThis.__seenQueue.push(message); });
    port.postMessage({ hello: 'probe-caller' });
    return true;
  })()`);

  // The extension page makes a burst of look-ups; the first waits on a Retry-After.
  await emulator.admin('/__admin/faults', { target: 'lookup', kind: 'status', status: 429, retryAfter: '3' });
  const secretIds = ['C-100002', 'C-100003', 'C-100004'];
  const replies = secretIds.map((id) => lookupFromPage(options, { dataset: DEMO_DATASET, id, callerId: 'options-burst' }));
  // Wait until the content script has heard of the waiting look-ups, in whatever form.
  await expect.poll(() => world.evaluate<number>('globalThis.__seenQueue.filter((m) => m.others > 0 || m.waiting.length > 0).length')).toBeGreaterThan(0);
  for (const reply of await Promise.all(replies)) expect(reply).toMatchObject({ ok: true });

  const seen = await world.evaluate<Array<{ waiting: unknown[]; others: number }>>('globalThis.__seenQueue');
  expect(seen.length).toBeGreaterThan(0);
  for (const event of seen) expect(event.waiting).toEqual([]);
  expect(Math.max(...seen.map((event) => event.others))).toBeGreaterThanOrEqual(2);
  const text = JSON.stringify(seen);
  for (const id of secretIds) expect(text).not.toContain(id);
  await world.cdp.detach();
});
