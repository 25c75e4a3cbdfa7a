import { describe, expect, it } from 'vitest';
import { edgeForArrow, isOverlayShortcut, OVERLAY_SHORTCUT_LABEL } from '@/utils/platform/shortcut';

const key = (code: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'repeat', boolean>> = {}) => ({
  code,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  repeat: false,
  ...mods,
});

describe('isOverlayShortcut', () => {
  it('is Alt+Shift+K by physical key, whatever character the layout types', () => {
    expect(OVERLAY_SHORTCUT_LABEL).toBe('Alt+Shift+K');
    expect(isOverlayShortcut(key('KeyK', { altKey: true, shiftKey: true }))).toBe(true);
  });

  it('leaves other combinations and held keys to the page', () => {
    expect(isOverlayShortcut(key('KeyK', { altKey: true }))).toBe(false);
    expect(isOverlayShortcut(key('KeyK', { altKey: true, shiftKey: true, ctrlKey: true }))).toBe(false);
    expect(isOverlayShortcut(key('KeyK', { altKey: true, shiftKey: true, metaKey: true }))).toBe(false);
    expect(isOverlayShortcut(key('KeyK', { altKey: true, shiftKey: true, repeat: true }))).toBe(false);
    expect(isOverlayShortcut(key('KeyJ', { altKey: true, shiftKey: true }))).toBe(false);
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
