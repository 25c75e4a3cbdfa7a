import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { apiError } from '@/emulator/envelope.ts';
import type { EmulatorState, Fault, FaultTarget } from '@/emulator/state.ts';

/** Thrown under app.request(), where there is no socket to destroy; app.onError rethrows it. */
export class DroppedConnectionError extends Error {
  constructor() {
    super('Emulator dropped the connection after processing the request (injected fault).');
    this.name = 'DroppedConnectionError';
  }
}

const REASONS: Record<number, string> = {
  400: 'Validation error.',
  401: 'Unauthorized.',
  403: 'Forbidden.',
  404: 'Not found.',
  429: 'Request was throttled.',
  500: 'Unknown error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

function takeFault(state: EmulatorState, target: FaultTarget): Fault | undefined {
  const fault = state.faults.find((f) => f.target === target && f.remaining > 0);
  if (!fault) return undefined;
  fault.remaining -= 1;
  state.faults = state.faults.filter((f) => f.remaining > 0);
  return fault;
}

function statusAnswer(c: Context<AppEnv>, fault: Fault): Response {
  const status = fault.status ?? 500;
  const extra: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter };
  if (status === 204 || status === 205 || status === 304) return c.body(null, status as StatusCode, extra);
  if (fault.body !== undefined) {
    return c.body(fault.body, status as ContentfulStatusCode, { 'Content-Type': fault.contentType ?? 'text/plain; charset=utf-8', ...extra });
  }
  const res = apiError(c, status, `${REASONS[status] ?? `HTTP ${status}.`} (injected fault)`);
  for (const [name, value] of Object.entries(extra)) res.headers.set(name, value);
  return res;
}

/** Lets `/__admin/faults` change how the next matching request is answered. */
export function faultPoint(deps: Deps, target: FaultTarget): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const fault = takeFault(deps.state, target);
    if (!fault) {
      await next();
      // Chromium re-sends a request, POST included, when a reused keep-alive connection closes
      // before any answer (HttpNetworkTransaction::ShouldResendRequest). While a drop is
      // pending, every answer closes its connection, so the dropped request travels on a fresh
      // one and a test sees what the extension sends, not what the browser adds.
      if (deps.state.faults.some((pending) => pending.kind === 'drop-after-processing')) c.res.headers.set('Connection', 'close');
      return;
    }
    if (fault.kind === 'status') return statusAnswer(c, fault);
    if (fault.kind === 'delay') {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 0));
      return next();
    }
    await next();
    const entry = c.get('logEntry');
    if (entry) {
      entry.status = c.res.status;
      entry.dropped = true;
    }
    // The write is already stored; the client must see a network error, never an answer.
    const socket = c.env?.incoming?.socket;
    if (!socket) throw new DroppedConnectionError();
    socket.destroy();
  };
}
