import { createRoot } from 'react-dom/client';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createAppStore } from '@/utils/stores/app-store';
import { AppStoreProvider } from '@/components/app/store-context';
import { OverlayPanel, type OverlayPanelProps, type RecordRequest } from '@/components/overlay/OverlayPanel';
import { OVERLAY_PANEL_KEY, type MountOverlayPanel } from '@/components/overlay/contract';
import themeCss from '@/components/theme.css?inline';
import uiCss from '@/components/ui/ui.css?inline';
import recordCss from '@/components/record/record.css?inline';
import overlayCss from '@/components/overlay/overlay.css?inline';

/**
 * The overlay's React panel, built as its own bundle and loaded by the overlay content script
 * with a dynamic import the first time the user opens it, so platform pages do not pay for
 * React until then. Running it registers the mount function on the content script's isolated
 * global (see components/overlay/contract.ts).
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    (globalThis as unknown as Record<string, unknown>)[OVERLAY_PANEL_KEY] = mountOverlayPanel;
  },
});

const mountOverlayPanel: MountOverlayPanel = (host) => {
  const style = document.createElement('style');
  // theme.css is written for a page's :root; in the shadow root its tokens belong on the panel.
  style.textContent = [themeCss.replaceAll(':root', '.mdi-overlay-theme'), uiCss, recordCss, overlayCss].join('\n');
  host.shadow.append(style);

  const store = createAppStore({ surface: 'content' });
  void store.getState().refresh();
  const root = createRoot(host.container);
  let serial = 0;
  let props: OverlayPanelProps = {
    pageDataset: host.pageDataset,
    request: null,
    pageOrigin: host.pageOrigin,
    onClose: host.onClose,
    onHidden: host.onHidden,
  };
  const render = (changes: Partial<OverlayPanelProps>) => {
    props = { ...props, ...changes };
    root.render(
      <AppStoreProvider store={store}>
        <OverlayPanel {...props} />
      </AppStoreProvider>,
    );
  };
  render({});

  return {
    setPageDataset: (pageDataset) => render({ pageDataset }),
    showRecord(dataset, id) {
      const request: RecordRequest = { dataset, id, serial: ++serial };
      render({ request, pageDataset: dataset ?? props.pageDataset });
    },
    focus() {
      // The record ID once the form is there (after status and datasets load); until then, and
      // when the key is locked, the panel's first button.
      const activeElement = () => host.shadow.activeElement;
      host.container.querySelector<HTMLElement>('button')?.focus();
      let parked = activeElement();
      let tries = 0;
      const attempt = () => {
        if (activeElement() !== parked) return; // the user moved on
        const input = host.container.querySelector<HTMLElement>('input:not([disabled])');
        if (input) return input.focus();
        if (!parked) {
          host.container.querySelector<HTMLElement>('button')?.focus();
          parked = activeElement();
        }
        if (++tries < 40) setTimeout(attempt, 50);
      };
      attempt();
    },
    unmount() {
      root.unmount();
      store.getState().dispose();
      style.remove();
    },
  };
};
