import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { createTokenService, type MintedToken, type MintOptions } from '@/utils/tokens/token-service';
import type { CachedToken } from '@/utils/storage/items';

function setup(options: { mint?: (opts: MintOptions) => Promise<Omit<MintedToken, 'requestedTtlSeconds'> & { requestedTtlSeconds?: number }> } = {}) {
  let now = 1_700_000_000_000;
  const store = new Map<string, CachedToken>();
  let counter = 0;
  const mint = vi.fn(
    options.mint ??
      (async () => {
        counter += 1;
        await Promise.resolve();
        return { token: `token-${counter}`, expiresIn: 3600, requestedTtlSeconds: 3600 };
      }),
  );
  const service = createTokenService({
    now: () => now,
    load: async (id) => store.get(id),
    save: async (id, token) => {
      if (token) store.set(id, token);
      else store.delete(id);
    },
    mint: async (_id, opts) => ({ requestedTtlSeconds: 3600, ...(await mint(opts)) }),
  });
  return { service, mint, store, advance: (ms: number) => (now += ms), now: () => now };
}

function unauthorizedAt(serverDateMs: number) {
  return Object.assign(new AppError('unauthorized', 'iat too far from server time'), { serverDateMs });
}

describe('token service', () => {
  it('makes one Auth call when ten callers ask at once', async () => {
    const { service, mint } = setup();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => service.get('p1')));
    expect(mint).toHaveBeenCalledTimes(1);
    expect(new Set(tokens.map((t) => t.token))).toEqual(new Set(['token-1']));
  });

  it('reuses the cached token until a minute before it expires', async () => {
    const { service, mint, advance } = setup();
    const first = await service.get('p1');
    expect(first.expiresAt - first.issuedAt).toBe(3_600_000);
    advance(3_600_000 - 61_000);
    expect((await service.get('p1')).token).toBe('token-1');
    advance(2_000);
    expect((await service.get('p1')).token).toBe('token-2');
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it('mints a fresh token on request and after invalidation', async () => {
    const { service, mint } = setup();
    await service.get('p1');
    expect((await service.get('p1', { fresh: true })).token).toBe('token-2');
    await service.invalidate('p1');
    expect((await service.get('p1')).token).toBe('token-3');
    expect(mint).toHaveBeenCalledTimes(3);
  });

  it('retries once with iat corrected when the server clock is far from ours', async () => {
    const calls: MintOptions[] = [];
    const { service, now } = setup({
      mint: async (opts) => {
        calls.push(opts);
        if (opts.iatOffsetSeconds === 0) throw unauthorizedAt(now() + 120_000);
        return { token: 'skew-fixed', expiresIn: 600 };
      },
    });
    expect((await service.get('p1')).token).toBe('skew-fixed');
    expect(calls).toEqual([{ iatOffsetSeconds: 0 }, { iatOffsetSeconds: 120 }]);
  });

  it('says the key is not accepted, and names the clock offset, when the corrected retry is refused too', async () => {
    const { service, mint, now } = setup({ mint: async () => Promise.reject(unauthorizedAt(now() - 300_000)) });
    await expect(service.get('p1')).rejects.toMatchObject({
      code: 'unauthorized',
      detail: 'iat too far from server time; also, your clock is off by 5 minutes (ahead of Monetate)',
    });
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it('says the key is not accepted when the clocks agree', async () => {
    const { service, mint, now } = setup({ mint: async () => Promise.reject(unauthorizedAt(now() + 5_000)) });
    await expect(service.get('p1')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it('passes a revoked key through without retrying', async () => {
    const { service, mint } = setup({ mint: async () => Promise.reject(new AppError('revoked')) });
    await expect(service.get('p1')).rejects.toMatchObject({ code: 'revoked' });
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it('corrects a clock up to 15 minutes off, and no further: beyond that it says to fix the clock and signs nothing more', async () => {
    const calls: MintOptions[] = [];
    let serverAhead = 15 * 60_000;
    const { service, now } = setup({
      mint: async (opts) => {
        calls.push(opts);
        if (opts.iatOffsetSeconds === 0) throw unauthorizedAt(now() + serverAhead);
        return { token: 'corrected', expiresIn: 3600 };
      },
    });
    expect((await service.get('p1')).token).toBe('corrected');
    expect(calls).toEqual([{ iatOffsetSeconds: 0 }, { iatOffsetSeconds: 900 }]);

    calls.length = 0;
    serverAhead = 86_399_000;
    await expect(service.get('p2')).rejects.toMatchObject({ code: 'clock_skew', detail: '23 hours 59 minutes (yours is behind)' });
    expect(calls).toEqual([{ iatOffsetSeconds: 0 }]);
    serverAhead = -(15 * 60_000 + 1000);
    await expect(service.get('p3')).rejects.toMatchObject({ code: 'clock_skew', detail: '15 minutes 1 second (yours is ahead)' });
  });

  it('refuses a token with characters a header cannot carry, and caches nothing', async () => {
    for (const token of ['abc\r\nX-Injected: 1', 'two words', '', 'tab\there', 'é'.repeat(3), 'x'.repeat(4097)]) {
      const { service, store } = setup({ mint: async () => ({ token, expiresIn: 3600 }) });
      await expect(service.get('p1'), JSON.stringify(token.slice(0, 20))).rejects.toMatchObject({ code: 'bad_response' });
      expect(store.size).toBe(0);
    }
  });

  it('holds the lifetime between a minute and the TTL asked for, whatever expires_in says', async () => {
    const short = setup({ mint: async () => ({ token: 'short', expiresIn: 0.001, requestedTtlSeconds: 600 }) });
    const first = await short.service.get('p1');
    expect(first.expiresAt - first.issuedAt).toBe(60_000);
    // Not an Auth call before every request: the token is reused for most of that minute.
    short.advance(40_000);
    expect((await short.service.get('p1')).token).toBe('short');
    expect(short.mint).toHaveBeenCalledTimes(1);

    const long = setup({ mint: async () => ({ token: 'long', expiresIn: 1e12, requestedTtlSeconds: 600 }) });
    const kept = await long.service.get('p1');
    expect(kept.expiresAt - kept.issuedAt).toBe(600_000);
    long.advance(600_000);
    await long.service.get('p1');
    expect(long.mint).toHaveBeenCalledTimes(2);
  });
});
