import { AppError } from '@/utils/errors';
import { validateNamedIdentifier, validateNewAttribute, type DatasetSchema } from '@/utils/schema';
import type { SchemaView } from '@/utils/messages/protocol';
import type { Profile } from '@/utils/profiles/profile';
import { knownDatasetsItem } from '@/utils/storage/items';
import { targetOf, type Services } from '../services';
import { withEditLog, type WriteDescription } from '@/utils/storage/edit-log';
import { updateItem } from '@/utils/storage/update-item';
import type { Handler } from './types';

/** Schemas change rarely; five minutes of reuse spares Monetate and keeps the pickers quick. */
const SCHEMA_CACHE_MS = 5 * 60_000;
const listCache = new Map<string, { at: number; list: SchemaView[] }>();
const schemaCache = new Map<string, { at: number; schema: SchemaView }>();
const schemaKey = (profileId: string, name: string) => `${profileId}\u0000${name}`;

function remember(profileId: string, schema: SchemaView): void {
  schemaCache.set(schemaKey(profileId, schema.name), { at: Date.now(), schema });
  const listed = listCache.get(profileId);
  if (listed) listed.list = listed.list.map((item) => (item.name === schema.name ? schema : item));
}

/**
 * The newest schema of a dataset this worker has seen, however old (no request is made):
 * what a look-up compares its rows with.
 */
export function cachedSchema(profileId: string, name: string): SchemaView | undefined {
  const single = schemaCache.get(schemaKey(profileId, name));
  const listed = listCache.get(profileId);
  const fromList = listed?.list.find((schema) => schema.name === name);
  if (single && (!listed || !fromList || single.at >= listed.at)) return single.schema;
  return fromList;
}

async function loadSchemas(services: Services, refresh: boolean): Promise<{ profileId: string; list: SchemaView[] }> {
  const profile = await services.activeProfile();
  const cached = listCache.get(profile.id);
  if (!refresh && cached && Date.now() - cached.at < SCHEMA_CACHE_MS) return { profileId: profile.id, list: cached.list };
  const list = (await services.auth.call(profile.id, (token) => services.client.listSchemas(targetOf(profile), token))) as SchemaView[];
  listCache.set(profile.id, { at: Date.now(), list });
  const names = list.map((schema) => schema.name);
  await updateItem(knownDatasetsItem, (known) =>
    JSON.stringify(known[profile.id]) === JSON.stringify(names) ? known : { ...known, [profile.id]: names },
  );
  return { profileId: profile.id, list };
}

export const listSchemas: Handler<'schema.list'> = async ({ refresh }, { services }) => {
  return (await loadSchemas(services, Boolean(refresh))).list;
};

/**
 * One dataset's schema: from the cache when it is recent, else read from Monetate. The read
 * is remembered for look-ups, which compare their rows with it.
 * @example const schema = await readSchema(services, profile, 'customers', { refresh: true });
 */
export async function readSchema(services: Services, profile: Profile, name: string, { refresh = false } = {}): Promise<SchemaView> {
  if (!refresh) {
    const single = schemaCache.get(schemaKey(profile.id, name));
    if (single && Date.now() - single.at < SCHEMA_CACHE_MS) return single.schema;
    const listed = listCache.get(profile.id);
    const hit = listed && Date.now() - listed.at < SCHEMA_CACHE_MS ? listed.list.find((schema) => schema.name === name) : undefined;
    if (hit) return hit;
  }
  const schema = (await services.auth.call(profile.id, (token) => services.client.getSchema(targetOf(profile), token, name))) as SchemaView;
  remember(profile.id, schema);
  return schema;
}

export const getSchema: Handler<'schema.get'> = async ({ name, refresh }, { services }) =>
  readSchema(services, await services.activeProfile(), name, { refresh: Boolean(refresh) });

/**
 * Runs a write to Monetate for a profile: logged as sent before it leaves, one fresh token on
 * a 401, and after a 403 one schema read with the same token to tell a Read-Only API User
 * from a deactivated key.
 */
export function writeToMonetate<T>(
  services: Services,
  profile: Profile,
  log: WriteDescription,
  run: (token: string) => Promise<T>,
): Promise<T> {
  const probeRead = (token: string) => services.client.getSchema(targetOf(profile), token, log.schema);
  return withEditLog(profile, log, () => services.auth.call(profile.id, run, { probeRead }));
}

export const addAttributes: Handler<'schema.addAttributes'> = async ({ schema: name, fields }, { services }) => {
  const profile = await writableProfile(services);
  const current = await readSchema(services, profile, name, { refresh: true });
  let working = current as DatasetSchema;
  for (const [fieldName, spec] of Object.entries(fields)) {
    const problems = validateNewAttribute({ name: fieldName, dataType: spec.data_type }, working);
    const first = Object.values(problems).find(Boolean);
    if (first) throw new AppError('invalid_input', first, { fields: [{ field: fieldName, message: first }] });
    working = { ...working, fields: { ...working.fields, [fieldName]: { data_type: spec.data_type } } };
  }
  // Nothing is logged as sent for a key that cannot mint a token: nothing would leave.
  await services.tokens.get(profile.id);
  const changes = Object.entries(fields).map(([field, spec]) => ({ field, before: null, after: spec.data_type }));
  await writeToMonetate(services, profile, { schema: name, recordId: '', kind: 'add_attributes', changes }, (token) =>
    services.client.patchSchemaFields(targetOf(profile), token, name, fields),
  );
  return readSchema(services, profile, name, { refresh: true });
};

export const setIdentifier: Handler<'schema.setIdentifier'> = async ({ schema: name, value }, { services }) => {
  const profile = await writableProfile(services);
  const checked = validateNamedIdentifier(value);
  if (!checked.ok) throw new AppError('invalid_input', checked.message, { fields: [{ field: 'named_identifier', message: checked.message }] });
  const before = await readSchema(services, profile, name);
  await services.tokens.get(profile.id);
  const changes = [{ field: 'named_identifier', before: before.named_identifier ?? null, after: value }];
  await writeToMonetate(services, profile, { schema: name, recordId: '', kind: 'set_identifier', changes }, (token) =>
    services.client.patchNamedIdentifier(targetOf(profile), token, name, value),
  );
  return readSchema(services, profile, name, { refresh: true });
};

export async function writableProfile(services: Services) {
  const profile = await services.activeProfile();
  if (profile.readOnly) throw new AppError('read_only_profile');
  return profile;
}
