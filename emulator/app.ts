import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv, Clock, Deps } from '@/emulator/context.ts';
import { apiError } from '@/emulator/envelope.ts';
import { DroppedConnectionError } from '@/emulator/faults.ts';
import { apiKeysPage } from '@/emulator/pages/api-keys.ts';
import { platformPages } from '@/emulator/pages/platform.ts';
import { requestLog } from '@/emulator/request-log.ts';
import { adminRoutes } from '@/emulator/routes/admin.ts';
import { authRoutes } from '@/emulator/routes/auth.ts';
import { dataRoutes } from '@/emulator/routes/data.ts';
import { schemaRoutes } from '@/emulator/routes/schema.ts';
import { createState, resetState, type EmulatorState, type RecordShape } from '@/emulator/state.ts';

export type { EmulatorState, RecordShape } from '@/emulator/state.ts';

export interface EmulatorOptions {
  /** Wall clock in ms since epoch (default Date.now); also stamps arrivals when given. */
  now?: () => number;
  /** How record look-ups answer (see RecordShape); `/__admin/record-shape` changes it, a reset restores this. */
  recordShape?: RecordShape;
}

/**
 * A local Monetate Auth + Data API with admin hooks and demo pages, as a Hono app that runs
 * under `app.request()` in tests or behind @hono/node-server (see server.ts).
 *
 * @example
 * const { app } = createEmulator();
 * const res = await app.request('/api/data/v1/demo/production/schema/'); // 401 without a token
 */
export function createEmulator(options: EmulatorOptions = {}): { app: Hono<AppEnv>; state: EmulatorState; reset(): void } {
  const state = createState(options.recordShape);
  const baseNow = options.now ?? Date.now;
  const injected = options.now;
  const clock: Clock = {
    now: () => baseNow() + state.clockOffsetMs,
    // Sub-millisecond arrival stamps matter for checking 1000 ms spacing between look-ups.
    arrival: injected ? () => injected() : () => performance.timeOrigin + performance.now(),
  };
  const deps: Deps = { state, clock };
  const reset = () => resetState(state);

  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('arrivedAt', clock.arrival());
    await next();
    c.res.headers.set('Date', new Date(clock.now()).toUTCString());
  });
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      // Clients read Date to detect clock skew and Retry-After to pace retries.
      exposeHeaders: ['Date', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use('*', requestLog(deps));

  app.route('/', authRoutes(deps));
  app.route('/', schemaRoutes(deps));
  app.route('/', dataRoutes(deps));
  app.route('/', adminRoutes(deps, reset));
  app.route('/', apiKeysPage(deps));
  app.route('/', platformPages(deps));

  app.notFound((c) =>
    apiError(c, 404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}. Monetate API paths end with a slash, e.g. /api/data/v1/demo/production/schema/.`),
  );
  app.onError((error, c) => {
    // Propagate so app.request() rejects like fetch does on a dropped connection.
    if (error instanceof DroppedConnectionError) throw error;
    console.error('[emulator]', error);
    return apiError(c, 500, 'Unknown error. Please try again or contact your account manager for more information.');
  });

  return { app, state, reset };
}
