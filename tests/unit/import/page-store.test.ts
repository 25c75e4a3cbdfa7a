import { describe, expect, it, vi } from 'vitest';
import { createImportPageStore, importBlocker, type Send } from '@/utils/import/page-store';
import { finishBatch, setStatus, startBatch, type ImportJob } from '@/utils/import/job';
import { checkFile, inspectFile, validRows } from '@/utils/import/scan';
import type { ImportWorker } from '@/utils/import/worker-protocol';
import type { DatasetSchema } from '@/utils/schema';

const schema: DatasetSchema = {
  name: 'customers',
  fields: { customer_id: { data_type: 'STRING', identifier: true, unique_key: true, required: true }, email: { data_type: 'STRING' }, tier: { data_type: 'STRING' } },
};

/** The worker's passes, run in-process. */
const worker: ImportWorker = {
  inspect: (file) => inspectFile(file),
  check: (file, settings) => checkFile(file, settings),
  rows: async (file, settings, from, count) => {
    const out = [];
    for await (const batch of validRows(file, settings, from)) {
      out.push(...batch);
      if (out.length >= count) break;
    }
    return out.slice(0, count);
  },
  problemRowsCsv: async () => '',
};

/** A background that keeps the job as the real one does, with the outcomes given per POST. */
function fakeBackground(outcomes: Array<'accepted' | 'unknown'> = []) {
  let job: ImportJob | null = null;
  const posted: number[] = [];
  const send = vi.fn(async (type: string, payload: Record<string, unknown>) => {
    switch (type) {
      case 'state.get':
        return { profiles: [{ id: 'p', readOnly: false, confirmWrites: false, baseUrl: 'http://127.0.0.1:1' }], activeProfileId: 'p' };
      case 'schema.list':
        return [schema];
      case 'schema.get':
        return schema;
      case 'import.current':
        return job;
      case 'import.start':
        job = { ...(payload as object), id: 'j', profileId: 'p', status: 'ready', batches: [], consecutiveServerErrors: 0, createdAt: 0, updatedAt: 0 } as unknown as ImportJob;
        return job;
      case 'import.control':
        job = setStatus(job!, payload.action === 'run' ? 'running' : payload.action === 'pause' ? 'paused' : 'cancelled', 0);
        return job;
      case 'import.sendBatch': {
        const started = startBatch(job!, 0);
        expect(payload.firstValidRow).toBe(started.batch.firstValidRow);
        posted.push((payload.rows as unknown[]).length);
        const kind = outcomes[posted.length - 1] ?? 'accepted';
        job = finishBatch(started.job, started.batch.index, kind === 'accepted' ? { kind } : { kind, message: 'dropped' }, 0);
        return { job, outcome: kind };
      }
    }
    throw new Error(`unexpected ${type}`);
  });
  return { send: send as unknown as Send, posted, job: () => job };
}

const csv = (rows: number, missing = false) =>
  new File([`customer_id,email${missing ? '' : ',tier'}\n${Array.from({ length: rows }, (_, i) => `C-${i},c${i}@example.com${missing ? '' : ',gold'}`).join('\n')}\n`], 'people.csv');

describe('the import page store', () => {
  it('checks the file, then sends every valid row in batches of the chosen size, one at a time', async () => {
    const background = fakeBackground();
    const store = createImportPageStore({ send: background.send, worker, callerId: 'test' });
    await store.getState().init();
    await store.getState().chooseDataset('customers');
    await store.getState().chooseFile(csv(12));
    store.getState().setBatchSize(5);
    expect(store.getState().check).toMatchObject({ validRows: 12, rowsWithProblems: 0 });
    await store.getState().requestImport();
    expect(background.posted).toEqual([5, 5, 2]);
    expect(store.getState().job?.status).toBe('done');
  });

  it('will not import a file missing fields until the user chooses to empty them', async () => {
    const background = fakeBackground();
    const store = createImportPageStore({ send: background.send, worker, callerId: 'test' });
    await store.getState().init();
    await store.getState().chooseDataset('customers');
    await store.getState().chooseFile(csv(3, true));
    expect(importBlocker(store.getState())).toMatch(/Empty the fields not in the file/);
    await store.getState().requestImport();
    expect(background.posted).toEqual([]);
    store.getState().setEmptyMissingFields(true);
    expect(importBlocker(store.getState())).toBeNull();
  });

  it('stops at a batch of unknown outcome and sends nothing more', async () => {
    const background = fakeBackground(['accepted', 'unknown']);
    const store = createImportPageStore({ send: background.send, worker, callerId: 'test' });
    await store.getState().init();
    await store.getState().chooseDataset('customers');
    await store.getState().chooseFile(csv(12));
    store.getState().setBatchSize(5);
    await store.getState().requestImport();
    expect(background.posted).toEqual([5, 5]);
    expect(store.getState().job?.status).toBe('stopped');
    await store.getState().resume();
    expect(background.posted).toEqual([5, 5]);
  });

  it('pauses after the batch in flight; a reopened page refuses another file and resumes with the same one', async () => {
    const background = fakeBackground();
    let store: ReturnType<typeof createImportPageStore> | null = null;
    const pausing = (async (type: never, payload: never) => {
      const answer = await background.send(type, payload);
      if (type === 'import.sendBatch' && background.posted.length === 1) void store!.getState().pause();
      return answer;
    }) as unknown as Send;
    store = createImportPageStore({ send: pausing, worker, callerId: 'test' });
    await store.getState().init();
    await store.getState().chooseDataset('customers');
    await store.getState().chooseFile(csv(12));
    store.getState().setBatchSize(5);
    await store.getState().requestImport();
    expect(background.posted).toEqual([5]);
    expect(background.job()?.status).toBe('paused');

    const reopened = createImportPageStore({ send: background.send, worker, callerId: 'test' });
    await reopened.getState().init();
    await reopened.getState().chooseFile(new File(['customer_id,email,tier\nX,x@example.com,gold\n'], 'people.csv'));
    expect(reopened.getState().error).toMatch(/cannot resume the paused import: “people.csv” has changed/);
    expect(reopened.getState().fileMatchesJob).toBe(false);
    await reopened.getState().chooseFile(csv(12));
    expect(reopened.getState().fileMatchesJob).toBe(true);
    await reopened.getState().resume();
    expect(background.posted).toEqual([5, 5, 2]);
    expect(background.job()?.status).toBe('done');
  });
});
