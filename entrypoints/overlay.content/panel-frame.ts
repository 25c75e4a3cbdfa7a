import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
import { originOf } from '@/utils/messages/origin';
import { connectMessage, newFrameNonce, OVERLAY_FRAME_PATH, parseFromFrame, type FromFrameMessage, type ToFrameMessage } from '@/utils/messages/overlay-frame';

/** How long the frame may take to answer the handshake before the overlay says it failed. */
const READY_TIMEOUT_MS = 15_000;

export interface PanelFrame {
  /** Adds the iframe the first time (so a page that never opens the overlay never loads it). */
  ensure(): void;
  /** Sends to the frame; held until the frame has answered the handshake. */
  send(message: ToFrameMessage): void;
  /** Moves keyboard focus into the frame's panel (once it is ready). */
  focus(): void;
  /** The iframe element, once added. */
  element(): HTMLIFrameElement | null;
}

/**
 * The overlay's panel: an extension page (`/overlay-frame.html`) in an iframe inside the closed
 * shadow root, made with WXT's `createIframeUi`. The frame is cross-origin to the Monetate page,
 * which can therefore neither read it, type into it, nor see what is copied in it.
 *
 * The content script and the frame speak over one MessagePort (see utils/messages/overlay-frame):
 * it is handed to the frame's own window with the nonce this content script put in the frame's
 * URL, posted only to the extension's origin. The page sees neither; every message that comes
 * back is checked against the protocol's schema, and nothing is accepted before the frame has
 * echoed the nonce.
 */
export function createPanelFrame(options: {
  ctx: ContentScriptContext;
  /** Where the iframe goes: an element inside the closed shadow root. */
  anchor: HTMLElement;
  onReady(): void;
  onFailed(): void;
  onMessage(message: Exclude<FromFrameMessage, { type: 'ready' }>): void;
}): PanelFrame {
  const { ctx } = options;
  const nonce = newFrameNonce();
  // The frame always runs at the extension's own origin, even when loaded through the dynamic
  // (per-session) web-accessible URL.
  const frameOrigin = originOf(browser.runtime.getURL('/')) ?? '';
  let ui: IframeContentScriptUi<void> | undefined;
  let port: MessagePort | null = null;
  let ready = false;
  let focusWanted = false;
  const held: ToFrameMessage[] = [];

  const deliver = (message: ToFrameMessage) => {
    if (ready && port) port.postMessage(message);
    else held.push(message);
  };

  const focusNow = () => {
    const iframe = ui?.iframe;
    if (!iframe) return;
    iframe.focus();
    port?.postMessage({ type: 'focus' } satisfies ToFrameMessage);
  };

  const onPortMessage = (event: MessageEvent) => {
    const message = parseFromFrame(event.data);
    if (!message) return;
    if (!ready) {
      if (message.type !== 'ready' || message.nonce !== nonce) return;
      ready = true;
      if (ui) ui.wrapper.hidden = false;
      for (const waiting of held.splice(0)) port?.postMessage(waiting);
      options.onReady();
      if (focusWanted) {
        focusWanted = false;
        focusNow();
      }
      return;
    }
    if (message.type !== 'ready') options.onMessage(message);
  };

  /** Each load of the frame document gets its own channel; a reloaded frame starts over. */
  const handshake = () => {
    const frameWindow = ui?.iframe.contentWindow;
    if (!frameWindow || ctx.isInvalid) return;
    port?.close();
    ready = false;
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = onPortMessage;
    frameWindow.postMessage(connectMessage(nonce), frameOrigin, [channel.port2]);
  };

  return {
    ensure() {
      if (ui || ctx.isInvalid) return;
      ui = createIframeUi(ctx, {
        page: OVERLAY_FRAME_PATH,
        position: 'inline',
        anchor: options.anchor,
        append: 'last',
        onBeforeMount(wrapper, iframe) {
          wrapper.className = 'panel-frame__wrapper';
          wrapper.hidden = true;
          iframe.className = 'panel-frame__iframe';
          iframe.title = 'Monetate Data Inspector';
          // "Copy value" and "Copy JSON" write to the clipboard from the frame; a cross-origin
          // frame may do that only when its embedder allows it. Named by the frame's real origin:
          // the dynamic address it is loaded from is another. Nothing is granted to the page.
          iframe.allow = `clipboard-write ${frameOrigin}`;
          iframe.src = `${browser.runtime.getURL(OVERLAY_FRAME_PATH)}#${nonce}`;
          iframe.addEventListener('load', handshake);
        },
        onRemove() {
          port?.close();
          port = null;
        },
      });
      ui.mount();
      ctx.setTimeout(() => {
        if (!ready) options.onFailed();
      }, READY_TIMEOUT_MS);
    },
    send: deliver,
    focus() {
      if (ready) focusNow();
      else focusWanted = true;
    },
    element: () => ui?.iframe ?? null,
  };
}
