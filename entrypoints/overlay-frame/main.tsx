import { createRoot } from 'react-dom/client';
import { AppError, isErrorInfo } from '@/utils/errors';
import type { ToFrameMessage } from '@/utils/messages/overlay-frame';
import { onlyTrusted } from '@/utils/platform/trusted-input';
import { createAppStore } from '@/utils/stores/app-store';
import { AppStoreProvider } from '@/components/app/store-context';
import { OverlayPanel, type OverlayPanelProps } from '@/components/overlay/overlay-panel';
import '@/components/theme.css';
import '@/entrypoints/overlay-frame/frame.css';
import { listenForHost, type HostLink } from '@/entrypoints/overlay-frame/host-link';
import { focusRecordId } from '@/entrypoints/overlay-frame/focus';

/**
 * The overlay's panel, an extension page the content script shows in an iframe on Monetate
 * pages. It asks the background directly (which gives it only what it gives a content script)
 * and hears from its content script only the page's dataset, a clicked ID and "focus". It does
 * nothing until that content script has connected: opened any other way, it stays empty.
 */
const root = document.getElementById('root')!;

listenForHost({
  localBuild: import.meta.env.MODE === 'emulator',
  onConnected: start,
  onMessage: (message) => onHostMessage?.(message),
});

let onHostMessage: ((message: ToFrameMessage) => void) | undefined;

function start(link: HostLink) {
  const store = createAppStore({ surface: 'content' });
  void store.getState().refresh();
  const reactRoot = createRoot(root);
  let serial = 0;
  let hideAttempt: { reject(error: AppError): void } | null = null;

  let props: OverlayPanelProps = {
    pageDataset: null,
    request: null,
    onClose: () => link.send({ type: 'close' }),
    onHideOnSite: () =>
      new Promise<void>((_resolve, reject) => {
        // On success the content script removes this frame; only a failure comes back.
        hideAttempt = { reject };
        link.send({ type: 'hide-on-site' });
      }),
  };
  const render = (changes: Partial<OverlayPanelProps>) => {
    props = { ...props, ...changes };
    reactRoot.render(
      <AppStoreProvider store={store}>
        <OverlayPanel {...props} />
      </AppStoreProvider>,
    );
  };
  render({});

  onHostMessage = (message) => {
    switch (message.type) {
      case 'focus':
        focusRecordId(root);
        break;
      case 'page-dataset':
        render({ pageDataset: message.dataset });
        break;
      case 'show-record':
        render({ request: { dataset: message.dataset, id: message.id, serial: ++serial }, pageDataset: message.dataset ?? props.pageDataset });
        break;
      case 'hide-failed': {
        const info = { code: message.code, detail: message.detail };
        hideAttempt?.reject(isErrorInfo(info) ? new AppError(info.code, info.detail) : new AppError('bad_message'));
        hideAttempt = null;
        break;
      }
    }
  };

  // Escape closes. (The overlay's shortcut is a browser command: it reaches the content script
  // through the background wherever the focus is, this frame included.)
  document.addEventListener(
    'keydown',
    onlyTrusted((event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      link.send({ type: 'close' });
    }),
  );

  // The iframe is as tall as the panel (the content script caps it at the window's height).
  let lastHeight = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    link.send({ type: 'size', height });
  }).observe(root);
}
