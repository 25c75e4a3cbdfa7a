import { isLosslessNumber } from '@/emulator/json.ts';
import type { FieldDef, FieldValue, StoredRecord } from '@/emulator/state.ts';
import { MAX_FIELDS, MAX_FIELD_NAME_LENGTH, isDataType } from '@/utils/schema/data-types.ts';

/** From the OpenAPI `Schema.name` pattern; field names follow the same rule. */
export const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
// Monetate's limits, from the one definition the extension checks against.
export { MAX_FIELDS, MAX_FIELD_NAME_LENGTH, isDataType };
/** From `SchemaNamedIdentifierPatch`; JavaScript's \w is ASCII-only, which is the stricter reading. */
export const NAMED_IDENTIFIER_PATTERN = /^\w+$/;

export interface ApiError {
  message: string;
  field?: string;
  row?: number;
}

/** A JSON object: not an array, not null, not a LosslessNumber (which is an object too). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Returns a reason the name is not a valid field name, or null. */
export function fieldNameProblem(name: string): string | null {
  if (name.length === 0) return 'Field name must not be empty.';
  if (name.length > MAX_FIELD_NAME_LENGTH) return `Field name "${name}" is longer than ${MAX_FIELD_NAME_LENGTH} characters.`;
  if (!FIELD_NAME_PATTERN.test(name)) {
    return `Field name "${name}" must begin with a letter and contain only letters, numbers and underscores.`;
  }
  return null;
}

/**
 * Splits a MULTI_STRING into its values. A comma inside a value is written `\,` and a
 * backslash `\\` (Monetate's product catalog comma escaping); any other escape is an error.
 */
export function parseMultiString(text: string): { values: string[] } | { error: string } {
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next !== ',' && next !== '\\') return { error: 'contains a backslash that does not escape a comma or a backslash' };
      current += next;
      i++;
    } else if (ch === ',') {
      values.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  values.push(current);
  return { values };
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
/** `T` or a space; fraction up to 9 digits; `Z`, `±HH:MM`, `±HHMM` or no zone at all. */
const ACCEPTED_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):?(\d{2}))?$/;

/** ISO-8601 date-time with a time zone (`Z` or `±HH:MM`) that names a real calendar instant. */
export function isIsoDateTime(text: string): boolean {
  return isRealDateTime(ISO_DATETIME.exec(text));
}

/**
 * A DATETIME value the emulator accepts and stores as sent: ISO-8601 with `Z` or `±HH:MM`,
 * and the forms seen in real data: no zone (`2025-01-01T10:00:00`), a space for `T`
 * (`2025-01-01 10:00:00+00:00`), `±HHMM` (`…+0000`), microseconds. Monetate documents only
 * "ISO-8601"; this is our reading.
 */
export function isAcceptedDateTime(text: string): boolean {
  return isRealDateTime(ACCEPTED_DATETIME.exec(text));
}

function isRealDateTime(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const tzHour = m[7] === undefined ? 0 : Number(m[7]);
  const tzMinute = m[8] === undefined ? 0 : Number(m[8]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && tzHour <= 23 && tzMinute <= 59;
}

function stringProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0) return 'must not be empty';
  if (value !== value.trim()) return 'must not have leading or trailing whitespace';
  return null;
}

/** Returns why `value` is not acceptable for a field of this type, or null when it is. */
export function valueProblem(dataType: string, value: unknown): string | null {
  // A field of a type the emulator does not know (added through /__admin/schema-fields) takes any value as sent.
  if (!isDataType(dataType)) return null;
  switch (dataType) {
    case 'STRING':
      return stringProblem(value);
    case 'MULTI_STRING': {
      const problem = stringProblem(value);
      if (problem) return problem;
      const parsed = parseMultiString(value as string);
      if ('error' in parsed) return parsed.error;
      for (const item of parsed.values) {
        if (item.length === 0) return 'must not contain empty values between commas';
        if (item !== item.trim()) return `value "${item}" must not have leading or trailing whitespace`;
      }
      return null;
    }
    case 'NUMBER':
      // Any size: a number beyond a double's precision arrives as a LosslessNumber and is kept as its text.
      return (typeof value === 'number' && Number.isFinite(value)) || isLosslessNumber(value) ? null : 'must be a JSON number (not a string)';
    case 'BOOLEAN':
      return typeof value === 'boolean' || (typeof value === 'string' && BOOLEAN_STRINGS.has(value))
        ? null
        : 'must be JSON true or false (or the string "true", "false", "TRUE" or "FALSE")';
    case 'DATETIME':
      return typeof value === 'string' && isAcceptedDateTime(value)
        ? null
        : 'must be an ISO-8601 date-time, e.g. 2025-01-31T09:30:00Z';
  }
}

const BOOLEAN_STRINGS = new Set(['true', 'false', 'TRUE', 'FALSE']);

/** A field that must be present and non-null in every row. */
export function isMandatory(def: FieldDef): boolean {
  return def.identifier || def.unique_key || def.required;
}

/**
 * Checks every row against the schema; returns one error per problem (`row` is the index in
 * `schema_rows`) or, when all rows pass, the rows as they will be stored.
 */
export function validateRows(
  fields: ReadonlyMap<string, FieldDef>,
  rows: readonly unknown[],
): { errors: ApiError[]; records: StoredRecord[] } {
  const errors: ApiError[] = [];
  const records: StoredRecord[] = [];
  rows.forEach((row, index) => {
    if (!isPlainObject(row)) {
      errors.push({ row: index, message: 'Row must be a JSON object.' });
      return;
    }
    for (const key of Object.keys(row)) {
      if (!fields.has(key)) errors.push({ row: index, field: key, message: `Unknown field "${key}": the dataset has no such attribute.` });
    }
    const record: StoredRecord = {};
    for (const [name, def] of fields) {
      const value = Object.hasOwn(row, name) ? row[name] : undefined;
      if (value === undefined || value === null) {
        if (isMandatory(def)) errors.push({ row: index, field: name, message: `Field "${name}" is required and must not be null.` });
        record[name] = null;
        continue;
      }
      const problem = valueProblem(def.data_type, value);
      if (problem) {
        errors.push({ row: index, field: name, message: `Field "${name}" (${def.data_type}) ${problem}.` });
        continue;
      }
      record[name] = value as FieldValue;
    }
    records.push(record);
  });
  return { errors, records: errors.length === 0 ? records : [] };
}
