import { describe, expect, it } from 'vitest';
import {
  acceptedRows,
  clampBatchSize,
  finishBatch,
  nextRowToSend,
  recoverJob,
  sendBlocker,
  setStatus,
  settleUnknownBatch,
  startBatch,
  type ImportJob,
} from '@/utils/import/job';

function job(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'j1',
    profileId: 'p1',
    dataset: 'customers',
    file: { name: 'people.csv', size: 100, sha256: 'ab' },
    format: 'csv',
    mapping: { customer_id: 'customer_id' },
    timeZone: 'UTC',
    batchSize: 500,
    emptyMissingFields: true,
    validRows: 1_997,
    rowsWithProblems: 3,
    status: 'running',
    batches: [],
    consecutiveServerErrors: 0,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

/** Sends every batch with the given outcomes in turn; 'accepted' after the list runs out. */
function run(start: ImportJob, outcomes: Parameters<typeof finishBatch>[2][] = []): ImportJob {
  let current = start;
  for (let step = 0; step < 100 && sendBlocker(current) === null; step++) {
    const started = startBatch(current, step);
    current = finishBatch(started.job, started.batch.index, outcomes[step] ?? { kind: 'accepted' }, step);
  }
  return current;
}

describe('an import job', () => {
  it('sends 1997 rows in batches of at most 500, one at a time, and ends done', () => {
    const done = run(job());
    expect(done.batches.map((batch) => batch.rowCount)).toEqual([500, 500, 500, 497]);
    expect(done.status).toBe('done');
    expect(acceptedRows(done)).toBe(1_997);
  });

  it('never starts a second batch while one is in flight', () => {
    const { job: sending } = startBatch(job(), 1);
    expect(sendBlocker(sending)).toMatchObject({ code: 'import_batch_unconfirmed', params: { batch: 1 } });
    expect(() => startBatch(sending, 2)).toThrow(expect.objectContaining({ code: 'import_batch_unconfirmed', params: { batch: 1 } }));
  });

  it('stops on a batch of unknown outcome and sends it again only when the user asks', () => {
    const stopped = run(job(), [{ kind: 'accepted' }, { kind: 'unknown', message: 'connection dropped' }]);
    expect(stopped.status).toBe('stopped');
    expect(stopped.stopReason).toMatch(/Batch 2 was sent, but no answer came back \(connection dropped\)/);
    expect(sendBlocker(stopped)).not.toBeNull();
    const resent = run(setStatus(settleUnknownBatch(stopped, 1, 'resend', 9), 'running', 10));
    expect(resent.batches.map((batch) => [batch.firstValidRow, batch.state])).toEqual([
      [0, 'accepted'],
      [500, 'accepted'],
      [1000, 'accepted'],
      [1500, 'accepted'],
    ]);
  });

  it('counts an unknown batch as stored when the user checked it was, without sending it again', () => {
    const stopped = run(job(), [{ kind: 'unknown', message: 'timeout' }]);
    const settled = settleUnknownBatch(stopped, 0, 'count_as_stored', 5);
    expect(nextRowToSend(settled)).toBe(500);
    expect(run(setStatus(settled, 'running', 6)).batches.filter((batch) => batch.firstValidRow === 0)).toHaveLength(1);
  });

  it('resumes after the tab closed from the first batch not acknowledged; the one in flight is unknown', () => {
    const first = run(job({ validRows: 1_000 }), [{ kind: 'accepted' }]).batches.length;
    expect(first).toBe(2);
    let current = job();
    current = finishBatch(startBatch(current, 1).job, 0, { kind: 'accepted' }, 1);
    const inFlight = startBatch(current, 2).job;
    const recovered = recoverJob(inFlight, 3);
    expect(recovered.status).toBe('stopped');
    expect(recovered.batches[1]?.state).toBe('unknown');
    const paused = recoverJob(current, 3);
    expect(paused.status).toBe('paused');
    expect(nextRowToSend(paused)).toBe(500);
  });

  it('halves the batch size on 413 and resends those rows, and waits on 429 without losing the batch', () => {
    const shrunk = run(job({ validRows: 600 }), [{ kind: 'too_large' }, { kind: 'rate_limited' }]);
    expect(shrunk.batchSize).toBe(250);
    expect(shrunk.batches.map((batch) => [batch.firstValidRow, batch.rowCount])).toEqual([
      [0, 250],
      [250, 250],
      [500, 100],
    ]);
    expect(shrunk.status).toBe('done');
  });

  it('stops after 3 server errors in a row, and a 400 batch stops with Monetate’s message', () => {
    const server = { kind: 'server_error', message: 'HTTP 503' } as const;
    const failing = run(job(), [{ kind: 'accepted' }, server, server, server]);
    expect(failing.status).toBe('stopped');
    expect(failing.stopReason).toMatch(/failed 3 times in a row \(HTTP 503\)/);
    expect(acceptedRows(failing)).toBe(500);
    const recovered = run(job(), [server, server, { kind: 'accepted' }]);
    expect(recovered.status).toBe('done');
    const refused = run(job(), [{ kind: 'rejected', message: 'row 3: email must be a string' }]);
    expect(refused.stopReason).toBe('Monetate refused batch 1: row 3: email must be a string');
  });

  it('keeps batch sizes between 1 and 1000', () => {
    expect([0, 1, 499.6, 5_000, Number.NaN].map(clampBatchSize)).toEqual([1, 1, 500, 1_000, 500]);
  });
});
