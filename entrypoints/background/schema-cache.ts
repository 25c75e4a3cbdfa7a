import type { DatasetSchema } from '@/utils/schema/types';
import type { MonetateClient } from '@/utils/monetate/client';
import type { DataApiAuth } from '@/utils/monetate/data-api-auth';
import type { Profile } from '@/utils/profiles/profile';
import { knownDatasetsItem } from '@/utils/storage/items';
import { updateItem } from '@/utils/storage/update-item';
import { targetOf } from '@/entrypoints/background/target';

/** Schemas change rarely; five minutes of reuse spares Monetate and keeps the pickers quick. */
const SCHEMA_CACHE_MS = 5 * 60_000;

/**
 * The dataset schemas this worker has read, per profile: the list and single schemas, reused for
 * five minutes. Built by `createServices`, so a new services container (a restarted worker, a
 * test) starts empty.
 * @example const schema = await services.schemas.read(profile, 'customers', { refresh: true });
 */
export function createSchemaCache(deps: { client: MonetateClient; auth: DataApiAuth; now?: () => number }) {
  const now = deps.now ?? (() => Date.now());
  const listCache = new Map<string, { at: number; list: DatasetSchema[] }>();
  const schemaCache = new Map<string, { at: number; schema: DatasetSchema }>();
  const schemaKey = (profileId: string, name: string) => `${profileId}\u0000${name}`;

  function remember(profileId: string, schema: DatasetSchema): void {
    schemaCache.set(schemaKey(profileId, schema.name), { at: now(), schema });
    const listed = listCache.get(profileId);
    if (listed) listed.list = listed.list.map((item) => (item.name === schema.name ? schema : item));
  }

  return {
    /**
     * The newest schema of a dataset this worker has seen, however old (no request is made):
     * what a look-up compares its rows with.
     */
    cached(profileId: string, name: string): DatasetSchema | undefined {
      const single = schemaCache.get(schemaKey(profileId, name));
      const listed = listCache.get(profileId);
      const fromList = listed?.list.find((schema) => schema.name === name);
      if (single && (!listed || !fromList || single.at >= listed.at)) return single.schema;
      return fromList;
    },

    /** The profile's datasets; the names are kept for the right-click submenu. */
    async list(profile: Profile, refresh: boolean): Promise<DatasetSchema[]> {
      const cached = listCache.get(profile.id);
      if (!refresh && cached && now() - cached.at < SCHEMA_CACHE_MS) return cached.list;
      const list = await deps.auth.call(profile.id, (token) => deps.client.listSchemas(targetOf(profile), token));
      listCache.set(profile.id, { at: now(), list });
      const names = list.map((schema) => schema.name);
      await updateItem(knownDatasetsItem, (known) =>
        JSON.stringify(known[profile.id]) === JSON.stringify(names) ? known : { ...known, [profile.id]: names },
      );
      return list;
    },

    /**
     * One dataset's schema: from the cache when it is recent, else read from Monetate. The read
     * is remembered for look-ups, which compare their rows with it.
     */
    async read(profile: Profile, name: string, { refresh = false } = {}): Promise<DatasetSchema> {
      if (!refresh) {
        const single = schemaCache.get(schemaKey(profile.id, name));
        if (single && now() - single.at < SCHEMA_CACHE_MS) return single.schema;
        const listed = listCache.get(profile.id);
        const hit = listed && now() - listed.at < SCHEMA_CACHE_MS ? listed.list.find((schema) => schema.name === name) : undefined;
        if (hit) return hit;
      }
      const schema = await deps.auth.call(profile.id, (token) => deps.client.getSchema(targetOf(profile), token, name));
      remember(profile.id, schema);
      return schema;
    },
  };
}
