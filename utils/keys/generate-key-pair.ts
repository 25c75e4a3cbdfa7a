import { AppError } from '@/utils/errors';
import { describeSpki, RSA_SHA256 } from '@/utils/keys/rsa-webcrypto';
import { GENERATED_KEY_SIZES, type ImportedKey, type RsaModulusBits } from '@/utils/keys/types';

/**
 * A fresh RSA key pair (e = 65537) made by WebCrypto, in the same shape as an imported key.
 * 4096-bit generation can take seconds; callers should show progress.
 * @example const key = await generateKeyPair(2048); // key.publicKeyPem → Monetate
 */
export async function generateKeyPair(bits: RsaModulusBits): Promise<ImportedKey> {
  // Checked at run time: the value may arrive in a message from a UI.
  if (!GENERATED_KEY_SIZES.includes(bits)) {
    throw new AppError('key_size_unsupported', String(bits), { params: { allowed: GENERATED_KEY_SIZES.join(', ') } });
  }
  const subtle = globalThis.crypto.subtle;
  const pair = await subtle.generateKey(
    { ...RSA_SHA256, modulusLength: bits, publicExponent: Uint8Array.of(1, 0, 1) },
    true,
    ['sign', 'verify'],
  );
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
  return { pkcs8, sourceFormat: 'generated', ...(await describeSpki(spki, bits)) };
}
