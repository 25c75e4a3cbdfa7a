import { bytesToBase64, ownBytes } from '@/utils/encoding';
import { AppError } from '@/utils/errors';
import { checkPassphraseStrength } from '@/utils/vault/check-passphrase-strength';
import { deriveVaultKey, vaultAdditionalData } from '@/utils/vault/derive-vault-key';
import { IV_BYTES, MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, SALT_BYTES, type SealedVault } from '@/utils/vault/types';

/**
 * Encrypts `secret` (the PKCS#8 key bytes) under `passphrase`: PBKDF2-SHA256 (600,000
 * iterations by default) → AES-256-GCM, with a new random salt and IV on every call, so
 * re-sealing the same key never reuses an IV. Refuses a weak passphrase (`weak_passphrase`)
 * and an iteration count outside the allowed range (`vault_iterations_invalid`).
 * @example const vault = await sealVault(key.pkcs8, passphrase); await vaultItem.setValue(vault);
 */
export async function sealVault(
  secret: Uint8Array,
  passphrase: string,
  options: { iterations?: number } = {},
): Promise<SealedVault> {
  if (!(secret instanceof Uint8Array) || secret.length === 0) {
    throw new AppError('vault_key_missing');
  }
  await checkPassphraseStrength(passphrase);
  const iterations = options.iterations ?? MIN_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new AppError('vault_iterations_invalid', String(iterations), { params: { min: MIN_PBKDF2_ITERATIONS, max: MAX_PBKDF2_ITERATIONS } });
  }

  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveVaultKey(passphrase, salt, iterations);
  const version = 1;
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: vaultAdditionalData(version) },
    key,
    ownBytes(secret),
  );
  return {
    version,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
    ciphertext: bytesToBase64(new Uint8Array(ciphertext)),
  };
}
