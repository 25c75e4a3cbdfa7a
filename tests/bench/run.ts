/**
 * `npm run bench`: builds the local flavour, then measures look-up throughput under
 * Monetate's 1/s limit, the overlay's cost to the page and bulk import, printing JSON figures.
 * Targets are shown here, not asserted: timing belongs in benchmarks, not in tests.
 */
import { spawnSync } from 'node:child_process';
import { benchLookups } from '@/tests/bench/lookups.ts';
import { benchOverlay } from '@/tests/bench/overlay.ts';
import { benchImport } from '@/tests/bench/import.ts';

async function main() {
  if (!process.env.MDI_EXTENSION_DIR && !process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', '--silent', 'build:local'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('The local build failed.');
  }
  const lookups = await benchLookups();
  const overlay = await benchOverlay();
  const bulkImport = await benchImport();
  console.log(JSON.stringify({ lookups, overlay, import: bulkImport }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
