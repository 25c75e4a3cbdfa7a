import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Frame, type Page } from '@playwright/test';
import { startEmulator } from '@/emulator/server.ts';
import { CHROMIUM_PATH, LOCAL_BUILD_DIR, launchWithExtension } from '@/tests/support/chromium.ts';

/**
 * What the overlay costs a Monetate platform page, measured on the emulator's dataset page in
 * headless Chromium with the local build (MDI_EXTENSION_DIR, else .output/chrome-mv3-local):
 *
 * - bytes the page loads at start: the content script files the manifest lists;
 * - main-thread time before first open: the content script's own work from a DevTools trace
 *   (compile, evaluate and its callbacks), and the page's ScriptDuration/TaskDuration with and
 *   without the extension (CDP Performance.getMetrics; medians of several loads);
 * - at first open: the files the panel's frame loads (its page, scripts and styles), how long
 *   from the shortcut until the panel shows, the frame's own load time and main-thread time (it
 *   runs in the extension's process, not on the page's main thread), the page's main-thread
 *   time meanwhile, and how long a second open takes.
 */
export async function benchOverlay(options: { runs?: number } = {}): Promise<Record<string, unknown>> {
  const runs = options.runs ?? 7;
  const extensionDir = LOCAL_BUILD_DIR;
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const startFiles = (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]);
  const startBytes = sizes(extensionDir, startFiles);

  const emulator = await startEmulator({ port: 0 });
  const pageUrl = `${emulator.url}/platform/control/a-demo/p/demo.example/datasets/customer_attributes`;
  try {
    const withExtension = await launchWithExtension({ headless: true, extensionDir });
    let measured;
    try {
      measured = await measureWithExtension(withExtension.context, pageUrl, runs, extensionDir);
    } finally {
      await withExtension.context.close();
    }
    const plainBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    let plain;
    try {
      plain = await measurePlain(await plainBrowser.newContext({ viewport: { width: 1280, height: 800 } }), pageUrl, runs);
    } finally {
      await plainBrowser.close();
    }
    return {
      extensionDir: path.relative(process.cwd(), extensionDir) || extensionDir,
      page: new URL(pageUrl).pathname,
      runs,
      beforeFirstOpen: {
        contentScriptFiles: startFiles,
        bytes: startBytes.bytes,
        gzipBytes: startBytes.gzipBytes,
        contentScriptMainThreadMs: median(measured.ownScriptMs),
        pageScriptDurationMs: { withExtension: median(measured.scriptMs), withoutExtension: median(plain.scriptMs) },
        pageTaskDurationMs: { withExtension: median(measured.taskMs), withoutExtension: median(plain.taskMs) },
        extraScriptDurationMs: round(median(measured.scriptMs) - median(plain.scriptMs)),
        extraTaskDurationMs: round(median(measured.taskMs) - median(plain.taskMs)),
      },
      firstOpen: measured.firstOpen,
    };
  } finally {
    await emulator.close();
  }
}

interface Loads {
  scriptMs: number[];
  taskMs: number[];
}

async function measurePlain(context: BrowserContext, url: string, runs: number): Promise<Loads> {
  const loads: Loads = { scriptMs: [], taskMs: [] };
  for (let run = 0; run < runs + 1; run++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.waitForTimeout(600); // as long as the extension run waits for its launcher, and then some
    const metrics = await readMetrics(cdp);
    if (run > 0) record(loads, metrics); // the first load warms caches
    await page.close();
  }
  return loads;
}

async function measureWithExtension(context: BrowserContext, url: string, runs: number, extensionDir: string) {
  const loads: Loads & { ownScriptMs: number[] } = { scriptMs: [], taskMs: [], ownScriptMs: [] };
  let firstOpen: Record<string, unknown> = {};
  // Metrics and traces come from separate loads: tracing itself costs main-thread time.
  for (const tracing of [false, true]) {
    for (let run = 0; run < runs + 1; run++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const trace = tracing ? await startTrace(cdp) : null;
      await page.goto(url);
      await page.locator('mdi-overlay').waitFor({ state: 'attached' });
      await waitForLauncher(cdp);
      await page.waitForTimeout(400);
      const metrics = await readMetrics(cdp);
      const events = await trace?.stop();
      if (run > 0 && events) loads.ownScriptMs.push(ownMainThreadMs(events, '/content-scripts/'));
      if (run > 0 && !events) record(loads, metrics);
      if (!tracing && run === runs) firstOpen = await measureFirstOpen(page, cdp, extensionDir, metrics);
      await page.close();
    }
  }
  return { ...loads, firstOpen };
}

