import { AppError } from '@/utils/errors';
import type { TokenService } from '@/utils/tokens/token-service';
import { MonetateError } from '@/utils/monetate/api-error';

export interface DataApiCallOptions {
  /**
   * For a write: one cheap read with the same token, run after a 403 to tell a Read-Only API
   * User (the read works) from a deactivated key (it is refused too).
   */
  probeRead?: (token: string) => Promise<unknown>;
}

export interface DataApiAuth {
  /**
   * Runs one Data API call with the profile's token. A 401 (expired or replaced token) gets
   * one fresh token and one more try: Monetate refused the request before doing anything, so
   * this is safe for a write too. A 403 forgets the token, unless `probeRead` shows the same
   * token still reads: then the user is read-only (`read_only_user`) and the token stays.
   * @example const schema = await auth.call(profile.id, (token) => client.getSchema(target, token, name));
   */
  call<T>(profileId: string, run: (token: string) => Promise<T>, options?: DataApiCallOptions): Promise<T>;
  /** After a 401 outside `call` (the look-up queue retries in its own slot): a fresh token. */
  renew(profileId: string): Promise<void>;
  /** After any failure outside `call`: a 403 forgets the token, so the next call mints afresh and says why. */
  refused(profileId: string, error: unknown): Promise<void>;
}

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : undefined);

/**
 * The one rule for 401 and 403 on every Data API call: look-ups, schema reads and writes.
 * @example const auth = createDataApiAuth(tokens);
 */
export function createDataApiAuth(tokens: Pick<TokenService, 'get' | 'invalidate'>): DataApiAuth {
  async function renew(profileId: string) {
    await tokens.invalidate(profileId);
    await tokens.get(profileId);
  }

  async function refused(profileId: string, error: unknown) {
    // A token whose key was deactivated is useless: forget it, so "Copy token" and the next
    // call mint afresh and say in words that the key is not accepted.
    if (codeOf(error) === 'revoked') await tokens.invalidate(profileId);
  }

  async function attempt<T>(profileId: string, token: string, run: (token: string) => Promise<T>, options: DataApiCallOptions): Promise<T> {
    try {
      return await run(token);
    } catch (error) {
      if (codeOf(error) !== 'revoked' || !options.probeRead) {
        await refused(profileId, error);
        throw error;
      }
      let reads = false;
      try {
        await options.probeRead(token);
        reads = true;
      } catch {
        // Refused too (or unreachable): the key itself is what Monetate does not accept.
      }
      if (reads) throw new MonetateError('read_only_user', (error as AppError).detail, { status: 403 });
      await refused(profileId, error);
      throw error;
    }
  }

  return {
    async call(profileId, run, options = {}) {
      const token = await tokens.get(profileId);
      try {
        return await attempt(profileId, token.token, run, options);
      } catch (error) {
        if (codeOf(error) !== 'unauthorized') throw error;
        await renew(profileId);
        return attempt(profileId, (await tokens.get(profileId)).token, run, options);
      }
    },
    renew,
    refused,
  };
}
