import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { AppError } from '@/utils/errors';
import { MonetateError } from '@/utils/monetate/api-error';
import { editLogItem, importJobsItem } from '@/utils/storage/items';
import { controlImport, currentImport, sendImportBatch, settleImport, startImport } from '@/entrypoints/background/handlers/import';
import { createRouter } from '@/entrypoints/background/router';
import type { HandlerContext } from '@/entrypoints/background/handlers/types';
import type { Services } from '@/entrypoints/background/services';

const profile = {
  id: 'p1',
  name: 'Demo',
  baseUrl: 'http://127.0.0.1:1',
  retailer: 'demo',
  username: 'api-demo',
  ttlSeconds: 3600,
  alg: 'RS256' as const,
  readOnly: false,
  confirmWrites: false,
  createdAt: 0,
};

let postRows: ReturnType<typeof vi.fn>;
let readOnly: boolean;
let context: HandlerContext;

beforeEach(() => {
  fakeBrowser.reset();
  readOnly = false;
  postRows = vi.fn(async () => ({ status: 201, rows: [], warnings: [] }));
  const services = {
    activeProfile: async () => ({ ...profile, readOnly }),
    tokens: { get: async () => ({ token: 'tok', expiresAt: Date.now() + 3_600_000, issuedAt: Date.now() }), invalidate: vi.fn(async () => undefined) },
    client: { postRows },
    queue: { clearCache: vi.fn() },
    importsInFlight: new Set<string>(),
  } as unknown as Services;
  context = { services, sender: {} as never, senderKind: 'extension-page' };
});

const input = (validRows = 1_200, batchSize = 500) => ({
  dataset: 'customer_attributes',
  file: { name: 'people.csv', size: 1000, sha256: 'a'.repeat(64) },
  format: 'csv' as const,
  mapping: { customer_id: 'customer_id', email: 'email' },
  timeZone: 'UTC',
  batchSize,
  emptyMissingFields: true,
  mergeCurrentValues: false,
  validRows,
  rowsWithProblems: 3,
});
const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ customer_id: `C-${i}`, email: `c${i}@example.com` }));

async function runningJob(validRows = 1_200, batchSize = 500) {
  const job = await startImport(input(validRows, batchSize), context);
  return controlImport({ jobId: job.id, action: 'run' }, context);
}

