import type { Browser } from 'wxt/browser';
import type { BackgroundEvent, QueueEntryView } from '@/utils/messages/protocol';

interface Surface {
  port: Browser.runtime.Port;
  callerId: string | null;
  /** Content scripts get the overlay's narrow status, never the full app state. */
  trusted: boolean;
}

export interface QueueWaitingEntry {
  dataset: string;
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
    /**
     * Each surface hears of its own look-ups only, plus how many others wait: the record IDs
     * another surface (another tab, the popup) looks up are none of a Monetate page's business.
     */
    broadcastQueue(waiting: QueueWaitingEntry[]) {
      for (const surface of surfaces) {
        const own = waiting.filter((entry) => surface.callerId !== null && entry.callers.includes(surface.callerId));
        this.send(surface, {
          type: 'queue',
          waiting: own.map(({ callers: _callers, ...entry }) => ({ ...entry, mine: true })),
          others: waiting.length - own.length,
        });
      }
    },
  };
}

export type { Surface };
