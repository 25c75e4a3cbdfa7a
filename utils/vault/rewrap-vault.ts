import { checkPassphraseStrength } from '@/utils/vault/check-passphrase-strength';
import { openVault } from '@/utils/vault/open-vault';
import { sealVault } from '@/utils/vault/seal-vault';
import { sealedVaultSchema } from '@/utils/vault/schema';
import { MIN_PBKDF2_ITERATIONS, type SealedVault } from '@/utils/vault/types';

/**
 * Changes a vault's passphrase: opens with `oldPassphrase`, seals again under
 * `newPassphrase` with a new salt and IV, keeping the iteration count (never below the
 * floor). Errors are those of `openVault` and `sealVault`; the old vault is untouched.
 * @example await vaultItem.setValue(await rewrapVault(vault, current, next));
 */
export async function rewrapVault(vault: unknown, oldPassphrase: string, newPassphrase: string): Promise<SealedVault> {
  // Refuse a weak new passphrase before spending a PBKDF2 run on the old one.
  await checkPassphraseStrength(newPassphrase);
  const secret = await openVault(vault, oldPassphrase);
  try {
    const iterations = Math.max(sealedVaultSchema.parse(vault).kdf.iterations, MIN_PBKDF2_ITERATIONS);
    return await sealVault(secret, newPassphrase, { iterations });
  } finally {
    // Best effort: do not leave the plain key in this buffer longer than needed.
    secret.fill(0);
  }
}
