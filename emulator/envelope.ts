import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from './validation.ts';

export interface MetaExtras {
  errors?: ApiError[];
  warnings?: unknown[];
  count?: number;
}

/** Every Monetate answer, success or error, is `{ meta: { code, … }, data }`. */
export function envelope(c: Context, status: number, data: unknown, meta: MetaExtras = {}): Response {
  return c.json({ meta: { code: status, ...meta }, data }, status as ContentfulStatusCode);
}

export function apiError(c: Context, status: number, message: string, where: Omit<ApiError, 'message'> = {}): Response {
  return envelope(c, status, {}, { errors: [{ message, ...where }] });
}

export function apiErrors(c: Context, status: number, errors: ApiError[]): Response {
  return envelope(c, status, {}, { errors });
}

/** Parses a JSON body without throwing; `ok: false` when it is not JSON at all. */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
