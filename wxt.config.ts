import { defineConfig } from 'wxt';
import { LOOPBACK_HOSTNAMES, MATCH_PATTERNS, MONETATE_PLATFORM_ORIGIN } from './utils/hosts';

/**
 * Three flavours come out of one source tree:
 * - `production` (chrome-mv3, firefox-mv2/3): talks only to https://api.monetate.net and runs
 *   its overlay only on https://marketer.monetate.net.
 * - `emulator` mode, written to chrome-mv3-local (Vite forbids a mode named "local"): the same extension, also allowed on http://127.0.0.1 and
 *   http://localhost so it can use the emulator, with its overlay on the emulator's /platform/ pages only. Nothing localhost ever
 *   reaches a production build.
 * Every host comes from utils/hosts.ts, which the run-time checks use too.
 */
const LOCAL_MODE = 'emulator';

/**
 * Extension pages (and the service worker) load only their own scripts, embed no plugins, connect
 * only over https (Monetate, or an API host the user granted) or, in the local build, to the
 * emulator, and may be framed only by themselves and the pages the overlay runs on (its panel is
 * an extension page in an iframe on them).
 */
function extensionPagesCsp(local: boolean): string {
  const loopbackOrigins = local ? LOOPBACK_HOSTNAMES.map((hostname) => `http://${hostname}:*`) : [];
  return [
    "script-src 'self'",
    "object-src 'self'",
    ["connect-src 'self' https:", ...loopbackOrigins].join(' '),
    ["frame-ancestors 'self'", MONETATE_PLATFORM_ORIGIN, ...loopbackOrigins].join(' '),
  ].join('; ');
}

/**
 * The overlay's panel (entrypoints/overlay-frame), an extension page the content script shows
 * in an iframe. Only the page itself must be web-accessible: the scripts and styles it loads
 * are loaded by the extension's own origin.
 */
const OVERLAY_FRAME_PAGE = 'overlay-frame.html';

export default defineConfig({
  // Parallel work (and parallel test runs) can build into separate folders.
  outDir: process.env.MDI_OUT_DIR ?? '.output',
  // Every file imports what it uses: no auto-imported globals (useState, storage, fakeBrowser…)
  // that would let a utils/ file use React unseen by tsc and the layering lint.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ mode, browser, manifestVersion }) => {
    const local = mode === LOCAL_MODE;
    return {
      name: 'Monetate Data Inspector',
      description:
        'Sign Monetate API tokens, look up, edit and create customer records, and evolve dataset schemas.',
      permissions: ['storage', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
      host_permissions: [MATCH_PATTERNS.monetateApi, ...(local ? MATCH_PATTERNS.loopback : [])],
      // Any other API host is asked for by name when a profile names it (options page); MV2 has
      // no separate key for optional hosts.
      ...(manifestVersion === 2
        ? { optional_permissions: [MATCH_PATTERNS.otherApiHosts] }
        : { optional_host_permissions: [MATCH_PATTERNS.otherApiHosts] }),
      content_security_policy: { extension_pages: extensionPagesCsp(local) },
      // No web page and no other extension may message us.
      externally_connectable: browser === 'firefox' ? undefined : { ids: [], matches: [] },
      // Named commands, handled in entrypoints/background/commands.ts. Not `_execute_action`:
      // Chrome's shortcuts page lists that one as "Activate the extension", ignoring its description.
      commands: {
        'open-quick-lookup': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Open quick look-up (the toolbar popup)' },
        'toggle-overlay': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open the Monetate overlay on this page' },
      },
      // The overlay's panel iframe may be embedded by Monetate platform pages only. With
      // use_dynamic_url, Chrome serves it only at a per-session address that the content script
      // gets from runtime.getURL: a page cannot probe for it, or frame it itself, by its fixed URL.
      // (MV2 has neither matches nor dynamic URLs; Firefox's extension addresses are random per install.)
      web_accessible_resources:
        manifestVersion === 2
          ? [OVERLAY_FRAME_PAGE]
          : [{ resources: [OVERLAY_FRAME_PAGE], matches: [MATCH_PATTERNS.monetatePlatform, ...(local ? MATCH_PATTERNS.loopback : [])], use_dynamic_url: true }],
      browser_specific_settings:
        browser === 'firefox' ? { gecko: { id: 'data-inspector@monetate-tools.invalid' } } : undefined,
    };
  },
  hooks: {
    // WXT defines process.env.NODE_ENV as the mode in single-entry (content script, unlisted
    // script) builds; in the local flavour that is "emulator", which would ship React's
    // development build in the overlay panel. The local flavour is the production code.
    'vite:build:extendConfig': (_entrypoints, viteConfig) => {
      if (viteConfig.mode !== LOCAL_MODE) return;
      viteConfig.define = { ...viteConfig.define, 'process.env.NODE_ENV': JSON.stringify('production') };
    },
    'config:resolved': (wxt) => {
      if (wxt.config.mode === LOCAL_MODE) {
        wxt.config.outDir = wxt.config.outDir.replace(/-emulator$/, '-local');
      }
    },
    // Content scripts declare the production match; the local flavour adds the emulator's
    // platform pages (only those: not its API, its API Keys page or any other loopback page).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== LOCAL_MODE) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...new Set([...(script.matches ?? []), ...MATCH_PATTERNS.emulatorPlatform])];
      }
    },
  },
});

