import { browser } from 'wxt/browser';

/** The toolbar button's API: `action` in MV3, `browserAction` in Firefox's MV2. */
export interface ToolbarAction {
  openPopup?(): Promise<void>;
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * The toolbar button of this browser, or null where it has none.
 * @example await toolbarAction()?.setBadgeText({ text: '3' });
 */
export function toolbarAction(): ToolbarAction | null {
  const api = browser as unknown as { action?: ToolbarAction; browserAction?: ToolbarAction };
  return api.action ?? api.browserAction ?? null;
}
