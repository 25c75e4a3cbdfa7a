import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createEmulator, type RecordShape } from '@/emulator/app.ts';

export const DEFAULT_PORT = 8790;
export const DEFAULT_HOST = '127.0.0.1';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export interface StartedEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  emulator: ReturnType<typeof createEmulator>;
}

/**
 * Serves the emulator over HTTP on a loopback address.
 *
 * @example
 * const server = await startEmulator({ port: 0 });
 * await fetch(`${server.url}/api/data/v1/demo/production/schema/`);
 * await server.close();
 */
export async function startEmulator(options: { port?: number; host?: string; recordShape?: RecordShape } = {}): Promise<StartedEmulator> {
  const host = options.host ?? DEFAULT_HOST;
  // The emulator has no real security; it must never listen beyond this machine.
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The emulator only listens on loopback (127.0.0.1, localhost, ::1), not ${host}.`);
  const emulator = createEmulator({ recordShape: options.recordShape });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: emulator.app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host });
    s.once('listening', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets would otherwise hold close() open for seconds.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
