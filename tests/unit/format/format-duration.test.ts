import { describe, expect, it } from 'vitest';
import { formatDuration } from '@/utils/format-duration';

describe('formatDuration', () => {
  it('says the two largest units, and never less than the real wait', () => {
    expect(formatDuration(86_399_000)).toBe('23 hours 59 minutes');
    expect(formatDuration(86_400_000)).toBe('1 day');
    expect(formatDuration(90_061_000)).toBe('1 day 1 hour');
    expect(formatDuration(4_200)).toBe('5 seconds');
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(61_000)).toBe('1 minute 1 second');
    expect(formatDuration(3_600_000 + 5_000)).toBe('1 hour');
    expect(formatDuration(-300_000)).toBe('5 minutes');
    expect(formatDuration(0)).toBe('1 second');
  });
});
