import { parseArgs } from 'node:util';
import { DEMO_DATASET, DEMO_RETAILER } from '@/emulator/demo-data.ts';
import { API_KEYS_PATH } from '@/emulator/pages/api-keys.ts';
import { DATASETS_PATH } from '@/emulator/pages/platform.ts';
import { DEFAULT_HOST, DEFAULT_PORT, startEmulator } from '@/emulator/server.ts';
import { RECORD_SHAPES, type RecordShape } from '@/emulator/state.ts';

/** `npm run emulator -- --port 8790 [--host 127.0.0.1] [--record-shape list|openapi]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, 'record-shape': { type: 'string' } },
    allowPositionals: false,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, not ${values.port ?? ''}`);
  const shape = values['record-shape'] ?? 'list';
  if (!(RECORD_SHAPES as readonly string[]).includes(shape)) throw new Error(`--record-shape must be ${RECORD_SHAPES.join(' or ')}, not ${shape}`);
  const recordShape = shape as RecordShape;
  const server = await startEmulator({ port, host: values.host ?? DEFAULT_HOST, recordShape });
  console.log(`Monetate emulator listening on ${server.url}`);
  console.log(`  Auth API:        ${server.url}/api/auth/v0/refresh/`);
  console.log(`  Data API:        ${server.url}/api/data/v1/${DEMO_RETAILER}/production/ (dataset ${DEMO_DATASET})`);
  console.log(`  API Keys page:   ${server.url}${API_KEYS_PATH}`);
  console.log(`  Platform pages:  ${server.url}${DATASETS_PATH}`);
  console.log(`  Record look-ups answer ${recordShape === 'list' ? 'data as the list of rows' : 'data.schema_rows (OpenAPI shape)'}; --record-shape ${recordShape === 'list' ? 'openapi' : 'list'} for the other.`);
  console.log('Press Ctrl+C to stop.');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing the emulator…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