describe('import handlers', () => {
  it('keeps the job in storage.local without a single row', async () => {
    const job = await runningJob();
    await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(500) }, context);
    const stored = JSON.stringify(await importJobsItem.getValue());
    expect(stored).toContain('people.csv');
    expect(stored).not.toContain('c1@example.com');
  });

  it('sends each batch once through postRows and logs one entry for the whole import', async () => {
    const job = await runningJob();
    const first = await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(500) }, context);
    await sendImportBatch({ jobId: job.id, firstValidRow: 500, rows: rows(500) }, context);
    const last = await sendImportBatch({ jobId: job.id, firstValidRow: 1000, rows: rows(200) }, context);
    expect(first.outcome).toBe('accepted');
    expect(last.job.status).toBe('done');
    expect(postRows.mock.calls.map((call) => (call[3] as unknown[]).length)).toEqual([500, 500, 200]);
    const log = await editLogItem.getValue();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'import', dataset: 'customer_attributes', result: 'saved' });
    expect(log[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'rows accepted', before: null, after: 1_200 },
        { field: 'rows rejected', before: null, after: 3 },
        { field: 'batches', before: null, after: 3 },
      ]),
    );
  });

  it('refuses a batch that is not the next one, before anything is sent', async () => {
    const job = await runningJob();
    await expect(sendImportBatch({ jobId: job.id, firstValidRow: 500, rows: rows(500) }, context)).rejects.toMatchObject({ code: 'import_batch_mismatch', params: { batch: 1, first: 1, last: 500, rows: 500 } });
    await expect(sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(499) }, context)).rejects.toMatchObject({ code: 'import_batch_mismatch' });
    expect(postRows).not.toHaveBeenCalled();
  });

  it('stops on a dropped connection as outcome unknown, logs the failed batch, and never re-sends it by itself', async () => {
    postRows.mockRejectedValueOnce(new AppError('outcome_unknown', 'Failed to fetch'));
    const job = await runningJob();
    const answer = await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(500) }, context);
    expect(answer.outcome).toBe('unknown');
    expect(answer.job.status).toBe('stopped');
    await expect(sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(500) }, context)).rejects.toMatchObject({ code: 'import_not_running', detail: 'stopped' });
    await controlImport({ jobId: job.id, action: 'run' }, context);
    await expect(sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(500) }, context)).rejects.toMatchObject({ code: 'import_batch_unconfirmed', params: { batch: 1 } });
    expect(postRows).toHaveBeenCalledTimes(1);
    expect((await editLogItem.getValue())[0]).toMatchObject({ kind: 'import_batch', result: 'outcome_unknown' });
    // Only when the user asks:
    await settleImport({ jobId: job.id, batchIndex: 0, decision: 'resend' }, context);
    await controlImport({ jobId: job.id, action: 'run' }, context);
    expect((await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(500) }, context)).outcome).toBe('accepted');
    expect(postRows).toHaveBeenCalledTimes(2);
  });

  it('treats a 500 as unknown, halves the batch on 413, and requeues on 429 with its wait', async () => {
    const job = await runningJob();
    postRows.mockRejectedValueOnce(new MonetateError('bad_response', 'unexpected HTTP 413', { status: 413 }));
    const halved = await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(500) }, context);
    expect(halved).toMatchObject({ outcome: 'too_large', job: { batchSize: 250, status: 'running' } });
    postRows.mockRejectedValueOnce(new MonetateError('rate_limited', 'slow down', { status: 429, retryAfterMs: 2000 }));
    expect(await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(250) }, context)).toMatchObject({ outcome: 'rate_limited', retryAfterMs: 2000 });
    postRows.mockRejectedValueOnce(new MonetateError('server', 'HTTP 500', { status: 500 }));
    expect((await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(250) }, context)).outcome).toBe('unknown');
  });

  it('stops after three 503s in a row', async () => {
    const job = await runningJob();
    postRows.mockRejectedValue(new MonetateError('server', 'HTTP 503', { status: 503 }));
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(500) }, context));
    expect(outcomes.map((o) => o.job.status)).toEqual(['running', 'running', 'stopped']);
  });

  it('maps a 400 to the rows Monetate named and lets the user skip them', async () => {
    const job = await runningJob(10, 5);
    postRows.mockRejectedValueOnce(new MonetateError('validation', 'bad', { status: 400, fields: [{ row: 2, field: 'email', message: 'bad' }] }));
    const refused = await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(5) }, context);
    expect(refused.job.batches[0]).toMatchObject({ state: 'rejected', rejectedRows: [2] });
    await settleImport({ jobId: job.id, batchIndex: 0, decision: 'skip_rejected' }, context);
    await controlImport({ jobId: job.id, action: 'run' }, context);
    await expect(sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(5) }, context)).rejects.toMatchObject({ code: 'import_batch_mismatch' });
    expect((await sendImportBatch({ jobId: job.id, firstValidRow: 0, rows: rows(4) }, context)).outcome).toBe('accepted');
  });

  it('refuses a read-only profile', async () => {
    readOnly = true;
    await expect(startImport(input(), context)).rejects.toMatchObject({ code: 'read_only_profile' });
  });

  it('pauses a job whose tab went away, and a batch left sending becomes unknown', async () => {
    const job = await runningJob();
    const jobs = await importJobsItem.getValue();
    const sending = { ...jobs.p1!, batches: [{ index: 0, firstValidRow: 0, rowCount: 500, state: 'sending' as const }] };
    await importJobsItem.setValue({ p1: sending });
    const recovered = await currentImport({}, context);
    expect(recovered).toMatchObject({ id: job.id, status: 'stopped', batches: [{ state: 'unknown' }] });
  });

  it('merges with current values only for 60 rows or fewer', async () => {
    await expect(startImport({ ...input(61), mergeCurrentValues: true }, context)).rejects.toMatchObject({ code: 'import_merge_too_large', params: { max: 60 } });
    expect((await startImport({ ...input(60), mergeCurrentValues: true }, context)).mergeCurrentValues).toBe(true);
  });

  it('refuses a second import while one is unfinished', async () => {
    await runningJob();
    await expect(startImport(input(), context)).rejects.toMatchObject({ code: 'import_unfinished' });
  });

  it('is not offered to content scripts', async () => {
    const route = createRouter(() => context.services);
    const reply = await route(
      { channel: 'mdi', type: 'import.current', payload: {} },
      { id: fakeBrowser.runtime.id, url: 'https://marketer.monetate.net/control/a-1/p/x/datasets', tab: { id: 3 } as never, frameId: 0 },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});
