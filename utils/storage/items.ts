import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { Profile, SigningAlgorithm } from '@/utils/profiles/profile';
import type { ImportJob } from '@/utils/import/job';
import type { RecordRead } from '@/utils/records/compose';
import type { SealedVault } from '@/utils/vault/types';
import type { UnlockFailures } from '@/utils/vault/unlock-backoff';

/**
 * Every piece of persistent state, declared once, with its area, fallback and version.
 *
 * `local` holds nothing secret: profiles, the encrypted vaults, settings, history and the edit
 * log. `session` (trusted contexts only, cleared when the browser quits) holds the unlocked key,
 * access tokens and the rate limiter's next-allowed time.
 *
 * Beside each item, `clearing(...)` declares what locking and deleting a profile forget of it
 * (as Bitwarden's `clearOn`); `utils/storage/clear-on.ts` clears by these declarations only.
 */

/** When an item forgets data: on lock (one profile's key, or all), or when a profile is deleted. */
export type ClearEvent = 'lock' | 'profileDelete';

export interface ItemClearing<T = unknown> {
  item: WxtStorageItem<T, Record<string, never>>;
  clearOn: readonly ClearEvent[];
  /** The value without one profile's data; lock without a profile resets the item to its fallback. */
  forgetProfile(value: T, profileId: string): T;
}

const declared: ItemClearing[] = [];

/** Every item's clearing declaration, in declaration order. */
export const ITEM_CLEARING: readonly ItemClearing[] = declared;

function clearing<T>(item: WxtStorageItem<T, Record<string, never>>, clearOn: readonly ClearEvent[], forgetProfile: (value: T, profileId: string) => T = (value) => value): WxtStorageItem<T, Record<string, never>> {
  declared.push({ item, clearOn, forgetProfile } as ItemClearing);
  return item;
}

/** For maps keyed by profile id. Returns the same object when the profile has no entry (no write). */
function withoutKey<V>(map: Record<string, V>, profileId: string): Record<string, V> {
  if (!Object.hasOwn(map, profileId)) return map;
  const { [profileId]: _dropped, ...rest } = map;
  return rest;
}

/** For lists whose entries name their profile. */
function withoutProfileEntries<E extends { profileId: string }>(list: E[], profileId: string): E[] {
  return list.some((entry) => entry.profileId === profileId) ? list.filter((entry) => entry.profileId !== profileId) : list;
}

/** Profiles are read as unknown (storage may hold anything): an entry is matched by its `id` alone. */
function withoutProfile(list: Profile[], profileId: string): Profile[] {
  const stored: unknown[] = Array.isArray(list) ? list : [];
  const idOf = (entry: unknown) => (typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined);
  return stored.some((entry) => idOf(entry) === profileId) ? (stored.filter((entry) => idOf(entry) !== profileId) as Profile[]) : list;
}

export interface Settings {
  /** Minutes without activity before unlocked keys are forgotten. */
  autoLockMinutes: number;
  /** How long a look-up answer is reused before Monetate is asked again. */
  cacheTtlSeconds: number;
  /** Sites (origins) where the overlay launcher is hidden. */
  overlayHiddenOrigins: string[];
  /** Where the overlay launcher sits: an edge and a fraction along it. */
  launcherPosition: LauncherPosition;
}

export interface LauncherPosition {
  edge: 'left' | 'right' | 'top' | 'bottom';
  /** 0..1 along the edge. */
  offset: number;
}

export const DEFAULT_LAUNCHER_POSITION: LauncherPosition = { edge: 'right', offset: 0.5 };

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 30,
  cacheTtlSeconds: 30,
  overlayHiddenOrigins: [],
  launcherPosition: DEFAULT_LAUNCHER_POSITION,
};

export interface LookupHistoryEntry {
  dataset: string;
  id: string;
  at: number;
  outcome: 'found' | 'not_found' | 'error';
}

export interface EditLogEntry {
  /** Identifies the entry so its result can be written when Monetate answers (absent on old entries). */
  id?: string;
  at: number;
  profileId: string;
  profileName: string;
  dataset: string;
  recordId: string;
  /** `import`: one whole import (changes carry file, rows accepted/rejected/unknown, batches); `import_batch`: one failed batch. */
  kind: 'update' | 'add_row' | 'create' | 'add_attributes' | 'set_identifier' | 'import' | 'import_batch';
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  /**
   * `sent` is written before the request leaves and replaced when the answer comes; one that
   * stays `sent` belongs to a worker stopped mid-write, whose outcome nobody saw.
   */
  result: 'sent' | 'saved' | 'refused' | 'outcome_unknown' | 'failed';
  message?: string;
}

export interface CachedToken {
  token: string;
  /** ms since epoch, by the local clock. */
  expiresAt: number;
  issuedAt: number;
}

export interface SignedJwtView {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signedAt: number;
  alg: SigningAlgorithm;
}

/**
 * A sealed vault as stored: the passphrase-encrypted key plus, in the clear, only what identifies
 * the key, so a locked profile can still say which key Monetate must have (absent on old vaults).
 */
