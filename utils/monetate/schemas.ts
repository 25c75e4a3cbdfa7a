import { z } from 'zod';

/**
 * Shapes of the `data` part of Monetate answers we use. Objects are loose: Monetate may add
 * keys (`row_count`, `last_file_upload`…) and an unknown key must not break a look-up.
 */

// The type lists live in utils/schema/data-types (no zod), re-exported for the client's callers.
export { KNOWN_DATA_TYPES, isKnownDataType, type KnownDataType } from '@/utils/schema/data-types';

/** Auth API `data`: the token and its lifetime (seconds since epoch / seconds). */
export const tokenAnswerSchema = z.looseObject({
  token: z.string().min(1),
  issued_at: z.number(),
  expires_in: z.number().positive(),
  expires_at: z.number(),
});
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;

export const fieldSchema = z.looseObject({
  // Any string: a type Monetate adds is kept and its field shown read-only (see isKnownDataType).
  data_type: z.string(),
  identifier: z.boolean().optional(),
  unique_key: z.boolean().optional(),
  event_time: z.boolean().optional(),
  required: z.boolean().optional(),
});
/** One field of a dataset schema, as Monetate describes it. */
export type FieldSpec = z.infer<typeof fieldSchema>;

export const schemaSchema = z.looseObject({
  name: z.string().min(1),
  type: z.string().optional(),
  fields: z.record(z.string(), fieldSchema),
  // Monetate sends null for a schema whose Identifier Name is not set yet.
  named_identifier: z.string().nullish(),
  id: z.number().optional(),
  created_date: z.string().optional(),
});
/**
 * A dataset's schema as Monetate answers it: the one schema type of every layer (answers,
 * messages, forms, import).
 */
export type DatasetSchema = z.infer<typeof schemaSchema>;

export const schemaListSchema = z.array(schemaSchema);

/** PATCH /schema/{name}/ answers with the fields or the named_identifier it changed. */
export const schemaPatchAnswerSchema = z.looseObject({
  fields: z.record(z.string(), fieldSchema).optional(),
  named_identifier: z.string().nullish(),
});
export type SchemaPatchAnswer = z.infer<typeof schemaPatchAnswerSchema>;

/**
 * The OpenAPI shape of GET and POST /data/{schema}/ answers. The client reads answers with
 * `readRecordRows`, which also takes `data` as a plain list of rows.
 */
export const recordAnswerSchema = z.looseObject({
  schema_rows: z.array(z.record(z.string(), z.unknown())),
});
export type RecordAnswer = z.infer<typeof recordAnswerSchema>;

export const uploadItemSchema = z.looseObject({
  status: z.string().optional(),
  upload_time: z.string().nullish(),
  import_start_time: z.string().nullish(),
  import_end_time: z.string().nullish(),
  // Documented as string[], shown in the example as "": take either.
  validation_errors: z.union([z.array(z.string()), z.string()]).nullish(),
  validation_warnings: z.union([z.array(z.string()), z.string()]).nullish(),
});
export type UploadItem = z.infer<typeof uploadItemSchema>;

export const uploadListSchema = z.array(uploadItemSchema);
