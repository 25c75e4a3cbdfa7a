import { AppError } from '@/utils/errors';
import { assertUnlockAllowed, currentFailures, withFailure, type UnlockFailures } from '@/utils/vault/unlock-backoff';

export interface UnlockGuardDeps {
  now(): number;
  /**
   * One read-modify-write of every profile's count, serialized with every other (the background
   * passes `updateItem` of the stored item), so two profiles failing at once both keep their count.
   * A throw from `change` writes nothing.
   */
  update(change: (all: Record<string, unknown>) => Record<string, UnlockFailures>): Promise<unknown>;
}

/**
 * Slows down passphrase guessing: every try of a profile's passphrase (unlock, change
 * passphrase) runs one at a time, after the wait the earlier wrong ones earned. The attempt is
 * counted in storage before the passphrase is tried, so neither parallel messages nor a restarted
 * service worker get a free guess; a right passphrase clears the count.
 * @example const pkcs8 = await guard.attempt(profileId, () => openVault(vault, passphrase));
 */
export function createUnlockGuard(deps: UnlockGuardDeps) {
  const queues = new Map<string, Promise<unknown>>();

  /** Every other profile's count that still matters, plus this profile's new one (or none). */
  function withRecord(all: Record<string, unknown>, profileId: string, record: UnlockFailures | null): Record<string, UnlockFailures> {
    const { [profileId]: _old, ...rest } = all;
    const kept = Object.fromEntries(
      Object.entries(rest)
        .map(([id, value]) => [id, currentFailures(value, deps.now())] as const)
        .filter((entry): entry is [string, UnlockFailures] => entry[1] !== null),
    );
    return record ? { ...kept, [profileId]: record } : kept;
  }

  async function write(profileId: string, record: UnlockFailures | null): Promise<void> {
    await deps.update((all) => withRecord(all, profileId, record));
  }

  async function run<T>(profileId: string, tryPassphrase: () => Promise<T>): Promise<T> {
    const now = deps.now();
    let before: UnlockFailures | null = null;
    // Checked and counted as wrong until proven right, in one step.
    await deps.update((all) => {
      before = currentFailures(all[profileId], now);
      assertUnlockAllowed(before, now);
      return withRecord(all, profileId, withFailure(before, now));
    });
    try {
      const result = await tryPassphrase();
      await write(profileId, null);
      return result;
    } catch (error) {
      // Only a wrong passphrase counts; a missing or damaged vault says nothing about guessing.
      if (!(error instanceof AppError && error.code === 'wrong_passphrase')) await write(profileId, before);
      throw error;
    }
  }

  return {
    attempt<T>(profileId: string, tryPassphrase: () => Promise<T>): Promise<T> {
      const previous = queues.get(profileId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => run(profileId, tryPassphrase));
      queues.set(profileId, next);
      void next.catch(() => undefined).finally(() => {
        if (queues.get(profileId) === next) queues.delete(profileId);
      });
      return next;
    },
  };
}
