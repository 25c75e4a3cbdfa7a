import type { CDPSession, Page } from '@playwright/test';
import { expect } from '@/tests/e2e/fixtures';

/** The content script's own isolated world, found through DevTools. */
export async function contentScriptWorld(page: Page): Promise<{ cdp: CDPSession; ask(type: string, payload: unknown): Promise<unknown> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((context) => context.auxData?.type === 'isolated' && context.name === 'Monetate Data Inspector')).toBe(true);
  const world = contexts.find((context) => context.auxData?.type === 'isolated' && context.name === 'Monetate Data Inspector')!;
  return {
    cdp,
    async ask(type, payload) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression: `chrome.runtime.sendMessage(${JSON.stringify({ channel: 'mdi', type, payload })})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value;
    },
  };
}
