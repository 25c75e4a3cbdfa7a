import { describe, expect, it, vi } from 'vitest';
import { createBadge } from '@/entrypoints/background/badge';
import type { BadgeView } from '@/utils/badge/badge-view';

describe('badge updates', () => {
  it('waits for the lock state before showing a count, then writes only what changed', async () => {
    const writes: BadgeView[] = [];
    let profile: 'locked' | 'unlocked' = 'unlocked';
    const badge = createBadge({ readProfile: async () => profile, write: vi.fn(async (view: BadgeView) => void writes.push(view)) });

    badge.setPending(2);
    expect(writes).toEqual([]);
    await badge.refreshProfile();
    expect(writes.map((view) => view.text)).toEqual(['2']);

    badge.setPending(2);
    await badge.refreshProfile();
    expect(writes).toHaveLength(1);

    badge.setPending(0);
    profile = 'locked';
    await badge.refreshProfile();
    expect(writes.map((view) => view.text)).toEqual(['2', '', '•']);
  });

  it('tries again on the next change when a write fails', async () => {
    const write = vi.fn(async () => undefined).mockRejectedValueOnce(new Error('no window'));
    const badge = createBadge({ readProfile: async () => 'locked', write });
    await badge.refreshProfile();
    await Promise.resolve();
    await badge.refreshProfile();
    expect(write).toHaveBeenCalledTimes(2);
  });
});
