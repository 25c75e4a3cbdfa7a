/** The page shortcut that opens and closes the overlay: Alt+Shift+K (Option+Shift+K on a Mac). */
export const OVERLAY_SHORTCUT_LABEL = 'Alt+Shift+K';

type KeyLike = Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'repeat'>;

/**
 * True for Alt+Shift+K. Matched on the physical key (`code`), because Option+Shift+K types ""
 * on a Mac and other layouts move the letter.
 * @example isOverlayShortcut(new KeyboardEvent('keydown', { code: 'KeyK', altKey: true, shiftKey: true })) // true
 */
export function isOverlayShortcut(event: KeyLike): boolean {
  return event.code === 'KeyK' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.repeat;
}

/**
 * Alt+Shift+Arrow moves the focused launcher to that edge: the keyboard way to drag it.
 * @example edgeForArrow({ key: 'ArrowLeft', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false }) // 'left'
 */
export function edgeForArrow(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): 'left' | 'right' | 'top' | 'bottom' | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'top';
    case 'ArrowDown':
      return 'bottom';
    default:
      return null;
  }
}
