import { ownBytes } from '@/utils/encoding';

/** The vault version, bound into every ciphertext so a version field cannot be swapped. */
export function vaultAdditionalData(version: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`monetate-data-inspector/vault/v${version}`);
}

/**
 * AES-256-GCM key from a passphrase with PBKDF2-HMAC-SHA256. The passphrase is NFC-normalised
 * so "é" typed on macOS (decomposed) and on Windows (composed) opens the same vault.
 * Internal to `utils/vault`.
 */
export async function deriveVaultKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: ownBytes(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
