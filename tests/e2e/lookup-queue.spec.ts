import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';
import { arrivalGaps, lookupFromPage, lookupGets, loopbackTabs, rightClickLookUp, stopServiceWorker, type LookupReply } from '@/tests/e2e/lookup-helpers';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `C-${100001 + from + i}`);

test('look-ups fired at once from popup, side panel and two tabs keep 1 s apart, all answered, across a service-worker restart', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator, { defaultDataset: DEMO_DATASET });
  const popup = await openExtensionPage('popup');
  const panel = await openExtensionPage('sidepanel');
  for (let i = 0; i < 2; i++) await (await context.newPage()).goto(`${emulator.url}/settings/api-keys`);
  const tabs = await loopbackTabs(context);
  expect(tabs).toHaveLength(2);
  await expect(popup.getByRole('button', { name: 'Look up' })).toBeEnabled();
  await expect(panel.getByRole('button', { name: 'Look up' })).toBeEnabled();
  const before = lookupGets(await emulator.requests()).length;

  const [popupUiId, menuA, menuB] = ids(0, 3);
  const popupIds = ids(3, 6);
  const panelIds = ids(9, 5);
  await popup.getByLabel('Record ID').fill(popupUiId!);

  // Everything at once: a click in the popup, right-clicks in two tabs, and more look-ups
  // from the popup and side panel pages.
  const replies: Array<Promise<LookupReply>> = [];
  await Promise.all([
    popup.getByRole('button', { name: 'Look up' }).click(),
    rightClickLookUp(context, `  ${menuA}\n`, tabs[0]!),
    rightClickLookUp(context, menuB!, tabs[1]!),
    ...popupIds.map((id) => replies.push(lookupFromPage(popup, { dataset: DEMO_DATASET, id, callerId: 'popup-burst' }))),
    ...panelIds.map((id) => replies.push(lookupFromPage(panel, { dataset: DEMO_DATASET, id, callerId: 'panel-burst' }))),
  ]);

  // Each waiting surface sees where its look-up stands.
  await expect(panel.getByLabel('Look-up queue')).toContainText(/is number \d+ in the queue, about \d+ s/);

  // Stop the service worker once a few look-ups went out; callers send again to a fresh one.
  await expect.poll(async () => lookupGets(await emulator.requests()).length - before, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
  await stopServiceWorker(context, options);

  const answered = await Promise.all(replies);
  // A look-up answers every row now (issue 9), not one record.
  for (const reply of answered) expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, data: { rows: [expect.any(Object)] } });
  expect(answered.some((reply) => reply.resent > 0)).toBe(true); // the restart really happened mid-burst
  await expect(popup.getByText(`Found “${popupUiId}” in ${DEMO_DATASET}.`)).toBeVisible({ timeout: 30_000 });
  // The side panel shows the last right-clicked ID.
  await expect(panel.getByText(`Found “${menuB}” in ${DEMO_DATASET}.`)).toBeVisible({ timeout: 30_000 });

  const gets = lookupGets(await emulator.requests()).slice(before);
  const arrived = new Set(gets.filter((r) => r.status === 200).map((r) => r.query.id));
  for (const id of [popupUiId, menuA, menuB, ...popupIds, ...panelIds]) expect(arrived, `${id} reached Monetate`).toContain(id);
  expect(gets.filter((r) => r.status === 429)).toEqual([]);
  const timeline = gets.map((r) => `${Math.round(r.arrivedAt - (gets[0]?.arrivedAt ?? 0))} ms ${r.query.id} ${r.status}`).join('\n');
  expect(Math.min(...arrivalGaps(gets)), timeline).toBeGreaterThanOrEqual(1000);
});

test('closing the popup drops the look-ups only it waited for; one the side panel shares still runs', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator, { defaultDataset: DEMO_DATASET });
  const popup = await openExtensionPage('popup');
  const panel = await openExtensionPage('sidepanel');
  await expect(popup.getByRole('button', { name: 'Look up' })).toBeEnabled();
  await expect(panel.getByRole('button', { name: 'Look up' })).toBeEnabled();

  // Three look-ups from the options page keep the queue busy for about three seconds.
  const fillers = ids(20, 3).map((id) => lookupFromPage(options, { dataset: DEMO_DATASET, id, callerId: 'options-filler' }));
  await expect.poll(async () => lookupGets(await emulator.requests()).length).toBe(1);

  const [shared, popupOnly] = ids(30, 2);
  // The popup's own quick look-up, and one more it waits for over its own connection.
  await popup.getByLabel('Record ID').fill(popupOnly!);
  await popup.getByRole('button', { name: 'Look up' }).click();
  void popup
    .evaluate(
      ([dataset, id]) => {
        const port = (chrome.runtime as unknown as { connect(info: { name: string }): { postMessage(m: unknown): void } }).connect({ name: 'mdi-events' });
        port.postMessage({ hello: 'popup-second-look-up' });
        return chrome.runtime.sendMessage({ channel: 'mdi', type: 'lookup.record', payload: { dataset, id, callerId: 'popup-second-look-up' } });
      },
      [DEMO_DATASET, shared!] as const,
    )
    .catch(() => undefined);
  // The side panel wants the shared one too.
  await panel.getByLabel('Record ID').fill(shared!);
  await panel.getByRole('button', { name: 'Look up' }).click();

  await expect(popup.getByLabel('Look-up queue')).toContainText(`“${popupOnly}” is number`);
  await expect(popup.getByLabel('Look-up queue')).toContainText(/about \d+ s/);
  await popup.close();

  for (const filler of await Promise.all(fillers)) expect(filler.ok).toBe(true);
  await expect(panel.getByText(`Found “${shared}” in ${DEMO_DATASET}.`)).toBeVisible({ timeout: 15_000 });
  await panel.waitForTimeout(2500); // long enough for the dropped one to have been sent
  const gets = lookupGets(await emulator.requests());
  expect(gets.map((r) => r.query.id)).not.toContain(popupOnly);
  expect(gets.filter((r) => r.query.id === shared)).toHaveLength(1);
  expect(Math.min(...arrivalGaps(gets))).toBeGreaterThanOrEqual(1000);
});
