import { AppError } from '@/utils/errors';
import { validateNamedIdentifier, validateNewAttribute } from '@/utils/schema';
import { targetOf } from '@/entrypoints/background/target';
import { writableProfile, writeToMonetate } from '@/entrypoints/background/writes';
import type { Handler } from '@/entrypoints/background/handlers/types';

export const listSchemas: Handler<'schema.list'> = async ({ refresh }, { services }) =>
  services.schemas.list(await services.activeProfile(), Boolean(refresh));

export const getSchema: Handler<'schema.get'> = async ({ name, refresh }, { services }) =>
  services.schemas.read(await services.activeProfile(), name, { refresh: Boolean(refresh) });

export const addAttributes: Handler<'schema.addAttributes'> = async ({ dataset: name, fields }, { services }) => {
  const profile = await writableProfile(services);
  const current = await services.schemas.read(profile, name, { refresh: true });
  let working = current;
  for (const [fieldName, spec] of Object.entries(fields)) {
    const problems = validateNewAttribute({ name: fieldName, dataType: spec.data_type }, working);
    // Monetate never removes a field: the 40th is the last, whatever the form let through.
    if (problems.form) throw new AppError('schema_field_limit', name);
    const first = Object.values(problems).find(Boolean);
    if (first) throw new AppError('attribute_invalid', first, { fields: [{ field: fieldName, message: first }] });
    working = { ...working, fields: { ...working.fields, [fieldName]: { data_type: spec.data_type } } };
  }
  // Nothing is logged as sent for a key that cannot mint a token: nothing would leave.
  await services.tokens.get(profile.id);
  const changes = Object.entries(fields).map(([field, spec]) => ({ field, before: null, after: spec.data_type }));
  await writeToMonetate(services, profile, { dataset: name, recordId: '', kind: 'add_attributes', changes }, (token) =>
    services.client.patchSchemaFields(targetOf(profile), token, name, fields),
  );
  return services.schemas.read(profile, name, { refresh: true });
};

export const setIdentifier: Handler<'schema.setIdentifier'> = async ({ dataset: name, value }, { services }) => {
  const profile = await writableProfile(services);
  const checked = validateNamedIdentifier(value);
  if (!checked.ok) throw new AppError('identifier_name_invalid', checked.message, { fields: [{ field: 'named_identifier', message: checked.message }] });
  const before = await services.schemas.read(profile, name);
  await services.tokens.get(profile.id);
  const changes = [{ field: 'named_identifier', before: before.named_identifier ?? null, after: value }];
  await writeToMonetate(services, profile, { dataset: name, recordId: '', kind: 'set_identifier', changes }, (token) =>
    services.client.patchNamedIdentifier(targetOf(profile), token, name, value),
  );
  return services.schemas.read(profile, name, { refresh: true });
};