async function measureFirstOpen(page: Page, cdp: CDPSession, extensionDir: string, before: Metrics) {
  const started = performance.now();
  await page.keyboard.press('Alt+Shift+KeyK');
  const frame = await panelFrame(page);
  await frame.getByRole('button', { name: 'Close overlay' }).waitFor({ state: 'visible', timeout: 15_000 });
  const openMs = performance.now() - started;
  await page.waitForTimeout(300);
  const after = await readMetrics(cdp);

  // The panel is an extension page in its own (extension) process: what it loads is read from
  // its built page (its script, the chunks it preloads, its styles), and its load time from the
  // frame's own navigation timing, apart from the page's main thread.
  const files = ['overlay-frame.html', ...framePageFiles(extensionDir, 'overlay-frame.html')];
  const bytes = sizes(extensionDir, files);
  const navigation = await frame.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { domContentLoadedMs: entry?.domContentLoadedEventEnd ?? 0, loadMs: entry?.loadEventEnd ?? 0 };
  });

  // Closed and opened again: the frame stays loaded, so this is the cost of every later open.
  await page.keyboard.press('Escape');
  await frame.getByRole('button', { name: 'Close overlay' }).waitFor({ state: 'hidden' });
  const reopenStarted = performance.now();
  await page.keyboard.press('Alt+Shift+KeyK');
  await frame.getByRole('button', { name: 'Close overlay' }).waitFor({ state: 'visible' });
  const reopenMs = performance.now() - reopenStarted;

  return {
    files,
    bytes: bytes.bytes,
    gzipBytes: bytes.gzipBytes,
    shortcutToPanelMs: round(openMs),
    reopenShortcutToPanelMs: round(reopenMs),
    // The page's own main thread while the panel opened (the frame's work is not on it).
    scriptDurationMs: round(after.ScriptDuration - before.ScriptDuration),
    taskDurationMs: round(after.TaskDuration - before.TaskDuration),
    frame: { domContentLoadedMs: round(navigation.domContentLoadedMs), loadMs: round(navigation.loadMs) },
  };
}

/** The extension files an HTML page of the build loads: scripts, preloaded chunks, styles. */
function framePageFiles(dir: string, page: string): string[] {
  const html = readFileSync(path.join(dir, page), 'utf8');
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+)"/g)].map((match) => match[1]!);
}

/** The overlay's panel frame, once the content script has added it. */
async function panelFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith('chrome-extension://') && new URL(candidate.url()).pathname === '/overlay-frame.html');
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The overlay added no panel frame.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type Metrics = Record<'ScriptDuration' | 'TaskDuration', number>;

async function readMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const value = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return { ScriptDuration: value('ScriptDuration'), TaskDuration: value('TaskDuration') };
}

function record(loads: Loads, metrics: Metrics) {
  loads.scriptMs.push(metrics.ScriptDuration);
  loads.taskMs.push(metrics.TaskDuration);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string }; url?: string; fileName?: string };
}

async function startTrace(cdp: CDPSession) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline'] },
  });
  return {
    async stop(): Promise<TraceEvent[]> {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      return events;
    },
  };
}

/**
 * The content script's own main-thread time: compile, evaluate and every callback whose script
 * is the content script, counting only outermost events so nothing is counted twice.
 */
function ownMainThreadMs(events: TraceEvent[], urlPart: string): number {
  const ours = events
    .filter((event) => event.ph === 'X' && typeof event.dur === 'number')
    .filter((event) => ['EvaluateScript', 'v8.compile', 'FunctionCall', 'v8.callFunction', 'TimerFire', 'EventDispatch'].includes(event.name))
    .filter((event) => {
      const url = event.args?.data?.url ?? event.args?.data?.scriptName ?? event.args?.url ?? event.args?.fileName ?? '';
      return url.startsWith('chrome-extension://') && url.includes(urlPart);
    })
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const event of ours) {
    const end = event.ts + event.dur!;
    if (end <= coveredUntil) continue;
    total += end - Math.max(event.ts, coveredUntil);
    coveredUntil = end;
  }
  return total / 1000;
}

async function waitForLauncher(cdp: CDPSession) {
  await waitForAX(cdp, 'button', 'Monetate Data Inspector');
}

async function waitForAX(cdp: CDPSession, role: string, name: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', { backendNodeId: root.backendNodeId, role, accessibleName: name })) as { nodes: Array<{ ignored?: boolean }> };
    if (nodes.some((node) => !node.ignored)) return;
    if (Date.now() > deadline) throw new Error(`No ${role} "${name}" appeared.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function sizes(dir: string, files: string[]) {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const full = path.join(dir, file);
    bytes += statSync(full).size;
    gzipBytes += gzipSync(readFileSync(full)).length;
  }
  return { bytes, gzipBytes };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchOverlay()
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
