import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { apiError } from '@/emulator/envelope.ts';
import { findKey } from '@/emulator/keys.ts';

/**
 * Data API authentication: `Authorization: Token <token>`. Messages follow Django REST
 * framework's TokenAuthentication, which Monetate's answers resemble.
 */
export function requireToken(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined || header.trim() === '') {
      return apiError(c, 401, 'Authentication credentials were not provided. Send "Authorization: Token <token>".');
    }
    const parts = header.trim().split(/\s+/);
    if (parts[0]?.toLowerCase() !== 'token') {
      return apiError(c, 401, `Invalid authorization scheme "${parts[0] ?? ''}". The Data API expects "Authorization: Token <token>"; get a token from the Auth API first.`);
    }
    if (parts.length === 1) return apiError(c, 401, 'Invalid token header. No credentials provided.');
    if (parts.length > 2) return apiError(c, 401, 'Invalid token header. Token string should not contain spaces.');
    const issued = deps.state.tokens.get(parts[1] ?? '');
    if (!issued) return apiError(c, 401, 'Invalid token.');
    const entry = c.get('logEntry');
    if (entry) entry.username = issued.username;
    if (deps.clock.now() >= issued.expiresAtMs) return apiError(c, 401, 'Token has expired. Request a new token from the Auth API.');
    const key = findKey(deps.state, issued.username, issued.keyId);
    if (!key?.active) {
      return apiError(c, 403, 'Token has been revoked: the public key that issued it was deactivated. Register an active key and request a new token.');
    }
    c.set('token', issued);
    return next();
  };
}

/**
 * Refuses writes (POST data, PATCH schema) by a Read-Only API User with 403. Runs after
 * requireToken, so a deactivated key keeps its own 403 on everything. Monetate does not
 * document how it refuses such a write; this body is the emulator's choice.
 */
export function requireWriter(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const username = c.get('token').username;
    if (deps.state.users.get(username)?.readOnly) {
      return apiError(c, 403, `API user "${username}" is a Read-Only API User: it can read data and schemas but not write them.`);
    }
    return next();
  };
}
