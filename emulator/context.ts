import type { HttpBindings } from '@hono/node-server';
import type { EmulatorState, IssuedToken, RequestLogEntry } from '@/emulator/state.ts';

export interface Clock {
  /** The emulator's wall clock in ms: the injected/real clock plus the admin offset. */
  now(): number;
  /** Arrival stamps with sub-ms precision; never shifted by the admin clock offset. */
  arrival(): number;
}

export interface Deps {
  state: EmulatorState;
  clock: Clock;
}

export type AppEnv = {
  // Under app.request() there is no Node request, so every access to env must tolerate undefined.
  Bindings: Partial<HttpBindings>;
  Variables: {
    arrivedAt: number;
    logEntry: RequestLogEntry | undefined;
    token: IssuedToken;
  };
};
