import type { Locator, Page } from '@playwright/test';
import { parseExactJson, stringifyExactJson } from '@/utils/monetate/exact-json.ts';
import { expect, setUpUnlockedProfile, type Emulator, type EmulatorRequest } from '@/tests/e2e/fixtures';

type OpenPage = (name: 'popup' | 'options' | 'sidepanel') => Promise<Page>;

/** A profile set up through the protocol, then a surface as a person sees it, datasets loaded. */
export async function openSurface(openExtensionPage: OpenPage, emulator: Emulator, name: 'popup' | 'sidepanel', options: Parameters<typeof setUpUnlockedProfile>[2] = {}) {
  const setup = await openExtensionPage('options');
  await setUpUnlockedProfile(setup, emulator, options);
  await setup.close();
  const page = await openExtensionPage(name);
  await expect(page.getByLabel('Dataset')).toBeEnabled();
  return page;
}

/** Picks a dataset, types an ID exactly as given (spaces too) and looks it up. */
export async function lookUpIn(page: Page, dataset: string, id: string) {
  await page.getByLabel('Dataset').selectOption(dataset);
  await page.getByLabel('Record ID').fill(id);
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
}

/** The value cell of one field in the single-record table of a surface. */
export function shownValue(page: Page, dataset: string, field: string): Locator {
  return page
    .getByRole('table', { name: `Record in ${dataset}` })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: field, exact: true }) })
    .getByRole('cell')
    .nth(1);
}

/** The body rows of the every-row table of a surface. */
export function rowsTable(page: Page, dataset: string, id: string): Locator {
  return page.getByRole('table', { name: `Rows of “${id}” in ${dataset}` }).locator('tbody').getByRole('row');
}

/**
 * Sends raw JSON text to an admin endpoint, so a number beyond 2^53 reaches the emulator as
 * written (the fixture's `admin` goes through JSON.stringify, which cannot express it).
 */
export async function adminRaw(emulator: Emulator, path: string, jsonText: string): Promise<unknown> {
  const response = await fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: jsonText });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/**
 * Every stored row of an ID, each field as the exact JSON text the emulator holds: what the
 * tests compare field by field, so a rounded number or a reformatted date shows.
 */
export async function storedRows(emulator: Emulator, dataset: string, id: string): Promise<Array<Record<string, string>>> {
  const response = await fetch(`${emulator.url}/__admin/records?${new URLSearchParams({ dataset, id })}`);
  if (!response.ok) throw new Error(`/__admin/records: ${response.status} ${await response.text()}`);
  const { rows } = parseExactJson(await response.text()) as { rows: Array<Record<string, unknown>> };
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, stringifyExactJson(value)])));
}

/** `POST …/data/{dataset}/` requests as the emulator logged them. */
export function dataPosts(log: EmulatorRequest[], dataset: string): EmulatorRequest[] {
  return log.filter((r) => r.method === 'POST' && r.path === `/api/data/v1/demo/production/data/${encodeURIComponent(dataset)}/`);
}
