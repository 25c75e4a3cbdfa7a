import { test as base, expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startTestEmulator, type Emulator, type EmulatorRequest } from '@/tests/support/test-emulator.ts';
import { launchFirefoxWithExtension, type FirefoxSession } from '@/tests/support/firefox.ts';

export type { Emulator, EmulatorRequest };

/**
 * Every test gets a fresh emulator and a fresh Firefox profile with the local Firefox build
 * installed as a temporary add-on (see tests/support/firefox.ts).
 */
export const test = base.extend<{ emulator: Emulator; firefox: FirefoxSession }>({
  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = await startTestEmulator();
    await use(emulator);
    await emulator.close();
  },
  // eslint-disable-next-line no-empty-pattern
  firefox: async ({}, use) => {
    const session = await launchFirefoxWithExtension();
    await use(session);
    await session.browser.close();
  },
});

export { expect };

/**
 * An element by its accessible name (and role, where the name alone is ambiguous), as a person
 * finds it. Password fields have no ARIA role, so they go by name only.
 */
export function byName(name: string, role?: string): string {
  const quoted = JSON.stringify(name);
  return role ? `::-p-aria([name=${quoted}][role="${role}"])` : `::-p-aria(${name})`;
}

/** Waits for the element and returns it. */
export async function find(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const element = await page.waitForSelector(selector, { timeout: 15_000 });
  if (!element) throw new Error(`Not found: ${selector}`);
  return element;
}

/**
 * Replaces a field's text by typing, as a person does (Locator.fill timed out in Firefox over
 * BiDi; typing works).
 */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const field = await find(page, selector);
  await field.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await field.type(text);
}

export async function click(page: Page, selector: string): Promise<void> {
  await (await find(page, selector)).click();
}

/** Waits until the page's visible text contains `text`. */
export async function waitForText(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((wanted: string) => document.body.innerText.includes(wanted), { timeout, polling: 200 }, text);
}

/** The page's visible text. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Sends one protocol request from an extension page, as the extension's own UI would. */
export async function sendFromPage<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    (messageType: string, messagePayload: unknown) =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({
        channel: 'mdi',
        type: messageType,
        payload: messagePayload,
      }),
    type,
    payload,
  )) as { ok: boolean; data?: T; error?: { code: string; detail?: string } };
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error?.code} ${reply.error?.detail ?? ''}`);
  return reply.data as T;
}
