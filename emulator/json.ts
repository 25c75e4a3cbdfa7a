import { isLosslessNumber, isSafeNumber, LosslessNumber, parse, stringify } from 'lossless-json';

export { isLosslessNumber, LosslessNumber };

/**
 * A JSON value as the emulator keeps it. A number a double cannot hold exactly (beyond 2^53,
 * more digits than a double keeps, an overflow) is a `LosslessNumber` carrying its JSON text,
 * so it is stored and answered exactly as sent; other numbers are plain numbers.
 */
export type JsonValue = null | boolean | number | string | LosslessNumber | JsonValue[] | { [key: string]: JsonValue };

/**
 * Parses a request body exactly: numbers beyond a double's precision keep their text, strings
 * are as sent, a `__proto__` key stays an ordinary key. Throws `SyntaxError` on invalid JSON
 * (a key repeated with another value included: which one was meant is unknowable).
 */
export function parseJsonExact(text: string): unknown {
  return parse(text, null, (numberText) => (isSafeNumber(numberText) ? Number(numberText) : new LosslessNumber(numberText)));
}

/** Serializes like `JSON.stringify`, writing every `LosslessNumber` as the text it came with. */
export function stringifyJsonExact(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('value cannot be serialized as JSON');
  return text;
}

/** Two JSON values are the same when they serialize to the same text. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return stringify(a) === stringify(b);
}

/** A value for a text cell (platform pages): numbers as their JSON text, objects as JSON. */
export function displayJson(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return stringifyJsonExact(value);
}
