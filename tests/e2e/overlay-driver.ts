import type { CDPSession, Frame, Locator, Page } from '@playwright/test';

/**
 * Drives the overlay the way a person and a screen reader meet it.
 *
 * The overlay has two parts, and the page's own scripts reach neither:
 * - the launcher, the ID chip and the panel's dialog box live in a closed shadow root. Playwright's
 *   locators stop at closed roots (as a page's scripts do), so these are found by role and
 *   accessible name in Chromium's accessibility tree through the DevTools protocol
 *   (`Accessibility.queryAXTree`) and clicked with real mouse input at their position;
 * - the panel itself (look-up, record, edit form) is an extension page in an iframe inside that
 *   root. Playwright's `frameLocator` needs a selector for the iframe element, which the closed
 *   root hides from it too; the frame is found among the page's frames by its URL instead, and
 *   driven with Playwright's ordinary role locators, real clicks and the real keyboard.
 *
 * Reading text and focus uses DevTools' and Playwright's view: a privilege of the test harness,
 * not something a page script has.
 */
export interface OverlayDriver {
  /** Waits for a control with this role and exact accessible name. */
  find(role: string, name: string | RegExp, options?: { timeout?: number }): Promise<void>;
  /** True when such a control is shown now. */
  has(role: string, name: string | RegExp): Promise<boolean>;
  click(role: string, name: string | RegExp, options?: { modifiers?: Array<'Alt' | 'Shift' | 'Control'> }): Promise<void>;
  /** Focuses a text field, clears it and types. */
  fill(role: string, name: string | RegExp, text: string): Promise<void>;
  /** The value of a form control (input, select). */
  value(role: string, name: string | RegExp): Promise<string>;
  /** The visible text of the overlay's panel (empty while closed). */
  panelText(): Promise<string>;
  /** Waits until the panel's text matches. */
  waitForText(pattern: RegExp, options?: { timeout?: number }): Promise<string>;
  /** The accessible name of the focused element inside the overlay ('' when focus is elsewhere). */
  focusedName(): Promise<string>;
  /** How many elements inside the panel match a selector (the harness's view, not the page's). */
  countInside(selector: string): Promise<number>;
  /** The on-screen box of a control, in the page's viewport. */
  box(role: string, name: string | RegExp): Promise<{ x: number; y: number; width: number; height: number }>;
  /** The panel's frame, once the overlay has been opened. */
  frame(options?: { timeout?: number }): Promise<Frame>;
  detach(): Promise<void>;
}

/** The overlay's host element: its tag is all a page can see of it. */
export const OVERLAY_HOST = 'mdi-overlay';
/** The path of the panel's page inside the extension. */
export const OVERLAY_FRAME_PATH = '/overlay-frame.html';
const DIALOG = 'Monetate Data Inspector';

/** The overlay's panel frame in this page, if it has been added. */
export function overlayFrame(page: Page): Frame | undefined {
  return page.frames().find((frame) => frame.url().startsWith('chrome-extension://') && new URL(frame.url()).pathname === OVERLAY_FRAME_PATH);
}

interface AXNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

type Target = { in: 'shadow'; node: number } | { in: 'frame'; locator: Locator };

