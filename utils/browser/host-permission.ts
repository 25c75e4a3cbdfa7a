import { browser } from 'wxt/browser';
import { hostPermissionPattern } from '@/utils/profiles/api-base-url';

/**
 * Asks the browser for one optional API host; its prompt names the host. Call it straight from
 * a click handler, before any other await: browsers show the prompt only inside a user gesture.
 * Resolves false when refused or unavailable.
 * @example if (!(await requestHostPermission('https://api.example.com'))) return;
 */
export async function requestHostPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [hostPermissionPattern(origin)] });
  } catch {
    return false;
  }
}

/**
 * Whether the browser lets the extension reach an API origin now. Firefox (MV3) lets people
 * withhold even the hosts the manifest names, and Chrome's site-access setting can too.
 * Resolves false when the browser cannot tell.
 * @example if (!(await hasHostPermission('https://api.monetate.net'))) showGrantButton();
 */
export async function hasHostPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [hostPermissionPattern(origin)] });
  } catch {
    return false;
  }
}

/**
 * Calls `onChange` whenever the extension gains or loses a permission (in its own pages or in
 * the browser's settings); returns the function that stops listening.
 */
export function onPermissionsChanged(onChange: () => void): () => void {
  const listener = () => onChange();
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}

/**
 * The host (and port) of an origin, as people read it.
 * @example hostOf('https://api.example.com:8443') // 'api.example.com:8443'
 */
export function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
