import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { apiError } from '@/emulator/envelope.ts';
import { DEMO_RETAILER } from '@/emulator/demo-data.ts';
import type { Dataset } from '@/emulator/state.ts';

export const DATA_BASE = '/api/data/v1/:retailer/production';

export function requireRetailer(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const retailer = c.req.param('retailer');
    if (retailer !== DEMO_RETAILER) return apiError(c, 404, `Unknown retailer "${retailer ?? ''}".`);
    return next();
  };
}

/** Looks up the dataset named in the path, answering 404 itself when there is none. */
export function datasetOr404(deps: Deps, c: Context<AppEnv>, name: string): Dataset | Response {
  const dataset = deps.state.datasets.get(name);
  return dataset ?? apiError(c, 404, `Dataset "${name}" does not exist.`);
}

export function flag(value: string | undefined): boolean {
  return value !== undefined && ['true', '1', 'yes', ''].includes(value.toLowerCase());
}
