import { describe, expect, it } from 'vitest';
import { isExactNumber, parseExactJson, stringifyExactJson } from '@/utils/monetate/exact-json';

describe('exact JSON', () => {
  it('keeps a number beyond 2^53 as its text and writes it back unchanged', () => {
    const text = '{"points":12345678901234567890,"ratio":0.1,"n":42}';
    const parsed = parseExactJson(text) as Record<string, unknown>;
    expect(parsed.points).toEqual({ $exactNumber: '12345678901234567890' });
    expect(parsed.ratio).toBe(0.1);
    expect(parsed.n).toBe(42);
    expect(stringifyExactJson(parsed)).toBe(text);
  });

  it('keeps more digits than a double holds', () => {
    const parsed = parseExactJson('[3.14159265358979323846264338327950288]') as unknown[];
    expect(isExactNumber(parsed[0])).toBe(true);
    expect(stringifyExactJson(parsed)).toBe('[3.14159265358979323846264338327950288]');
  });

  it('reads ordinary JSON exactly as JSON.parse does', () => {
    const text = '{"a":"x\\u00e9","b":[true,false,null],"c":{"toString":1},"d":-0.5e-3}';
    expect(parseExactJson(text)).toEqual(JSON.parse(text));
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseExactJson('{"a":')).toThrow();
  });

  it('does not take an ordinary object with more keys for an exact number', () => {
    expect(isExactNumber({ $exactNumber: '1', other: 2 })).toBe(false);
    expect(isExactNumber({ $exactNumber: 1 })).toBe(false);
  });
});
