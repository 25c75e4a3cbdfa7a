import { browser, type Browser } from 'wxt/browser';
import { CONTENT_SCRIPT_REQUESTS, type RequestType } from '@/utils/messages/protocol';
import { OVERLAY_FRAME_PATH } from '@/utils/messages/overlay-frame';
import { isPlatformOrigin } from '@/utils/hosts';
import { originOf } from '@/utils/messages/origin';

export { originOf };

/** Origins whose pages run the overlay. The local build adds loopback for the emulator's demo pages. */
const isMonetatePlatformOrigin = isPlatformOrigin;

/**
 * - `extension-page`: popup, side panel, options, import: may ask anything.
 * - `overlay-frame`: the overlay's panel page (`/overlay-frame.html`). It is an extension page
 *   (extension origin), but it lives inside a Monetate page's tab, so it gets exactly what the
 *   overlay's content script gets, wherever it is loaded.
 * - `content-script`: the overlay on a Monetate platform page.
 */
export type SenderKind = 'extension-page' | 'overlay-frame' | 'content-script' | 'refused';

type SenderFields = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'origin' | 'tab' | 'frameId'>;

/**
 * Who is asking. Extension pages (same origin as the extension) may ask anything, except the
 * overlay's frame page; the frame and content scripts only the look-up, save and schema
 * requests, and content scripts only from Monetate platform pages.
 */
export function classifySender(sender: SenderFields, extensionId: string, extensionOrigin: string, localBuild: boolean): SenderKind {
  if (sender.id !== extensionId) return 'refused';
  const origin = sender.origin ?? originOf(sender.url);
  if (!origin) return 'refused';
  if (origin === extensionOrigin) return isOverlayFrame(sender, extensionOrigin) ? 'overlay-frame' : 'extension-page';
  if (sender.tab && isMonetatePlatformOrigin(origin, localBuild)) return 'content-script';
  return 'refused';
}

export function mayRequest(kind: SenderKind, type: RequestType): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script' || kind === 'overlay-frame') return CONTENT_SCRIPT_REQUESTS.has(type);
  return false;
}

/**
 * What a surface on the events port hears: extension pages the full app state, the overlay
 * (its content script and its frame) only the overlay's narrow status; anyone else is dropped.
 */
export function eventsAudience(sender: SenderFields | undefined, extensionId: string, extensionOrigin: string, localBuild: boolean): 'trusted' | 'content' | null {
  if (!sender || sender.id !== extensionId) return null;
  const origin = sender.origin ?? originOf(sender.url);
  if (!origin) return null;
  if (origin === extensionOrigin) return isOverlayFrame(sender, extensionOrigin) ? 'content' : 'trusted';
  return isMonetatePlatformOrigin(origin, localBuild) ? 'content' : null;
}

/**
 * An extension document that is the overlay's frame page, or that sits in a subframe of a tab:
 * the only extension document ever framed in a tab is the overlay's, so whatever its URL says,
 * it gets the overlay's message set. (Popup and side panel have no tab; the options page is
 * its tab's top frame.)
 */
function isOverlayFrame(sender: SenderFields, extensionOrigin: string): boolean {
  if (sender.tab && typeof sender.frameId === 'number' && sender.frameId !== 0) return true;
  return isOverlayFrameUrl(sender.url, extensionOrigin);
}

/**
 * True for the overlay's frame page, whatever its fragment or query.
 * @example isOverlayFrameUrl('chrome-extension://abc/overlay-frame.html#n0nce', 'chrome-extension://abc') // true
 */
function isOverlayFrameUrl(url: string | undefined, extensionOrigin: string): boolean {
  if (!url || originOf(url) !== extensionOrigin) return false;
  const rawPath = url.slice(extensionOrigin.length).split(/[?#]/, 1)[0] ?? '';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return true; // a path no page of ours has: the narrow set
  }
  // The browser finds the file after decoding and collapsing slashes; compare the same way,
  // so no other spelling of the frame's address passes for a full extension page.
  return path.replace(/\/{2,}/g, '/').toLowerCase() === OVERLAY_FRAME_PATH;
}

/** This extension's own origin, where its pages live. */
export function extensionOrigin(): string {
  return originOf(browser.runtime.getURL('/')) ?? '';
}
