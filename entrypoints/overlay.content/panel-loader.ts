import { browser } from 'wxt/browser';
import { OVERLAY_PANEL_KEY, type MountOverlayPanel } from '@/components/overlay/contract';

/** The panel bundle (entrypoints/overlay-panel), web-accessible to platform pages only. */
export const PANEL_SCRIPT = '/overlay-panel.js';

let loading: Promise<MountOverlayPanel> | undefined;

/**
 * Loads the React panel once, on first open. A dynamic import() from a content script runs the
 * module in the content script's isolated world (not the page's), where it leaves its mount
 * function on the isolated global; the page cannot see either.
 */
export function loadPanel(): Promise<MountOverlayPanel> {
  loading ??= (async () => {
    await import(/* @vite-ignore */ browser.runtime.getURL(PANEL_SCRIPT));
    const mount = (globalThis as unknown as Record<string, unknown>)[OVERLAY_PANEL_KEY];
    if (typeof mount !== 'function') throw new Error('the overlay panel did not register');
    return mount as MountOverlayPanel;
  })();
  // A failed load (e.g. the extension was just updated) may be retried on the next open.
  loading.catch(() => (loading = undefined));
  return loading;
}
