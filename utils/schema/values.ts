import { LosslessNumber, stringify } from 'lossless-json';
import { isExactNumber, stringifyExactJson } from '@/utils/monetate/exact-json';
import type { RecordValue } from '@/utils/schema/types';

/**
 * A record value as the text a person reads and copies: strings as they are, numbers (exact
 * ones included) as their digits, booleans as `true`/`false`, objects and arrays as JSON.
 * Never throws, whatever the server sent (`{"toString":1}` cannot be passed to `String`).
 * @example recordValueText({ $exactNumber: '12345678901234567890' }) // '12345678901234567890'
 */
export function recordValueText(value: RecordValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isExactNumber(value)) return value.$exactNumber;
  try {
    return stringifyExactJson(value);
  } catch {
    return '(a value that cannot be shown)';
  }
}

/**
 * The JSON text a value goes to Monetate as; two values are the same value when these match.
 * @example jsonText('a ') // '"a "'
 */
export function jsonText(value: RecordValue | undefined): string {
  if (value === undefined) return 'null';
  try {
    return stringifyExactJson(value);
  } catch {
    return '';
  }
}

/**
 * True when two values would be written to Monetate identically (key order of objects counts,
 * as it does in the bytes).
 * @example sameJson({ $exactNumber: '1e400' }, { $exactNumber: '1e400' }) // true
 */
export function sameJson(a: RecordValue | undefined, b: RecordValue | undefined): boolean {
  return jsonText(a) === jsonText(b);
}

/** A plain JSON object (not an array, not an `ExactNumber`). */
export function isJsonObject(value: RecordValue | undefined): value is { [key: string]: RecordValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isExactNumber(value);
}

/**
 * Indented JSON for people to read and copy, exact numbers written as their digits.
 * @example prettyJson({ n: { $exactNumber: '1e400' } }) // '{\n  "n": 1e400\n}'
 */
export function prettyJson(value: unknown): string {
  return stringify(value, (_key, item: unknown) => (isExactNumber(item) ? new LosslessNumber(item.$exactNumber) : item), 2) ?? '';
}
