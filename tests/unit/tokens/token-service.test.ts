import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../utils/errors';
import { createTokenService, type MintOptions } from '../../../utils/tokens/token-service';
import type { CachedToken } from '../../../utils/storage/items';

function setup(options: { mint?: (opts: MintOptions) => Promise<{ token: string; expiresIn: number }> } = {}) {
  let now = 1_700_000_000_000;
  const store = new Map<string, CachedToken>();
  let counter = 0;
  const mint = vi.fn(
    options.mint ??
      (async () => {
        counter += 1;
        await Promise.resolve();
        return { token: `token-${counter}`, expiresIn: 3600 };
      }),
  );
  const service = createTokenService({
    now: () => now,
    load: async (id) => store.get(id),
    save: async (id, token) => {
      if (token) store.set(id, token);
      else store.delete(id);
    },
    mint: (_id, opts) => mint(opts),
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
      detail: 'iat too far from server time; also, your clock is off by 300 seconds (ahead of Monetate)',
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
});
