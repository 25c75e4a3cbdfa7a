import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { exactJson, readJson } from '@/emulator/envelope.ts';
import type { JsonValue } from '@/emulator/json.ts';
import { deactivateKeys, KeyRegistrationError, registerApiKey } from '@/emulator/keys.ts';
import {
  FAULT_KINDS,
  FAULT_TARGETS,
  RECORD_SHAPES,
  rowsForId,
  storeRow,
  type Dataset,
  type EmulatorState,
  type Fault,
  type FaultKind,
  type FaultTarget,
  type FieldDef,
  type RecordShape,
  type StoredRecord,
} from '@/emulator/state.ts';
import { fieldNameProblem, isPlainObject, MAX_FIELDS } from '@/emulator/validation.ts';
import { FIELD_FLAGS, schemaJson } from '@/emulator/routes/schema.ts';

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

/**
 * Fields to add "as if someone added them elsewhere": any non-empty data_type is taken as
 * given (so a test can add a type the extension does not know); names follow the usual rule.
 */
export function parseAdminFields(dataset: Dataset, input: unknown): Map<string, FieldDef> | string {
  if (!isPlainObject(input) || Object.keys(input).length === 0) return '"fields" must be an object with at least one field, e.g. {"tier": {"data_type": "STRING"}}.';
  const added = new Map<string, FieldDef>();
  for (const [name, spec] of Object.entries(input)) {
    const problem = fieldNameProblem(name);
    if (problem) return problem;
    if (dataset.fields.has(name)) return `Field "${name}" already exists in ${dataset.name}.`;
    if (!isPlainObject(spec) || typeof spec.data_type !== 'string' || spec.data_type === '') {
      return `Field "${name}" must be an object with a non-empty "data_type" string.`;
    }
    const def: FieldDef = { data_type: spec.data_type, identifier: false, unique_key: false, event_time: false, required: false };
    for (const flagName of FIELD_FLAGS) {
      const value = spec[flagName];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') return `Field "${name}" ${flagName} must be true or false.`;
      def[flagName] = value;
    }
    added.set(name, def);
  }
  if (dataset.fields.size + added.size > MAX_FIELDS) return `A schema can have at most ${MAX_FIELDS} fields.`;
  return added;
}

function datasetNamed(state: EmulatorState, name: unknown): Dataset | string {
  if (typeof name !== 'string') return '"dataset" must be the dataset name, a string.';
  return state.datasets.get(name) ?? `Dataset "${name}" does not exist.`;
}

export function adminRoutes(deps: Deps, reset: () => void): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { state, clock } = deps;

  app.get('/__admin/api-keys', (c) =>
    c.json({
      users: [...state.users.values()].map((u) => ({
        username: u.username,
        createdAt: u.createdAt,
        readOnly: u.readOnly,
        keys: u.keys.map(({ keyId, fingerprint, createdAt, active, deactivatedAt }) => ({ keyId, fingerprint, createdAt, active, deactivatedAt })),
      })),
    }),
  );

  app.post('/__admin/api-keys', async (c) => {
    const body = await jsonObject(c);
    if (
      !body ||
      typeof body.username !== 'string' ||
      typeof body.publicKey !== 'string' ||
      (body.readOnly !== undefined && typeof body.readOnly !== 'boolean')
    ) {
      return adminError(c, 400, 'Send JSON {"username": string, "publicKey": PEM string, "readOnly"?: boolean}.');
    }
    try {
      const key = registerApiKey(state, body.username, body.publicKey, clock.now(), { readOnly: body.readOnly });
      const readOnly = state.users.get(key.username)?.readOnly ?? false;
      return c.json({ keyId: key.keyId, username: key.username, fingerprint: key.fingerprint, readOnly }, 201);
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

  app.post('/__admin/records', async (c) => {
    const body = await jsonObject(c);
    if (!body) return adminError(c, 400, 'Send JSON {"dataset": name, "rows": [ {...}, ... ]}.');
    const dataset = datasetNamed(state, body.dataset);
    if (typeof dataset === 'string') return adminError(c, 404, dataset);
    const rows = body.rows;
    if (!Array.isArray(rows) || rows.some((row) => !isPlainObject(row))) return adminError(c, 400, '"rows" must be a list of JSON objects.');
    // Stored exactly as given, without validation: this is how tests plant values Monetate may hold.
    for (const row of rows as Array<Record<string, JsonValue>>) storeRow(dataset, row as StoredRecord);
    return c.json({ stored: rows.length });
  });

  app.get('/__admin/records', (c) => {
    const dataset = datasetNamed(state, c.req.query('dataset'));
    if (typeof dataset === 'string') return adminError(c, 404, dataset);
    const id = c.req.query('id');
    if (id === undefined || id === '') return adminError(c, 400, 'Give the record ID: ?dataset=<name>&id=<id>.');
    return exactJson(c, { rows: rowsForId(dataset, id) });
  });

  app.post('/__admin/schema-fields', async (c) => {
    const body = await jsonObject(c);
    if (!body) return adminError(c, 400, 'Send JSON {"dataset": name, "fields": {"<field>": {"data_type": "STRING"}}}.');
    const dataset = datasetNamed(state, body.dataset);
    if (typeof dataset === 'string') return adminError(c, 404, dataset);
    const added = parseAdminFields(dataset, body.fields);
    if (typeof added === 'string') return adminError(c, 400, added);
    for (const [name, def] of added) {
      dataset.fields.set(name, def);
      // As a PATCH would: existing rows now hold the field, empty.
      for (const record of dataset.records) if (!Object.hasOwn(record, name)) record[name] = null;
    }
    return exactJson(c, schemaJson(dataset));
  });

  app.get('/__admin/record-shape', (c) => c.json({ shape: state.recordShape }));
  app.post('/__admin/record-shape', async (c) => {
    const body = await jsonObject(c);
    const shape = body?.shape;
    if (!(RECORD_SHAPES as readonly unknown[]).includes(shape)) return adminError(c, 400, `Send JSON {"shape": ${RECORD_SHAPES.map((s) => `"${s}"`).join(' | ')}}.`);
    state.recordShape = shape as RecordShape;
    return c.json({ shape: state.recordShape });
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
