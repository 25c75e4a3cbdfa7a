import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { parseJsonExact, stringifyJsonExact } from '@/emulator/json.ts';
import type { ApiError } from '@/emulator/validation.ts';

export interface MetaExtras {
  errors?: ApiError[];
  warnings?: unknown[];
  count?: number;
}

/** JSON written exactly: a stored big number goes out as the text it came with. */
export function exactJson(c: Context, value: unknown, status = 200): Response {
  return c.body(stringifyJsonExact(value), status as ContentfulStatusCode, { 'Content-Type': 'application/json' });
}

/** Every Monetate answer, success or error, is `{ meta: { code, … }, data }`. */
export function envelope(c: Context, status: number, data: unknown, meta: MetaExtras = {}): Response {
  return exactJson(c, { meta: { code: status, ...meta }, data }, status);
}

export function apiError(c: Context, status: number, message: string, where: Omit<ApiError, 'message'> = {}): Response {
  return envelope(c, status, {}, { errors: [{ message, ...where }] });
}

export function apiErrors(c: Context, status: number, errors: ApiError[]): Response {
  return envelope(c, status, {}, { errors });
}

/**
 * Parses a JSON body exactly (see json.ts) without throwing; `ok: false` with the parser's
 * reason when it is not JSON.
 */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  const text = await c.req.text();
  try {
    return { ok: true, value: parseJsonExact(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
