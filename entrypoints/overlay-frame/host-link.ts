import { acceptConnect, nonceFromHash, parseToFrame, type FromFrameMessage, type ToFrameMessage } from '@/utils/messages/overlay-frame';
import { isPlatformOrigin } from '@/utils/platform/selectors';

export interface HostLink {
  send(message: FromFrameMessage): void;
}

/**
 * The frame's end of the link to its content script: waits for the one handshake the content
 * script posts to this window (checked: from the parent, which is the top-level Monetate page,
 * with this frame's nonce), then talks over the MessagePort it brought and nothing else. Any
 * other window message, from the page or anyone, is ignored.
 */
export function listenForHost(options: { localBuild: boolean; onConnected(link: HostLink): void; onMessage(message: ToFrameMessage): void }): void {
  const nonce = nonceFromHash(location.hash);
  let port: MessagePort | null = null;

  window.addEventListener('message', (event) => {
    if (port) return; // one content script per frame document
    const accepted = acceptConnect({
      data: event.data,
      origin: event.origin,
      fromParent: event.source === window.parent,
      parentIsTop: window.parent !== window && window.parent === window.top,
      nonce,
      // Chromium says who embeds us; Firefox has no ancestorOrigins (the nonce still decides).
      ancestorOrigin: location.ancestorOrigins?.[0] ?? null,
      isPlatformOrigin: (origin) => isPlatformOrigin(origin, options.localBuild),
    });
    const received = event.ports.length === 1 ? event.ports[0] : undefined;
    if (!accepted || !received || !nonce) return;
    port = received;
    port.onmessage = (portEvent) => {
      const message = parseToFrame(portEvent.data);
      if (message) options.onMessage(message);
    };
    const link: HostLink = { send: (message) => port?.postMessage(message) };
    link.send({ type: 'ready', nonce });
    options.onConnected(link);
  });
}
