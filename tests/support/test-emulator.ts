import { startEmulator, type StartedEmulator } from '@/emulator/server.ts';

/** A running emulator with the admin calls the end-to-end tests use (Chromium and Firefox suites). */
export interface Emulator extends StartedEmulator {
  admin<T = unknown>(path: string, body?: unknown): Promise<T>;
  requests(): Promise<EmulatorRequest[]>;
}

export interface EmulatorRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  arrivedAt: number;
  username?: string;
}

/**
 * Starts a fresh emulator on a free loopback port; `close()` stops it.
 * @example const emulator = await startTestEmulator(); await emulator.requests();
 */
export async function startTestEmulator(): Promise<Emulator> {
  const server = await startEmulator({ port: 0 });
  const admin = async <T,>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    ...server,
    admin,
    requests: async () => (await admin<{ requests: EmulatorRequest[] }>('/__admin/requests')).requests,
  };
}
