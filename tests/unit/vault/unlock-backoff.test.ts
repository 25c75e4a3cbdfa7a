import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { currentFailures, MAX_UNLOCK_DELAY_MS, unlockDelayAfter } from '@/utils/vault/unlock-backoff';
import { createUnlockGuard } from '@/utils/vault/unlock-guard';
import type { UnlockFailures } from '@/utils/vault/unlock-backoff';

const T0 = Date.UTC(2026, 2, 1, 12);

function guardOver(stored: { value: Record<string, UnlockFailures> }, clock: { now: number }) {
  return createUnlockGuard({ now: () => clock.now, update: async (change) => void (stored.value = change(stored.value)) });
}
const wrong = () => Promise.reject(new AppError('wrong_passphrase'));
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: AppError) => `${error.code}${error.detail ? `: ${error.detail}` : ''}`);

describe('unlock back-off', () => {
  it('lets a few typing mistakes through, then doubles the wait up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 12, 13, 14, 1000].map(unlockDelayAfter)).toEqual([0, 0, 1000, 2000, 4000, 8000, 512_000, 900_000, 900_000, 900_000]);
  });

  it('says how long to wait, and counts the wait from the last wrong passphrase', async () => {
    const stored = { value: {} };
    const clock = { now: T0 };
    const guard = guardOver(stored, clock);
    for (let i = 0; i < 3; i++) expect(await codeOf(guard.attempt('p1', wrong))).toBe('wrong_passphrase');
    expect(await codeOf(guard.attempt('p1', wrong))).toBe('unlock_throttled: 1 second');
    clock.now += 1000;
    expect(await codeOf(guard.attempt('p1', wrong))).toBe('wrong_passphrase');
    expect(await codeOf(guard.attempt('p1', async () => 'key'))).toBe('unlock_throttled: 2 seconds');
    // Another profile is not held up.
    expect(await codeOf(guard.attempt('p2', async () => 'key'))).toBe('ok');
    clock.now += 2000;
    expect(await codeOf(guard.attempt('p1', async () => 'key'))).toBe('ok');
    expect(stored.value).toEqual({});
  });

  it('survives a restart: a new guard over the same storage still waits', async () => {
    const stored = { value: {} as Record<string, UnlockFailures> };
    const clock = { now: T0 };
    const first = guardOver(stored, clock);
    // Six wrong passphrases, each tried as soon as it was allowed.
    for (let i = 0; i < 6; i++) {
      await first.attempt('p1', wrong).catch(() => undefined);
      clock.now = Math.max(clock.now, stored.value.p1!.nextAllowedAt);
    }
    clock.now -= 5000;
    const restarted = guardOver(stored, clock);
    expect(await codeOf(restarted.attempt('p1', async () => 'key'))).toBe('unlock_throttled: 5 seconds');
  });

  it('gives parallel guesses no free tries: they run one at a time against the same count', async () => {
    const stored = { value: {} };
    const clock = { now: T0 };
    const guard = guardOver(stored, clock);
    let tried = 0;
    const results = await Promise.all(Array.from({ length: 50 }, () => codeOf(guard.attempt('p1', () => (tried++, wrong())))));
    expect(tried).toBe(3);
    expect(results.filter((result) => result.startsWith('unlock_throttled'))).toHaveLength(47);
  });

  it('counts an attempt before trying it, and only a wrong passphrase stays counted', async () => {
    const stored = { value: {} as Record<string, UnlockFailures> };
    const clock = { now: T0 };
    const guard = guardOver(stored, clock);
    let seenDuringTry: unknown;
    await guard.attempt('p1', async () => {
      seenDuringTry = structuredClone(stored.value.p1);
      throw new AppError('vault_missing');
    }).catch(() => undefined);
    expect(seenDuringTry).toMatchObject({ failures: 1 });
    expect(stored.value).toEqual({});
  });

  it('never waits longer than the cap, whatever storage says, and forgets after a day', () => {
    expect(currentFailures({ failures: 5, nextAllowedAt: T0 + 86_400_000 * 365, lastFailureAt: T0 }, T0)?.nextAllowedAt).toBe(T0 + MAX_UNLOCK_DELAY_MS);
    expect(currentFailures({ failures: 5, nextAllowedAt: T0, lastFailureAt: T0 - 25 * 3_600_000 }, T0)).toBeNull();
    expect(currentFailures('junk', T0)).toBeNull();
  });
});
