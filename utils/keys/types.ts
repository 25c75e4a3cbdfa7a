/** JWS algorithms Monetate's Auth API accepts for the signed JWT. */
export type SigningAlg = 'RS256' | 'RS384' | 'RS512';

export const SIGNING_ALGS: readonly SigningAlg[] = ['RS256', 'RS384', 'RS512'];

/** Key sizes the options page offers for "Generate key pair". */
export type RsaModulusBits = 2048 | 3072 | 4096;

export const GENERATED_KEY_SIZES: readonly RsaModulusBits[] = [2048, 3072, 4096];

/** Smaller RSA keys are refused with `key_too_small`. */
export const MIN_RSA_MODULUS_BITS = 2048;

/** Where a stored key came from, for display ("imported from an OpenSSH file"). */
export type KeySourceFormat = 'pkcs8' | 'pkcs1' | 'openssh' | 'generated';

/** What a user needs to register the key with Monetate and recognise it later. */
export interface PublicKeyInfo {
  /** SPKI in PEM (`-----BEGIN PUBLIC KEY-----`), what Monetate's "CREATE PUBLIC KEY" takes. */
  publicKeyPem: string;
  /** `SHA256:` + unpadded base64 of SHA-256 over the SPKI DER. */
  fingerprint: string;
  modulusBits: number;
}

/** A validated RSA private key, normalised to PKCS#8 DER, ready to seal in the vault. */
export interface ImportedKey extends PublicKeyInfo {
  pkcs8: Uint8Array;
  sourceFormat: KeySourceFormat;
}