export interface StoredVault extends SealedVault {
  publicKey?: VaultKeyIdentity;
}

export interface VaultKeyIdentity {
  fingerprint: string;
  modulusBits: number;
}

/** A stored entry from version 1, which named its dataset `schema`. */
type LegacyDatasetField = { schema?: string; dataset?: string } & Record<string, unknown>;

/** Version 2 calls the dataset's name `dataset` (version 1: `schema`, also used for schema objects). */
function datasetFieldFromSchema<T>(entry: LegacyDatasetField): T {
  const { schema, ...rest } = entry;
  return { ...rest, dataset: rest.dataset ?? schema ?? '' } as T;
}

export const LOOKUP_HISTORY_LIMIT = 50;
export const EDIT_LOG_LIMIT = 500;

// The profile list: a deleted profile's entry goes (the active mark is moved by the delete handler).
export const profilesItem = clearing(storage.defineItem<Profile[]>('local:profiles', { fallback: [], version: 1 }), ['profileDelete'], withoutProfile);
export const activeProfileIdItem = clearing(storage.defineItem<string | null>('local:activeProfileId', { fallback: null, version: 1 }), []);
/** Encrypted vaults by profile id (see utils/vault: PBKDF2-SHA256 + AES-256-GCM). Locking keeps them: they are the key. */
export const vaultsItem = clearing(storage.defineItem<Record<string, StoredVault>>('local:vaults', { fallback: {}, version: 1 }), ['profileDelete'], withoutKey);
export const settingsItem = clearing(storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 }), []);
export const lookupHistoryItem = clearing(
  storage.defineItem<Record<string, LookupHistoryEntry[]>>('local:lookupHistory', {
    fallback: {},
    version: 2,
    migrations: { 2: (byProfile: Record<string, LegacyDatasetField[]>) => Object.fromEntries(Object.entries(byProfile ?? {}).map(([profileId, entries]) => [profileId, (entries ?? []).map(datasetFieldFromSchema)])) },
  }),
  ['profileDelete'],
  withoutKey,
);
/** What was sent to Monetate, and by which profile: kept when the profile is deleted, as a record of the writes. */
export const editLogItem = clearing(storage.defineItem<EditLogEntry[]>('local:editLog', { fallback: [], version: 2, migrations: { 2: (entries: LegacyDatasetField[]) => (entries ?? []).map(datasetFieldFromSchema) } }), []);

/** Unlocked PKCS#8 keys by profile id, base64. Session area: never written to disk. */
export const unlockedKeysItem = clearing(storage.defineItem<Record<string, string>>('session:unlockedKeys', { fallback: {} }), ['lock', 'profileDelete'], withoutKey);
/** Locked means no new token can be minted, and the cached one is forgotten too. */
export const tokensItem = clearing(storage.defineItem<Record<string, CachedToken>>('session:tokens', { fallback: {} }), ['lock', 'profileDelete'], withoutKey);
/** The earliest time the next record look-up may be sent, saved before every send. */
export const nextLookupAtItem = clearing(storage.defineItem<number>('session:nextLookupAt', { fallback: 0 }), []);
/** Header and claims of the last JWT signed (no signature): nothing a lock must hide. */
export const lastJwtItem = clearing(storage.defineItem<SignedJwtView | null>('session:lastJwt', { fallback: null }), []);

/**
 * Record look-up answers, kept so a save is composed from the record as Monetate sent it (see
 * utils/records/read-store). Bounded; session area, so never on disk. Customer data: forgotten
 * on lock (the read store's memory mirror is cleared with it).
 */
export const recordReadsItem = clearing(storage.defineItem<RecordRead[]>('session:recordReads', { fallback: [] }), ['lock', 'profileDelete'], withoutProfileEntries);

/** Dataset names last seen per profile, for the right-click submenu (names only, nothing secret). */
export const knownDatasetsItem = clearing(
  storage.defineItem<Record<string, string[]>>('local:knownDatasets', { fallback: {}, version: 1 }),
  ['profileDelete'],
  withoutKey,
);
/** A record a right-click or another surface asked the side panel to show. */
export const pendingShowItem = clearing(
  storage.defineItem<{ dataset: string; id: string; at: number } | null>('session:pendingShow', { fallback: null }),
  [],
);
/**
 * Each profile's current import job: dataset, mapping, file fingerprint and every batch's
 * state, never a row of the file (rows are read again from the file to resume).
 */
export const importJobsItem = clearing(
  storage.defineItem<Record<string, ImportJob>>('local:importJobs', { fallback: {}, version: 1 }),
  ['profileDelete'],
  withoutKey,
);

/**
 * Wrong passphrases in a row per profile and when the next try is allowed, so the unlock back-off
 * survives a restarted service worker and a restarted browser (read through `currentFailures`,
 * which caps the wait whatever is stored). Locking must not reset it: that would be a free guess.
 */
export const unlockFailuresItem = clearing(
  storage.defineItem<Record<string, UnlockFailures>>('local:unlockFailures', { fallback: {}, version: 1 }),
  ['profileDelete'],
  withoutKey,
);
