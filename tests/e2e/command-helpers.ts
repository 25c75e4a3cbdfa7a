import type { BrowserContext } from '@playwright/test';
import { currentWorker } from '@/tests/e2e/lookup-helpers';

/**
 * Presses a browser command (manifest `commands`) for a tab, as the browser does on its key:
 * browser shortcuts cannot be pressed from Playwright, so the local build's background exposes
 * the very handler `commands.onCommand` calls, in the service worker's own scope.
 */
export async function pressCommand(context: BrowserContext, command: string, tab: { id: number; windowId: number }): Promise<void> {
  const worker = await currentWorker(context);
  await worker.evaluate(
    ([name, target]) => {
      const hooks = (globalThis as unknown as { __mdiTestHooks?: { command(name: string, tab: unknown): void } }).__mdiTestHooks;
      if (!hooks) throw new Error('not the local build: no test hooks');
      hooks.command(name, target);
    },
    [command, tab] as const,
  );
}
