import type { Browser } from 'wxt/browser';
import type { BackgroundEvent, QueueEntryView } from '@/utils/messages/protocol';

interface Surface {
  port: Browser.runtime.Port;
  callerId: string | null;
  /** Content scripts get the overlay's narrow status, never the full app state. */
  trusted: boolean;
}

export interface QueueWaitingEntry {
  schema: string;
  id: string;
  position: number;
  etaMs: number;
  reason?: QueueEntryView['reason'];
  callers: string[];
}

/**
 * The surfaces connected over the events port. Background state reaches them as events, so
 * every open popup, side panel, options page and overlay stays current.
 */
export function createSurfaceRegistry(options: { onCallerGone(callerId: string): void }) {
  const surfaces = new Set<Surface>();

  return {
    add(port: Browser.runtime.Port, trusted: boolean, onHello: (surface: Surface) => void) {
      const surface: Surface = { port, callerId: null, trusted };
      surfaces.add(surface);
      port.onMessage.addListener((message: unknown) => {
        const hello = (message as { hello?: unknown } | null)?.hello;
        if (typeof hello === 'string' && hello.length <= 100 && surface.callerId === null) {
          surface.callerId = hello;
          onHello(surface);
        }
      });
      port.onDisconnect.addListener(() => {
        surfaces.delete(surface);
        // A closed popup drops the look-ups only it was waiting for.
        if (surface.callerId) options.onCallerGone(surface.callerId);
      });
    },
    send(surface: Surface, event: BackgroundEvent) {
      try {
        surface.port.postMessage(event);
      } catch {
        surfaces.delete(surface);
      }
    },
    broadcast(event: BackgroundEvent, audience: 'trusted' | 'content' | 'all' = 'trusted') {
      for (const surface of surfaces) {
        if (audience === 'all' || (audience === 'trusted') === surface.trusted) this.send(surface, event);
      }
    },
    broadcastQueue(waiting: QueueWaitingEntry[]) {
      for (const surface of surfaces) {
        this.send(surface, {
          type: 'queue',
          waiting: waiting.map(({ callers, ...entry }) => ({ ...entry, mine: surface.callerId !== null && callers.includes(surface.callerId) })),
        });
      }
    },
  };
}

export type SurfaceRegistry = ReturnType<typeof createSurfaceRegistry>;
export type { Surface };
