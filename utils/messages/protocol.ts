import type { z } from 'zod';
import type { Profile, SigningAlgorithm } from '@/utils/profiles/profile';
import type { ProfileProblem } from '@/utils/profiles/profile-store';
import type { ErrorInfo } from '@/utils/errors';
import type { EditLogEntry, LookupHistoryEntry, Settings, SignedJwtView } from '@/utils/storage/items';
import type { DatasetSchema, RecordValues } from '@/utils/schema/types';
import type { requestSchemas } from '@/utils/messages/request-schemas';
import type { ImportResponseMap } from '@/utils/import/messages';
import type { StoredDraft } from '@/utils/records/draft';

/**
 * The one message protocol between every surface and the background service worker.
 * Each request type has a zod schema for its payload (in `./request-schemas`, checked at the
 * background boundary) and a response type (checked by the compiler at both ends). This module
 * holds only types and constants, so UI code can import it without pulling in zod.
 */

export type RequestType = keyof typeof requestSchemas;
export type RequestPayload<T extends RequestType> = z.input<(typeof requestSchemas)[T]>;

/** Requests a content script may send; everything else is for extension pages only. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'overlay.status',
  'lookup.record',
  'lookup.cancel',
  'schema.list',
  'schema.get',
  'record.save',
  'sidepanel.show',
  'launcher.save',
  'overlay.hideOnSite',
]);

export interface ProfileSummary extends Profile {
  hasKey: boolean;
  unlocked: boolean;
  /** ms since epoch when the cached token expires, when there is one. */
  tokenExpiresAt: number | null;
  /** Why the profile must not be used until it is checked and saved again (see `ProfileStore`); null when it may be. */
  problem: ProfileProblem | null;
}

export interface AppState {
  profiles: ProfileSummary[];
  activeProfileId: string | null;
  settings: Settings;
  lastJwt: SignedJwtView | null;
  /** True in the local build, which may talk to the emulator on loopback. */
  localBuild: boolean;
}

export interface KeyInfo {
  /** Null while the key is locked: the PEM is derived from the private key, never stored. */
  publicKeyPem: string | null;
  fingerprint: string;
  modulusBits: number;
}

export interface LookupView {
  profileId: string;
  dataset: string;
  /** The ID looked up: as typed, less leading and trailing whitespace. */
  id: string;
  /** True when whitespace was trimmed from the ID typed (Monetate STRING values cannot carry it). */
  idTrimmed: boolean;
  /** Every row Monetate returned for the ID, in its order; empty when there is no such record. */
  rows: RecordValues[];
  fromCache: boolean;
  /** When Monetate gave this answer; a save names it (`base.readAt`). */
  fetchedAt: number;
  /** The schema, when the rows named fields the cached one lacked and it was re-read. */
  freshSchema?: DatasetSchema;
}

export interface SaveResult {
  /** The row as sent: the record as read plus the changes. */
  savedRow: RecordValues;
  recordId: string;
  /** `update` replaced a row, `add_row` added one built from a read row, `create` a new record. */
  kind: 'update' | 'add_row' | 'create';
}

export interface OverlayStatus {
  hasProfile: boolean;
  profileName: string | null;
  locked: boolean;
  defaultDataset: string | null;
  launcherPosition: Settings['launcherPosition'];
  hiddenHere: boolean;
  /** The active profile's write settings, so the overlay's record form behaves as the side panel's; `confirmWrites` is `writesNeedReview` (Confirm every write, or a production profile). */
  readOnly: boolean;
  confirmWrites: boolean;
}

export interface ResponseMap extends ImportResponseMap {
  'state.get': AppState;
  'profiles.save': Profile;
  'profiles.delete': null;
  'profiles.activate': null;
  'key.generate': KeyInfo;
  'key.import': KeyInfo;
  'key.info': KeyInfo | null;
  'vault.unlock': null;
  'vault.lock': null;
  'vault.changePassphrase': null;
  'vault.exportBackup': { fileName: string; text: string };
  'vault.importBackup': Profile;
  'token.get': { token: string; expiresAt: number; issuedAt: number; alg: SigningAlgorithm };
  'curl.build': { command: string };
  'settings.save': Settings;
  'history.list': LookupHistoryEntry[];
  'history.clear': null;
  'editlog.list': EditLogEntry[];
  'editlog.clear': null;
  'schema.addAttributes': DatasetSchema;
  'schema.setIdentifier': DatasetSchema;
  /** `opened`: the background opened the side panel itself (Chrome allows it only inside a user's click). */
  'sidepanel.show': { opened: boolean };
  'sidepanel.takePending': { dataset: string; id: string } | null;
  'overlay.status': OverlayStatus;
  'lookup.record': LookupView;
  'lookup.cancel': null;
  'schema.list': DatasetSchema[];
  'schema.get': DatasetSchema;
  'record.save': SaveResult;
  'launcher.save': null;
  'overlay.hideOnSite': null;
  'draft.get': StoredDraft | null;
  'draft.save': null;
  'draft.discard': null;
  activity: null;
}

export type Response<T extends RequestType> = ResponseMap[T];

/** The typed protocol as a function (`sendRequest`, or a fake in tests), injected into stores. */
export type Send = <T extends RequestType>(type: T, payload: RequestPayload<T>) => Promise<Response<T>>;

export interface RequestMessage<T extends RequestType = RequestType> {
  channel: 'mdi';
  type: T;
  payload: RequestPayload<T>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

/** Events the background pushes to every connected surface over the `mdi-events` port. */
export type BackgroundEvent =
  | { type: 'state'; state: AppState }
  | { type: 'overlay-status'; status: OverlayStatus }
  /** Only this surface's own waiting look-ups, and how many other look-ups wait (never their IDs). */
  | { type: 'queue'; waiting: QueueEntryView[]; others: number }
  | { type: 'show-record'; dataset: string; id: string };

export interface QueueEntryView {
  dataset: string;
  id: string;
  position: number;
  etaMs: number;
  reason?: 'spacing' | 'retry_after' | 'backoff';
  /** True when this surface is one of the callers waiting for it (every entry a surface is sent is its own). */
  mine: boolean;
  /** Already sent, waiting for Monetate's answer: not "in the queue" any more (position 0). */
  sending?: boolean;
}

export const EVENTS_PORT = 'mdi-events';

