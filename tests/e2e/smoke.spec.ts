import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@/tests/e2e/fixtures';

test('the extension loads and its service worker answers', async ({ serviceWorker, openExtensionPage }) => {
  const worker = await serviceWorker();
  expect(worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  const page = await openExtensionPage('options');
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ channel: 'mdi', type: 'state.get', payload: {} }));
  expect(reply).toMatchObject({ ok: true, data: { profiles: [], activeProfileId: null, localBuild: true } });
});

test('the popup, side panel and options pages render', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup');
  await expect(popup.getByRole('heading', { name: 'Monetate Data Inspector' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Set up a profile' })).toBeVisible();

  const panel = await openExtensionPage('sidepanel');
  await expect(panel.getByRole('heading', { name: 'Monetate Data Inspector' })).toBeVisible();
  await expect(panel.getByText('No profile yet.')).toBeVisible();

  const options = await openExtensionPage('options');
  await expect(options.getByRole('heading', { name: /options/ })).toBeVisible();
  await expect(options.getByLabel('API base URL')).toHaveValue('http://127.0.0.1:8790');
  await expect(options.getByLabel('Retailer shortname')).toBeVisible();
  await expect(options.getByLabel('API username')).toBeVisible();
});

test('unknown and malformed messages are refused at the background', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options');
  const unknown = await page.evaluate(() => chrome.runtime.sendMessage({ channel: 'mdi', type: 'vault.dump', payload: {} }));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'bad_message' } });
  const malformed = await page.evaluate(() => chrome.runtime.sendMessage({ channel: 'mdi', type: 'lookup.record', payload: { dataset: 7 } }));
  expect(malformed).toMatchObject({ ok: false, error: { code: 'bad_message' } });
});

test('the production build reaches only Monetate and never loopback', () => {
  const manifestText = readFileSync(path.resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json'), 'utf8');
  expect(manifestText).not.toMatch(/localhost|127\.0\.0\.1/);
  const manifest = JSON.parse(manifestText) as {
    host_permissions: string[];
    externally_connectable: unknown;
    content_scripts: Array<{ matches: string[] }>;
    commands: Record<string, { suggested_key?: { default?: string } }>;
    permissions: string[];
  };
  expect(manifest.host_permissions).toEqual(['https://api.monetate.net/*']);
  expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
  expect(manifest.content_scripts.flatMap((script) => script.matches)).toEqual(['https://marketer.monetate.net/*']);
  expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'contextMenus', 'sidePanel']));
  // The keyboard shortcut opens the popup, whose Record ID field takes the focus.
  expect(manifest.commands._execute_action?.suggested_key?.default).toBe('Alt+Shift+M');
});
