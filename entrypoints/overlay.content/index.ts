import { defineContentScript } from 'wxt/utils/define-content-script';
import { isOverlayPage } from '@/utils/platform/selectors';
import { MATCH_PATTERNS } from '@/utils/hosts';
import { startOverlay } from '@/entrypoints/overlay.content/overlay';

/**
 * The overlay on Monetate platform pages. This bundle is the launcher only (plain DOM, no
 * React): the panel is a separate module loaded the first time the overlay opens.
 */
export default defineContentScript({
  // The production match. The local build's wxt.config hook adds the emulator's /platform/ pages.
  matches: [MATCH_PATTERNS.monetatePlatform],
  runAt: 'document_idle',
  // Styles go into the shadow root as text; no stylesheet is added to the page.
  cssInjectionMode: 'manual',
  globalName: false,
  // WXT's legacy "script started" window.postMessage would reach the page's own listeners.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (!isOverlayPage(location.href, import.meta.env.MODE === 'emulator')) return;
    void startOverlay(ctx);
  },
});
