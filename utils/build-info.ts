/**
 * Facts about the built package that the build configuration, the Firefox tests and the pages
 * share, defined once. Plain constants only: this module is also loaded by wxt.config.ts,
 * outside the browser.
 */

/**
 * The add-on's permanent Firefox id. AMO ties every update, every user's storage and every
 * granted permission to it, so it never changes. A fixed GUID rather than an email-style id:
 * an `@domain` id would imply a domain we do not own.
 */
export const GECKO_ID = '{6d7e4f0a-3b8c-4c21-9a57-2f1e8b9d4c63}';

/**
 * The oldest Firefox the Firefox package runs on: 140 is the first to read
 * `data_collection_permissions` (built-in data consent) and the current ESR line; everything
 * else we use (MV3 event pages, `storage.session`, `sidebarAction`, `menus`, optional host
 * permissions) is older.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android reads `data_collection_permissions` from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** The mode of the local flavour (Vite forbids a mode named "local"); its output ends in `-local`. */
export const LOCAL_MODE = 'emulator';

/** Which flavour a page runs in: `production` (Monetate only) or `local` (also the emulator). */
export type BuildFlavour = 'production' | 'local';

/**
 * The flavour of a build mode.
 * @example buildFlavour('emulator') // 'local'
 */
export function buildFlavour(mode: string): BuildFlavour {
  return mode === LOCAL_MODE ? 'local' : 'production';
}

/** The README, shipped inside the package as plain text so the About section can link to it. */
export const README_PAGE = 'README.txt';