export async function overlayDriver(page: Page): Promise<OverlayDriver> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  let frameCdp: { frame: Frame; session: CDPSession } | undefined;

  // Only the overlay's own subtree: the platform has buttons of its own (its "Save", say).
  const hostNode = async (): Promise<number | null> => {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: OVERLAY_HOST });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    return node.backendNodeId;
  };

  const queryShadow = async (role: string, name: string | RegExp): Promise<number | null> => {
    const host = await hostNode();
    if (!host) return null;
    const exact = typeof name === 'string' ? { accessibleName: name } : {};
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', { backendNodeId: host, role, ...exact })) as { nodes: AXNode[] };
    const match = nodes.find((node) => !node.ignored && node.backendDOMNodeId && (typeof name === 'string' || name.test(node.name?.value ?? '')));
    return match?.backendDOMNodeId ?? null;
  };

  const panelOpen = async () => (await queryShadow('dialog', DIALOG)) !== null;

  /** The panel's controls, while the panel is shown. */
  const queryFrame = async (role: string, name: string | RegExp): Promise<Locator | null> => {
    const frame = overlayFrame(page);
    if (!frame || !(await panelOpen())) return null;
    const locator = frame.getByRole(role as Parameters<Frame['getByRole']>[0], { name, exact: typeof name === 'string' }).filter({ visible: true }).first();
    return (await locator.count().catch(() => 0)) > 0 ? locator : null;
  };

  const query = async (role: string, name: string | RegExp): Promise<Target | null> => {
    const node = await queryShadow(role, name);
    if (node) return { in: 'shadow', node };
    const locator = await queryFrame(role, name);
    return locator ? { in: 'frame', locator } : null;
  };

  const find = async (role: string, name: string | RegExp, options: { timeout?: number } = {}): Promise<Target> => {
    const deadline = Date.now() + (options.timeout ?? 10_000);
    for (;;) {
      const target = await query(role, name);
      if (target) return target;
      if (Date.now() > deadline) throw new Error(`No ${role} named ${String(name)} in the overlay.`);
      await page.waitForTimeout(100);
    }
  };

  const call = async <T>(backendNodeId: number, fn: string): Promise<T> => {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true });
    return result.value as T;
  };

  // DevTools reaches the closed root itself (a page script cannot: host.shadowRoot is null).
  const shadowRootObject = async (): Promise<string | null> => {
    const host = await hostNode();
    if (!host) return null;
    const { node } = await cdp.send('DOM.describeNode', { backendNodeId: host, depth: 0, pierce: true });
    const shadowRoot = node.shadowRoots?.[0];
    if (!shadowRoot) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadowRoot.backendNodeId });
    return object.objectId ?? null;
  };

  const shadowBox = async (node: number) => {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node }).catch(() => undefined);
    const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId: node });
    const quad = quads[0];
    if (!quad) throw new Error('The control is not on screen.');
    const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
    const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  };

  const box = async (role: string, name: string | RegExp) => {
    const target = await find(role, name);
    if (target.in === 'shadow') return shadowBox(target.node);
    const found = await target.locator.boundingBox();
    if (!found) throw new Error(`${role} ${String(name)} is not on screen.`);
    return found;
  };

  const panelText = async () => {
    const frame = overlayFrame(page);
    if (!(await panelOpen())) return '';
    if (!frame) {
      const dialog = await queryShadow('dialog', DIALOG);
      return dialog ? await call<string>(dialog, 'function () { return this.innerText; }') : '';
    }
    return frame.locator('body').innerText().catch(() => '');
  };

  const frame = async (options: { timeout?: number } = {}) => {
    const deadline = Date.now() + (options.timeout ?? 10_000);
    for (;;) {
      const found = overlayFrame(page);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('The overlay has no panel frame.');
      await page.waitForTimeout(50);
    }
  };

  const frameSession = async (found: Frame) => {
    if (frameCdp?.frame !== found) frameCdp = { frame: found, session: await page.context().newCDPSession(found) };
    return frameCdp.session;
  };

  return {
    async find(role, name, options) {
      await find(role, name, options);
    },
    has: async (role, name) => (await query(role, name)) !== null,
    async click(role, name, options = {}) {
      const target = await find(role, name);
      if (target.in === 'frame') {
        await target.locator.click({ modifiers: options.modifiers });
        return;
      }
      // Like Playwright's own actionability check: wait until the control stops moving.
      let { x, y, width, height } = await shadowBox(target.node);
      for (let tries = 0; tries < 50; tries++) {
        await page.waitForTimeout(60);
        const again = await shadowBox(target.node);
        const stable = again.x === x && again.y === y && again.width === width && again.height === height;
        ({ x, y, width, height } = again);
        if (stable) break;
      }
      for (const key of options.modifiers ?? []) await page.keyboard.down(key);
      await page.mouse.click(x + width / 2, y + height / 2);
      for (const key of options.modifiers ?? []) await page.keyboard.up(key);
    },
    async fill(role, name, text) {
      const target = await find(role, name);
      if (target.in === 'shadow') await cdp.send('DOM.focus', { backendNodeId: target.node });
      else await target.locator.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(text);
    },
    async value(role, name) {
      const target = await find(role, name);
      if (target.in === 'shadow') return call<string>(target.node, 'function () { return this.value; }');
      return target.locator.inputValue();
    },
    panelText,
    async waitForText(pattern, options = {}) {
      const deadline = Date.now() + (options.timeout ?? 10_000);
      for (;;) {
        const text = await panelText();
        if (pattern.test(text)) return text;
        if (Date.now() > deadline) throw new Error(`The overlay never showed ${pattern}. It shows:\n${text}`);
        await page.waitForTimeout(100);
      }
    },
    box,
    frame,
    async countInside(selector) {
      const found = overlayFrame(page);
      return found ? found.locator('#root').locator(selector).count() : 0;
    },
    async focusedName() {
      const root = await shadowRootObject();
      if (!root) return '';
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: root, functionDeclaration: 'function () { return this.activeElement; }' });
      if (!result.objectId) return '';
      const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false })) as { nodes: AXNode[] };
      const found = overlayFrame(page);
      const focusedIsFrame = (await cdp.send('Runtime.callFunctionOn', { objectId: result.objectId, functionDeclaration: 'function () { return this.tagName; }', returnByValue: true })).result.value === 'IFRAME';
      if (!focusedIsFrame || !found) return nodes[0]?.name?.value ?? '';
      // Focus is in the panel: ask the frame which of its controls has it.
      const session = await frameSession(found);
      const active = await session.send('Runtime.evaluate', { expression: 'document.activeElement' });
      if (!active.result.objectId) return '';
      const inner = (await session.send('Accessibility.getPartialAXTree', { objectId: active.result.objectId, fetchRelatives: false })) as { nodes: AXNode[] };
      return inner.nodes[0]?.name?.value ?? '';
    },
    async detach() {
      await frameCdp?.session.detach().catch(() => undefined);
      await cdp.detach();
    },
  };
}
