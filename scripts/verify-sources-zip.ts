/**
 * `npm run zip:verify`: proves the Firefox sources zip rebuilds the Firefox zip. It unpacks the
 * sources zip into a temporary folder, follows the README's steps there (`npm ci`, then
 * `npm run build:firefox`) and compares the result, file by file and byte by byte, with the
 * Firefox zip's contents. Run `npm run zip` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { compareTrees, sameTrees } from '@/scripts/compare-trees.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(root, process.env.MDI_OUT_DIR ?? '.output');

async function zipFiles(file: string): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
  }
  return files;
}

async function dirFiles(dir: string, prefix = ''): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [file, bytes] of await dirFiles(absolute, relative)) files.set(file, bytes);
    else files.set(relative, await readFile(absolute));
  }
  return files;
}

function run(command: string, args: string[], cwd: string): void {
  const env = { ...process.env };
  // The rebuild must land in the unpacked tree's own .output, as on a reviewer's machine.
  delete env.MDI_OUT_DIR;
  console.log(`$ ${command} ${args.join(' ')}   (in ${cwd})`);
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit ${result.status}.`);
}

async function main(): Promise<void> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const firefoxZip = path.join(outDir, `${pkg.name}-${pkg.version}-firefox.zip`);
  const sourcesZip = path.join(outDir, `${pkg.name}-${pkg.version}-sources.zip`);
  const expected = await zipFiles(firefoxZip).catch(() => {
    throw new Error(`No ${firefoxZip}. Run "npm run zip" first.`);
  });
  const work = await mkdtemp(path.join(tmpdir(), 'mdi-sources-'));
  try {
    for (const [file, bytes] of await zipFiles(sourcesZip)) {
      await mkdir(path.dirname(path.join(work, file)), { recursive: true });
      await writeFile(path.join(work, file), bytes);
    }
    run('npm', ['ci', '--no-audit', '--no-fund'], work);
    run('npm', ['run', 'build:firefox'], work);
    const actual = await dirFiles(path.join(work, '.output', 'firefox-mv3'));
    const difference = compareTrees(expected, actual);
    if (!sameTrees(difference)) {
      console.error('The sources zip does NOT rebuild the Firefox zip:', JSON.stringify(difference, null, 2));
      process.exitCode = 1;
      return;
    }
    console.log(`The sources zip rebuilds the Firefox zip: ${expected.size} files, byte for byte the same.`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
