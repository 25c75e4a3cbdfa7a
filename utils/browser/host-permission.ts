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
