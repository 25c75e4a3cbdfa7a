import { browser } from 'wxt/browser';
import { createMonetateClient } from '@/utils/monetate';
import { createDataApiAuth } from '@/utils/monetate/data-api-auth';
import { createReadStore } from '@/utils/records/read-store';
import { createLookupQueue, type QueueSnapshot } from '@/utils/lookup-queue';
import { signAuthJwt, decodeJwtForDisplay } from '@/utils/jwt';
import { createKeySession } from '@/utils/session/key-session';
import { createTokenService } from '@/utils/tokens/token-service';
import { writesNeedReview, type Profile } from '@/utils/profiles/profile';
import type { AppState, OverlayStatus, ProfileSummary } from '@/utils/messages/protocol';
import { lastJwtItem, nextLookupAtItem, recordReadsItem, settingsItem, tokensItem, unlockFailuresItem, vaultsItem } from '@/utils/storage/items';
import { dropKey, updateItem } from '@/utils/storage/update-item';
import { clearOn } from '@/utils/storage/clear-on';
import { createUnlockGuard } from '@/utils/vault/unlock-guard';
import { createProfileStore } from '@/utils/profiles/profile-store';
import { createProfileSealer } from '@/utils/profiles/profile-seal';
import { createHostAccess } from '@/utils/profiles/host-access';
import { createIntegrityKeyLoader } from '@/utils/storage/integrity-key';
import { createSurfaceRegistry, type QueueWaitingEntry } from '@/entrypoints/background/events';
import { createSchemaCache } from '@/entrypoints/background/schema-cache';
import { createBadge } from '@/entrypoints/background/badge';
import { targetOf } from '@/entrypoints/background/target';
import { createSerial } from '@/utils/async/serial';

/** True in the local build (`npm run build:local`), which may reach the emulator on loopback. */
export const LOCAL_BUILD = import.meta.env.MODE === 'emulator';

/**
 * Margin over Monetate's 1 s between sends. Jitter on the way is covered by the queue's second
 * rule (1 s after the previous answer), so this stays small and throughput near 1 per second.
 */
const LOOKUP_MARGIN_MS = 30;
const AUTO_LOCK_ALARM = 'auto-lock';

/**
 * Everything the background owns, built once per service-worker life: the API client, the
 * key session, the token cache, the one look-up queue and the connected surfaces.
 */
