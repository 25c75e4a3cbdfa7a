import { AppError } from '@/utils/errors';
import { MonetateError } from '@/utils/monetate/api-error';
import type { Envelope } from '@/utils/monetate/envelope';
import { readRecordRows } from '@/utils/monetate/record-answer';
import type { RecordRow } from '@/utils/monetate/record-answer';
import { call, readData } from '@/utils/monetate/request';
import type { CallSpec, HttpDeps } from '@/utils/monetate/request';
import {
  schemaListSchema,
  schemaPatchAnswerSchema,
  schemaSchema,
  tokenAnswerSchema,
  uploadListSchema,
} from '@/utils/monetate/schemas';
import type { DatasetSchema, FieldSpec, SchemaPatchAnswer, TokenAnswer, UploadItem } from '@/utils/monetate/schemas';
import { authRefreshUrl, recordUrl, rowsUrl, schemaListUrl, schemaUrl, uploadsUrl } from '@/utils/monetate/urls';
import type { MonetateTarget } from '@/utils/monetate/urls';

export interface MonetateClientOptions {
  fetch?: typeof fetch;
  /** Per request, until the whole body is read. */
  timeoutMs?: number;
  /** Largest answer accepted, in bytes. */
  maxBytes?: number;
  now?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the request; a write aborted after sending ends as `outcome_unknown`. */
  signal?: AbortSignal;
}

export interface TokenRefreshResult {
  answer: TokenAnswer;
  /** Monetate's clock from the `Date` header (epoch ms), when sent. */
  serverDateMs?: number;
}

export interface RecordLookup {
  /** The first row, or `null` when Monetate answered with no rows (not found). */
  record: RecordRow | null;
  /** Every row Monetate returned for the ID, in its order (a dataset without a unique key may hold several). */
  rows: RecordRow[];
}

export interface PostRowsResult {
  /** HTTP status, 201 on success. */
  status: number;
  /** The rows as Monetate stored them; empty when the answer body could not be read. */
  rows: RecordRow[];
  /** `meta.warnings`, plus a note when the (successful) answer could not be read. */
  warnings: string[];
}

export interface MonetateClient {
  /**
   * Trades a signed JWT for a token. A 401 throws a `MonetateError('unauthorized')` whose
   * `detail` is Monetate's message and whose `serverDateMs` is the server clock, so a caller
   * can tell a wrong key from clock skew.
   */
  refreshToken(target: MonetateTarget, jwt: string, ttl: number, options?: CallOptions): Promise<TokenRefreshResult>;
  /**
   * Looks one record up, reading `data` as the list of rows or as `data.schema_rows`. No rows
   * gives `record: null`; 404 throws `not_found` (both mean not found); any other shape throws
   * `bad_response` naming it; 429 throws `rate_limited` with `retryAfterMs`.
   */
  lookupRecord(target: MonetateTarget, token: string, dataset: string, id: string, options?: CallOptions): Promise<RecordLookup>;
  listSchemas(target: MonetateTarget, token: string, options?: CallOptions): Promise<DatasetSchema[]>;
  getSchema(target: MonetateTarget, token: string, name: string, options?: CallOptions): Promise<DatasetSchema>;
  /** Adds attributes to a dataset. A write: never retried, `outcome_unknown` when unsure. */
  patchSchemaFields(
    target: MonetateTarget,
    token: string,
    name: string,
    fields: Record<string, FieldSpec>,
    options?: CallOptions,
  ): Promise<SchemaPatchAnswer>;
  /** Sets the Identifier Name of a dataset. A write: never retried. */
  patchNamedIdentifier(target: MonetateTarget, token: string, name: string, value: string, options?: CallOptions): Promise<SchemaPatchAnswer>;
  /** Creates or replaces rows. A write: never retried, `outcome_unknown` when unsure. */
  postRows(
    target: MonetateTarget,
    token: string,
    dataset: string,
    rows: Record<string, unknown>[],
    options?: CallOptions & { sentTime?: string },
  ): Promise<PostRowsResult>;
  /** File upload history of a dataset. */
  listUploads(target: MonetateTarget, token: string, dataset: string, options?: CallOptions): Promise<UploadItem[]>;
}

const TTL_MIN = 600;
const TTL_MAX = 43_200;

/**
 * The Monetate Auth + Data API client. Stateless: tokens, retries and rate limiting belong
 * to the token service and the look-up queue.
 * @example
 * const client = createMonetateClient();
 * const { record } = await client.lookupRecord({ baseUrl, retailer }, token, 'customers', 'C-1');
 */
