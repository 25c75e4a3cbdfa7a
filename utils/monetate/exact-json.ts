import { isSafeNumber, LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * A JSON number whose text a JavaScript number cannot hold exactly (an integer beyond 2^53,
 * more significant digits than a double keeps, or an overflow). It travels as its JSON text so
 * a record's untouched value goes back to Monetate exactly as Monetate sent it. Plain data:
 * safe in messages and in `storage.session`.
 */
export interface ExactNumber {
  readonly $exactNumber: string;
}

/** @example isExactNumber({ $exactNumber: '12345678901234567890' }) // true */
export function isExactNumber(value: unknown): value is ExactNumber {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { $exactNumber?: unknown }).$exactNumber === 'string'
  );
}

/**
 * Parses JSON like `JSON.parse`, except that a number a double cannot hold exactly becomes an
 * `ExactNumber` instead of being rounded. Throws `SyntaxError` on invalid JSON.
 * @example parseExactJson('{"n":12345678901234567890,"m":1.5}') // { n: { $exactNumber: '12345678901234567890' }, m: 1.5 }
 */
export function parseExactJson(text: string): unknown {
  return parse(text, null, (numberText) => (isSafeNumber(numberText) ? Number(numberText) : { $exactNumber: numberText }));
}

/**
 * Serializes like `JSON.stringify`, writing every `ExactNumber` back as the number text it
 * came from.
 * @example stringifyExactJson({ n: { $exactNumber: '12345678901234567890' } }) // '{"n":12345678901234567890}'
 */
export function stringifyExactJson(value: unknown): string {
  const text = stringify(value, (_key, item) => (isExactNumber(item) ? new LosslessNumber(item.$exactNumber) : item));
  if (text === undefined) throw new TypeError('value cannot be serialized as JSON');
  return text;
}