export function createServices() {
  // No JWT or token leaves for a host the user has not granted (or, in production, for plain http).
  const hostAccess = createHostAccess({
    localBuild: LOCAL_BUILD,
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  });
  const client = createMonetateClient({ fetch: hostAccess.guardFetch((input, init) => globalThis.fetch(input, init)) });
  const reads = createReadStore({ load: () => recordReadsItem.getValue(), save: (list) => recordReadsItem.setValue(list) });
  const keys = createKeySession();
  // Wrong passphrases in a row slow the next try down, across worker and browser restarts.
  const unlockGuard = createUnlockGuard({
    now: () => Date.now(),
    update: (change) => updateItem(unlockFailuresItem, change),
  });
  const registry = createSurfaceRegistry({ onCallerGone: (callerId) => queue.cancelCaller(callerId) });
  // Profiles are checked on every read: a profile rewritten in storage directly is refused, not used.
  const profiles = createProfileStore({ localBuild: LOCAL_BUILD, sealer: createProfileSealer(createIntegrityKeyLoader()) });

  /** A profile that may be used; throws `profile_missing`, `profile_invalid` or `profile_changed`. */
  function profileById(profileId: string): Promise<Profile> {
    return profiles.usable(profileId);
  }

  /** The active profile, if it may be used (same errors as `profileById`). */
  function activeProfile(): Promise<Profile> {
    return profiles.active();
  }

  const tokens = createTokenService({
    now: () => Date.now(),
    load: async (profileId) => (await tokensItem.getValue())[profileId],
    save: async (profileId, token) => {
      await (token ? updateItem(tokensItem, (all) => ({ ...all, [profileId]: token })) : dropKey(tokensItem, profileId));
    },
    mint: async (profileId, { iatOffsetSeconds }) => {
      const profile = await profileById(profileId);
      const key = await keys.signingKey(profileId, profile.alg);
      const nowMs = Date.now();
      const jwt = await signAuthJwt({ key, username: profile.username, alg: profile.alg, nowMs, iatOffsetSeconds });
      const view = decodeJwtForDisplay(jwt);
      await lastJwtItem.setValue({ header: view.header, claims: view.claims, signedAt: nowMs, alg: profile.alg });
      const { answer } = await client.refreshToken(targetOf(profile), jwt, profile.ttlSeconds);
      return { token: answer.token, expiresIn: answer.expires_in, requestedTtlSeconds: profile.ttlSeconds };
    },
  });

  // The one rule for a 401 (one fresh token) and a 403 (forget it) on every Data API call.
  const auth = createDataApiAuth(tokens);
  const schemas = createSchemaCache({ client, auth });
  /** Records with a save under way (by profile, dataset and ID): a second save of one is refused until the first ends. */
  const savesInFlight = new Set<string>();
  /** Import jobs with a batch on the wire in this worker: their "sending" batch is not stale. */
  const importsInFlight = new Set<string>();
  /** Context-menu rebuilds, one at a time: two overlapping ones would create duplicate ids. */
  const menuRebuilds = createSerial();

  const queue = createLookupQueue({
    loadNextAllowedAt: () => nextLookupAtItem.getValue(),
    saveNextAllowedAt: (ms) => nextLookupAtItem.setValue(ms),
    send: async (request, signal, onWire) => {
      const profile = await profileById(request.profileId);
      const token = await tokens.get(profile.id);
      // Minting a token can take a moment; the pace counts from when the request leaves.
      await onWire();
      try {
        return await client.lookupRecord(targetOf(profile), token.token, request.dataset, request.id, { signal });
      } catch (error) {
        // A 404 stays an error here: the queue turns it into "no such record" (and caches it).
        await auth.refused(profile.id, error);
        throw error;
      }
    },
    // A 401 on a look-up means the token expired or was replaced early: one fresh token, then
    // the look-up takes its next slot at the head of the queue (a burst makes one Auth call).
    reauthorize: (request) => auth.renew(request.profileId),
    // The cache keeps answers up to the largest setting; the look-up handler applies the
    // user's own "reuse answers for" time. A full queue (50) drains in under a minute, so the
    // per-request bound sits above that.
    options: { marginMs: LOOKUP_MARGIN_MS, cacheTtlMs: 3_600_000, maxQueueLength: 50, requestTimeoutMs: 90_000 },
  });
  queue.subscribe((snapshot) => registry.broadcastQueue(queueView(snapshot)));
  // The toolbar badge: lock state and how many look-ups are pending, from the same changes.
  const badge = createBadge({
    readProfile: async () => {
      const status = await overlayStatus(null);
      return !status.hasProfile ? 'none' : status.locked ? 'locked' : 'unlocked';
    },
  });
  queue.subscribe((snapshot) => badge.setPending(snapshot.waiting.length + (snapshot.inFlight ? 1 : 0)));
  void badge.refreshProfile();

  async function appState(): Promise<AppState> {
    const [checked, active, settings, vaults, tokenMap, lastJwt, unlocked] = await Promise.all([
      profiles.list(),
      profiles.activeChecked(),
      settingsItem.getValue(),
      vaultsItem.getValue(),
      tokensItem.getValue(),
      lastJwtItem.getValue(),
      keys.unlockedIds(),
    ]);
    const summaries: ProfileSummary[] = checked.map(({ profile, problem }) => ({
      ...profile,
      hasKey: Boolean(vaults[profile.id]),
      unlocked: unlocked.has(profile.id),
      tokenExpiresAt: tokenMap[profile.id]?.expiresAt ?? null,
      problem,
    }));
    const activeProfileId = active?.profile.id ?? null;
    return { profiles: summaries, activeProfileId, settings, lastJwt, localBuild: LOCAL_BUILD };
  }

  async function overlayStatus(origin: string | null): Promise<OverlayStatus> {
    const [active, settings, unlocked] = await Promise.all([profiles.activeChecked(), settingsItem.getValue(), keys.unlockedIds()]);
    const profile = active?.profile;
    // A profile that must not be used shows as locked and read-only: its own flags are not to be trusted.
    const usable = active?.problem === null;
    return {
      hasProfile: Boolean(profile),
      profileName: profile?.name ?? null,
      locked: !profile || !usable || !unlocked.has(profile.id),
      defaultDataset: profile?.defaultDataset || null,
      launcherPosition: settings.launcherPosition,
      hiddenHere: origin !== null && settings.overlayHiddenOrigins.includes(origin),
      readOnly: usable ? (profile?.readOnly ?? false) : true,
      confirmWrites: usable && profile ? writesNeedReview(profile) : true,
    };
  }

  let broadcastTimer: ReturnType<typeof setTimeout> | undefined;
  /** Coalesces bursts of storage writes into one state event per surface. */
  function scheduleStateBroadcast() {
    clearTimeout(broadcastTimer);
    broadcastTimer = setTimeout(() => {
      void appState().then((state) => registry.broadcast({ type: 'state', state }, 'trusted'));
      void overlayStatus(null).then((status) => registry.broadcast({ type: 'overlay-status', status: { ...status, hiddenHere: false } }, 'content'));
      void badge.refreshProfile();
    }, 30);
  }

  let lastActivityAt = 0;
  let scheduledMinutes = 0;
  /** Pushes the auto-lock deadline back; throttled because alarms are coarse anyway. */
  async function touchActivity() {
    const now = Date.now();
    const { autoLockMinutes } = await settingsItem.getValue();
    // A changed auto-lock time takes effect at once, throttle or not.
    if (now - lastActivityAt < 20_000 && autoLockMinutes === scheduledMinutes) return;
    lastActivityAt = now;
    scheduledMinutes = autoLockMinutes;
    await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: autoLockMinutes });
  }

  /**
   * Locks one profile's key, or every key: clears what `items.ts` declares as cleared on lock
   * (unlocked key, tokens, record reads), then the memory that mirrors it (signing keys, the
   * read store's copy, cached look-up answers: customer data read with that key).
   */
  async function lock(profileId?: string) {
    await clearOn('lock', profileId);
    await keys.lock(profileId);
    await reads.clear(profileId);
    queue.clearCache(profileId);
  }

  /** Locks the profile, then removes its entry from every item declared per profile (see `items.ts`). */
  async function forgetProfile(profileId: string) {
    await lock(profileId);
    await clearOn('profileDelete', profileId);
  }

  return {
    client,
    hostAccess,
    keys,
    unlockGuard,
    profiles,
    tokens,
    auth,
    reads,
    schemas,
    savesInFlight,
    importsInFlight,
    menuRebuilds,
    queue,
    registry,
    profileById,
    activeProfile,
    appState,
    overlayStatus,
    scheduleStateBroadcast,
    touchActivity,
    lock,
    forgetProfile,
    AUTO_LOCK_ALARM,
  };
}

export type Services = ReturnType<typeof createServices>;


/** The queue as surfaces are told of it: the look-up being sent (position 0), then those waiting. */
function queueView(snapshot: QueueSnapshot): QueueWaitingEntry[] {
  const sending: QueueWaitingEntry[] = snapshot.inFlight
    ? [{ dataset: snapshot.inFlight.request.dataset, id: snapshot.inFlight.request.id, position: 0, etaMs: 0, sending: true, callers: snapshot.inFlight.callers }]
    : [];
  return [
    ...sending,
    ...snapshot.waiting.map((entry) => ({
      dataset: entry.request.dataset,
      id: entry.request.id,
      position: entry.position,
      etaMs: entry.etaMs,
      reason: entry.reason,
      callers: entry.callers,
    })),
  ];
}
