/**
 * The handshake between the overlay's content script (plain DOM, loaded on every platform page)
 * and its React panel (loaded by dynamic import the first time the overlay opens). Types only,
 * plus one key: the content script must not pull React in by importing this.
 */

/** The panel module stores its mount function on the content script's (isolated) global under this key. */
export const OVERLAY_PANEL_KEY = 'monetate-data-inspector:overlay-panel';

/** What the content script hands the panel. */
export interface OverlayPanelHost {
  /** An element inside the overlay's closed shadow root; the panel renders into it. */
  container: HTMLElement;
  /** The shadow root, for the panel's stylesheet. */
  shadow: ShadowRoot;
  /** The dataset the page shows, if any (from `utils/platform` selectors). */
  pageDataset: string | null;
  /** The page's origin, for "Hide on this site". */
  pageOrigin: string;
  /** The panel's own Close button. */
  onClose(): void;
  /** The launcher was hidden on this site: the content script removes the overlay. */
  onHidden(): void;
}

/** What the panel gives back. */
export interface OverlayPanelHandle {
  /** The page moved to another dataset (or none) by client-side navigation. */
  setPageDataset(dataset: string | null): void;
  /** A customer ID on the page was chosen: fill in and look it up. */
  showRecord(dataset: string | null, id: string): void;
  /** Move keyboard focus into the panel. */
  focus(): void;
  /** Unmount React and drop the connection to the background. */
  unmount(): void;
}

export type MountOverlayPanel = (host: OverlayPanelHost) => OverlayPanelHandle;
