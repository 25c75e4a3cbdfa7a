import { base64ToBytes } from '@/utils/encoding';
import { AppError } from '@/utils/errors';
import { deriveVaultKey, vaultAdditionalData } from '@/utils/vault/derive-vault-key';
import { firstIssue, sealedVaultSchema } from '@/utils/vault/schema';

/**
 * Decrypts a vault. Takes `unknown` because it reads straight from storage or a backup:
 * anything that is not a well-formed vault (including fewer than 600,000 iterations) is
 * `vault_corrupt`; a passphrase that fails AES-GCM authentication is `wrong_passphrase`.
 * GCM cannot tell a wrong passphrase from a tampered ciphertext, so tampering reads as
 * `wrong_passphrase` too.
 * @example const pkcs8 = await openVault(await vaultItem.getValue(), passphrase);
 */
export async function openVault(vault: unknown, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const parsed = sealedVaultSchema.safeParse(vault);
  if (!parsed.success) throw new AppError('vault_corrupt', firstIssue(parsed.error));
  if (typeof passphrase !== 'string') throw new AppError('passphrase_missing');
  // Spares a PBKDF2 run, and some engines refuse a zero-length PBKDF2 password outright.
  if (passphrase === '') throw new AppError('wrong_passphrase');

  const { version, kdf, cipher, ciphertext } = parsed.data;
  const key = await deriveVaultKey(passphrase, base64ToBytes(kdf.salt), kdf.iterations);
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(cipher.iv), additionalData: vaultAdditionalData(version) },
      key,
      base64ToBytes(ciphertext),
    );
    return new Uint8Array(plain);
  } catch {
    throw new AppError('wrong_passphrase');
  }
}
