import { bytesToBase64, ownBytes, toPem } from '@/utils/encoding';
import type { PublicKeyInfo } from '@/utils/keys/types';

/**
 * The one WebCrypto algorithm every key is validated and used with. The hash here only
 * matters for signing; `importSigningKey` picks the hash that matches the JWT alg.
 * Internal to `utils/keys`.
 */
export const RSA_SHA256: RsaHashedImportParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };

/** An extractable private key from PKCS#8 DER; throws WebCrypto's DataError when invalid. */
export function importExtractablePkcs8(pkcs8: Uint8Array): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('pkcs8', ownBytes(pkcs8), RSA_SHA256, true, ['sign']);
}

/**
 * Derives the public half from an extractable private key. WebCrypto cannot export SPKI
 * from a private key, so we go through its JWK (n, e) and import those as a public key.
 */
export async function describePublicKey(privateKey: CryptoKey): Promise<PublicKeyInfo> {
  const subtle = globalThis.crypto.subtle;
  const jwk = await subtle.exportKey('jwk', privateKey);
  const publicKey = await subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e, ext: true }, RSA_SHA256, true, [
    'verify',
  ]);
  return describeSpki(new Uint8Array(await subtle.exportKey('spki', publicKey)), modulusBitsOf(privateKey));
}

/** PEM, fingerprint and size for SPKI DER. */
export async function describeSpki(spki: Uint8Array, modulusBits: number): Promise<PublicKeyInfo> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', ownBytes(spki)));
  return {
    publicKeyPem: toPem('PUBLIC KEY', spki),
    // Same shape as ssh-keygen -l ("SHA256:…", no padding), but over the SPKI DER that
    // Monetate stores, so it can be compared with `openssl pkey -pubout -outform DER | sha256`.
    fingerprint: `SHA256:${bytesToBase64(digest).replace(/=+$/, '')}`,
    modulusBits,
  };
}

export function modulusBitsOf(key: CryptoKey): number {
  return (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
}
