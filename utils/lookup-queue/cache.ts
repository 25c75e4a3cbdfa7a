import type { LookupRequest, LookupResult } from '@/utils/lookup-queue/types';

export interface CachedAnswer {
  request: LookupRequest;
  result: LookupResult;
  fetchedAt: number;
}

export interface ResultCache {
  get(key: string, nowMs: number): CachedAnswer | undefined;
  set(key: string, answer: CachedAnswer): void;
  clear(profileId?: string): void;
}

/**
 * Answers by look-up key, fresh for `ttlMs`. Bounded so a long session of look-ups cannot
 * grow the service worker's memory without end.
 * @example const cache = createResultCache(30_000); cache.get(key, Date.now());
 */
export function createResultCache(ttlMs: number, maxEntries = 500): ResultCache {
  const entries = new Map<string, CachedAnswer>();
  return {
    get(key, nowMs) {
      const hit = entries.get(key);
      if (!hit) return undefined;
      const age = nowMs - hit.fetchedAt;
      // A negative age means the clock went back: do not trust the entry.
      if (age >= 0 && age < ttlMs) return hit;
      entries.delete(key);
      return undefined;
    },
    set(key, answer) {
      if (ttlMs <= 0) return;
      entries.delete(key); // re-insert so Map order stays oldest-first
      entries.set(key, answer);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    clear(profileId) {
      if (profileId === undefined) {
        entries.clear();
        return;
      }
      for (const [key, answer] of entries) if (answer.request.profileId === profileId) entries.delete(key);
    },
  };
}
