import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import type { RequestLogEntry } from '@/emulator/state.ts';

const MAX_LOG_ENTRIES = 2000;
const UNLOGGED_PREFIXES = ['/__admin', '/settings', '/platform'];

function isLogged(method: string, path: string): boolean {
  if (method === 'OPTIONS') return false;
  return !UNLOGGED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Records API requests so tests can check spacing between arrivals and their outcomes. */
export function requestLog(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (!isLogged(c.req.method, url.pathname)) {
      c.set('logEntry', undefined);
      return next();
    }
    const entry: RequestLogEntry = {
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: null,
      arrivedAt: c.get('arrivedAt'),
    };
    deps.state.requests.push(entry);
    if (deps.state.requests.length > MAX_LOG_ENTRIES) deps.state.requests.shift();
    c.set('logEntry', entry);
    await next();
    if (entry.status === null) entry.status = c.res.status;
    // A faulted write is answered before its body is read; its row count still belongs in the log.
    if (entry.rowCount === undefined && c.req.method === 'POST' && DATA_WRITE.test(url.pathname)) entry.rowCount = await countRows(c.req.text());
  };
}

const DATA_WRITE = /\/data\/[^/]+\/$/;

async function countRows(text: Promise<string>): Promise<number | undefined> {
  try {
    const value = JSON.parse(await text) as { schema_rows?: unknown };
    return Array.isArray(value.schema_rows) ? value.schema_rows.length : undefined;
  } catch {
    return undefined;
  }
}
