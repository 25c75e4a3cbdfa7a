import type { RecordRead } from '@/utils/records/compose';

export interface ReadStoreDeps {
  /** What a previous service worker saved (the session area). */
  load(): Promise<RecordRead[]>;
  save(reads: RecordRead[]): Promise<void>;
  /** Records kept at most, newest first (default 50). */
  maxEntries?: number;
  /** Bytes of JSON persisted at most; older reads beyond it live in memory only (default 1 MB). */
  maxBytes?: number;
}

export interface ReadStore {
  /** Keeps a read, replacing an older one of the same record (a newer one stays). */
  remember(read: RecordRead): Promise<void>;
  /** The last read of a record, if kept. */
  get(profileId: string, dataset: string, id: string): Promise<RecordRead | undefined>;
  /** Forgets a record's read: after a save, it no longer says what Monetate holds. */
  forget(profileId: string, dataset: string, id: string): Promise<void>;
  /** Forgets every read of a profile, or all of them (on lock). */
  clear(profileId?: string): Promise<void>;
}

const same = (read: RecordRead, profileId: string, dataset: string, id: string) => read.profileId === profileId && read.dataset === dataset && read.id === id;

/**
 * The records the background read from Monetate, which every save is composed from. Kept in
 * memory and mirrored to session storage (so a restarted worker still knows them), bounded,
 * newest first; writes run one after another so none is lost.
 * @example const reads = createReadStore({ load: () => recordReadsItem.getValue(), save: (r) => recordReadsItem.setValue(r) });
 */
export function createReadStore(deps: ReadStoreDeps): ReadStore {
  const maxEntries = deps.maxEntries ?? 50;
  const maxBytes = deps.maxBytes ?? 1_000_000;
  let entries: RecordRead[] | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  async function current(): Promise<RecordRead[]> {
    entries ??= await deps.load().catch(() => []);
    return entries;
  }

  /** Runs one change at a time, then persists what fits. */
  function change(update: (list: RecordRead[]) => RecordRead[]): Promise<void> {
    const next = chain.then(async () => {
      entries = update(await current()).slice(0, maxEntries);
      await deps.save(fitting(entries, maxBytes));
    });
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    remember(read) {
      return change((list) => {
        const old = list.find((entry) => same(entry, read.profileId, read.dataset, read.id));
        if (old && old.readAt > read.readAt) return list;
        return [read, ...list.filter((entry) => entry !== old)];
      });
    },
    async get(profileId, dataset, id) {
      await chain;
      return (await current()).find((entry) => same(entry, profileId, dataset, id));
    },
    forget(profileId, dataset, id) {
      return change((list) => list.filter((entry) => !same(entry, profileId, dataset, id)));
    },
    clear(profileId) {
      return change((list) => (profileId === undefined ? [] : list.filter((entry) => entry.profileId !== profileId)));
    },
  };
}

/** The newest reads whose JSON fits in `maxBytes`. */
function fitting(list: readonly RecordRead[], maxBytes: number): RecordRead[] {
  const kept: RecordRead[] = [];
  let total = 0;
  for (const read of list) {
    total += JSON.stringify(read).length;
    if (total > maxBytes) break;
    kept.push(read);
  }
  return kept;
}
