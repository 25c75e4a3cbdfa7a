import { browser, type Browser } from 'wxt/browser';
import { CONTENT_SCRIPT_REQUESTS, type RequestType } from '@/utils/messages/protocol';
import { isPlatformOrigin } from '@/utils/hosts';

/** Origins whose pages run the overlay. The local build adds loopback for the emulator's demo pages. */
export const isMonetatePlatformOrigin = isPlatformOrigin;

export type SenderKind = 'extension-page' | 'content-script' | 'refused';

/**
 * Who is asking. Extension pages (same origin as the extension) may ask anything; content
 * scripts only the look-up, save and schema requests, and only from Monetate platform pages.
 */
export function classifySender(
  sender: Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'origin' | 'tab'>,
  extensionId: string,
  extensionOrigin: string,
  localBuild: boolean,
): SenderKind {
  if (sender.id !== extensionId) return 'refused';
  const origin = sender.origin ?? originOf(sender.url);
  if (!origin) return 'refused';
  if (origin === extensionOrigin) return 'extension-page';
  if (sender.tab && isMonetatePlatformOrigin(origin, localBuild)) return 'content-script';
  return 'refused';
}

export function mayRequest(kind: SenderKind, type: RequestType): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return CONTENT_SCRIPT_REQUESTS.has(type);
  return false;
}

/**
 * The scheme and host of a URL. Read from the text because extension schemes
 * (chrome-extension:, moz-extension:) have no URL origin outside the browser itself.
 * @example originOf('chrome-extension://abc/popup.html') // 'chrome-extension://abc'
 */
export function originOf(url: string | undefined): string | null {
  const match = url ? /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(url) : null;
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** This extension's own origin, where its pages live. */
export function extensionOrigin(): string {
  return originOf(browser.runtime.getURL('/')) ?? '';
}
