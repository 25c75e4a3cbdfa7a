import { browser, type Browser } from 'wxt/browser';
import { toolbarAction } from '@/utils/browser/toolbar-action';
import { COMMANDS, TOGGLE_OVERLAY_MESSAGE } from '@/utils/platform/shortcut';

/**
 * The keyboard commands (manifest `commands`, remappable by the user in the browser):
 * "open quick look-up" opens the toolbar popup; "toggle overlay" tells the active tab's overlay
 * to open or close. Only a tab whose page runs the overlay listens; anywhere else the message
 * finds no one and nothing happens.
 * @example browser.commands.onCommand.addListener(createCommandHandler());
 */
export function createCommandHandler() {
  return function onCommand(command: string, tab?: Browser.tabs.Tab): void {
    if (command === COMMANDS.openQuickLookup) {
      // Called inside the key press: the browser allows opening the popup for it.
      void toolbarAction()?.openPopup?.().catch(() => undefined);
      return;
    }
    if (command === COMMANDS.toggleOverlay) void toggleOverlay(tab);
  };
}

async function toggleOverlay(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []))[0]?.id;
  if (tabId === undefined) return;
  // The top frame only: that is where the overlay lives. A page without it has no listener.
  await browser.tabs.sendMessage(tabId, TOGGLE_OVERLAY_MESSAGE, { frameId: 0 }).catch(() => undefined);
}
