/**
 * Monetate dataset schema types, as the Data API describes them (`Schema`, `Field`), and the
 * form types built from them.
 */

export { DATA_TYPES, KNOWN_DATA_TYPES, MAX_FIELDS, MAX_FIELD_NAME_LENGTH, isDataType, isKnownDataType, type DataType, type KnownDataType } from '@/utils/schema/data-types';

// The one schema type: inferred from the zod answer schema (a type-only import: no zod at run time).
export type { DatasetSchema, FieldSpec } from '@/utils/monetate/schemas';

/**
 * Any JSON value, as Monetate may send it in a record: the five types' values, and also
 * objects, arrays and `ExactNumber` (a number a double cannot hold, kept as its JSON text).
 */
export type RecordValue = string | number | boolean | null | RecordValue[] | { [key: string]: RecordValue };

/** One record (one `schema_rows` item), keyed by field name. */
export type RecordValues = Record<string, RecordValue>;

/** What a DATETIME input holds: the wall-clock value, its zone, and the value it was loaded from. */
export interface DateTimeFormValue {
  /** `YYYY-MM-DDTHH:mm[:ss[.sss]]`, as `<input type="datetime-local">` gives it; `''` when empty. */
  local: string;
  /** IANA zone name, e.g. `Europe/Paris` or `UTC`. */
  timeZone: string;
  /**
   * The server's value this input was loaded from. Kept so an untouched field is sent back
   * byte for byte (the input cannot show microseconds or the original offset).
   */
  original?: string;
}

/**
 * A field's raw form value: text for STRING/NUMBER, `'true' | 'false' | ''` for BOOLEAN,
 * the list of items for MULTI_STRING, wall clock + zone for DATETIME.
 */
export type FieldInput = string | readonly string[] | DateTimeFormValue;

/** The whole form: one raw value per schema field. */
export type FormState = Record<string, FieldInput>;

/** A check's answer: the value to send, or a sentence saying what to fix. */
export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

/** `edit` replaces a row (datasets with a unique key); `add_row` adds one built from a read row; `create` starts empty. */
export type FormMode = 'edit' | 'add_row' | 'create';

/** Types whose values are plain text. */
export function isTextType(type: string): boolean {
  return type === 'STRING' || type === 'GOOGLE_PRODUCT_CATEGORY';
}

export function isDateTimeFormValue(value: FieldInput): value is DateTimeFormValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'local' in value;
}
