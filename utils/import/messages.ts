import { z } from 'zod';
import { BATCH_SIZE, type BatchOutcome, type ImportJob } from '@/utils/import/job';

/**
 * The import page's requests to the background, as zod schemas the one protocol
 * (`utils/messages/protocol.ts`) lists. Extension pages only: never a content script.
 */

const jobId = z.string().min(1).max(100);
const datasetName = z.string().trim().min(1, 'Choose a dataset.').max(64);
const exactNumber = z.object({ $exactNumber: z.string().regex(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/) }).strict();
const importValue = z.union([z.string(), z.number(), z.boolean(), z.null(), exactNumber]);
const importRow = z.record(z.string().max(64), importValue);
/** A checked row as it travels to the background: scalars, or a number kept as its exact text. */
export type WireRow = z.input<typeof importRow>;

export const importRequestSchemas = {
  'import.current': z.object({}),
  'import.start': z.object({
    dataset: datasetName,
    file: z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    format: z.enum(['csv', 'json', 'ndjson']),
    mapping: z.record(z.string().max(300), z.string().max(64).nullable()),
    timeZone: z.string().min(1).max(64),
    batchSize: z.number().int().min(BATCH_SIZE.min).max(BATCH_SIZE.max),
    emptyMissingFields: z.boolean(),
    mergeCurrentValues: z.boolean(),
    validRows: z.number().int().min(1),
    rowsWithProblems: z.number().int().min(0),
  }),
  'import.control': z.object({ jobId, action: z.enum(['run', 'pause', 'cancel']) }),
  'import.sendBatch': z.object({ jobId, firstValidRow: z.number().int().min(0), rows: z.array(importRow).max(BATCH_SIZE.max) }),
  'import.settle': z.object({ jobId, batchIndex: z.number().int().min(0), decision: z.enum(['resend', 'count_as_stored', 'skip_rejected']) }),
  'import.merge': z.object({ dataset: datasetName, rows: z.array(importRow).max(60), fields: z.array(z.string().max(64)).max(40), callerId: z.string().min(1).max(100) }),
  'schema.uploads': z.object({ dataset: datasetName }),
} as const;

/** What the background answers for one batch: the job as stored afterwards, and how the batch ended. */
export interface BatchAnswer {
  job: ImportJob;
  outcome: BatchOutcome['kind'];
  /** For 429: how long to wait before the same rows go again. */
  retryAfterMs?: number;
}

/** One entry of a dataset's update history (`GET …/upload/{schema}/`), as the side panel shows it. */
export interface UploadView {
  id?: number | string;
  status?: string;
  upload_time?: string;
  row_count?: number;
  source?: string;
  username?: string;
}

export interface ImportResponseMap {
  'import.current': ImportJob | null;
  'import.start': ImportJob;
  'import.control': ImportJob;
  'import.sendBatch': BatchAnswer;
  'import.settle': ImportJob;
  'import.merge': { rows: Array<Record<string, unknown>> };
  'schema.uploads': UploadView[];
}
