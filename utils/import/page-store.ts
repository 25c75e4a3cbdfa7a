import { createStore, type StoreApi } from 'zustand/vanilla';
import { describeError, toErrorInfo } from '@/utils/errors';
import type { RequestPayload, RequestType, Response } from '@/utils/messages/protocol';
import { writesNeedReview } from '@/utils/profiles/write-review';
import { describeSchema, type DataType, type DatasetSchema } from '@/utils/schema';
import { isExactNumber } from '@/utils/monetate/exact-json';
import type { ImportRow } from '@/utils/import/check';
import { fingerprintMismatch } from '@/utils/import/fingerprint';
import { BATCH_SIZE, clampBatchSize, nextRowToSend, isSkipped, type ImportJob } from '@/utils/import/job';
import { proposeMapping, reviewMapping, type ColumnMapping, type MappingReview } from '@/utils/import/mapping';
import type { CheckResult, CheckSettings, Inspection } from '@/utils/import/scan';
import type { ImportWorker } from '@/utils/import/worker-protocol';
import type { WireRow } from '@/utils/import/messages';

/**
 * The import page's one store: the chosen dataset and file, the check, the mapping, and the
 * send loop that drives the background one batch at a time. `send` (the typed protocol) and
 * the worker are injected, so the loop is tested without a browser.
 */

export type Send = <T extends RequestType>(type: T, payload: RequestPayload<T>) => Promise<Response<T>>;

export { MERGE_MAX_ROWS } from '@/utils/import/job';

export interface SpotCheckRow {
  id: string;
  field: string;
  sent: string;
  found: string;
  matched: boolean;
}

export interface ImportPageState {
  datasets: DatasetSchema[] | null;
  dataset: string;
  schema: DatasetSchema | null;
  profile: { readOnly: boolean; needsReview: boolean } | null;
  file: File | null;
  inspection: Inspection | null;
  mapping: ColumnMapping;
  timeZone: string;
  batchSize: number;
  emptyMissingFields: boolean;
  mergeCurrentValues: boolean;
  checking: boolean;
  checkProgress: number;
  check: CheckResult | null;
  job: ImportJob | null;
  /** A paused job's file was chosen again and matches: rows can be read from it. */
  fileMatchesJob: boolean;
  sending: boolean;
  reviewing: boolean;
  message: string | null;
  error: string | null;
  spotCheck: SpotCheckRow[] | null;
  spotChecking: boolean;

  init(): Promise<void>;
  chooseDataset(name: string): Promise<void>;
  chooseFile(file: File): Promise<void>;
  mapColumn(column: string, field: string | null): Promise<void>;
  setTimeZone(zone: string): Promise<void>;
  setBatchSize(size: number): void;
  setEmptyMissingFields(on: boolean): void;
  setMergeCurrentValues(on: boolean): void;
  addColumnAsAttribute(column: string, dataType: DataType): Promise<void>;
  downloadErrors(): Promise<string | null>;
  requestImport(): Promise<void>;
  cancelReview(): void;
  confirmImport(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
  settle(decision: 'resend' | 'count_as_stored' | 'skip_rejected'): Promise<void>;
  runSpotCheck(count: number): Promise<void>;
}

export interface ImportPageDeps {
  send: Send;
  worker: ImportWorker;
  /** Waits before a rate-limited batch goes again. */
  sleep?: (ms: number) => Promise<void>;
  callerId: string;
  random?: () => number;
}

/** What the mapping means now, or null before a dataset and a file are chosen. */
export function mappingReviewOf(state: Pick<ImportPageState, 'schema' | 'mapping' | 'inspection'>): MappingReview | null {
  return state.schema && state.inspection ? reviewMapping(state.mapping, state.schema) : null;
}

/** Whether a replaced record loses the fields the file does not fill (only where a unique key replaces records). */
export function emptiesFields(state: Pick<ImportPageState, 'schema' | 'mapping' | 'inspection'>): string[] {
  const review = mappingReviewOf(state);
  if (!review || !state.schema || describeSchema(state.schema).uniqueKeyField === null) return [];
  return review.fieldsNotInFile;
}

/** Why "Import N rows" cannot be pressed yet, or null. */
export function importBlocker(state: ImportPageState): string | null {
  if (state.profile?.readOnly) return 'This profile is read-only: it cannot import.';
  if (!state.schema) return 'Choose a dataset.';
  if (!state.file || !state.inspection) return 'Choose a file to import.';
  if (state.checking || !state.check) return 'The file is being checked.';
  const review = mappingReviewOf(state);
  if (review?.problems.length) return review.problems[0]!;
  if (state.check.validRows === 0) return 'No row passed the check.';
  if (emptiesFields(state).length && !state.emptyMissingFields && !state.mergeCurrentValues) return 'Tick “Empty the fields not in the file” or choose “Merge with current values”.';
  return null;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isExactNumber(value)) return value.$exactNumber;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function createImportPageStore(deps: ImportPageDeps): StoreApi<ImportPageState> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let pauseRequested = false;

