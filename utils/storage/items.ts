import { storage } from 'wxt/utils/storage';
import type { Profile, SigningAlgorithm } from '../profiles/profile';
import type { ImportJob } from '../import/job';
import type { RecordRead } from '../records/compose';
import type { UnlockFailures } from '../vault/unlock-backoff';

/**
 * Every piece of persistent state, declared once, with its area, fallback and version.
 *
 * `local` holds nothing secret: profiles, the encrypted vaults, settings, history and the edit
 * log. `session` (trusted contexts only, cleared when the browser quits) holds the unlocked key,
 * access tokens and the rate limiter's next-allowed time.
 */

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
  schema: string;
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
  schema: string;
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

export const LOOKUP_HISTORY_LIMIT = 50;
export const EDIT_LOG_LIMIT = 500;

export const profilesItem = storage.defineItem<Profile[]>('local:profiles', { fallback: [], version: 1 });
export const activeProfileIdItem = storage.defineItem<string | null>('local:activeProfileId', { fallback: null, version: 1 });
/** Encrypted vaults by profile id (see utils/vault: PBKDF2-SHA256 + AES-256-GCM). */
export const vaultsItem = storage.defineItem<Record<string, unknown>>('local:vaults', { fallback: {}, version: 1 });
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });
export const lookupHistoryItem = storage.defineItem<Record<string, LookupHistoryEntry[]>>('local:lookupHistory', {
  fallback: {},
  version: 1,
});
export const editLogItem = storage.defineItem<EditLogEntry[]>('local:editLog', { fallback: [], version: 1 });

/** Unlocked PKCS#8 keys by profile id, base64. Session area: never written to disk. */
export const unlockedKeysItem = storage.defineItem<Record<string, string>>('session:unlockedKeys', { fallback: {} });
export const tokensItem = storage.defineItem<Record<string, CachedToken>>('session:tokens', { fallback: {} });
/** The earliest time the next record look-up may be sent, saved before every send. */
export const nextLookupAtItem = storage.defineItem<number>('session:nextLookupAt', { fallback: 0 });
export const lastJwtItem = storage.defineItem<SignedJwtView | null>('session:lastJwt', { fallback: null });

/**
 * Record look-up answers, kept so a save is composed from the record as Monetate sent it (see
 * utils/records/read-store). Bounded; cleared on lock; session area, so never on disk.
 */
export const recordReadsItem = storage.defineItem<RecordRead[]>('session:recordReads', { fallback: [] });

/** Dataset names last seen per profile, for the right-click submenu (names only, nothing secret). */
export const knownDatasetsItem = storage.defineItem<Record<string, string[]>>('local:knownDatasets', { fallback: {}, version: 1 });
/** A record a right-click or another surface asked the side panel to show. */
export const pendingShowItem = storage.defineItem<{ schema: string; id: string; at: number } | null>('session:pendingShow', {
  fallback: null,
});
/**
 * Each profile's current import job: dataset, mapping, file fingerprint and every batch's
 * state, never a row of the file (rows are read again from the file to resume).
 */
export const importJobsItem = storage.defineItem<Record<string, ImportJob>>('local:importJobs', { fallback: {}, version: 1 });

/**
 * Wrong passphrases in a row per profile and when the next try is allowed, so the unlock back-off
 * survives a restarted service worker and a restarted browser (read through `currentFailures`,
 * which caps the wait whatever is stored).
 */
export const unlockFailuresItem = storage.defineItem<Record<string, UnlockFailures>>('local:unlockFailures', { fallback: {}, version: 1 });
