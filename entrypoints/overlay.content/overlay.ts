import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { toErrorInfo } from '@/utils/errors';
import { sendRequest } from '@/utils/messages/send';
import { datasetFromPage } from '@/utils/platform/selectors';
import { isToggleOverlayMessage } from '@/utils/platform/shortcut';
import { createLauncher, type Launcher } from '@/entrypoints/overlay.content/launcher';
import { watchCustomerIds } from '@/entrypoints/overlay.content/id-links';
import { createPanelFrame } from '@/entrypoints/overlay.content/panel-frame';
import { OVERLAY_CSS } from '@/entrypoints/overlay.content/styles';

/** How often an idle page checks that the extension is still there (updated or removed → clean up). */
const ALIVE_CHECK_MS = 2000;
/** Room the panel leaves at the window's edges. */
const PANEL_MARGIN = 16;

/**
 * Puts the launcher on the page (unless hidden on this site) and wires the shortcut, the ID
 * links and client-side navigation. Everything registered here goes away with `ctx`.
 *
 * What stays in the page (the launcher, the ID chip) listens to trusted input only; the
 * shortcut comes from the browser, through the background. The panel itself is an extension page in an iframe (see ./panel-frame): the page can
 * neither read nor drive it.
 */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  const status = await sendRequest('overlay.status', {}).catch(() => null);
  if (!status || status.hiddenHere || ctx.isInvalid) return;

  let pageDataset = datasetFromPage(document, location.href);
  let open = false;

  const ui = await createShadowRootUi(ctx, {
    name: 'mdi-overlay',
    // Closed: the page's scripts get null from host.shadowRoot and cannot reach the launcher
    // or the panel's iframe (so not its address either).
    mode: 'closed',
    position: 'inline',
    // After <body>, not in it: the page's own `body > :last-child` rules and layout stay put.
    anchor: () => document.documentElement,
    append: 'last',
    css: OVERLAY_CSS,
    // Our :host rule resets everything itself (WXT's reset would also undo the host's position).
    inheritStyles: true,
    // Keys on the launcher must not trigger the platform's own keyboard shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, shadow, host) {
      const dialog = document.createElement('div');
      dialog.className = 'panel-frame';
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-label', 'Monetate Data Inspector');
      dialog.hidden = true;
      const loadingNote = document.createElement('p');
      loadingNote.className = 'loading';
      loadingNote.setAttribute('role', 'status');
      loadingNote.textContent = 'Loading…';
      dialog.append(loadingNote);

      const setOpen = (next: boolean, request?: { id: string }) => {
        if (ctx.isInvalid) return;
        open = next;
        dialog.hidden = !next;
        dialog.dataset.edge = launcher.placement().edge;
        launcher.setExpanded(next);
        if (!next) {
          if (dialog.contains(shadow.activeElement)) launcher.element.focus();
          return;
        }
        panel.ensure();
        if (request) panel.send({ type: 'show-record', dataset: pageDataset, id: request.id });
        else panel.focus();
      };

      const panel = createPanelFrame({
        ctx,
        anchor: dialog,
        onReady() {
          loadingNote.remove();
          panel.send({ type: 'page-dataset', dataset: pageDataset });
        },
        onFailed() {
          loadingNote.setAttribute('role', 'alert');
          loadingNote.textContent = 'The overlay could not load. Reload the page to try again.';
        },
        onMessage(message) {
          switch (message.type) {
            case 'close':
              setOpen(false);
              break;
            case 'size':
              dialog.style.height = `${Math.ceil(Math.min(message.height, window.innerHeight - PANEL_MARGIN))}px`;
              break;
            case 'hide-on-site':
              // Sent from here, not the frame: the background takes the site from the sender.
              sendRequest('overlay.hideOnSite', { origin: location.origin }).then(
                () => ctx.abort('hidden on this site'),
                (error: unknown) => {
                  const info = toErrorInfo(error);
                  panel.send({ type: 'hide-failed', code: info.code, detail: info.detail?.slice(0, 500) });
                },
              );
              break;
          }
        },
      });

      const launcher: Launcher = createLauncher({
        ctx,
        parent: container,
        placement: status.launcherPosition,
        onActivate: () => setOpen(!open),
        onMoved: (placement) => {
          dialog.dataset.edge = placement.edge;
          void sendRequest('launcher.save', placement).catch(() => undefined);
        },
      });
      container.append(dialog);

      watchCustomerIds({ ctx, parent: container, host, onPick: (id) => setOpen(true, { id }) });

      // The overlay's shortcut is a browser command (people see and remap it in the browser's
      // shortcuts page); the background passes it on to this tab. A page's script cannot send it.
      const onToggle = (message: unknown, sender: Browser.runtime.MessageSender) => {
        if (!isToggleOverlayMessage(message, sender, browser.runtime.id) || ctx.isInvalid) return;
        setOpen(!open);
      };
      browser.runtime.onMessage.addListener(onToggle);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onToggle));
      ctx.addEventListener(window, 'resize', () => launcher.reflow(), { passive: true });

      // The platform is a single-page app: a route change is a new page for the overlay.
      const readDataset = (href: string) => {
        const next = datasetFromPage(document, href);
        if (next === pageDataset) return;
        pageDataset = next;
        // Before the panel exists there is no one to tell; it gets the dataset when it is ready.
        if (panel.element()) panel.send({ type: 'page-dataset', dataset: next });
      };
      ctx.addEventListener(window, 'wxt:locationchange', (event) => {
        // WXT's own event; one the page dispatches under that name has no URL in this world.
        if (!(event.newUrl instanceof URL)) return;
        readDataset(event.newUrl.href);
        // The heading (the fallback source) renders after the URL changes.
        ctx.setTimeout(() => readDataset(location.href), 300);
      });

      // ctx notices a reloaded or removed extension whenever it is asked; ask now and then.
      ctx.setInterval(() => undefined, ALIVE_CHECK_MS);
      return { launcher };
    },
  });
  if (ctx.isInvalid) return;
  ui.mount();
}
