import { describe, expect, it } from 'vitest';
import { isTooOld, mustAskMonetate } from '@/utils/records/lookup-freshness';

describe('look-up freshness', () => {
  it('asks Monetate when the person refreshes, or reuses no answer at all', () => {
    expect(mustAskMonetate({ refresh: true }, 30)).toBe(true);
    expect(mustAskMonetate({}, 0)).toBe(true);
    expect(mustAskMonetate({ refresh: false }, 30)).toBe(false);
  });

  it('reuses a cached answer up to the setting, and no longer', () => {
    expect(isTooOld({ fromCache: true, fetchedAt: 1_000 }, 30, 31_000)).toBe(false);
    expect(isTooOld({ fromCache: true, fetchedAt: 1_000 }, 30, 31_001)).toBe(true);
  });

  it('never calls a fresh answer too old', () => {
    expect(isTooOld({ fromCache: false, fetchedAt: 0 }, 30, 1_000_000)).toBe(false);
  });
});
