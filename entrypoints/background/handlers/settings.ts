import { AppError } from '@/utils/errors';
import { openSidePanel } from '@/utils/browser/side-panel';
import { DEFAULT_LAUNCHER_POSITION, settingsItem, pendingShowItem } from '@/utils/storage/items';
import { updateItem } from '@/utils/storage/update-item';
import { originOf } from '@/entrypoints/background/sender';
import type { Handler } from '@/entrypoints/background/handlers/types';

export const saveSettings: Handler<'settings.save'> = (changes) =>
  updateItem(settingsItem, (current) => ({
    ...current,
    ...(changes.autoLockMinutes !== undefined ? { autoLockMinutes: changes.autoLockMinutes } : {}),
    ...(changes.cacheTtlSeconds !== undefined ? { cacheTtlSeconds: changes.cacheTtlSeconds } : {}),
    ...(changes.overlayHiddenOrigins !== undefined ? { overlayHiddenOrigins: changes.overlayHiddenOrigins } : {}),
    ...(changes.resetLauncherPosition ? { launcherPosition: DEFAULT_LAUNCHER_POSITION } : {}),
  }));

export const saveLauncherPosition: Handler<'launcher.save'> = async (position) => {
  await updateItem(settingsItem, (settings) => ({ ...settings, launcherPosition: position }));
  return null;
};

/**
 * Hides the overlay launcher on the page's own site; the sender's origin decides, not the
 * payload. Only the content script runs on that site: the overlay's frame asks it to send this.
 */
export const hideOverlayOnSite: Handler<'overlay.hideOnSite'> = async ({ origin }, { sender, senderKind }) => {
  const senderOrigin = sender.origin ?? originOf(sender.url);
  if (senderKind !== 'content-script' || !senderOrigin || senderOrigin !== origin) throw new AppError('forbidden_sender');
  await updateItem(settingsItem, (settings) =>
    settings.overlayHiddenOrigins.includes(origin) ? settings : { ...settings, overlayHiddenOrigins: [...settings.overlayHiddenOrigins, origin] },
  );
  return null;
};

export const overlayStatus: Handler<'overlay.status'> = async (_payload, { services, sender }) =>
  services.overlayStatus(sender.origin ?? originOf(sender.url));

/**
 * Asks the side panel to show a record; it picks the request up when it opens or is open.
 * From the overlay (its content script or its frame), the panel is opened here too, for the tab's window. Chrome documents
 * `sidePanel.open` as allowed only in response to a user action, so the call is made before
 * anything is awaited, while the overlay's click is being handled; where Chrome refuses,
 * `opened: false` lets the overlay tell the user to open it from the toolbar.
 */
export const showInSidePanel: Handler<'sidepanel.show'> = async ({ dataset, id }, { services, sender, senderKind }) => {
  const fromOverlay = senderKind === 'content-script' || senderKind === 'overlay-frame';
  const windowId = fromOverlay ? sender.tab?.windowId : undefined;
  const opening = windowId === undefined ? Promise.resolve(false) : openSidePanel({ windowId }).then(() => true, () => false);
  await pendingShowItem.setValue({ dataset, id, at: Date.now() });
  services.registry.broadcast({ type: 'show-record', dataset, id }, 'trusted');
  return { opened: await opening };
};

export const takePendingShow: Handler<'sidepanel.takePending'> = async () => {
  let pending = null as Awaited<ReturnType<typeof pendingShowItem.getValue>>;
  // Taken and cleared in one step: two panels opening together do not both show it.
  await updateItem(pendingShowItem, (current) => {
    pending = current;
    return null;
  });
  // A request older than a minute was for a panel that never opened; do not surprise the user.
  return pending && Date.now() - pending.at < 60_000 ? { dataset: pending.dataset, id: pending.id } : null;
};
