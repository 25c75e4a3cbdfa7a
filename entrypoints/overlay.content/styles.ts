/**
 * The launcher's and panel frame's styles, applied inside the closed shadow root only. The host
 * is a zero-size fixed box, so nothing of the page's layout moves when it is added.
 */
export const OVERLAY_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  display: block !important;
  z-index: 2147483647 !important;
}
html, body { margin: 0; padding: 0; }
.launcher {
  position: fixed;
  box-sizing: border-box;
  width: 32px;
  height: 32px;
  margin: 0;
  padding: 0;
  border: 1px solid rgba(255, 255, 255, 0.7);
  border-radius: 50%;
  background: #0b5cad;
  color: #fff;
  opacity: 0.55;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35);
  cursor: grab;
  touch-action: none;
  user-select: none;
  display: flex;
  align-items: center;
  justify-content: center;
  transition: opacity 120ms;
}
.launcher:hover, .launcher:focus-visible, .launcher[aria-expanded="true"], .launcher.dragging { opacity: 1; }
.launcher.dragging { cursor: grabbing; transition: none; }
.launcher:focus-visible, .id-chip:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.launcher svg, .id-chip svg { width: 16px; height: 16px; pointer-events: none; }
.id-chip {
  position: fixed;
  box-sizing: border-box;
  width: 20px;
  height: 20px;
  margin: 0;
  padding: 0;
  border: 1px solid #0b5cad;
  border-radius: 4px;
  background: #fff;
  color: #0b5cad;
  cursor: pointer;
  display: flex;
  align-items: center;
  justify-content: center;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25);
}
.id-chip svg { width: 12px; height: 12px; }
.id-chip[hidden], .panel-frame[hidden], .panel-frame__wrapper[hidden] { display: none; }
.panel-frame {
  position: fixed;
  box-sizing: border-box;
  top: 8px;
  right: 44px;
  width: min(460px, calc(100vw - 56px));
  height: 96px;
  max-height: calc(100vh - 16px);
  overflow: hidden;
  border: 1px solid #8c959f;
  border-radius: 8px;
  background: #fff;
  color: #1b1f24;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.28);
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: left;
}
/* Shown while the panel's page loads: the page's own colours take over once it has. */
@media (prefers-color-scheme: dark) {
  .panel-frame { background: #15181d; color: #e6edf3; }
}
.panel-frame[data-edge="left"] { right: auto; left: 44px; }
.panel-frame[data-edge="top"] { top: 44px; max-height: calc(100vh - 52px); }
.panel-frame[data-edge="bottom"] { top: auto; bottom: 44px; max-height: calc(100vh - 52px); }
.panel-frame > .loading { margin: 0; padding: 12px; }
.panel-frame__wrapper, .panel-frame__iframe { display: block; width: 100%; height: 100%; }
.panel-frame__iframe { border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal; }
`;
