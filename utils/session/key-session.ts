import { AppError } from '@/utils/errors';
import { base64ToBytes, bytesToBase64 } from '@/utils/encoding';
import { importSigningKey, type SigningAlg } from '@/utils/keys';
import { openVault } from '@/utils/vault';
import { unlockedKeysItem, vaultsItem } from '@/utils/storage/items';
import { dropKey, updateItem } from '@/utils/storage/update-item';

/**
 * Which profiles' keys are unlocked. The unlocked PKCS#8 lives only in `session` storage
 * (kept across service-worker restarts, gone when the browser quits) and, as a
 * non-extractable CryptoKey, in this worker's memory.
 */
export function createKeySession() {
  const signingKeys = new Map<string, CryptoKey>();

  return {
    async unlock(profileId: string, passphrase: string): Promise<void> {
      const vault = (await vaultsItem.getValue())[profileId];
      if (!vault) throw new AppError('vault_missing');
      const pkcs8 = await openVault(vault, passphrase);
      await this.store(profileId, pkcs8);
    },

    /** Keeps an already-decrypted key unlocked (after generate or import, the user just typed the passphrase). */
    async store(profileId: string, pkcs8: Uint8Array): Promise<void> {
      await updateItem(unlockedKeysItem, (unlocked) => ({ ...unlocked, [profileId]: bytesToBase64(pkcs8) }));
      for (const key of signingKeys.keys()) if (key.startsWith(`${profileId}\u0000`)) signingKeys.delete(key);
    },

    async lock(profileId?: string): Promise<void> {
      if (profileId === undefined) {
        await updateItem(unlockedKeysItem, () => ({}));
        signingKeys.clear();
        return;
      }
      await dropKey(unlockedKeysItem, profileId);
      for (const key of signingKeys.keys()) if (key.startsWith(`${profileId}\u0000`)) signingKeys.delete(key);
    },

    async unlockedIds(): Promise<Set<string>> {
      return new Set(Object.keys(await unlockedKeysItem.getValue()));
    },

    async pkcs8(profileId: string): Promise<Uint8Array> {
      const encoded = (await unlockedKeysItem.getValue())[profileId];
      if (!encoded) throw new AppError('locked');
      return base64ToBytes(encoded);
    },

    async signingKey(profileId: string, alg: SigningAlg): Promise<CryptoKey> {
      const cacheKey = `${profileId}\u0000${alg}`;
      const encoded = (await unlockedKeysItem.getValue())[profileId];
      if (!encoded) {
        signingKeys.delete(cacheKey);
        throw new AppError('locked');
      }
      let key = signingKeys.get(cacheKey);
      if (!key) {
        key = await importSigningKey(base64ToBytes(encoded), alg);
        signingKeys.set(cacheKey, key);
      }
      return key;
    },
  };
}
