import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, Deps } from '../context.ts';
import { readJson } from '../envelope.ts';
import { deactivateKeys, KeyRegistrationError, registerApiKey } from '../keys.ts';
import { FAULT_KINDS, FAULT_TARGETS, type Fault, type FaultKind, type FaultTarget } from '../state.ts';
import { isPlainObject } from '../validation.ts';

/** Admin answers are plain JSON (not the Monetate envelope): they are the emulator's own API. */
function adminError(c: Context<AppEnv>, status: number, message: string): Response {
  return c.json({ error: message }, status as ContentfulStatusCode);
}

async function jsonObject(c: Context<AppEnv>): Promise<Record<string, unknown> | undefined> {
  const body = await readJson(c);
  return body.ok && isPlainObject(body.value) ? body.value : undefined;
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Validates a fault request; returns the fault or a message saying what is wrong. */
export function parseFault(input: Record<string, unknown>, id: number): Fault | string {
  const { target, kind, status, retryAfter, delayMs, body, contentType, count } = input;
  if (!(FAULT_TARGETS as readonly unknown[]).includes(target)) return `target must be one of ${FAULT_TARGETS.join(', ')}.`;
  if (!(FAULT_KINDS as readonly unknown[]).includes(kind)) return `kind must be one of ${FAULT_KINDS.join(', ')}.`;
  if (count !== undefined && !isPositiveInt(count)) return 'count must be a positive integer.';
  if (kind === 'status' && !(typeof status === 'number' && Number.isInteger(status) && status >= 200 && status <= 599)) {
    return 'A status fault needs "status", an HTTP status from 200 to 599.';
  }
  if (kind === 'delay' && !(typeof delayMs === 'number' && delayMs >= 0 && delayMs <= 120_000)) {
    return 'A delay fault needs "delayMs", 0 to 120000.';
  }
  for (const [name, value] of Object.entries({ retryAfter, body, contentType })) {
    if (value !== undefined && typeof value !== 'string') return `${name} must be a string.`;
  }
  return {
    id,
    target: target as FaultTarget,
    kind: kind as FaultKind,
    remaining: typeof count === 'number' ? count : 1,
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof delayMs === 'number' ? { delayMs } : {}),
    ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
    ...(typeof body === 'string' ? { body } : {}),
    ...(typeof contentType === 'string' ? { contentType } : {}),
  };
}

export function adminRoutes(deps: Deps, reset: () => void): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { state, clock } = deps;

  app.get('/__admin/api-keys', (c) =>
    c.json({
      users: [...state.users.values()].map((u) => ({
        username: u.username,
        createdAt: u.createdAt,
        keys: u.keys.map(({ keyId, fingerprint, createdAt, active, deactivatedAt }) => ({ keyId, fingerprint, createdAt, active, deactivatedAt })),
      })),
    }),
  );

  app.post('/__admin/api-keys', async (c) => {
    const body = await jsonObject(c);
    if (!body || typeof body.username !== 'string' || typeof body.publicKey !== 'string') {
      return adminError(c, 400, 'Send JSON {"username": string, "publicKey": PEM string}.');
    }
    try {
      const key = registerApiKey(state, body.username, body.publicKey, clock.now());
      return c.json({ keyId: key.keyId, username: key.username, fingerprint: key.fingerprint }, 201);
    } catch (error) {
      if (error instanceof KeyRegistrationError) return adminError(c, 400, error.message);
      throw error;
    }
  });

  app.post('/__admin/api-keys/deactivate', async (c) => {
    const body = await jsonObject(c);
    if (!body || typeof body.username !== 'string' || (body.keyId !== undefined && typeof body.keyId !== 'string')) {
      return adminError(c, 400, 'Send JSON {"username": string, "keyId"?: string}.');
    }
    try {
      return c.json({ deactivated: deactivateKeys(state, body.username, body.keyId, clock.now()) });
    } catch (error) {
      if (error instanceof KeyRegistrationError) return adminError(c, 404, error.message);
      throw error;
    }
  });

  app.post('/__admin/reset', (c) => {
    reset();
    return c.json({ ok: true });
  });

  app.get('/__admin/requests', (c) => c.json({ requests: state.requests.map((r) => ({ ...r, query: { ...r.query } })) }));
  app.delete('/__admin/requests', (c) => {
    state.requests = [];
    return c.json({ ok: true });
  });

  app.post('/__admin/expire-tokens', (c) => {
    const now = clock.now();
    for (const token of state.tokens.values()) token.expiresAtMs = Math.min(token.expiresAtMs, now);
    return c.json({ expired: state.tokens.size });
  });

  app.post('/__admin/clock', async (c) => {
    const body = await jsonObject(c);
    const offset = body?.offsetSeconds;
    if (typeof offset !== 'number' || !Number.isFinite(offset)) return adminError(c, 400, 'Send JSON {"offsetSeconds": number}.');
    state.clockOffsetMs = offset * 1000;
    return c.json({ offsetSeconds: offset, now: new Date(clock.now()).toISOString() });
  });

  app.get('/__admin/faults', (c) => c.json({ faults: state.faults }));
  app.delete('/__admin/faults', (c) => {
    state.faults = [];
    return c.json({ ok: true });
  });
  app.post('/__admin/faults', async (c) => {
    const body = await jsonObject(c);
    if (!body) return adminError(c, 400, 'Send a JSON object describing the fault.');
    const fault = parseFault(body, state.counters.fault + 1);
    if (typeof fault === 'string') return adminError(c, 400, fault);
    state.counters.fault += 1;
    state.faults.push(fault);
    return c.json({ fault }, 201);
  });

  return app;
}
