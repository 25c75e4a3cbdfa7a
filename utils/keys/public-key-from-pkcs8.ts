import { AppError } from '@/utils/errors';
import { describePublicKey, importExtractablePkcs8 } from '@/utils/keys/rsa-webcrypto';
import type { PublicKeyInfo } from '@/utils/keys/types';

/**
 * The public key PEM, fingerprint and size of a stored PKCS#8 RSA key, e.g. to show again
 * what to register with Monetate after unlocking. Throws `key_unrecognized` for bytes that
 * are not an RSA PKCS#8 key.
 * @example const { publicKeyPem, fingerprint } = await publicKeyFromPkcs8(await openVault(vault, pass));
 */
export async function publicKeyFromPkcs8(pkcs8: Uint8Array): Promise<PublicKeyInfo> {
  let key: CryptoKey;
  try {
    key = await importExtractablePkcs8(pkcs8);
  } catch {
    throw new AppError('key_unrecognized', 'the stored bytes are not an RSA PKCS#8 key');
  }
  return describePublicKey(key);
}
