import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { apiError, apiErrors, envelope, readJson } from '@/emulator/envelope.ts';
import { faultPoint } from '@/emulator/faults.ts';
import { rowsForId, storeRow, type StoredRecord } from '@/emulator/state.ts';
import { requireToken, requireWriter } from '@/emulator/token-auth.ts';
import { isIsoDateTime, isPlainObject, validateRows } from '@/emulator/validation.ts';
import { DATA_BASE, datasetOr404, requireRetailer } from '@/emulator/routes/common.ts';

export const LOOKUP_INTERVAL_MS = 1000;

/**
 * Our choice, not Monetate's (it publishes no limit): a POST carries at most this many rows
 * and this many bytes, else 413, so the importer's batch-size adaptation can be tested.
 */
export const MAX_POST_ROWS = 1000;
export const MAX_POST_BYTES = 5 * 1024 * 1024;

/**
 * Monetate allows one look-up per second per API user, measured at arrival. Every look-up
 * that is not itself throttled restarts the window, whatever its outcome (200, 400, 404).
 */
function lookupRateLimit(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const username = c.get('token').username;
    const arrivedAt = c.get('arrivedAt');
    const previous = deps.state.lastLookupArrival.get(username);
    if (previous !== undefined && arrivedAt - previous < LOOKUP_INTERVAL_MS) {
      return apiError(c, 429, 'Request was throttled. Record look-ups are limited to 1 request per second.');
    }
    deps.state.lastLookupArrival.set(username, arrivedAt);
    return next();
  };
}

export function dataRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(`${DATA_BASE}/data/:schema/`, faultPoint(deps, 'lookup'), requireToken(deps), requireRetailer(), lookupRateLimit(deps), (c) => {
    const id = c.req.query('id');
    if (id === undefined || id === '') return apiError(c, 400, 'The "id" query parameter is required, e.g. ?id=C-100001.', { field: 'id' });
    const dataset = datasetOr404(deps, c, c.req.param('schema'));
    if (dataset instanceof Response) return dataset;
    // Without a unique key an ID keeps every row written for it; all of them answer, oldest first.
    const rows = rowsForId(dataset, id).map((r) => ({ ...r }));
    if (rows.length === 0) return apiError(c, 404, `No record with ID "${id}" in dataset "${dataset.name}".`, { field: 'id' });
    return envelope(c, 200, deps.state.recordShape === 'openapi' ? { schema_rows: rows } : rows);
  });

  app.post(`${DATA_BASE}/data/:schema/`, faultPoint(deps, 'write'), requireToken(deps), requireRetailer(), requireWriter(deps), async (c) => {
    const dataset = datasetOr404(deps, c, c.req.param('schema'));
    if (dataset instanceof Response) return dataset;
    const text = await c.req.text();
    const bytes = new TextEncoder().encode(text).byteLength;
    if (bytes > MAX_POST_BYTES) return apiError(c, 413, `Request body is ${bytes} bytes; this emulator takes at most ${MAX_POST_BYTES} bytes per POST. Send fewer rows.`);
    const body = await readJson(c);
    if (!body.ok) return apiError(c, 400, `Request body is not valid JSON (${body.reason}).`);
    if (!isPlainObject(body.value) || !Array.isArray(body.value.schema_rows)) {
      return apiError(c, 400, 'Request body must be a JSON object with a "schema_rows" array.', { field: 'schema_rows' });
    }
    const rowCount = body.value.schema_rows.length;
    const entry = c.get('logEntry');
    if (entry) entry.rowCount = rowCount;
    if (rowCount > MAX_POST_ROWS) return apiError(c, 413, `Request has ${rowCount} rows; this emulator takes at most ${MAX_POST_ROWS} rows per POST. Send fewer rows.`, { field: 'schema_rows' });
    const extra = Object.keys(body.value).filter((k) => k !== 'schema_rows' && k !== '_sent_time');
    if (extra.length > 0) return apiError(c, 400, `Unknown properties in request body: ${extra.join(', ')}.`);
    const sentTime = body.value._sent_time;
    if (sentTime !== undefined && (typeof sentTime !== 'string' || !isIsoDateTime(sentTime))) {
      return apiError(c, 400, '_sent_time must be an ISO-8601 date-time with a time zone.', { field: '_sent_time' });
    }

    const { errors, records } = validateRows(dataset.fields, body.value.schema_rows as unknown[]);
    if (errors.length > 0) return apiErrors(c, 400, errors);

    const stored: StoredRecord[] = [];
    for (const record of records) {
      storeRow(dataset, record);
      stored.push({ ...record });
    }

    const at = new Date(deps.clock.now()).toISOString();
    deps.state.counters.upload += 1;
    dataset.uploads.unshift({
      id: deps.state.counters.upload,
      status: 'COMPLETE',
      upload_time: at,
      import_start_time: at,
      import_end_time: at,
      validation_errors: [],
      validation_warnings: [],
      row_count: stored.length,
      sent_time: typeof sentTime === 'string' ? sentTime : null,
      source: 'API',
      username: c.get('token').username,
    });
    return envelope(c, 201, { schema_rows: stored });
  });

  app.get(`${DATA_BASE}/upload/:schema/`, requireToken(deps), requireRetailer(), (c) => {
    const dataset = datasetOr404(deps, c, c.req.param('schema'));
    if (dataset instanceof Response) return dataset;
    return envelope(c, 200, dataset.uploads.map((u) => ({ ...u })), { count: dataset.uploads.length });
  });

  return app;
}
