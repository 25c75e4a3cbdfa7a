import { describe, expect, it } from 'vitest';
import { COMMANDS, edgeForArrow, isToggleOverlayMessage, OVERLAY_SHORTCUT_LABEL, TOGGLE_OVERLAY_MESSAGE } from '@/utils/platform/shortcut';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('isToggleOverlayMessage', () => {
  it('takes the background\'s toggle, named by the overlay command with its suggested key', () => {
    expect(COMMANDS.toggleOverlay).toBe('toggle-overlay');
    expect(OVERLAY_SHORTCUT_LABEL).toBe('Alt+Shift+K');
    expect(isToggleOverlayMessage(TOGGLE_OVERLAY_MESSAGE, { id: EXTENSION_ID }, EXTENSION_ID)).toBe(true);
  });

  it('ignores other senders and other messages', () => {
    // Another extension, or one of our own tabs (a content script or page has a tab).
    expect(isToggleOverlayMessage(TOGGLE_OVERLAY_MESSAGE, { id: 'another-extension' }, EXTENSION_ID)).toBe(false);
    expect(isToggleOverlayMessage(TOGGLE_OVERLAY_MESSAGE, { id: EXTENSION_ID, tab: { id: 4 } }, EXTENSION_ID)).toBe(false);
    expect(isToggleOverlayMessage({ channel: 'mdi-overlay', type: 'open' }, { id: EXTENSION_ID }, EXTENSION_ID)).toBe(false);
    expect(isToggleOverlayMessage({ channel: 'mdi', type: 'toggle' }, { id: EXTENSION_ID }, EXTENSION_ID)).toBe(false);
    expect(isToggleOverlayMessage(null, { id: EXTENSION_ID }, EXTENSION_ID)).toBe(false);
    expect(isToggleOverlayMessage('toggle', { id: EXTENSION_ID }, EXTENSION_ID)).toBe(false);
  });
});

describe('edgeForArrow', () => {
  it('maps Alt+Shift+arrows to edges and nothing else', () => {
    const arrow = (name: string, mods = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false }) => edgeForArrow({ key: name, ...mods });
    expect(arrow('ArrowLeft')).toBe('left');
    expect(arrow('ArrowRight')).toBe('right');
    expect(arrow('ArrowUp')).toBe('top');
    expect(arrow('ArrowDown')).toBe('bottom');
    expect(arrow('Enter')).toBeNull();
    expect(arrow('ArrowLeft', { altKey: false, shiftKey: true, ctrlKey: false, metaKey: false })).toBeNull();
  });
});
