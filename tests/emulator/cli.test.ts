import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function spawnEmulator(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Resolves with the URL once the emulator has printed all of its addresses. */
function listening(run: ReturnType<typeof spawnEmulator>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${run.output()}`)), 15_000);
    run.child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output());
      if (match?.[1] && run.output().includes('Record look-ups answer')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}

function exited(child: ChildProcess, signal?: NodeJS.Signals): Promise<number | null> {
  return new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    if (signal) child.kill(signal);
  });
}

async function withEmulator(args: string[], body: (url: string, output: string) => Promise<void>): Promise<void> {
  const run = spawnEmulator(args);
  try {
    const url = await listening(run);
    await body(url, run.output());
    expect(await exited(run.child, 'SIGTERM')).toBe(0);
  } finally {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  }
}

describe('npm run emulator', () => {
  it('prints its URLs, serves the API and exits cleanly on SIGTERM', async () => {
    await withEmulator([], async (url, output) => {
      expect(output).toContain(`${url}/settings/api-keys`);
      expect(output).toContain(`${url}/platform/control/a-demo/p/demo.example/datasets`);
      expect(output).toContain('Record look-ups answer data as the list of rows; --record-shape openapi for the other.');
      const res = await fetch(`${url}/api/data/v1/demo/production/schema/`);
      expect(res.status).toBe(401);
      expect(await (await fetch(`${url}/__admin/record-shape`)).json()).toEqual({ shape: 'list' });
    });
  });

  it('answers look-ups in the OpenAPI shape with --record-shape openapi', async () => {
    await withEmulator(['--record-shape', 'openapi'], async (url, output) => {
      expect(output).toContain('Record look-ups answer data.schema_rows (OpenAPI shape)');
      expect(await (await fetch(`${url}/__admin/record-shape`)).json()).toEqual({ shape: 'openapi' });
    });
  });

  it('refuses an unknown record shape and says which ones exist', async () => {
    const run = spawnEmulator(['--record-shape', 'table']);
    try {
      expect(await exited(run.child)).toBe(1);
      expect(run.output()).toContain('--record-shape must be list or openapi, not table');
    } finally {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    }
  });
});