  return createStore<ImportPageState>((set, get) => {
    const settings = (): CheckSettings | null => {
      const { schema, inspection, mapping, timeZone } = get();
      return schema && inspection ? { format: inspection.format, schema, mapping, timeZone } : null;
    };
    const fail = (error: unknown) => set({ error: describeError(toErrorInfo(error)) });

    async function recheck() {
      const current = settings();
      const { file } = get();
      if (!current || !file) return;
      set({ checking: true, check: null, checkProgress: 0, error: null });
      try {
        const check = await deps.worker.check(file, current, (rowsRead) => set({ checkProgress: rowsRead }));
        set({ check, checking: false });
      } catch (error) {
        set({ checking: false, error: error instanceof Error ? error.message : String(error) });
      }
    }

    async function loadSchema(name: string, refresh = false) {
      const schema = await deps.send('schema.get', { name, refresh });
      set({ schema });
      return schema;
    }

    /** Sends batch after batch while the job runs; a pause waits for the batch in flight. */
    async function loop() {
      const { file } = get();
      if (get().sending || !file) return;
      set({ sending: true, error: null });
      let backoff = 1000;
      try {
        for (;;) {
          let job = get().job;
          const current = settings();
          if (!job || job.status !== 'running' || !current) break;
          if (pauseRequested) {
            pauseRequested = false;
            set({ job: await deps.send('import.control', { jobId: job.id, action: 'pause' }) });
            break;
          }
          const from = nextRowToSend(job);
          const count = Math.min(job.batchSize, job.validRows - from);
          const read = await deps.worker.rows(file, current, from, count);
          let rows: Array<Record<string, unknown>> = read.filter((entry) => !isSkipped(job!, entry.position)).map((entry) => entry.row);
          if (job.mergeCurrentValues && rows.length) {
            const review = mappingReviewOf(get());
            rows = (await deps.send('import.merge', { dataset: job.dataset, rows: rows as WireRow[], fields: review?.fieldsNotInFile ?? [], callerId: deps.callerId })).rows;
          }
          const answer = await deps.send('import.sendBatch', { jobId: job.id, firstValidRow: from, rows: rows as WireRow[] });
          job = answer.job;
          set({ job });
          if (answer.outcome === 'rate_limited') {
            await sleep(answer.retryAfterMs ?? backoff);
            backoff = Math.min(backoff * 2, 30_000);
          } else backoff = 1000;
        }
      } catch (error) {
        fail(error);
        // The page's view of the job may be behind: read it back.
        set({ job: await deps.send('import.current', {}).catch(() => get().job) });
      } finally {
        set({ sending: false });
      }
    }

    return {
      datasets: null,
      dataset: '',
      schema: null,
      profile: null,
      file: null,
      inspection: null,
      mapping: {},
      timeZone: 'UTC',
      batchSize: BATCH_SIZE.default,
      emptyMissingFields: false,
      mergeCurrentValues: false,
      checking: false,
      checkProgress: 0,
      check: null,
      job: null,
      fileMatchesJob: false,
      sending: false,
      reviewing: false,
      message: null,
      error: null,
      spotCheck: null,
      spotChecking: false,

      async init() {
        try {
          const state = await deps.send('state.get', {});
          const active = state.profiles.find((p) => p.id === state.activeProfileId);
          set({ profile: active ? { readOnly: active.readOnly, needsReview: writesNeedReview(active) } : null });
          const [datasets, job] = await Promise.all([deps.send('schema.list', {}), deps.send('import.current', {})]);
          set({ datasets });
          if (job && job.status !== 'done' && job.status !== 'cancelled') {
            set({ job, dataset: job.dataset, mapping: job.mapping, timeZone: job.timeZone, batchSize: job.batchSize, emptyMissingFields: job.emptyMissingFields, mergeCurrentValues: job.mergeCurrentValues ?? false });
            await loadSchema(job.dataset);
          }
        } catch (error) {
          fail(error);
        }
      },

      async chooseDataset(name) {
        if (get().job && !isFinished(get().job!)) return;
        set({ dataset: name, schema: null, check: null, error: null });
        if (!name) return;
        try {
          const schema = await loadSchema(name);
          const { inspection } = get();
          if (inspection) set({ mapping: proposeMapping(inspection.columns, schema) });
          await recheck();
        } catch (error) {
          fail(error);
        }
      },

      async chooseFile(file) {
        set({ file, inspection: null, check: null, error: null, message: null, fileMatchesJob: false, spotCheck: null });
        try {
          const inspection = await deps.worker.inspect(file);
          const { job, schema } = get();
          if (job && !isFinished(job)) {
            const mismatch = fingerprintMismatch(job.file, inspection.fingerprint);
            if (mismatch) {
              set({ file: null, error: `This file cannot resume the paused import: ${mismatch}` });
              return;
            }
            set({ inspection, mapping: job.mapping });
            await recheck();
            const check = get().check;
            if (check && check.validRows !== job.validRows) {
              set({ fileMatchesJob: false, error: `This file now has ${check.validRows} valid rows; the paused import had ${job.validRows}. Cancel it and start again.` });
              return;
            }
            set({ fileMatchesJob: true, message: `Same file: the import can resume from row ${nextRowToSend(job) + 1} of ${job.validRows}.` });
            return;
          }
          set({ inspection, mapping: schema ? proposeMapping(inspection.columns, schema) : {}, job: job && isFinished(job) ? null : job });
          await recheck();
        } catch (error) {
          set({ file: null, error: error instanceof Error ? error.message : String(error) });
        }
      },

      async mapColumn(column, field) {
        set({ mapping: { ...get().mapping, [column]: field } });
        await recheck();
      },

      async setTimeZone(zone) {
        set({ timeZone: zone });
        await recheck();
      },

      setBatchSize(size) {
        set({ batchSize: clampBatchSize(size) });
      },
      setEmptyMissingFields(on) {
        set({ emptyMissingFields: on, ...(on ? { mergeCurrentValues: false } : {}) });
      },
      setMergeCurrentValues(on) {
        set({ mergeCurrentValues: on, ...(on ? { emptyMissingFields: false } : {}) });
      },

      async addColumnAsAttribute(column, dataType) {
        const { dataset } = get();
        try {
          await deps.send('schema.addAttributes', { dataset, fields: { [column]: { data_type: dataType } } });
          await loadSchema(dataset, true);
          await get().mapColumn(column, column);
        } catch (error) {
          fail(error);
        }
      },

      async downloadErrors() {
        const current = settings();
        const { file, inspection } = get();
        if (!current || !file || !inspection) return null;
        return deps.worker.problemRowsCsv(file, current, inspection.columns);
      },

      async requestImport() {
        if (importBlocker(get())) return;
        if (get().profile?.needsReview) set({ reviewing: true });
        else await get().confirmImport();
      },
      cancelReview() {
        set({ reviewing: false });
      },

      async confirmImport() {
        const state = get();
        const { inspection, check } = state;
        if (importBlocker(state) || !inspection || !check) return;
        set({ reviewing: false, error: null });
        try {
          const job = await deps.send('import.start', {
            dataset: state.dataset,
            file: inspection.fingerprint,
            format: inspection.format,
            mapping: state.mapping,
            timeZone: state.timeZone,
            batchSize: state.batchSize,
            emptyMissingFields: state.emptyMissingFields,
            mergeCurrentValues: state.mergeCurrentValues,
            validRows: check.validRows,
            rowsWithProblems: check.rowsWithProblems,
          });
          set({ job: await deps.send('import.control', { jobId: job.id, action: 'run' }), fileMatchesJob: true });
          await loop();
        } catch (error) {
          fail(error);
        }
      },

      async pause() {
        const { job, sending } = get();
        if (!job) return;
        if (sending) pauseRequested = true;
        else set({ job: await deps.send('import.control', { jobId: job.id, action: 'pause' }) });
      },

      async resume() {
        const { job } = get();
        if (!job || !get().fileMatchesJob) return;
        pauseRequested = false;
        try {
          set({ job: await deps.send('import.control', { jobId: job.id, action: 'run' }) });
          await loop();
        } catch (error) {
          fail(error);
        }
      },

      async cancel() {
        const { job } = get();
        if (!job) return;
        pauseRequested = true;
        try {
          set({ job: await deps.send('import.control', { jobId: job.id, action: 'cancel' }) });
        } catch (error) {
          fail(error);
        }
      },

      async settle(decision) {
        const { job } = get();
        const batch = job?.batches.find((b) => b.state === 'unknown' || b.state === 'rejected');
        if (!job || !batch) return;
        try {
          set({ job: await deps.send('import.settle', { jobId: job.id, batchIndex: batch.index, decision }) });
        } catch (error) {
          fail(error);
        }
      },

      async runSpotCheck(count) {
        const { check, schema, dataset } = get();
        if (!check || !schema) return;
        const identifier = describeSchema(schema).identifierField;
        if (!identifier) return;
        const pool = [...check.sample];
        const random = deps.random ?? Math.random;
        const picked: ImportRow[] = [];
        while (picked.length < count && pool.length) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
        set({ spotChecking: true, spotCheck: [] });
        try {
          for (const row of picked) {
            const id = String(row[identifier]);
            const view = await deps.send('lookup.record', { dataset: dataset, id, refresh: true, callerId: deps.callerId });
            const lines = Object.entries(row).map(([field, value]) => {
              const record = view.rows[0];
              const found = record ? show(record[field]) : '(no record)';
              return { id, field, sent: show(value), found, matched: show(value) === found };
            });
            set({ spotCheck: [...(get().spotCheck ?? []), ...lines] });
          }
        } catch (error) {
          fail(error);
        } finally {
          set({ spotChecking: false });
        }
      },
    };
  });
}

function isFinished(job: ImportJob): boolean {
  return job.status === 'done' || job.status === 'cancelled';
}
