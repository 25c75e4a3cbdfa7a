import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActivityReporter } from '@/utils/stores/activity';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('activity reporter', () => {
  it('sends at most one activity message a minute, however fast the person types', () => {
    const report = vi.fn(async () => null);
    const typed = createActivityReporter(report);
    expect(typed()).toBe(true);
    for (let second = 1; second < 60; second++) {
      vi.advanceTimersByTime(1000);
      typed();
    }
    expect(report).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(typed()).toBe(true);
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('keeps going when a report fails (the background restarted)', async () => {
    const report = vi.fn(async () => {
      throw new Error('gone');
    });
    const typed = createActivityReporter(report);
    typed();
    vi.advanceTimersByTime(60_000);
    expect(typed()).toBe(true);
    expect(report).toHaveBeenCalledTimes(2);
  });
});
