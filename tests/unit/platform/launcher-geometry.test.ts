import { describe, expect, it } from 'vitest';
import { LAUNCHER_MARGIN, launcherBox, overlaps, placementForDrop, type LauncherEdge } from '@/utils/platform/launcher-geometry';

const viewport = { width: 1280, height: 800 };
const size = { width: 32, height: 32 };

describe('launcherBox', () => {
  it('puts the launcher flush to its edge, at its fraction along it', () => {
    expect(launcherBox({ edge: 'right', offset: 0.5 }, viewport, size)).toEqual({ left: 1280 - 32 - LAUNCHER_MARGIN, top: 384, ...size });
    expect(launcherBox({ edge: 'left', offset: 0 }, viewport, size)).toMatchObject({ left: LAUNCHER_MARGIN, top: LAUNCHER_MARGIN });
    expect(launcherBox({ edge: 'top', offset: 1 }, viewport, size)).toMatchObject({ left: 1280 - 32 - LAUNCHER_MARGIN, top: LAUNCHER_MARGIN });
    expect(launcherBox({ edge: 'bottom', offset: 0 }, viewport, size)).toMatchObject({ left: LAUNCHER_MARGIN, top: 800 - 32 - LAUNCHER_MARGIN });
  });

  it('is never off-screen, whatever the window size or the stored offset', () => {
    const edges: LauncherEdge[] = ['left', 'right', 'top', 'bottom'];
    for (const edge of edges) {
      for (const offset of [-3, 0, 0.37, 1, 7, Number.NaN]) {
        for (const view of [viewport, { width: 320, height: 200 }, { width: 40, height: 36 }]) {
          const box = launcherBox({ edge, offset }, view, size);
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.top).toBeGreaterThanOrEqual(0);
          expect(box.left + box.width).toBeLessThanOrEqual(view.width);
          expect(box.top + box.height).toBeLessThanOrEqual(view.height);
        }
      }
    }
  });

  it('pins to the top-left corner in a window smaller than itself', () => {
    expect(launcherBox({ edge: 'right', offset: 1 }, { width: 20, height: 20 }, size)).toMatchObject({ left: 0, top: 0 });
  });

  it('keeps the same edge and fraction when the window is resized', () => {
    const placement = { edge: 'right' as const, offset: 0.25 };
    const small = launcherBox(placement, { width: 800, height: 400 }, size);
    expect(small.left).toBe(800 - 32 - LAUNCHER_MARGIN);
    expect(small.top).toBe(Math.round(LAUNCHER_MARGIN + 0.25 * (400 - 32 - 2 * LAUNCHER_MARGIN)));
  });
});

describe('placementForDrop', () => {
  it('snaps to the nearest edge', () => {
    expect(placementForDrop({ left: 10, top: 300 }, viewport, size).edge).toBe('left');
    expect(placementForDrop({ left: 1250, top: 300 }, viewport, size).edge).toBe('right');
    expect(placementForDrop({ left: 600, top: 5 }, viewport, size).edge).toBe('top');
    expect(placementForDrop({ left: 600, top: 760 }, viewport, size).edge).toBe('bottom');
  });

  it('is the inverse of launcherBox along the edge', () => {
    for (const edge of ['left', 'right', 'top', 'bottom'] as const) {
      for (const offset of [0.2, 0.5, 0.9]) {
        const box = launcherBox({ edge, offset }, viewport, size);
        const placement = placementForDrop(box, viewport, size);
        expect(placement.edge).toBe(edge);
        expect(placement.offset).toBeCloseTo(offset, 2);
      }
      // In a corner either edge is right: the launcher lands in the same place.
      for (const offset of [0, 1]) {
        const box = launcherBox({ edge, offset }, viewport, size);
        expect(launcherBox(placementForDrop(box, viewport, size), viewport, size)).toEqual(box);
      }
    }
  });

  it('stores an offset within 0..1 for a drop past the corner', () => {
    const placement = placementForDrop({ left: -50, top: 2000 }, viewport, size);
    expect(placement.offset).toBeGreaterThanOrEqual(0);
    expect(placement.offset).toBeLessThanOrEqual(1);
  });
});

describe('overlaps', () => {
  it('counts shared area, not touching edges', () => {
    const a = { left: 0, top: 0, width: 10, height: 10 };
    expect(overlaps(a, { left: 9, top: 9, width: 5, height: 5 })).toBe(true);
    expect(overlaps(a, { left: 10, top: 0, width: 5, height: 5 })).toBe(false);
  });
});
