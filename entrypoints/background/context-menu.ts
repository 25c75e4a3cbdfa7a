import { browser, type Browser } from 'wxt/browser';
import { openSidePanel } from '@/utils/browser/side-panel';
import { activeProfileIdItem, knownDatasetsItem, pendingShowItem, profilesItem } from '@/utils/storage/items';

const ROOT_ID = 'mdi-lookup';
const DATASET_PREFIX = 'mdi-lookup:';

/**
 * "Look up “%s” in Monetate" on selected text: straight to the profile's default dataset, or
 * a submenu of the datasets last seen for the active profile.
 */
export async function rebuildContextMenu(): Promise<void> {
  const [profiles, activeId, known] = await Promise.all([profilesItem.getValue(), activeProfileIdItem.getValue(), knownDatasetsItem.getValue()]);
  const profile = profiles.find((candidate) => candidate.id === activeId) ?? profiles[0];
  const datasets = profile ? (known[profile.id] ?? []) : [];
  await browser.contextMenus.removeAll();
  const title = 'Look up “%s” in Monetate';
  if (profile?.defaultDataset || datasets.length === 0) {
    browser.contextMenus.create({ id: ROOT_ID, title, contexts: ['selection'] });
    return;
  }
  browser.contextMenus.create({ id: ROOT_ID, title, contexts: ['selection'] });
  for (const dataset of datasets.slice(0, 30)) {
    browser.contextMenus.create({ id: `${DATASET_PREFIX}${dataset}`, parentId: ROOT_ID, title: `in ${dataset}`, contexts: ['selection'] });
  }
}

/**
 * Opens the side panel inside the click (Chrome requires the user's gesture, so nothing is
 * awaited before it), then hands it the record to show.
 */
export function onContextMenuClick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, announce: (schema: string, id: string) => void) {
  const menuId = String(info.menuItemId);
  if (menuId !== ROOT_ID && !menuId.startsWith(DATASET_PREFIX)) return;
  const id = (info.selectionText ?? '').trim();
  if (tab?.windowId !== undefined) void openSidePanel({ windowId: tab.windowId }).catch(() => undefined);
  void (async () => {
    let schema = menuId.startsWith(DATASET_PREFIX) ? menuId.slice(DATASET_PREFIX.length) : '';
    if (!schema) {
      const [profiles, activeId] = await Promise.all([profilesItem.getValue(), activeProfileIdItem.getValue()]);
      schema = (profiles.find((candidate) => candidate.id === activeId) ?? profiles[0])?.defaultDataset ?? '';
    }
    await pendingShowItem.setValue({ schema, id, at: Date.now() });
    announce(schema, id);
  })();
}
