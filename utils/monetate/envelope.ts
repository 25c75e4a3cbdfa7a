import { z } from 'zod';
import { AppError } from '@/utils/errors';
import { parseExactJson } from '@/utils/monetate/exact-json';

/** One item of `meta.errors` / `meta.warnings`: free-form objects, per the OpenAPI. */
const metaItemSchema = z.union([z.looseObject({}), z.string()]);

export const metaSchema = z.looseObject({
  code: z.number(),
  errors: z.array(metaItemSchema).optional(),
  warnings: z.array(metaItemSchema).optional(),
});

/** Every Monetate answer: `{ meta: { code, errors?, warnings? }, data }`. */
export const envelopeSchema = z.looseObject({
  meta: metaSchema,
  // Error answers do not always carry data; the operation checks data's shape itself.
  data: z.unknown().optional(),
});

export type EnvelopeMeta = z.infer<typeof metaSchema>;
export type Envelope = z.infer<typeof envelopeSchema>;

export interface ReadEnvelopeOptions {
  /** Largest body accepted, in bytes. A record or schema answer is a few KB. */
  maxBytes?: number;
}

/**
 * Reads a response body as a Monetate envelope, refusing oversized, non-JSON or
 * envelope-less answers with `bad_response`. Stops reading as soon as the cap is passed,
 * so a runaway body never sits in memory whole.
 * @example const envelope = await readEnvelope(await fetch(url)); envelope.meta.code // 200
 */
export async function readEnvelope(response: Response, options: ReadEnvelopeOptions = {}): Promise<Envelope> {
  const maxBytes = options.maxBytes ?? 2_000_000;
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new AppError('bad_response', `answer too large (${megabytes(declared)} MB)`, { status: response.status });
  }
  const text = await readCapped(response, maxBytes);
  let json: unknown;
  try {
    // Exact: a record's big NUMBER must go back to Monetate as it came, not rounded.
    json = parseExactJson(text);
  } catch {
    throw new AppError('bad_response', 'not JSON', { status: response.status });
  }
  return parseEnvelope(json, response.status);
}

/**
 * Checks already-parsed JSON for the envelope.
 * @example parseEnvelope({ meta: { code: 200 }, data: {} }).meta.code // 200
 */
export function parseEnvelope(json: unknown, status?: number): Envelope {
  const parsed = envelopeSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const meta = typeof json === 'object' && json !== null ? (json as { meta?: unknown }).meta : undefined;
  const detail = typeof meta === 'object' && meta !== null ? 'meta has no numeric code' : 'missing meta';
  throw new AppError('bad_response', detail, status === undefined ? {} : { status });
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError('bad_response', `answer too large (more than ${megabytes(maxBytes)} MB)`, {
        status: response.status,
      });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return String(mb >= 10 ? Math.round(mb) : Number(mb.toPrecision(2)));
}
