import { describe, expect, it, vi } from 'vitest';
import { createSurfaceRegistry } from '@/entrypoints/background/events';

/** A stand-in for a runtime port: records what the background posts, lets the test say hello. */
function fakePort() {
  const listeners: Array<(message: unknown) => void> = [];
  const posted: unknown[] = [];
  const port = {
    onMessage: { addListener: (listener: (message: unknown) => void) => listeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
    postMessage: vi.fn((message: unknown) => posted.push(message)),
  };
  return { port: port as never, posted, hello: (callerId: string) => listeners.forEach((listener) => listener({ hello: callerId })) };
}

const entry = (id: string, position: number, callers: string[]) => ({ dataset: 'customers', id, position, etaMs: position * 1000, reason: 'spacing' as const, callers });

describe('queue events', () => {
  it('carry only the surface’s own look-ups plus a count of the others, never other surfaces’ record IDs', () => {
    const registry = createSurfaceRegistry({ onCallerGone: () => undefined });
    const popup = fakePort();
    const tabA = fakePort();
    const tabB = fakePort();
    registry.add(popup.port, true, () => undefined);
    registry.add(tabA.port, false, () => undefined);
    registry.add(tabB.port, false, () => undefined);
    popup.hello('popup');
    tabA.hello('tab-a');
    tabB.hello('tab-b');

    registry.broadcastQueue([entry('SECRET-POPUP-1', 1, ['popup']), entry('TAB-A-1', 2, ['tab-a']), entry('SHARED-2', 3, ['popup', 'tab-b'])]);

    expect(tabA.posted).toEqual([
      { type: 'queue', waiting: [{ dataset: 'customers', id: 'TAB-A-1', position: 2, etaMs: 2000, reason: 'spacing', mine: true }], others: 2 },
    ]);
    expect(JSON.stringify(tabA.posted)).not.toMatch(/SECRET-POPUP-1|SHARED-2|popup|tab-b/);
    expect(tabB.posted).toEqual([{ type: 'queue', waiting: [expect.objectContaining({ id: 'SHARED-2', mine: true })], others: 2 }]);
    expect(popup.posted).toEqual([
      { type: 'queue', waiting: [expect.objectContaining({ id: 'SECRET-POPUP-1' }), expect.objectContaining({ id: 'SHARED-2' })], others: 1 },
    ]);
  });

  it('tell a surface that has not said hello yet only how many wait', () => {
    const registry = createSurfaceRegistry({ onCallerGone: () => undefined });
    const silent = fakePort();
    registry.add(silent.port, false, () => undefined);
    registry.broadcastQueue([entry('X-1', 1, ['popup'])]);
    expect(silent.posted).toEqual([{ type: 'queue', waiting: [], others: 1 }]);
  });
});
