/**
 * Monetate's field types and dataset limits: the one definition the zod answer schemas, the
 * request validators, the forms and the emulator all import. Plain constants (no zod), so UI
 * bundles can import them.
 */

/** The five field types Monetate documents: the types a new attribute may be given. */
export const DATA_TYPES = ['STRING', 'MULTI_STRING', 'NUMBER', 'DATETIME', 'BOOLEAN'] as const;
export type DataType = (typeof DATA_TYPES)[number];

/**
 * The types the forms read and edit: the five, plus `GOOGLE_PRODUCT_CATEGORY`, which appears on
 * product catalogs only and is read as a STRING. Any other type is kept as given and shown
 * read-only.
 */
export const KNOWN_DATA_TYPES = [...DATA_TYPES, 'GOOGLE_PRODUCT_CATEGORY'] as const;
export type KnownDataType = (typeof KNOWN_DATA_TYPES)[number];

/** Monetate's limit on fields per dataset (fields can be added, never removed). */
export const MAX_FIELDS = 40;
/** Monetate's limit on a field name's length. */
export const MAX_FIELD_NAME_LENGTH = 64;

/** @example isKnownDataType('NUMBER') // true; isKnownDataType('GEO_POINT') // false */
export function isKnownDataType(type: string): type is KnownDataType {
  return (KNOWN_DATA_TYPES as readonly string[]).includes(type);
}

/** True for a type a new attribute may be given. @example isDataType('GOOGLE_PRODUCT_CATEGORY') // false */
export function isDataType(type: unknown): type is DataType {
  return typeof type === 'string' && (DATA_TYPES as readonly string[]).includes(type);
}
