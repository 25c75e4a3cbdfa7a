import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/**
 * Opens the side panel. Chrome only allows this inside the user's gesture, so call it
 * synchronously from a click handler, before any `await`.
 * @example button.onclick = () => openSidePanel(windowId);
 */
export function openSidePanel(target: { windowId?: number; tabId?: number }): Promise<void> {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction };
  if (api.sidePanel) return api.sidePanel.open(target);
  if (api.sidebarAction) return api.sidebarAction.open();
  return Promise.reject(new Error('This browser has no side panel.'));
}
