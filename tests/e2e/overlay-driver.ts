import type { CDPSession, Page } from '@playwright/test';

/**
 * Drives the overlay's closed shadow root the way a person and a screen reader meet it.
 *
 * Playwright's locators stop at closed shadow roots (as a page's own scripts do), which is the
 * point of closing it. Chromium's accessibility tree does include the closed content, so the
 * tests find controls by role and accessible name with the DevTools protocol
 * (`Accessibility.queryAXTree`), click them with real mouse input at their on-screen position
 * and type with the real keyboard. Reading text uses DevTools' view of the node: a privilege
 * of the test harness, not something a page script has.
 */
export interface OverlayDriver {
  /** Waits for a control with this role and exact accessible name, and returns its node. */
  find(role: string, name: string | RegExp, options?: { timeout?: number }): Promise<number>;
  /** True when such a control is in the accessibility tree now. */
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
  /** How many elements inside the closed root match a selector (DevTools' view, not the page's). */
  countInside(selector: string): Promise<number>;
  /** The on-screen box of a control. */
  box(role: string, name: string | RegExp): Promise<{ x: number; y: number; width: number; height: number }>;
  detach(): Promise<void>;
}

/** The overlay's host element: its tag is all a page can see of it. */
export const OVERLAY_HOST = 'mdi-overlay';

interface AXNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

export async function overlayDriver(page: Page): Promise<OverlayDriver> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');

  // Only the overlay's own subtree: the platform has buttons of its own (its "Save", say).
  const hostNode = async (): Promise<number | null> => {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: OVERLAY_HOST });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    return node.backendNodeId;
  };

  const query = async (role: string, name: string | RegExp): Promise<number | null> => {
    const host = await hostNode();
    if (!host) return null;
    const exact = typeof name === 'string' ? { accessibleName: name } : {};
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', { backendNodeId: host, role, ...exact })) as { nodes: AXNode[] };
    const match = nodes.find((node) => !node.ignored && node.backendDOMNodeId && (typeof name === 'string' || name.test(node.name?.value ?? '')));
    return match?.backendDOMNodeId ?? null;
  };

  const find = async (role: string, name: string | RegExp, options: { timeout?: number } = {}) => {
    const deadline = Date.now() + (options.timeout ?? 10_000);
    for (;;) {
      const id = await query(role, name);
      if (id) return id;
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

  const box = async (role: string, name: string | RegExp) => {
    const id = await find(role, name);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: id }).catch(() => undefined);
    const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId: id });
    const quad = quads[0];
    if (!quad) throw new Error(`${role} ${String(name)} is not on screen.`);
    const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
    const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  };

  const panelText = async () => {
    const id = await query('dialog', 'Monetate Data Inspector');
    return id ? await call<string>(id, 'function () { return this.innerText; }') : '';
  };

  return {
    find,
    has: async (role, name) => (await query(role, name)) !== null,
    async click(role, name, options = {}) {
      // Like Playwright's own actionability check: wait until the control stops moving (the
      // panel grows as its status and datasets arrive).
      let { x, y, width, height } = await box(role, name);
      for (let tries = 0; tries < 50; tries++) {
        await page.waitForTimeout(60);
        const again = await box(role, name);
        const stable = again.x === x && again.y === y && again.width === width && again.height === height;
        ({ x, y, width, height } = again);
        if (stable) break;
      }
      for (const key of options.modifiers ?? []) await page.keyboard.down(key);
      await page.mouse.click(x + width / 2, y + height / 2);
      for (const key of options.modifiers ?? []) await page.keyboard.up(key);
    },
    async fill(role, name, text) {
      const id = await find(role, name);
      await cdp.send('DOM.focus', { backendNodeId: id });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(text);
    },
    async value(role, name) {
      return call<string>(await find(role, name), 'function () { return this.value; }');
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
    async countInside(selector) {
      const root = await shadowRootObject();
      if (!root) return 0;
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: root,
        functionDeclaration: 'function (selector) { return this.querySelectorAll(selector).length; }',
        arguments: [{ value: selector }],
        returnByValue: true,
      });
      return result.value as number;
    },
    async focusedName() {
      const root = await shadowRootObject();
      if (!root) return '';
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: root, functionDeclaration: 'function () { return this.activeElement; }' });
      if (!result.objectId) return '';
      const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false })) as { nodes: AXNode[] };
      return nodes[0]?.name?.value ?? '';
    },
    detach: () => cdp.detach(),
  };
}
