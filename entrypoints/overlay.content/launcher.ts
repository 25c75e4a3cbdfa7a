import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { launcherBox, placementForDrop, type Box, type LauncherPlacement, type Size } from '@/utils/platform/launcher-geometry';
import { edgeForArrow, OVERLAY_SHORTCUT_LABEL } from '@/utils/platform/shortcut';
import { onlyTrusted } from '@/utils/platform/trusted-input';
import { lookupIcon } from '@/entrypoints/overlay.content/icon';

const SIZE: Size = { width: 32, height: 32 };
/** Pointer travel (px) before a press becomes a drag rather than a click. */
const DRAG_THRESHOLD = 4;

export interface Launcher {
  element: HTMLButtonElement;
  setExpanded(open: boolean): void;
  placement(): LauncherPlacement;
  box(): Box;
  /** Re-applies the placement to the current viewport (on resize): never off-screen. */
  reflow(): void;
}

/** The viewport the launcher must stay inside: the visible area without scrollbars. */
export function viewportSize(): Size {
  const root = document.documentElement;
  const standards = document.compatMode === 'CSS1Compat';
  return {
    width: (standards ? root.clientWidth : 0) || window.innerWidth,
    height: (standards ? root.clientHeight : 0) || window.innerHeight,
  };
}

/**
 * The launcher: a small round button on an edge of the window. Click (or Enter) opens the
 * overlay; drag it to any edge, or move it with Alt+Shift+arrow keys. Plain DOM, no React.
 */
export function createLauncher(options: {
  ctx: ContentScriptContext;
  parent: HTMLElement;
  placement: LauncherPlacement;
  onActivate(): void;
  onMoved(placement: LauncherPlacement): void;
}): Launcher {
  let placement = options.placement;
  let current: Box = launcherBox(placement, viewportSize(), SIZE);

  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'launcher';
  element.setAttribute('aria-label', 'Monetate Data Inspector');
  element.setAttribute('aria-keyshortcuts', OVERLAY_SHORTCUT_LABEL);
  element.setAttribute('aria-expanded', 'false');
  element.title = `Monetate Data Inspector (${OVERLAY_SHORTCUT_LABEL} unless changed in the browser's keyboard shortcuts). Drag to any edge, or press Alt+Shift+arrow keys to move it.`;
  element.append(lookupIcon());
  options.parent.append(element);

  const apply = (box: Box) => {
    current = box;
    element.style.left = `${box.left}px`;
    element.style.top = `${box.top}px`;
  };
  const reflow = () => apply(launcherBox(placement, viewportSize(), SIZE));
  const move = (next: LauncherPlacement) => {
    placement = next;
    reflow();
    options.onMoved(next);
  };
  reflow();

  let press: { id: number; x: number; y: number; left: number; top: number; dragging: boolean } | null = null;
  let swallowClick = false;

  // Every listener takes the browser's own input only: the page can dispatch events at the
  // host, and must not be able to open the overlay or move the launcher by doing so.
  element.addEventListener(
    'pointerdown',
    onlyTrusted((event: PointerEvent) => {
      if (event.button !== 0 || !event.isPrimary) return;
      press = { id: event.pointerId, x: event.clientX, y: event.clientY, left: current.left, top: current.top, dragging: false };
      element.setPointerCapture(event.pointerId);
    }),
  );
  element.addEventListener('pointermove', onlyTrusted((event: PointerEvent) => {
    if (!press || event.pointerId !== press.id) return;
    const dx = event.clientX - press.x;
    const dy = event.clientY - press.y;
    if (!press.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    press.dragging = true;
    element.classList.add('dragging');
    const viewport = viewportSize();
    apply({
      ...SIZE,
      left: Math.min(Math.max(0, press.left + dx), Math.max(0, viewport.width - SIZE.width)),
      top: Math.min(Math.max(0, press.top + dy), Math.max(0, viewport.height - SIZE.height)),
    });
  }));
  const endPress = (event: PointerEvent, dropped: boolean) => {
    if (!press || event.pointerId !== press.id) return;
    const wasDragging = press.dragging;
    press = null;
    element.classList.remove('dragging');
    if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
    if (!wasDragging) return;
    swallowClick = true;
    if (dropped) move(placementForDrop(current, viewportSize(), SIZE));
    else reflow();
  };
  element.addEventListener('pointerup', onlyTrusted((event: PointerEvent) => endPress(event, true)));
  element.addEventListener('pointercancel', onlyTrusted((event: PointerEvent) => endPress(event, false)));
  // Enter and Space on the focused button arrive as a trusted click too.
  element.addEventListener(
    'click',
    onlyTrusted(() => {
      if (swallowClick) {
        swallowClick = false;
        return;
      }
      options.onActivate();
    }),
  );
  element.addEventListener(
    'keydown',
    onlyTrusted((event: KeyboardEvent) => {
      const edge = edgeForArrow(event);
      if (!edge) return;
      event.preventDefault();
      move({ edge, offset: placement.offset });
    }),
  );

  return {
    element,
    setExpanded(open) {
      element.setAttribute('aria-expanded', String(open));
    },
    placement: () => placement,
    box: () => current,
    reflow,
  };
}
