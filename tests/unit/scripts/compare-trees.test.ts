import { describe, expect, it } from 'vitest';
import { compareTrees, sameTrees } from '@/scripts/compare-trees';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('compareTrees (sources zip rebuild check)', () => {
  it('finds nothing when the same bytes sit at the same paths', () => {
    const difference = compareTrees(new Map([['manifest.json', bytes('{}')], ['icons/16.png', bytes('png')]]), new Map([['icons/16.png', bytes('png')], ['manifest.json', bytes('{}')]]));
    expect(difference).toEqual({ missing: [], extra: [], differing: [] });
    expect(sameTrees(difference)).toBe(true);
  });

  it('names files missing from the rebuild, files only in the rebuild, and files whose bytes differ', () => {
    const expected = new Map([['a.js', bytes('1')], ['b.js', bytes('2')], ['c.js', bytes('3')]]);
    const actual = new Map([['a.js', bytes('1')], ['c.js', bytes('3 ')], ['d.js', bytes('4')]]);
    const difference = compareTrees(expected, actual);
    expect(difference).toEqual({ missing: ['b.js'], extra: ['d.js'], differing: ['c.js'] });
    expect(sameTrees(difference)).toBe(false);
  });
});
