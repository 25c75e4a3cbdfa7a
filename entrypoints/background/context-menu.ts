import { browser, type Browser } from 'wxt/browser';
import { openSidePanel } from '@/utils/browser/side-panel';
import { knownDatasetsItem, pendingShowItem } from '@/utils/storage/items';
import { runLookup } from '@/entrypoints/background/lookups';
import type { Services } from '@/entrypoints/background/services';

const ROOT_ID = 'mdi-lookup';
const DATASET_PREFIX = 'mdi-lookup:';
/** Longest record ID the protocol accepts; longer selections are not IDs. */
const MAX_ID_LENGTH = 512;

/**
 * "Look up “%s” in Monetate" on selected text: straight to the profile's default dataset, or
 * a submenu of the datasets last seen for the active profile. Rebuilds run one after another:
 * two overlapping ones would create duplicate ids.
 */
export function rebuildContextMenu(getServices: () => Services): Promise<void> {
  const services = getServices();
  return services.menuRebuilds(() => build(services));
}

async function build(services: Services): Promise<void> {
  const [active, known] = await Promise.all([services.profiles.activeChecked(), knownDatasetsItem.getValue()]);
  const profile = active?.problem === null ? active.profile : undefined;
  const datasets = profile ? (known[profile.id] ?? []) : [];
  await browser.contextMenus.removeAll();
  const title = 'Look up “%s” in Monetate';
  browser.contextMenus.create({ id: ROOT_ID, title, contexts: ['selection'] });
  if (profile?.defaultDataset || datasets.length === 0) return;
  for (const dataset of datasets.slice(0, 30)) {
    browser.contextMenus.create({ id: `${DATASET_PREFIX}${dataset}`, parentId: ROOT_ID, title: `in ${dataset}`, contexts: ['selection'] });
  }
}

/**
 * The right-click handler. It opens the side panel first, synchronously (Chrome only allows
 * that inside the user's gesture, so nothing is awaited before it), then queues the look-up
 * at once, so it holds its place in the shared queue while the panel loads, and tells the
 * panel what to show. The panel's own look-up of the same record joins this one (one request).
 * @example browser.contextMenus.onClicked.addListener(createContextMenuClickHandler(getServices));
 */
export function createContextMenuClickHandler(getServices: () => Services) {
  return function onContextMenuClick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void {
    const menuId = String(info.menuItemId);
    if (menuId !== ROOT_ID && !menuId.startsWith(DATASET_PREFIX)) return;
    if (tab?.windowId !== undefined) void openSidePanel({ windowId: tab.windowId }).catch(() => undefined);
    const id = (info.selectionText ?? '').trim();
    void (async () => {
      let dataset = menuId.startsWith(DATASET_PREFIX) ? menuId.slice(DATASET_PREFIX.length) : '';
      const services = getServices();
      if (!dataset) dataset = (await services.profiles.active().catch(() => undefined))?.defaultDataset ?? '';
      if (dataset && id && id.length <= MAX_ID_LENGTH) {
        // Errors (a locked key, no profile) reach the user through the panel's own look-up.
        void runLookup(services, { dataset, id, callerId: `tab-${tab?.id ?? 'none'}` }).catch(() => undefined);
      }
      await pendingShowItem.setValue({ dataset, id: id.slice(0, MAX_ID_LENGTH), at: Date.now() });
      services.registry.broadcast({ type: 'show-record', dataset, id }, 'trusted');
    })();
  };
}