export function createMonetateClient(options: MonetateClientOptions = {}): MonetateClient {
  const deps: HttpDeps = {
    // Bound: a detached `fetch` throws "Illegal invocation" in browsers.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: options.maxBytes ?? 2_000_000,
    now: options.now ?? (() => Date.now()),
    setTimeout: options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms)),
    clearTimeout: options.clearTimeout ?? ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)),
  };

  function dataCall(spec: Omit<CallSpec, 'authorization'> & { token: string }) {
    const { token, ...rest } = spec;
    return call(deps, { ...rest, authorization: `Token ${headerSafe(token, 'token')}` });
  }

  return {
    async refreshToken(target, jwt, ttl, callOptions = {}) {
      if (!Number.isInteger(ttl) || ttl < TTL_MIN || ttl > TTL_MAX) {
        throw new AppError('token_ttl_invalid', `Token lifetime must be a whole number of seconds from ${TTL_MIN} to ${TTL_MAX}`);
      }
      const answer = await call(deps, {
        method: 'GET',
        url: authRefreshUrl(target.baseUrl, ttl),
        authorization: `JWT ${headerSafe(jwt, 'JWT')}`,
        write: false,
        signal: callOptions.signal,
      });
      return { answer: readData(tokenAnswerSchema, required(answer.envelope), 'token answer'), serverDateMs: answer.serverDateMs };
    },

    async lookupRecord(target, token, dataset, id, callOptions = {}) {
      const answer = await dataCall({
        method: 'GET',
        url: recordUrl(target, dataset, id),
        token,
        write: false,
        context: { dataset, id },
        signal: callOptions.signal,
      });
      const read = readRecordRows(required(answer.envelope).data);
      if ('problem' in read) throw new MonetateError('bad_response', `unexpected record answer (${read.problem})`, { status: answer.status });
      return { record: read.rows[0] ?? null, rows: read.rows };
    },

    async listSchemas(target, token, callOptions = {}) {
      const answer = await dataCall({ method: 'GET', url: schemaListUrl(target), token, write: false, signal: callOptions.signal });
      return readData(schemaListSchema, required(answer.envelope), 'dataset list');
    },

    async getSchema(target, token, name, callOptions = {}) {
      const answer = await dataCall({
        method: 'GET',
        url: schemaUrl(target, name),
        token,
        write: false,
        context: { dataset: name },
        signal: callOptions.signal,
      });
      return readData(schemaSchema, required(answer.envelope), 'dataset schema');
    },

    async patchSchemaFields(target, token, name, fields, callOptions = {}) {
      if (Object.keys(fields).length === 0) throw new AppError('attribute_invalid', 'Add at least one attribute');
      const answer = await dataCall({
        method: 'PATCH',
        url: schemaUrl(target, name),
        token,
        body: { fields },
        write: true,
        context: { dataset: name },
        signal: callOptions.signal,
      });
      return answer.envelope ? readWriteData(answer.envelope) : {};
    },

    async patchNamedIdentifier(target, token, name, value, callOptions = {}) {
      // The OpenAPI pattern for named_identifier; checked here so a bad value is never sent.
      if (!/^\w+$/.test(value)) {
        throw new AppError('identifier_name_invalid', 'Identifier Name may contain only letters, digits and underscores', {
          fields: [{ field: 'named_identifier', message: 'Use only letters, digits and underscores.' }],
        });
      }
      const answer = await dataCall({
        method: 'PATCH',
        url: schemaUrl(target, name),
        token,
        body: { named_identifier: value },
        write: true,
        context: { dataset: name },
        signal: callOptions.signal,
      });
      return answer.envelope ? readWriteData(answer.envelope) : {};
    },

    async postRows(target, token, dataset, rows, callOptions = {}) {
      if (rows.length === 0) throw new AppError('no_rows');
      const body: { schema_rows: Record<string, unknown>[]; _sent_time?: string } = { schema_rows: rows };
      if (callOptions.sentTime !== undefined) body._sent_time = callOptions.sentTime;
      const answer = await dataCall({
        method: 'POST',
        url: rowsUrl(target, dataset),
        token,
        body,
        write: true,
        context: { dataset },
        signal: callOptions.signal,
      });
      if (!answer.envelope) {
        return { status: answer.status, rows: [], warnings: [`saved, but the answer could not be read (${answer.unreadable?.detail ?? 'empty'})`] };
      }
      const warnings = (answer.envelope.meta.warnings ?? []).map((w) => (typeof w === 'string' ? w : JSON.stringify(w)));
      const read = readRecordRows(answer.envelope.data);
      if ('problem' in read) warnings.push(`saved, but the answer did not list the stored rows (${read.problem})`);
      return { status: answer.status, rows: 'rows' in read ? read.rows : [], warnings };
    },

    async listUploads(target, token, dataset, callOptions = {}) {
      const answer = await dataCall({
        method: 'GET',
        url: uploadsUrl(target, dataset),
        token,
        write: false,
        context: { dataset },
        signal: callOptions.signal,
      });
      return readData(uploadListSchema, required(answer.envelope), 'upload history');
    },
  };
}

/** A write succeeded (2xx): an odd body must not turn it into a failure the user would retry. */
function readWriteData(envelope: Envelope): SchemaPatchAnswer {
  const parsed = schemaPatchAnswerSchema.safeParse(envelope.data);
  return parsed.success ? parsed.data : {};
}

function required<T>(envelope: T | undefined): T {
  // call() only leaves the envelope out for writes; reads always have one here.
  if (envelope === undefined) throw new MonetateError('bad_response', 'empty answer');
  return envelope;
}

/** Header values travel as-is: a newline or space would split or corrupt the header. */
function headerSafe(value: string, what: string): string {
  if (!/^[\x21-\x7e]+$/.test(value)) throw new AppError('header_value_unsendable', what);
  return value;
}
