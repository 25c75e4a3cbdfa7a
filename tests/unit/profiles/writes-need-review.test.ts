import { describe, expect, it } from 'vitest';
import { writesNeedReview } from '@/utils/profiles/write-review';

describe('writesNeedReview', () => {
  it('asks for a review on every profile that talks to Monetate itself, whatever the setting', () => {
    expect(writesNeedReview({ baseUrl: 'https://api.monetate.net', confirmWrites: false })).toBe(true);
    expect(writesNeedReview({ baseUrl: 'https://eu.api.monetate.net', confirmWrites: false })).toBe(true);
  });

  it('asks elsewhere only when "Confirm every write" is on', () => {
    expect(writesNeedReview({ baseUrl: 'http://127.0.0.1:8787', confirmWrites: false })).toBe(false);
    expect(writesNeedReview({ baseUrl: 'http://127.0.0.1:8787', confirmWrites: true })).toBe(true);
  });
});
