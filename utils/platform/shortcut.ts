/**
 * The browser commands (manifest `commands`), listed where people see and remap their keys
 * (chrome://extensions/shortcuts, Firefox's "Manage Extension Shortcuts"). The suggested keys
 * are only defaults: a person may change or remove them.
 */
export const COMMANDS = {
  /** Opens and closes the overlay on a Monetate platform page. */
  toggleOverlay: 'toggle-overlay',
  /** Opens the toolbar popup (quick look-up). A named command, not `_execute_action`: Chrome lists that one as "Activate the extension", whatever its description. */
  openQuickLookup: 'open-quick-lookup',
} as const;

/** The overlay command's suggested key: Alt+Shift+K (Option+Shift+K on a Mac). */
export const OVERLAY_SHORTCUT_LABEL = 'Alt+Shift+K';
/** The quick look-up command's suggested key. */
export const QUICK_LOOKUP_SHORTCUT_LABEL = 'Alt+Shift+M';

/** What the background sends the active tab's overlay when its command is pressed. */
export interface ToggleOverlayMessage {
  channel: 'mdi-overlay';
  type: 'toggle';
}

/** The one message the overlay's content script takes from the background. */
export const TOGGLE_OVERLAY_MESSAGE: ToggleOverlayMessage = { channel: 'mdi-overlay', type: 'toggle' };

/**
 * True for the background's "toggle the overlay" message, from this extension's own background
 * (no tab: a content script or page of ours has one). Anything else is ignored.
 * @example isToggleOverlayMessage({ channel: 'mdi-overlay', type: 'toggle' }, { id: browser.runtime.id }, browser.runtime.id) // true
 */
export function isToggleOverlayMessage(message: unknown, sender: { id?: string; tab?: unknown }, extensionId: string): boolean {
  if (sender.id !== extensionId || sender.tab !== undefined) return false;
  const candidate = message as Partial<ToggleOverlayMessage> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.channel === 'mdi-overlay' && candidate.type === 'toggle';
}

/**
 * Alt+Shift+Arrow moves the focused launcher to that edge: the keyboard way to drag it.
 * @example edgeForArrow({ key: 'ArrowLeft', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false }) // 'left'
 */
export function edgeForArrow(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): 'left' | 'right' | 'top' | 'bottom' | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'top';
    case 'ArrowDown':
      return 'bottom';
    default:
      return null;
  }
}
