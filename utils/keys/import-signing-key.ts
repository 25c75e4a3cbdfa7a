import { ownBytes } from '@/utils/encoding';
import { AppError } from '@/utils/errors';
import { SIGNING_ALGS, type SigningAlg } from '@/utils/keys/types';

const HASH_FOR_ALG: Record<SigningAlg, string> = { RS256: 'SHA-256', RS384: 'SHA-384', RS512: 'SHA-512' };

/**
 * A non-extractable signing key for one JWT algorithm. Non-extractable so that, once the
 * vault is open, script running in the worker can sign with it but never read it back out.
 * WebCrypto binds the hash at import, so RS384 needs its own import of the same key.
 * @example const key = await importSigningKey(pkcs8, 'RS256'); await signAuthJwt({ key, … });
 */
export async function importSigningKey(pkcs8: Uint8Array, alg: SigningAlg): Promise<CryptoKey> {
  if (!SIGNING_ALGS.includes(alg)) {
    throw new AppError('signing_alg_unsupported', String(alg), { params: { allowed: SIGNING_ALGS.join(', ') } });
  }
  try {
    return await globalThis.crypto.subtle.importKey(
      'pkcs8',
      ownBytes(pkcs8),
      { name: 'RSASSA-PKCS1-v1_5', hash: HASH_FOR_ALG[alg] },
      false,
      ['sign'],
    );
  } catch {
    throw new AppError('key_unrecognized', 'the stored bytes are not an RSA PKCS#8 key');
  }
}
