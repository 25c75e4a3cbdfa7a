import { z } from 'zod';

/**
 * Shapes of the `data` part of Monetate answers we use. Objects are loose: Monetate may add
 * keys (`row_count`, `last_file_upload`…) and an unknown key must not break a look-up.
 */

/**
 * The field types we know how to read and edit; GOOGLE_PRODUCT_CATEGORY appears on product
 * catalogs only. The one list: forms and validation ask `isKnownDataType`.
 */
export const KNOWN_DATA_TYPES = ['STRING', 'MULTI_STRING', 'NUMBER', 'DATETIME', 'BOOLEAN', 'GOOGLE_PRODUCT_CATEGORY'] as const;
export type KnownDataType = (typeof KNOWN_DATA_TYPES)[number];
export const dataTypeSchema = z.enum(KNOWN_DATA_TYPES);

/**
 * A field's `data_type` as Monetate gave it: one of KNOWN_DATA_TYPES, or any other string, kept
 * as given so one new type cannot refuse a whole dataset (such a field is shown, not edited).
 */
export type MonetateDataType = KnownDataType | (string & {});

/** @example isKnownDataType('NUMBER') // true; isKnownDataType('GEO_POINT') // false */
export function isKnownDataType(type: string): type is KnownDataType {
  return (KNOWN_DATA_TYPES as readonly string[]).includes(type);
}

/** Auth API `data`: the token and its lifetime (seconds since epoch / seconds). */
export const tokenAnswerSchema = z.looseObject({
  token: z.string().min(1),
  issued_at: z.number(),
  expires_in: z.number().positive(),
  expires_at: z.number(),
});
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;

export const fieldSchema = z.looseObject({
  data_type: z.string() as z.ZodType<MonetateDataType>,
  identifier: z.boolean().optional(),
  unique_key: z.boolean().optional(),
  event_time: z.boolean().optional(),
  required: z.boolean().optional(),
});
export type MonetateField = z.infer<typeof fieldSchema>;

export const schemaSchema = z.looseObject({
  name: z.string().min(1),
  type: z.string().optional(),
  fields: z.record(z.string(), fieldSchema),
  // Monetate sends null for a schema whose Identifier Name is not set yet.
  named_identifier: z.string().nullish(),
  id: z.number().optional(),
  created_date: z.string().optional(),
});
export type MonetateSchema = z.infer<typeof schemaSchema>;

export const schemaListSchema = z.array(schemaSchema);
export type MonetateSchemaList = z.infer<typeof schemaListSchema>;

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
