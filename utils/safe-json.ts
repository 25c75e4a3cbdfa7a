import { LosslessNumber, stringify } from 'lossless-json';
import { isExactNumber } from '@/utils/monetate/exact-json';

const MAX_DEPTH = 40;

/**
 * Any value as readable JSON text, for showing data that broke rendering. Never throws: a
 * cycle, a getter or `toJSON` that throws, a BigInt, a function or a symbol each become a
 * bracketed note, and an exact number is written as the number Monetate sent.
 * @example safeJsonText({ toString: 1 }) // '{\n  "toString": 1\n}'
 * @example const a: Record<string, unknown> = {}; a.self = a; safeJsonText(a) // '{\n  "self": "[cycle]"\n}'
 */
export function safeJsonText(value: unknown): string {
  try {
    return stringify(plain(value, new Set(), 0), undefined, 2) ?? '[nothing]';
  } catch {
    return '[could not be written as JSON]';
  }
}

function plain(value: unknown, ancestors: Set<object>, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : `[${String(value)}]`;
    case 'bigint':
      return `[bigint ${value.toString()}]`;
    case 'undefined':
      return '[undefined]';
    case 'function':
      return '[function]';
    case 'symbol':
      return `[${value.toString()}]`;
  }
  if (value === null) return null;
  const object = value as object;
  if (isExactNumber(object)) {
    try {
      return new LosslessNumber(object.$exactNumber);
    } catch {
      // Not number text after all: show it as the object it is.
    }
  }
  if (ancestors.has(object)) return '[cycle]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  ancestors.add(object);
  try {
    if (Array.isArray(object)) return object.map((item) => plain(item, ancestors, depth + 1));
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? '[invalid date]' : object.toISOString();
    // A null prototype, so a "__proto__" key stays an ordinary key.
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      let item: unknown;
      try {
        item = (object as Record<string, unknown>)[key];
      } catch {
        item = '[unreadable]';
      }
      out[key] = plain(item, ancestors, depth + 1);
    }
    return out;
  } finally {
    ancestors.delete(object);
  }
}
