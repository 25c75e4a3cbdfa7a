/** What the toolbar badge reflects: the active profile's lock state and the look-ups pending. */
export interface BadgeState {
  /** `none`: no profile (or none usable with a key); `locked` / `unlocked`: the active profile's key. */
  profile: 'none' | 'locked' | 'unlocked';
  /** Look-ups waiting in the queue or being sent. */
  pending: number;
}

/** The toolbar button's badge text, its colour and the button's tooltip. */
export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

const NAME = 'Monetate Data Inspector';
/** Badges hold about four characters. */
const MAX_SHOWN = 99;
const COLORS = { locked: '#57606a', busy: '#0b5cad', idle: '#0b5cad' } as const;

/**
 * The badge for a state: empty when unlocked and idle, the number of pending look-ups while
 * any wait, and "•" when the key is locked (nothing can be looked up then), with a tooltip that
 * says it in words.
 * @example badgeView({ profile: 'unlocked', pending: 3 }) // { text: '3', color: '#0b5cad', title: 'Monetate Data Inspector: 3 look-ups waiting' }
 */
export function badgeView(state: BadgeState): BadgeView {
  const pending = Number.isFinite(state.pending) ? Math.max(0, Math.floor(state.pending)) : 0;
  if (state.profile === 'none') return { text: '', color: COLORS.idle, title: `${NAME}: no profile yet. Open it to set one up.` };
  if (state.profile === 'locked') return { text: '•', color: COLORS.locked, title: `${NAME}: the key is locked. Open it to unlock.` };
  if (pending === 0) return { text: '', color: COLORS.idle, title: `${NAME}: unlocked` };
  const text = pending > MAX_SHOWN ? `${MAX_SHOWN}+` : String(pending);
  return { text, color: COLORS.busy, title: `${NAME}: ${pending === 1 ? '1 look-up' : `${pending} look-ups`} waiting` };
}
