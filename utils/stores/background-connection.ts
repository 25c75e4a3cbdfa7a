import { browser, type Browser } from 'wxt/browser';
import { EVENTS_PORT, type BackgroundEvent } from '@/utils/messages/protocol';

export interface BackgroundConnection {
  /** Identifies this surface's look-ups, so closing it drops what only it waits for. */
  callerId: string;
  close(): void;
}

/**
 * Keeps one events port open to the background and reconnects when the service worker
 * restarts (Chrome stops idle workers; the port breaks with it).
 * @example const connection = connectToBackground((event) => store.apply(event));
 */
export function connectToBackground(onEvent: (event: BackgroundEvent) => void, onReconnect?: () => void): BackgroundConnection {
  const callerId = `caller-${crypto.randomUUID()}`;
  let port: Browser.runtime.Port | undefined;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const open = (isReconnect: boolean) => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: EVENTS_PORT });
    } catch {
      // The extension was reloaded or removed: this page's connection is gone for good.
      return;
    }
    port.onMessage.addListener((message: unknown) => onEvent(message as BackgroundEvent));
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!closed) retryTimer = setTimeout(() => open(true), 250);
    });
    port.postMessage({ hello: callerId });
    if (isReconnect) onReconnect?.();
  };
  open(false);

  return {
    callerId,
    close() {
      closed = true;
      clearTimeout(retryTimer);
      port?.disconnect();
    },
  };
}
