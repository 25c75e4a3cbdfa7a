import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@/tests/e2e/fixtures';

const ROOT = join(import.meta.dirname, '../..');
const LOCAL_DIR = process.env.MDI_EXTENSION_DIR ? join(ROOT, process.env.MDI_EXTENSION_DIR) : join(ROOT, '.output/chrome-mv3-local');
const PLATFORM_PAGE = '/platform/control/a-demo/p/demo.example/datasets';

interface Manifest {
  content_scripts: Array<{ matches: string[] }>;
  content_security_policy?: { extension_pages?: string };
  optional_host_permissions?: string[];
  host_permissions: string[];
}

/** Names of the extension content scripts' isolated worlds created in the page, through DevTools. */
async function watchContentScripts(page: Page): Promise<string[]> {
  const worlds: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    // Playwright makes isolated worlds of its own; an extension's world has the extension's origin.
    if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) worlds.push(context.name);
  });
  await cdp.send('Runtime.enable');
  return worlds;
}

test('the local build runs its content script on the emulator’s platform pages only, not on other loopback pages', async ({ context, emulator }) => {
  const manifest = JSON.parse(readFileSync(join(LOCAL_DIR, 'manifest.json'), 'utf8')) as Manifest;
  expect(manifest.content_scripts.flatMap((script) => script.matches).sort()).toEqual(
    ['http://127.0.0.1/platform/*', 'http://localhost/platform/*', 'https://marketer.monetate.net/*'].sort(),
  );

  const page = await context.newPage();
  const worlds = await watchContentScripts(page);
  for (const path of ['/settings/api-keys', '/', '/api/data/v1/demo/production/schema/']) {
    await page.goto(`${emulator.url}${path}`);
    await page.waitForLoadState('load');
  }
  await page.waitForTimeout(1000);
  expect(worlds, 'no content script on loopback pages that are not platform pages').toEqual([]);

  // Control: the same watcher does see the content script where it belongs.
  await page.goto(`${emulator.url}${PLATFORM_PAGE}`);
  await expect.poll(() => worlds).toContain('Monetate Data Inspector');
});

test('both builds declare a strict policy for extension pages and ask for other API hosts one by one', () => {
  for (const dir of [LOCAL_DIR, join(ROOT, '.output/chrome-mv3')]) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src'), dir).toEqual(["'self'"]);
    expect(directives.get('object-src'), dir).toEqual(["'self'"]);
    expect(directives.get('connect-src'), dir).not.toContain('*');
    expect(directives.get('connect-src'), dir).not.toContain('http:');
    expect(directives.get('frame-ancestors'), dir).toEqual(expect.arrayContaining(["'self'", 'https://marketer.monetate.net']));
    expect(manifest.optional_host_permissions, dir).toEqual(['https://*/*']);
    expect(manifest.host_permissions, dir).toContain('https://api.monetate.net/*');
  }
});

test('an extension page is held to that policy: a connection over plain http to another host is blocked by it', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const violation = await options.evaluate(async () => {
    const seen = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true }));
    await fetch('http://192.0.2.1/').catch(() => undefined);
    return Promise.race([seen, new Promise<string>((resolve) => setTimeout(() => resolve('no violation'), 3000))]);
  });
  expect(violation).toBe('connect-src');
});
