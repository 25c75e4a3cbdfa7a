import path from 'node:path';
import { defineConfig } from 'wxt';
import { recolourLocalIcons } from './scripts/flavour-icons';
import { FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION, GECKO_ID, LOCAL_MODE, README_PAGE } from './utils/build-info';
import { LOOPBACK_HOSTNAMES, MATCH_PATTERNS, MONETATE_PLATFORM_ORIGIN } from './utils/hosts';

/**
 * Two flavours come out of one source tree, each for Chrome and Firefox (both Manifest V3):
 * - `production` (chrome-mv3, firefox-mv3): talks only to https://api.monetate.net and runs
 *   its overlay only on https://marketer.monetate.net.
 * - `emulator` mode, written to chrome-mv3-local (Vite forbids a mode named "local"): the same extension, also allowed on http://127.0.0.1 and
 *   http://localhost so it can use the emulator, with its overlay on the emulator's /platform/ pages only. Nothing localhost ever
 *   reaches a production build.
 * Every host comes from utils/hosts.ts, which the run-time checks use too.
 */

/** Icon sizes the stores and browsers ask for (toolbar 16/32, extensions page 48, store 128). */
const ICON_SIZES = [128, 48, 32, 16];
const iconPaths = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));

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
  // Firefox too gets Manifest V3: one manifest shape for both stores, and web-accessible
  // resources scoped to the pages that may frame them (MV2 would expose the overlay panel to
  // every site). `-b firefox` alone builds it; the scripts also pass --mv3 to say so.
  manifestVersion: 3,
  // The polyfill stays: the background's message router returns a Promise (see entrypoints/background/index.ts).
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // One drawn source; the module renders every size. Its own indicator only marks `wxt dev`
  // builds, so the local flavour is recoloured below (build:done).
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: ICON_SIZES, developmentIndicator: 'overlay' },
  // The Firefox sources zip is what AMO reviewers rebuild the package from (README, "Publishing"):
  // the extension's source, lockfile and build configuration, without tests, the emulator,
  // dev-only scripts or anything git ignores (dotfiles are left out by WXT already).
  zip: {
    excludeSources: [
      'tests/**',
      'emulator/**',
      'scripts/!(flavour-icons).ts',
      'test-results*/**',
      'playwright-report/**',
      '.output-*/**',
      '.tmp-*/**',
      'eslint.config.js',
      'vitest.config.ts',
      'playwright*.config.ts',
      '*.log',
    ],
  },
  manifest: ({ mode, browser }) => {
    const local = mode === LOCAL_MODE;
    const firefox = browser === 'firefox';
    return {
      name: 'Monetate Data Inspector',
      description:
        'Sign Monetate API tokens, look up, edit and create customer records, and evolve dataset schemas.',
      permissions: ['storage', 'contextMenus', 'alarms', ...(firefox ? [] : ['sidePanel'])],
      host_permissions: [MATCH_PATTERNS.monetateApi, ...(local ? MATCH_PATTERNS.loopback : [])],
      // Any other API host is asked for by name when a profile names it (options page).
      optional_host_permissions: [MATCH_PATTERNS.otherApiHosts],
      content_security_policy: { extension_pages: extensionPagesCsp(local) },
      // No web page and no other extension may message us.
      // (Firefox has no externally_connectable: no page or other extension can reach us there.)
      externally_connectable: firefox ? undefined : { ids: [], matches: [] },
      commands: {
        _execute_action: {
          suggested_key: { default: 'Alt+Shift+M' },
          description: 'Open quick look-up',
        },
      },
      // The overlay's panel iframe may be embedded by Monetate platform pages only. With
      // use_dynamic_url, Chrome serves it only at a per-session address that the content script
      // gets from runtime.getURL: a page cannot probe for it, or frame it itself, by its fixed URL.
      // Firefox has no use_dynamic_url: its extension addresses are random per install already.
      web_accessible_resources: [
        {
          resources: [OVERLAY_FRAME_PAGE],
          matches: [MATCH_PATTERNS.monetatePlatform, ...(local ? MATCH_PATTERNS.loopback : [])],
          ...(firefox ? {} : { use_dynamic_url: true }),
        },
      ],
      browser_specific_settings: firefox
        ? {
            gecko: {
              id: GECKO_ID,
              strict_min_version: FIREFOX_MIN_VERSION,
              // Firefox's consent taxonomy counts whatever leaves the browser, whoever receives
              // it. We send to the user's own Monetate account only (nothing to us or anyone
              // else): tokens signed with the user's key (authentication information) and the
              // customer records the user looks up and edits (identifying information).
              data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
          }
        : undefined,
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
      // auto-icons sets `icons` only; the toolbar button and Firefox's sidebar show the same.
      manifest.action = { ...manifest.action, default_icon: iconPaths };
      if (manifest.sidebar_action) manifest.sidebar_action.default_icon = iconPaths;
      if (wxt.config.mode !== LOCAL_MODE) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...new Set([...(script.matches ?? []), ...MATCH_PATTERNS.emulatorPlatform])];
      }
    },
    // The options page's About section links to the README; inside the package it works
    // offline and always matches the version installed.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: path.resolve(wxt.config.root, 'README.md'), relativeDest: README_PAGE });
    },
    // Runs after auto-icons wrote the icons (config hooks come after modules' hooks): the local
    // flavour gets an orange icon, so nobody mistakes it for the production one.
    'build:done': async (wxt) => {
      if (wxt.config.mode === LOCAL_MODE) await recolourLocalIcons(wxt.config.outDir, ICON_SIZES);
    },
  },
});

