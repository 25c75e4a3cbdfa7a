import { describe, expect, it } from 'vitest';
import { joinMultiString, splitMultiString } from '@/utils/schema';

describe('MULTI_STRING codec', () => {
  it('splits on commas', () => {
    expect(splitMultiString('red,green,blue')).toEqual(['red', 'green', 'blue']);
  });

  it('reads \\, as a comma inside a value and \\\\ as a backslash', () => {
    expect(splitMultiString('navy\\, dark,a\\\\b')).toEqual(['navy, dark', 'a\\b']);
    expect(splitMultiString('a\\\\,b')).toEqual(['a\\', 'b']);
  });

  it('reads the empty string as no values', () => {
    expect(splitMultiString('')).toEqual([]);
    expect(joinMultiString([])).toBe('');
  });

  it('escapes commas and backslashes when joining', () => {
    expect(joinMultiString(['red', 'navy, dark', 'C:\\tmp'])).toBe('red,navy\\, dark,C:\\\\tmp');
  });

  it('keeps a backslash that escapes nothing as written', () => {
    expect(splitMultiString('a,b\\')).toEqual(['a', 'b\\']);
    expect(splitMultiString('C:\\tmp,x')).toEqual(['C:\\tmp', 'x']);
  });

  it('round-trips any list of values, whatever commas and backslashes they hold', () => {
    const alphabet = ['a', 'b', ',', '\\', ' ', 'é', '\\,', ',\\'];
    // A small deterministic PRNG so a failure is reproducible.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 500; run++) {
      const values = Array.from({ length: 1 + rand(5) }, () =>
        Array.from({ length: 1 + rand(6) }, () => alphabet[rand(alphabet.length)]).join(''),
      );
      expect(splitMultiString(joinMultiString(values))).toEqual(values);
    }
  });

  it('round-trips lists with empty values among others', () => {
    for (const values of [['', 'a'], ['a', ''], ['', ''], [',', ''], ['\\', '\\']]) {
      expect(splitMultiString(joinMultiString(values))).toEqual(values);
    }
  });
});
