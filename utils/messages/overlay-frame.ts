/**
 * The overlay's second, smaller protocol: between the content script on a Monetate page and
 * the extension page it shows in an iframe (`/overlay-frame.html`, the panel).
 *
 * Trust boundary: the page shares its window with the content script, so anything posted with
 * `window.postMessage` between the two could come from the page and would reach the page. So
 * the only window message is one handshake, content script → frame, posted to the frame's own
 * window (the page never sees it) and carrying a MessagePort plus a nonce the content script put
 * in the frame's URL fragment (the iframe sits in a closed shadow root: the page cannot read its
 * address). Everything after goes over that MessagePort, which only the two ends hold.
 *
 * The set is deliberately tiny: open/close/focus/size, the page's dataset and a clicked ID,
 * and "hide on this site". Record data, tokens and keys never cross it: the frame asks the
 * background for those itself, and the background gives it only what it gives a content script.
 */

/** The frame page's path, as `browser.runtime.getURL` and the background's sender check see it. */
export const OVERLAY_FRAME_PATH = '/overlay-frame.html';

/** The handshake's `type`, namespaced so no other message on the window is taken for it. */
export const FRAME_CONNECT = 'mdi-overlay-frame:connect';

const NONCE = /^[A-Za-z0-9_-]{22,64}$/;
const MAX_DATASET = 64;
const MAX_RECORD_ID = 512;

/** Content script → frame, over the port. */
export type ToFrameMessage =
  | { type: 'focus' }
  | { type: 'page-dataset'; dataset: string | null }
  | { type: 'show-record'; dataset: string | null; id: string }
  | { type: 'hide-failed'; code: string; detail?: string };

/** Frame → content script, over the port. */
export type FromFrameMessage =
  | { type: 'ready'; nonce: string }
  | { type: 'close' }
  | { type: 'size'; height: number }
  | { type: 'hide-on-site' };

// Written out by hand rather than with zod: the content script loads on every platform page
// and should not carry a schema library for four small shapes.
type Plain = Record<string, unknown>;

/** A plain object with exactly these keys (some optional), or null. */
function shaped(data: unknown, required: string[], optional: string[] = []): Plain | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  // A plain object of any realm: in Firefox a content script's MessagePort delivers data made
  // in the page's compartment, whose Object.prototype is not the content script's own.
  const proto: unknown = Object.getPrototypeOf(data);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return null;
  const keys = Object.keys(data);
  if (!required.every((key) => keys.includes(key))) return null;
  if (!keys.every((key) => required.includes(key) || optional.includes(key))) return null;
  return data as Plain;
}

const isNonce = (value: unknown): value is string => typeof value === 'string' && NONCE.test(value);
const isString = (value: unknown, max: number, min = 1): value is string => typeof value === 'string' && value.length >= min && value.length <= max;
const isDataset = (value: unknown): value is string | null => value === null || (isString(value, MAX_DATASET) && value.trim() === value);

/** A message for the frame, or null for anything else (dropped, never thrown). */
export function parseToFrame(data: unknown): ToFrameMessage | null {
  const type = shaped(data, ['type'], ['dataset', 'id', 'code', 'detail'])?.type;
  switch (type) {
    case 'focus':
      return shaped(data, ['type']) ? { type } : null;
    case 'page-dataset': {
      const message = shaped(data, ['type', 'dataset']);
      return message && isDataset(message.dataset) ? { type, dataset: message.dataset } : null;
    }
    case 'show-record': {
      const message = shaped(data, ['type', 'dataset', 'id']);
      return message && isDataset(message.dataset) && isString(message.id, MAX_RECORD_ID) ? { type, dataset: message.dataset, id: message.id } : null;
    }
    case 'hide-failed': {
      const message = shaped(data, ['type', 'code'], ['detail']);
      if (!message || !isString(message.code, 64)) return null;
      if (message.detail !== undefined && !isString(message.detail, 500, 0)) return null;
      return { type, code: message.code, ...(message.detail !== undefined ? { detail: message.detail as string } : {}) };
    }
    default:
      return null;
  }
}

/** A message from the frame, or null for anything else. */
export function parseFromFrame(data: unknown): FromFrameMessage | null {
  const type = shaped(data, ['type'], ['nonce', 'height'])?.type;
  switch (type) {
    case 'ready': {
      const message = shaped(data, ['type', 'nonce']);
      return message && isNonce(message.nonce) ? { type, nonce: message.nonce } : null;
    }
    case 'close':
    case 'hide-on-site':
      return shaped(data, ['type']) ? { type } : null;
    case 'size': {
      const height = shaped(data, ['type', 'height'])?.height;
      return typeof height === 'number' && Number.isFinite(height) && height >= 0 && height <= 100_000 ? { type, height } : null;
    }
    default:
      return null;
  }
}

/**
 * A fresh nonce for one iframe: 128 random bits, base64url.
 * @example newFrameNonce() // 'mJ2yq0bX5Yx3o8i1R0oQfA'
 */
export function newFrameNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The nonce the content script put in the frame's URL fragment, or null when there is none. */
export function nonceFromHash(hash: string): string | null {
  const value = hash.startsWith('#') ? hash.slice(1) : hash;
  return isNonce(value) ? value : null;
}

/** What the frame knows when a window message arrives. */
export interface ConnectContext {
  data: unknown;
  /** `event.origin`: the origin of the window that posted it. */
  origin: string;
  /** `event.source === window.parent` */
  fromParent: boolean;
  /** `window.parent === window.top`: the frame sits directly in the platform page. */
  parentIsTop: boolean;
  /** The frame's own nonce (from its URL), null when it has none. */
  nonce: string | null;
  /** The browser's word for the embedding page's origin (`location.ancestorOrigins[0]`), where the browser gives one. */
  ancestorOrigin: string | null;
  /** True for a Monetate platform origin (and loopback in the local build). */
  isPlatformOrigin(origin: string): boolean;
}

/**
 * True only for the content script's handshake: from the parent window, which is the top-level
 * Monetate page, with the nonce this frame was loaded with. The page itself has no reference to
 * the frame's window and no way to learn the nonce; the checks on source and origin make sure a
 * frame that somehow ended up elsewhere still answers nobody.
 * @example acceptConnect({ data: { type: FRAME_CONNECT, nonce }, origin: 'https://marketer.monetate.net', fromParent: true, parentIsTop: true, nonce, ancestorOrigin: null, isPlatformOrigin }) // true
 */
export function acceptConnect(context: ConnectContext): boolean {
  if (!context.nonce || !context.fromParent || !context.parentIsTop) return false;
  if (!context.isPlatformOrigin(context.origin)) return false;
  if (context.ancestorOrigin !== null && context.ancestorOrigin !== context.origin) return false;
  const message = shaped(context.data, ['type', 'nonce']);
  return message !== null && message.type === FRAME_CONNECT && message.nonce === context.nonce;
}

/** The handshake message the content script posts to the frame's window. */
export function connectMessage(frameNonce: string) {
  return { type: FRAME_CONNECT, nonce: frameNonce } as const;
}
