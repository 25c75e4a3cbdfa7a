import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { sendRequest } from '@/utils/messages/send';
import { datasetFromPage } from '@/utils/platform/selectors';
import { isOverlayShortcut } from '@/utils/platform/shortcut';
import { onlyTrusted } from '@/utils/platform/trusted-input';
import type { OverlayPanelHandle } from '@/components/overlay/contract';
import { createLauncher, type Launcher } from './launcher';
import { watchCustomerIds } from './id-links';
import { loadPanel } from './panel-loader';
import { OVERLAY_CSS } from './styles';

/** How often an idle page checks that the extension is still there (updated or removed → clean up). */
const ALIVE_CHECK_MS = 2000;

/**
 * Puts the launcher on the page (unless hidden on this site) and wires the shortcut, the ID
 * links and client-side navigation. Everything registered here goes away with `ctx`.
 */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  const status = await sendRequest('overlay.status', {}).catch(() => null);
  if (!status || status.hiddenHere || ctx.isInvalid) return;

  let pageDataset = datasetFromPage(document, location.href);
  let panel: OverlayPanelHandle | undefined;
  let open = false;

  const ui = await createShadowRootUi(ctx, {
    name: 'mdi-overlay',
    // Closed: the page's scripts get null from host.shadowRoot and cannot read the panel.
    mode: 'closed',
    position: 'inline',
    // After <body>, not in it: the page's own `body > :last-child` rules and layout stay put.
    anchor: () => document.documentElement,
    append: 'last',
    css: OVERLAY_CSS,
    // Our :host rule resets everything itself (WXT's reset would also undo the host's position).
    inheritStyles: true,
    // Typing in the panel must not trigger the platform's own keyboard shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, shadow, host) {
      const frame = document.createElement('div');
      frame.className = 'panel-frame mdi-overlay-theme';
      frame.setAttribute('role', 'dialog');
      frame.setAttribute('aria-label', 'Monetate Data Inspector');
      frame.hidden = true;
      const loadingNote = document.createElement('p');
      loadingNote.className = 'loading';
      loadingNote.setAttribute('role', 'status');
      loadingNote.textContent = 'Loading…';
      frame.append(loadingNote);
      const panelRoot = document.createElement('div');
      frame.append(panelRoot);

      const setOpen = (next: boolean, request?: { id: string }) => {
        if (ctx.isInvalid) return;
        open = next;
        frame.hidden = !next;
        frame.dataset.edge = launcher.placement().edge;
        launcher.setExpanded(next);
        if (!next) {
          if (frame.contains(shadow.activeElement)) launcher.element.focus();
          return;
        }
        void ensurePanel().then(
          (handle) => {
            if (request) handle.showRecord(pageDataset, request.id);
            else handle.focus();
          },
          (error: unknown) => {
            loadingNote.setAttribute('role', 'alert');
            loadingNote.textContent = `The overlay could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
          },
        );
      };

      let panelPromise: Promise<OverlayPanelHandle> | undefined;
      const ensurePanel = () =>
        (panelPromise ??= loadPanel().then((mount) => {
          loadingNote.remove();
          panel = mount({
            container: panelRoot,
            shadow,
            pageDataset,
            pageOrigin: location.origin,
            onClose: () => setOpen(false),
            // Hidden on this site: everything the content script set up goes, as on an update.
            onHidden: () => ctx.abort('hidden on this site'),
          });
          return panel;
        })).catch((error: unknown) => {
          panelPromise = undefined;
          throw error;
        });

      const launcher: Launcher = createLauncher({
        ctx,
        parent: container,
        placement: status.launcherPosition,
        onActivate: () => setOpen(!open),
        onMoved: (placement) => {
          frame.dataset.edge = placement.edge;
          void sendRequest('launcher.save', placement).catch(() => undefined);
        },
      });
      container.append(frame);

      frame.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        setOpen(false);
      });

      watchCustomerIds({ ctx, parent: container, host, onPick: (id) => setOpen(true, { id }) });

      // A person's Alt+Shift+K only: a page's synthetic keydown must not open the overlay.
      ctx.addEventListener(
        window,
        'keydown',
        onlyTrusted((event: KeyboardEvent) => {
          if (!isOverlayShortcut(event)) return;
          event.preventDefault();
          setOpen(!open);
        }),
        { capture: true },
      );
      ctx.addEventListener(window, 'resize', () => launcher.reflow(), { passive: true });

      // The platform is a single-page app: a route change is a new page for the overlay.
      const readDataset = (href: string) => {
        const next = datasetFromPage(document, href);
        if (next === pageDataset) return;
        pageDataset = next;
        panel?.setPageDataset(next);
      };
      ctx.addEventListener(window, 'wxt:locationchange', (event) => {
        readDataset(event.newUrl.href);
        // The heading (the fallback source) renders after the URL changes.
        ctx.setTimeout(() => readDataset(location.href), 300);
      });

      // ctx notices a reloaded or removed extension whenever it is asked; ask now and then.
      ctx.setInterval(() => undefined, ALIVE_CHECK_MS);
      return { launcher };
    },
    onRemove() {
      panel?.unmount();
      panel = undefined;
    },
  });
  if (ctx.isInvalid) return;
  ui.mount();
}
