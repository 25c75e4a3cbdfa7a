import { describe, expect, it } from 'vitest';
import { safeJsonText } from '@/utils/safe-json';

describe('safeJsonText', () => {
  it('writes ordinary JSON indented, keys in order', () => {
    expect(safeJsonText({ b: 1, a: ['x', null, true] })).toBe('{\n  "b": 1,\n  "a": [\n    "x",\n    null,\n    true\n  ]\n}');
  });

  it('writes values that break String() or a template, such as {"toString":1}', () => {
    const odd = { toString: 1, valueOf: 'x' };
    expect(() => String(odd)).toThrow();
    expect(safeJsonText(odd)).toBe('{\n  "toString": 1,\n  "valueOf": "x"\n}');
  });

  it('writes an exact number as the digits Monetate sent', () => {
    expect(safeJsonText({ n: { $exactNumber: '12345678901234567890' } })).toBe('{\n  "n": 12345678901234567890\n}');
    expect(safeJsonText({ n: { $exactNumber: 'not a number' } })).toContain('"$exactNumber": "not a number"');
  });

  it('marks cycles but writes a value seen twice side by side in full', () => {
    const shared = { k: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    const text = safeJsonText(cyclic);
    expect(JSON.parse(text)).toEqual({ shared: { k: 1 }, again: { k: 1 }, self: '[cycle]' });
  });

  it('never throws: throwing getters and toJSON, BigInt, functions, symbols, NaN, undefined', () => {
    const hostile = {
      get boom(): never {
        throw new Error('no');
      },
      toJSON() {
        throw new Error('no');
      },
      big: 10n,
      fn: () => 1,
      sym: Symbol('s'),
      nan: Number.NaN,
      missing: undefined,
      ['__proto__']: { polluted: true },
    };
    const parsed = JSON.parse(safeJsonText(hostile)) as Record<string, unknown>;
    expect(parsed).toMatchObject({ boom: '[unreadable]', toJSON: '[function]', big: '[bigint 10]', fn: '[function]', sym: '[Symbol(s)]', nan: '[NaN]', missing: '[undefined]' });
    expect(Object.keys(parsed)).toContain('__proto__');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('stops at a great depth instead of overflowing', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(safeJsonText(deep)).toContain('[too deep]');
  });
});
