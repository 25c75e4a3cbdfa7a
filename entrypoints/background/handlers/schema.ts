import { AppError } from '@/utils/errors';
import { validateNamedIdentifier, validateNewAttribute, type DatasetSchema } from '@/utils/schema';
import type { SchemaView } from '@/utils/messages/protocol';
import { knownDatasetsItem } from '@/utils/storage/items';
import { targetOf, type Services } from '../services';
import { appendEditLog } from './edit-log';
import type { Handler } from './types';

/** Schemas change rarely; five minutes of reuse spares Monetate and keeps the pickers quick. */
const SCHEMA_CACHE_MS = 5 * 60_000;
const schemaCache = new Map<string, { at: number; list: SchemaView[] }>();

async function loadSchemas(services: Services, refresh: boolean): Promise<{ profileId: string; list: SchemaView[] }> {
  const profile = await services.activeProfile();
  const cached = schemaCache.get(profile.id);
  if (!refresh && cached && Date.now() - cached.at < SCHEMA_CACHE_MS) return { profileId: profile.id, list: cached.list };
  const token = await services.tokens.get(profile.id);
  const list = (await services.client.listSchemas(targetOf(profile), token.token)) as SchemaView[];
  schemaCache.set(profile.id, { at: Date.now(), list });
  const names = list.map((schema) => schema.name);
  const known = await knownDatasetsItem.getValue();
  if (JSON.stringify(known[profile.id]) !== JSON.stringify(names)) await knownDatasetsItem.setValue({ ...known, [profile.id]: names });
  return { profileId: profile.id, list };
}

export const listSchemas: Handler<'schema.list'> = async ({ refresh }, { services }) => {
  return (await loadSchemas(services, Boolean(refresh))).list;
};

export const getSchema: Handler<'schema.get'> = async ({ name, refresh }, { services }) => {
  const profile = await services.activeProfile();
  if (!refresh) {
    const cached = schemaCache.get(profile.id);
    const hit = cached && Date.now() - cached.at < SCHEMA_CACHE_MS ? cached.list.find((schema) => schema.name === name) : undefined;
    if (hit) return hit;
  }
  const token = await services.tokens.get(profile.id);
  const schema = (await services.client.getSchema(targetOf(profile), token.token, name)) as SchemaView;
  const cached = schemaCache.get(profile.id);
  if (cached) cached.list = [...cached.list.filter((item) => item.name !== name), schema];
  return schema;
};

export const addAttributes: Handler<'schema.addAttributes'> = async ({ schema: name, fields }, context) => {
  const { services } = context;
  const profile = await writableProfile(services);
  const current = await getSchema({ name, refresh: true }, context);
  let working = current as DatasetSchema;
  for (const [fieldName, spec] of Object.entries(fields)) {
    const problems = validateNewAttribute({ name: fieldName, dataType: spec.data_type }, working);
    const first = Object.values(problems).find(Boolean);
    if (first) throw new AppError('invalid_input', first, { fields: [{ field: fieldName, message: first }] });
    working = { ...working, fields: { ...working.fields, [fieldName]: { data_type: spec.data_type } } };
  }
  const token = await services.tokens.get(profile.id);
  const changes = Object.entries(fields).map(([field, spec]) => ({ field, before: null, after: spec.data_type }));
  try {
    await services.client.patchSchemaFields(targetOf(profile), token.token, name, fields);
  } catch (error) {
    await appendEditLog(profile, { schema: name, recordId: '', kind: 'add_attributes', changes }, error);
    throw error;
  }
  await appendEditLog(profile, { schema: name, recordId: '', kind: 'add_attributes', changes }, null);
  return getSchema({ name, refresh: true }, context);
};

export const setIdentifier: Handler<'schema.setIdentifier'> = async ({ schema: name, value }, context) => {
  const { services } = context;
  const profile = await writableProfile(services);
  const checked = validateNamedIdentifier(value);
  if (!checked.ok) throw new AppError('invalid_input', checked.message, { fields: [{ field: 'named_identifier', message: checked.message }] });
  const before = await getSchema({ name }, context);
  const token = await services.tokens.get(profile.id);
  const changes = [{ field: 'named_identifier', before: before.named_identifier ?? null, after: value }];
  try {
    await services.client.patchNamedIdentifier(targetOf(profile), token.token, name, value);
  } catch (error) {
    await appendEditLog(profile, { schema: name, recordId: '', kind: 'set_identifier', changes }, error);
    throw error;
  }
  await appendEditLog(profile, { schema: name, recordId: '', kind: 'set_identifier', changes }, null);
  return getSchema({ name, refresh: true }, context);
};

export async function writableProfile(services: Services) {
  const profile = await services.activeProfile();
  if (profile.readOnly) throw new AppError('read_only_profile');
  return profile;
}
