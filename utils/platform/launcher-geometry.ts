/**
 * Where the overlay's launcher sits. Its position is stored as an edge and a fraction along that
 * edge, so it stays on the same edge whatever the window size, and is always clamped on-screen.
 */

export type LauncherEdge = 'left' | 'right' | 'top' | 'bottom';

export interface LauncherPlacement {
  edge: LauncherEdge;
  /** 0..1 along the edge: top to bottom on the sides, left to right on top and bottom. */
  offset: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Gap between the launcher and the window's edge, in CSS pixels. */
export const LAUNCHER_MARGIN = 4;

/**
 * The launcher's box in the viewport for a stored placement: flush to its edge and never
 * outside the viewport, however small the window (a window smaller than the launcher pins it
 * to the top-left corner).
 * @example launcherBox({ edge: 'right', offset: 0.5 }, { width: 1280, height: 800 }, { width: 32, height: 32 })
 * // { left: 1244, top: 384, width: 32, height: 32 }
 */
export function launcherBox(placement: LauncherPlacement, viewport: Size, size: Size): Box {
  const offset = clamp01(placement.offset);
  const maxLeft = Math.max(0, viewport.width - size.width - LAUNCHER_MARGIN);
  const maxTop = Math.max(0, viewport.height - size.height - LAUNCHER_MARGIN);
  const minLeft = Math.min(LAUNCHER_MARGIN, maxLeft);
  const minTop = Math.min(LAUNCHER_MARGIN, maxTop);
  const along = (min: number, max: number) => Math.round(min + offset * (max - min));
  switch (placement.edge) {
    case 'left':
      return { left: minLeft, top: along(minTop, maxTop), ...size };
    case 'right':
      return { left: maxLeft, top: along(minTop, maxTop), ...size };
    case 'top':
      return { left: along(minLeft, maxLeft), top: minTop, ...size };
    case 'bottom':
      return { left: along(minLeft, maxLeft), top: maxTop, ...size };
  }
}

/**
 * The placement for a launcher dropped with its top-left corner at `point`: the nearest edge,
 * and how far along it. Inverse of `launcherBox` for any point on an edge.
 * @example placementForDrop({ left: 2, top: 300 }, { width: 1280, height: 800 }, { width: 32, height: 32 })
 * // { edge: 'left', offset: 0.38… }
 */
export function placementForDrop(point: { left: number; top: number }, viewport: Size, size: Size): LauncherPlacement {
  const centreX = point.left + size.width / 2;
  const centreY = point.top + size.height / 2;
  const distances: Array<[LauncherEdge, number]> = [
    ['left', centreX],
    ['right', viewport.width - centreX],
    ['top', centreY],
    ['bottom', viewport.height - centreY],
  ];
  const [edge] = distances.reduce((best, candidate) => (candidate[1] < best[1] ? candidate : best));
  const span = (extent: number, length: number) => Math.max(0, extent - length - 2 * LAUNCHER_MARGIN);
  const fraction = (position: number, extent: number, length: number) => {
    const room = span(extent, length);
    return room === 0 ? 0 : clamp01((position - LAUNCHER_MARGIN) / room);
  };
  const offset = edge === 'left' || edge === 'right' ? fraction(point.top, viewport.height, size.height) : fraction(point.left, viewport.width, size.width);
  // Stored with three decimals: enough for a pixel on any screen, and a short storage value.
  return { edge, offset: Math.round(offset * 1000) / 1000 };
}

/**
 * Whether two boxes overlap (touching edges do not count).
 * @example overlaps({ left: 0, top: 0, width: 10, height: 10 }, { left: 10, top: 0, width: 5, height: 5 }) // false
 */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}
