import { base64ToBytes, bytesToBase64 } from '@/utils/encoding';
import type { Profile } from '@/utils/profiles/profile';

/**
 * An integrity tag on each stored profile: HMAC-SHA256 over every field, with a key that lives
 * only in the extension's own IndexedDB (see `utils/storage/integrity-key.ts`), which no content
 * script can reach. Storage areas a content script can write (Firefox's `storage.local`) may be
 * rewritten, but not re-tagged: a profile whose base URL or read-only flag was changed there no
 * longer verifies and is not used.
 */
export interface ProfileSealer {
  seal(profile: Profile): Promise<string>;
  verify(profile: Profile, seal: unknown): Promise<boolean>;
}

/** Bumped if the sealed fields ever change, so old tags fail closed instead of matching by accident. */
const SEAL_FORMAT = 1;

function sealedBytes(profile: Profile): Uint8Array<ArrayBuffer> {
  // A fixed field order: the tag must not depend on how storage ordered the object's keys.
  const fields = [
    SEAL_FORMAT,
    profile.id,
    profile.createdAt,
    profile.name,
    profile.baseUrl,
    profile.retailer,
    profile.username,
    profile.ttlSeconds,
    profile.alg,
    profile.readOnly,
    profile.confirmWrites,
    profile.defaultDataset ?? null,
  ];
  return new TextEncoder().encode(JSON.stringify(fields));
}

/**
 * Seals and verifies profiles with the HMAC key `loadKey` gives.
 * @example const sealer = createProfileSealer(loadIntegrityKey); const seal = await sealer.seal(profile);
 */
export function createProfileSealer(loadKey: () => Promise<CryptoKey>): ProfileSealer {
  return {
    async seal(profile) {
      const tag = await crypto.subtle.sign('HMAC', await loadKey(), sealedBytes(profile));
      return bytesToBase64(new Uint8Array(tag));
    },
    async verify(profile, seal) {
      if (typeof seal !== 'string' || seal.length === 0 || seal.length > 100) return false;
      let tag: Uint8Array<ArrayBuffer>;
      try {
        tag = base64ToBytes(seal);
      } catch {
        return false;
      }
      // subtle.verify compares in constant time.
      return crypto.subtle.verify('HMAC', await loadKey(), tag, sealedBytes(profile));
    },
  };
}
