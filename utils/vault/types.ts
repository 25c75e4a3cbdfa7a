/**
 * A private key sealed under a passphrase, as stored in `local` storage and in backups.
 * Every parameter needed to open it travels with it, so the iteration count can be raised
 * later without a migration.
 */
export interface SealedVault {
  version: 1;
  kdf: {
    name: 'PBKDF2';
    hash: 'SHA-256';
    iterations: number;
    /** base64 of 16 random bytes, new on every seal. */
    salt: string;
  };
  cipher: {
    name: 'AES-GCM';
    /** base64 of 12 random bytes, new on every seal. */
    iv: string;
  };
  /** base64 of the AES-256-GCM ciphertext followed by its 16-byte tag. */
  ciphertext: string;
}

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; sealing below it is refused, opening too. */
export const MIN_PBKDF2_ITERATIONS = 600_000;

/**
 * Upper bound accepted when opening: a crafted backup with billions of iterations would
 * otherwise hang the service worker. ~16× the default still opens in a few seconds.
 */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

export const SALT_BYTES = 16;
export const IV_BYTES = 12;
/** AES-GCM tag length in bytes; a ciphertext shorter than this cannot be genuine. */
export const GCM_TAG_BYTES = 16;

/** Passphrases shorter than this are refused with `weak_passphrase`. */
export const MIN_PASSPHRASE_LENGTH = 10;
