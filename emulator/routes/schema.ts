import { Hono } from 'hono';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { apiError, apiErrors, envelope, readJson } from '@/emulator/envelope.ts';
import { faultPoint } from '@/emulator/faults.ts';
import { schemaType, schemaTypes } from '@/emulator/schema-types.ts';
import type { Dataset, FieldDef } from '@/emulator/state.ts';
import { requireToken, requireWriter } from '@/emulator/token-auth.ts';
import { fieldNameProblem, isDataType, isPlainObject, MAX_FIELDS, NAMED_IDENTIFIER_PATTERN, type ApiError } from '@/emulator/validation.ts';
import { DATA_BASE, datasetOr404, flag, requireRetailer } from '@/emulator/routes/common.ts';

function fieldsJson(fields: ReadonlyMap<string, FieldDef>): Record<string, FieldDef> {
  return Object.fromEntries([...fields].map(([name, def]) => [name, { ...def }]));
}

export function schemaJson(dataset: Dataset, options: { rowCount?: boolean; latestUpload?: boolean } = {}): Record<string, unknown> {
  return {
    id: dataset.id,
    name: dataset.name,
    type: dataset.type,
    ...(dataset.named_identifier === undefined ? {} : { named_identifier: dataset.named_identifier }),
    created_date: dataset.created_date,
    fields: fieldsJson(dataset.fields),
    ...(options.rowCount ? { row_count: dataset.records.length } : {}),
    ...(options.latestUpload ? { last_file_upload: dataset.uploads[0] ?? null } : {}),
  };
}

export const FIELD_FLAGS = ['identifier', 'unique_key', 'event_time', 'required'] as const;

/** Validates attributes to add; returns the new definitions or one error per problem. */
function parseNewFields(dataset: Dataset, input: unknown): { errors: ApiError[]; added: Map<string, FieldDef> } {
  const errors: ApiError[] = [];
  const added = new Map<string, FieldDef>();
  if (!isPlainObject(input) || Object.keys(input).length === 0) {
    return { errors: [{ field: 'fields', message: '"fields" must be an object with at least one new attribute.' }], added };
  }
  for (const [name, spec] of Object.entries(input)) {
    const nameProblem = fieldNameProblem(name);
    if (nameProblem) {
      errors.push({ field: name, message: nameProblem });
      continue;
    }
    if (dataset.fields.has(name)) {
      errors.push({ field: name, message: `Field "${name}" already exists in ${dataset.name}.` });
      continue;
    }
    if (!isPlainObject(spec)) {
      errors.push({ field: name, message: `Field "${name}" must be an object like {"data_type": "STRING"}.` });
      continue;
    }
    const unknown = Object.keys(spec).filter((k) => k !== 'data_type' && !(FIELD_FLAGS as readonly string[]).includes(k));
    if (unknown.length > 0) errors.push({ field: name, message: `Field "${name}" has unknown properties: ${unknown.join(', ')}.` });
    if (!isDataType(spec.data_type)) {
      errors.push({ field: name, message: `Field "${name}" data_type must be one of STRING, MULTI_STRING, NUMBER, DATETIME, BOOLEAN.` });
      continue;
    }
    const def: FieldDef = { data_type: spec.data_type, identifier: false, unique_key: false, event_time: false, required: false };
    for (const flagName of FIELD_FLAGS) {
      const value = spec[flagName];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') errors.push({ field: name, message: `Field "${name}" ${flagName} must be true or false.` });
      else def[flagName] = value;
    }
    if (def.identifier) errors.push({ field: name, message: `New field "${name}" cannot be the identifier; a schema has exactly one, set at creation.` });
    if (def.unique_key) errors.push({ field: name, message: `New field "${name}" cannot be the unique key; it can only be set at creation.` });
    if (def.event_time) errors.push({ field: name, message: `New field "${name}" cannot be the event time; it can only be set at creation.` });
    added.set(name, def);
  }
  const total = dataset.fields.size + Object.keys(input).length;
  if (errors.length === 0 && total > MAX_FIELDS) {
    errors.push({
      field: 'fields',
      message: `A schema can have at most ${MAX_FIELDS} fields: ${dataset.name} has ${dataset.fields.size}, adding ${added.size} would make ${total}.`,
    });
  }
  return { errors, added };
}

export function schemaRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = [faultPoint(deps, 'schema'), requireToken(deps), requireRetailer()] as const;

  app.get(`${DATA_BASE}/schema/`, ...guard, (c) => {
    const options = { rowCount: flag(c.req.query('row_count')), latestUpload: flag(c.req.query('latest_upload')) };
    const list = [...deps.state.datasets.values()].map((d) => schemaJson(d, options));
    return envelope(c, 200, list, { count: list.length });
  });

  app.get(`${DATA_BASE}/schema/:name/`, ...guard, (c) => {
    const dataset = datasetOr404(deps, c, c.req.param('name'));
    if (dataset instanceof Response) return dataset;
    return envelope(c, 200, schemaJson(dataset, { rowCount: flag(c.req.query('row_count')), latestUpload: flag(c.req.query('latest_upload')) }));
  });

  app.patch(`${DATA_BASE}/schema/:name/`, ...guard, requireWriter(deps), async (c) => {
    const dataset = datasetOr404(deps, c, c.req.param('name'));
    if (dataset instanceof Response) return dataset;
    const body = await readJson(c);
    if (!body.ok || !isPlainObject(body.value)) return apiError(c, 400, 'Request body must be a JSON object.');
    const hasFields = Object.hasOwn(body.value, 'fields');
    const hasNamed = Object.hasOwn(body.value, 'named_identifier');
    if (hasFields === hasNamed) {
      return apiError(c, 400, 'Supply either "fields" (to add attributes) or "named_identifier", but not both and not neither.');
    }
    const extra = Object.keys(body.value).filter((k) => k !== 'fields' && k !== 'named_identifier');
    if (extra.length > 0) return apiError(c, 400, `Unknown properties in request body: ${extra.join(', ')}.`);

    if (hasNamed) {
      const named = body.value.named_identifier;
      if (typeof named !== 'string' || !NAMED_IDENTIFIER_PATTERN.test(named)) {
        return apiError(c, 400, 'named_identifier must be letters, digits and underscores only (pattern ^\\w+$).', { field: 'named_identifier' });
      }
      dataset.named_identifier = named;
      return envelope(c, 200, { named_identifier: named });
    }
    const { errors, added } = parseNewFields(dataset, body.value.fields);
    if (errors.length > 0) return apiErrors(c, 400, errors);
    for (const [name, def] of added) {
      dataset.fields.set(name, def);
      for (const record of dataset.records) record[name] = null;
    }
    return envelope(c, 200, { fields: fieldsJson(dataset.fields) });
  });

  app.get(`${DATA_BASE}/schematype/`, ...guard, (c) => {
    const list = schemaTypes();
    return envelope(c, 200, list, { count: list.length });
  });

  app.get(`${DATA_BASE}/schematype/:type/`, ...guard, (c) => {
    const type = schemaType(c.req.param('type'));
    return type ? envelope(c, 200, type) : apiError(c, 404, `Schema type "${c.req.param('type')}" does not exist.`);
  });

  return app;
}
