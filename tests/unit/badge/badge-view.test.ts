import { describe, expect, it } from 'vitest';
import { badgeView } from '@/utils/badge/badge-view';

describe('toolbar badge', () => {
  it('is empty when unlocked and idle', () => {
    expect(badgeView({ profile: 'unlocked', pending: 0 })).toEqual({ text: '', color: '#0b5cad', title: 'Monetate Data Inspector: unlocked' });
  });

  it('counts the look-ups pending, in words in the tooltip', () => {
    expect(badgeView({ profile: 'unlocked', pending: 1 })).toMatchObject({ text: '1', title: 'Monetate Data Inspector: 1 look-up waiting' });
    expect(badgeView({ profile: 'unlocked', pending: 12 })).toMatchObject({ text: '12', title: 'Monetate Data Inspector: 12 look-ups waiting' });
    // A badge holds about four characters.
    expect(badgeView({ profile: 'unlocked', pending: 150 }).text).toBe('99+');
  });

  it('shows a dot and says the key is locked, whatever is queued', () => {
    const locked = badgeView({ profile: 'locked', pending: 3 });
    expect(locked).toEqual({ text: '•', color: '#57606a', title: 'Monetate Data Inspector: the key is locked. Open it to unlock.' });
  });

  it('stays empty without a profile, and says what to do', () => {
    expect(badgeView({ profile: 'none', pending: 0 })).toMatchObject({ text: '', title: 'Monetate Data Inspector: no profile yet. Open it to set one up.' });
  });

  it('treats a nonsense count as none', () => {
    expect(badgeView({ profile: 'unlocked', pending: Number.NaN }).text).toBe('');
    expect(badgeView({ profile: 'unlocked', pending: -2 }).text).toBe('');
  });
});
