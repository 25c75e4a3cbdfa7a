/**
 * `npm start`: build the local flavour, start the emulator, and open Chromium with the
 * extension loaded and a demo profile ready (key generated in the extension, registered with
 * the emulator, unlocked). Ctrl+C stops everything this started.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureChromium } from '@/scripts/browser-setup.ts';
import { startEmulator } from '@/emulator/server.ts';
import { DEMO_API_USER, DEMO_DATASET, DEMO_RETAILER, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { launchWithExtension } from '@/tests/support/chromium.ts';

const DEMO_PASSPHRASE = 'monetate demo passphrase';
const port = Number(process.env.EMULATOR_PORT ?? 8790);
/** Where a headless Chromium can be reached from DevTools (chrome://inspect) on this machine. */
const REMOTE_DEBUGGING_PORT = Number(process.env.REMOTE_DEBUGGING_PORT ?? 9222);
/** Chromium leaves folders like these in the temp directory; ours are removed on exit. */
const CHROMIUM_TEMP_PREFIXES = ['org.chromium.Chromium.', '.org.chromium.Chromium.', 'com.google.Chrome.', '.com.google.Chrome.'];
const EXIT_CODE: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

function chromiumTempEntries(): Set<string> {
  try {
    return new Set(readdirSync(tmpdir()).filter((name) => CHROMIUM_TEMP_PREFIXES.some((prefix) => name.startsWith(prefix))));
  } catch {
    return new Set();
  }
}

async function main() {
  // First, so a missing browser is said (or installed) before a minute of building.
  const executablePath = ensureChromium();
  console.log('Building the local flavour of the extension…');
  const build = spawnSync('npm', ['run', '--silent', 'build:local'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('The build failed; see the messages above.');

  const emulator = await startEmulator({ port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`Port ${port} is taken. Stop what uses it, or run EMULATOR_PORT=8791 npm start.`);
    throw error;
  });
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const tempBefore = chromiumTempEntries();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'monetate-inspector-'));
  const { context, extensionId } = await launchWithExtension({
    headless,
    userDataDir,
    executablePath,
    handleSignals: false,
    // Headless, nobody sees the browser; DevTools on this machine can still reach it.
    args: headless ? [`--remote-debugging-port=${REMOTE_DEBUGGING_PORT}`, '--remote-debugging-address=127.0.0.1'] : [],
  });

  let stopping = false;
  // Everything is cleaned up before the process exits, with the code a shell expects.
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Chromium and the emulator…');
    await context.close().catch(() => undefined);
    await emulator.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    for (const name of chromiumTempEntries()) {
      if (!tempBefore.has(name)) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
    }
    console.log('Stopped; temporary browser profiles removed.');
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(EXIT_CODE[signal] ?? 1));
  context.on('close', () => void stop(0));

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const send = (type: string, payload: unknown) =>
    options.evaluate(([t, p]) => chrome.runtime.sendMessage({ channel: 'mdi', type: t, payload: p }), [type, payload] as const) as Promise<{
      ok: boolean;
      data?: { id?: string; publicKeyPem?: string };
      error?: { code: string; detail?: string };
    }>;
  const profile = await send('profiles.save', {
    input: {
      name: 'Local emulator',
      baseUrl: emulator.url,
      retailer: DEMO_RETAILER,
      username: DEMO_API_USER,
      ttlSeconds: 3600,
      alg: 'RS256',
      readOnly: false,
      confirmWrites: false,
      defaultDataset: DEMO_DATASET,
    },
  });
  if (!profile.ok || !profile.data?.id) throw new Error(`Could not create the demo profile: ${JSON.stringify(profile.error)}`);
  const key = await send('key.generate', { profileId: profile.data.id, bits: 2048, passphrase: DEMO_PASSPHRASE });
  if (!key.ok || !key.data?.publicKeyPem) throw new Error(`Could not generate the demo key: ${JSON.stringify(key.error)}`);
  await fetch(`${emulator.url}/__admin/api-keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: DEMO_API_USER, publicKey: key.data.publicKeyPem }),
  });
  await options.reload();

  console.log(`
Monetate Data Inspector is running against the local emulator.

  Emulator (Monetate API):  ${emulator.url}
  API Keys page:            ${emulator.url}/settings/api-keys
  Demo platform pages:      ${emulator.url}/platform/control/a-demo/p/demo.example/datasets

The profile "Local emulator" (retailer ${DEMO_RETAILER}, API user ${DEMO_API_USER}) has a key
registered with the emulator and is unlocked. Its passphrase is: ${DEMO_PASSPHRASE}
Try a look-up of ${SAMPLE_RECORD_ID} in ${DEMO_DATASET}.
`);
  if (headless) {
    console.log(`No display was found, so Chromium runs headless: nothing appears on screen. To use the extension:
  - In your own Chrome or Chromium: open chrome://extensions, turn on Developer mode, choose
    "Load unpacked" and pick ${path.resolve('.output/chrome-mv3-local')}. Then create a profile with
    API base URL ${emulator.url}, retailer ${DEMO_RETAILER}, API user ${DEMO_API_USER}.
  - Or reach this headless browser: in Chrome on this machine open chrome://inspect, choose
    "Configure…" and add 127.0.0.1:${REMOTE_DEBUGGING_PORT} (over SSH: ssh -L ${REMOTE_DEBUGGING_PORT}:127.0.0.1:${REMOTE_DEBUGGING_PORT} this-host).
  - Or run npm start from a desktop session (or with DISPLAY set) to see the browser.
`);
  } else {
    console.log(`The extension's pages are open in the Chromium window: the toolbar button opens the popup,
and its options page (chrome-extension://${extensionId}/options.html) holds the profile.
`);
  }
  console.log('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
