import type { Browser } from 'wxt/browser';
import { CONTENT_SCRIPT_REQUESTS, type RequestType } from '@/utils/messages/protocol';

/** Origins whose pages run the overlay. The local build adds loopback for the emulator's demo pages. */
export function isMonetatePlatformOrigin(origin: string, localBuild: boolean): boolean {
  if (origin === 'https://marketer.monetate.net') return true;
  if (!localBuild) return false;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  } catch {
    return false;
  }
}

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
  const origin = sender.origin ?? safeOrigin(sender.url);
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

function safeOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
