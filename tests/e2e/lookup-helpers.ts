import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { EmulatorRequest } from '@/tests/e2e/fixtures';

/** Record look-ups (`GET …/data/{schema}/?id=`) as the emulator logged them, oldest first. */
export function lookupGets(requests: EmulatorRequest[]): EmulatorRequest[] {
  return requests.filter((r) => r.method === 'GET' && /\/api\/data\/v1\/[^/]+\/production\/data\/[^/]+\/$/.test(r.path));
}

/** Gaps between consecutive arrivals, in ms. */
export function arrivalGaps(requests: EmulatorRequest[]): number[] {
  const times = requests.map((r) => r.arrivedAt).sort((a, b) => a - b);
  return times.slice(1).map((at, index) => at - (times[index] ?? at));
}

export interface LookupReply {
  ok: boolean;
  data?: { id: string; dataset: string; rows: Array<Record<string, unknown>>; idTrimmed: boolean; fromCache: boolean; fetchedAt: number };
  error?: { code: string; detail?: string };
  /** Times the page had to send again because the service worker went away under it. */
  resent: number;
}

/**
 * Sends `lookup.record` from an extension page and waits for the answer. Like the extension's
 * own store, it sends again when the service worker was stopped under the request (the
 * message channel closes without an answer); a restarted worker keeps the saved pace.
 */
export function lookupFromPage(page: Page, payload: { dataset: string; id: string; callerId: string; refresh?: boolean }): Promise<LookupReply> {
  return page.evaluate(async (body) => {
    for (let resent = 0; ; resent++) {
      try {
        const reply = (await chrome.runtime.sendMessage({ channel: 'mdi', type: 'lookup.record', payload: body })) as Omit<LookupReply, 'resent'> | undefined;
        if (reply) return { ...reply, resent };
      } catch {
        // The worker was stopped mid-request; fall through and send again.
      }
      if (resent >= 5) return { ok: false, error: { code: 'lost' }, resent };
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }, payload);
}

/**
 * Stops the extension's service worker the way Chrome does when it idles it, through the
 * DevTools protocol (`ServiceWorker.stopAllWorkers` on an extension page's session). Any page
 * message or open port wakes a fresh worker with empty memory.
 */
export async function stopServiceWorker(context: BrowserContext, extensionPage: Page): Promise<void> {
  const cdp = await context.newCDPSession(extensionPage);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The running service worker (a restarted one is a new Worker object). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  const live = context.serviceWorkers().at(-1);
  return live ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Runs the background's context-menu click handler ("Look up “…” in Monetate") for a tab, as
 * Chrome would on a click. Native menus cannot be clicked from Playwright; the local build
 * exposes the very handler `contextMenus.onClicked` calls to the service worker's own scope.
 */
export async function rightClickLookUp(
  context: BrowserContext,
  selectionText: string,
  tab: { id: number; windowId: number },
  options: { dataset?: string } = {},
): Promise<void> {
  const worker = await currentWorker(context);
  // Without a dataset: the menu's top item (the profile's default dataset); with one: its "in …" entry.
  const menuItemId = options.dataset === undefined ? 'mdi-lookup' : `mdi-lookup:${options.dataset}`;
  await worker.evaluate(
    ([text, target, item]) => {
      const hooks = (globalThis as unknown as { __mdiTestHooks?: { contextMenuClick(info: unknown, tab: unknown): void } }).__mdiTestHooks;
      if (!hooks) throw new Error('not the local build: no test hooks');
      hooks.contextMenuClick({ menuItemId: item, selectionText: text, editable: false, pageUrl: 'http://127.0.0.1/' }, target);
    },
    [selectionText, tab, menuItemId] as const,
  );
}

/** Tabs showing emulator (loopback) pages, with the ids the context-menu handler receives. */
export async function loopbackTabs(context: BrowserContext): Promise<Array<{ id: number; windowId: number; url: string }>> {
  const worker = await currentWorker(context);
  return worker.evaluate(async () => {
    const tabs = (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; windowId: number; url?: string }>> } } }).chrome.tabs.query({
      url: 'http://127.0.0.1/*',
    })) as Array<{ id: number; windowId: number; url?: string }>;
    return tabs.map((tab) => ({ id: tab.id, windowId: tab.windowId, url: tab.url ?? '' }));
  });
}
