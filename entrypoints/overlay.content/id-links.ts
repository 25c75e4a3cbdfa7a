import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { customerIdAt } from '@/utils/platform/selectors';
import { onlyTrusted } from '@/utils/platform/trusted-input';
import { lookupIcon } from '@/entrypoints/overlay.content/icon';

const CHIP = 20;
/** How long the chip stays after the pointer leaves its cell, so it can be reached. */
const LINGER_MS = 400;

/**
 * Makes the customer IDs in the platform's record tables look-up links without touching the
 * page's nodes: hovering an ID cell shows a small "look up" button in the overlay's own shadow
 * root, over the cell's corner; Alt+click on the ID looks it up directly. The page's layout,
 * markup and listeners stay as they were.
 */
export function watchCustomerIds(options: { ctx: ContentScriptContext; parent: HTMLElement; host: HTMLElement; onPick(id: string): void }) {
  const { ctx, parent, host } = options;
  const chip = document.createElement('button');
  chip.type = 'button';
  chip.className = 'id-chip';
  chip.hidden = true;
  chip.append(lookupIcon());
  parent.append(chip);

  let shownFor: { cell: Element; id: string } | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const hide = () => {
    clearTimeout(hideTimer);
    chip.hidden = true;
    shownFor = null;
  };
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, LINGER_MS);
  };
  const show = (hit: { cell: Element; id: string }) => {
    clearTimeout(hideTimer);
    if (shownFor?.cell === hit.cell && shownFor.id === hit.id && !chip.hidden) return;
    shownFor = hit;
    const label = `Look up ${hit.id} in Monetate Data Inspector`;
    chip.setAttribute('aria-label', label);
    chip.title = `${label} (or Alt+click the ID)`;
    const rect = hit.cell.getBoundingClientRect();
    // Inside the cell's right end, vertically centred: over its padding, not its neighbours.
    chip.style.left = `${Math.max(0, Math.min(window.innerWidth - CHIP, rect.right - CHIP - 2))}px`;
    chip.style.top = `${Math.max(0, Math.min(window.innerHeight - CHIP, rect.top + (rect.height - CHIP) / 2))}px`;
    chip.hidden = false;
  };

  ctx.addEventListener(
    document,
    'pointerover',
    // A synthetic hover would let the page put the chip, for an ID it chose, under the user's pointer.
    onlyTrusted((event: PointerEvent) => {
      const hit = customerIdAt(event.target);
      if (hit) show(hit);
    }),
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    document,
    'pointerout',
    onlyTrusted((event: PointerEvent) => {
      if (!shownFor || !customerIdAt(event.target)) return;
      const to = event.relatedTarget;
      // Moving onto the chip (seen from the page as the overlay's host) keeps it.
      if (to === host || (to instanceof Node && shownFor.cell.contains(to))) return;
      hideSoon();
    }),
    { capture: true, passive: true },
  );
  chip.addEventListener('pointerenter', onlyTrusted(() => clearTimeout(hideTimer)));
  chip.addEventListener('pointerleave', onlyTrusted(hideSoon));
  chip.addEventListener(
    'click',
    onlyTrusted(() => {
      const picked = shownFor;
      hide();
      if (picked) options.onPick(picked.id);
    }),
  );
  ctx.addEventListener(window, 'scroll', hide, { capture: true, passive: true });

  // Alt+click: a plain cell does nothing on Alt+click, so this adds to the page without taking
  // anything away. Only the default action is prevented (Alt+click on a link downloads it).
  // Only a person's click: the page could otherwise have any ID of its choosing looked up.
  ctx.addEventListener(
    document,
    'click',
    onlyTrusted((event: MouseEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      const hit = customerIdAt(event.target);
      if (!hit) return;
      event.preventDefault();
      hide();
      options.onPick(hit.id);
    }),
    { capture: true },
  );
  ctx.onInvalidated(() => clearTimeout(hideTimer));

  return { hide };
}
