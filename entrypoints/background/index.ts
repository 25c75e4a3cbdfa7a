import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { EVENTS_PORT } from '@/utils/messages/protocol';
import { createRouter } from '@/entrypoints/background/router';
import { createServices, LOCAL_BUILD, type Services } from '@/entrypoints/background/services';
import { createContextMenuClickHandler, rebuildContextMenu } from '@/entrypoints/background/context-menu';
import { eventsAudience, extensionOrigin, originOf } from '@/entrypoints/background/sender';
import { restrictStorageToTrustedContexts } from '@/utils/storage/access-level';

const NOT_SHOWN_KEYS = new Set(['nextLookupAt', 'pendingShow', 'lookupHistory', 'editLog', 'recordReads']);

export default defineBackground(() => {
  // First, before anything reads storage: content scripts get no access to local or session.
  void restrictStorageToTrustedContexts(browser.storage);
  // Built on first use, so waking the worker for an alarm or a click stays cheap.
  let services: Services | undefined;
  const getServices = () => (services ??= createServices());

  const route = createRouter(getServices);
  // The router answers with a Promise. `browser` here is webextension-polyfill's (the
  // @wxt-dev/webextension-polyfill module in wxt.config.ts), which replies with that Promise's
  // value in every browser; Chrome's own chrome.runtime.onMessage has long ignored a returned
  // Promise (it wants sendResponse and `return true`). That is why the polyfill stays.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EVENTS_PORT) return port.disconnect();
    // The overlay's frame is an extension page, but it hears what the content script hears.
    const audience = eventsAudience(port.sender, browser.runtime.id, extensionOrigin(), LOCAL_BUILD);
    if (!audience) return port.disconnect();
    const origin = port.sender?.origin ?? originOf(port.sender?.url) ?? '';
    const trusted = audience === 'trusted';
    const { registry, appState, overlayStatus } = getServices();
    registry.add(port, trusted, (surface) => {
      if (trusted) void appState().then((state) => registry.send(surface, { type: 'state', state }));
      else void overlayStatus(origin).then((status) => registry.send(surface, { type: 'overlay-status', status }));
    });
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' && area !== 'session') return;
    // The limiter's pace is written before every look-up; it is not state any surface shows.
    const shown = Object.keys(changes).some((key) => !NOT_SHOWN_KEYS.has(key));
    if (shown) getServices().scheduleStateBroadcast();
    if ('profiles' in changes || 'activeProfileId' in changes || 'knownDatasets' in changes) void rebuildContextMenu(getServices);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === getServices().AUTO_LOCK_ALARM) void getServices().lock();
  });

  browser.runtime.onInstalled.addListener(() => void rebuildContextMenu(getServices));
  browser.runtime.onStartup.addListener(() => void rebuildContextMenu(getServices));
  const onContextMenuClick = createContextMenuClickHandler(getServices);
  browser.contextMenus.onClicked.addListener(onContextMenuClick);
  // End-to-end tests cannot click a native menu; in the local build only, they run the same
  // handler from the service worker's console. Pages cannot reach this scope.
  if (LOCAL_BUILD) Object.assign(globalThis, { __mdiTestHooks: { contextMenuClick: onContextMenuClick } });
});
