import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from '@/utils/monetate';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:07 GMT', now)).toBe(7000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:59:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});

describe('parseHttpDate', () => {
  it('reads a Date header and refuses bare numbers', () => {
    expect(parseHttpDate('Thu, 01 Jan 1970 00:00:01 GMT')).toBe(1000);
    expect(parseHttpDate('5')).toBeUndefined();
    expect(parseHttpDate(null)).toBeUndefined();
    expect(parseHttpDate('garbage')).toBeUndefined();
  });
});
