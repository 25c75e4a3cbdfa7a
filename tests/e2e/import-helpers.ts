import type { Page } from '@playwright/test';
import { expect, setUpUnlockedProfile, type Emulator } from '@/tests/e2e/fixtures';

/** Every field of the demo dataset customer_attributes, in schema order. */
export const ALL_COLUMNS = ['customer_id', 'email', 'first_name', 'loyalty_tier', 'lifetime_value', 'orders_count', 'is_subscribed', 'last_purchase_at', 'favorite_categories', 'notes'];

/** One valid row of customer_attributes, as CSV cells, for row number `n`. */
export function csvCells(n: number): string[] {
  return [`C-IMP-${String(n).padStart(5, '0')}`, `p${n}@example.com`, `Name ${n}`, n % 2 ? 'gold' : 'silver', `${n}.5`, String(n % 17), n % 3 ? 'true' : 'FALSE', '2025-03-01T10:00:00Z', '"shoes,hats"', `note ${n}`];
}

/** A CSV of `count` rows, with the cells of some rows replaced to make them wrong. */
export function csvFile(count: number, bad: Record<number, Partial<Record<string, string>>> = {}, columns = ALL_COLUMNS): string {
  const lines = [columns.join(',')];
  for (let n = 1; n <= count; n++) {
    const cells = csvCells(n);
    const byName: Record<string, string> = Object.fromEntries(ALL_COLUMNS.map((c, i) => [c, cells[i]!]));
    Object.assign(byName, bad[n] ?? {});
    lines.push(columns.map((c) => byName[c]).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** POSTs of data in the emulator's log, with their row counts. */
export async function dataPosts(emulator: Emulator): Promise<Array<{ status: number; rowCount?: number; dropped?: boolean }>> {
  return (await emulator.requests()).filter((r) => r.method === 'POST' && /\/data\/[^/]+\/$/.test(r.path) && !r.path.includes('/schema/')) as never;
}

/** A profile set up and unlocked, then the import page open in its own tab. */
export async function openImportPage(openExtensionPage: (name: 'options') => Promise<Page>, emulator: Emulator, options: { confirmWrites?: boolean } = {}): Promise<Page> {
  const setup = await openExtensionPage('options');
  await setUpUnlockedProfile(setup, emulator, { name: 'Import test', ...options });
  const opened = setup.context().waitForEvent('page');
  await setup.getByRole('button', { name: 'Import file…' }).click();
  const page = await opened;
  if (process.env.DEBUG_IMPORT) page.on('console', (m) => console.log('PAGE', m.type(), m.text())).on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await page.waitForLoadState();
  await expect(page.getByLabel('Dataset')).toBeEnabled();
  await expect(page.getByLabel('Dataset').locator('option', { hasText: 'customer_attributes' })).toHaveCount(1);
  await setup.close();
  return page;
}

/** Chooses a file by the "File to import" input, from text. */
export async function chooseFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.getByLabel('File to import').setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: typeof text === 'string' ? Buffer.from(text) : text });
}

/** Every stored row of an ID in the emulator. */
export async function stored(emulator: Emulator, dataset: string, id: string): Promise<Array<Record<string, unknown>>> {
  return (await emulator.admin<{ rows: Array<Record<string, unknown>> }>(`/__admin/records?dataset=${encodeURIComponent(dataset)}&id=${encodeURIComponent(id)}`)).rows;
}
