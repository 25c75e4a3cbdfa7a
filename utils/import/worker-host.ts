import type { ImportRow } from '@/utils/import/check';
import { checkFile, inspectFile, problemRowsCsv, validRows, type CheckSettings } from '@/utils/import/scan';
import type { WorkerReply, WorkerRequest } from '@/utils/import/worker-protocol';

/**
 * The worker's side: answers each request, and keeps one reader of valid rows open between
 * "rows" requests so sending batch after batch reads the file once, not once per batch.
 */
export function createWorkerHost(post: (reply: WorkerReply) => void) {
  let reader: { file: string; settings: string; next: number; rows: AsyncGenerator<Array<{ position: number; row: ImportRow }>>; buffer: Array<{ position: number; row: ImportRow }> } | null = null;

  async function takeRows(file: File, settings: CheckSettings, from: number, count: number) {
    const key = JSON.stringify(settings);
    // Each message carries a structured clone of the File, never the same object twice.
    const fileKey = `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
    if (!reader || reader.file !== fileKey || reader.settings !== key || reader.next !== from) {
      void reader?.rows.return(undefined);
      reader = { file: fileKey, settings: key, next: from, rows: validRows(file, settings, from), buffer: [] };
    }
    const out: Array<{ position: number; row: ImportRow }> = [];
    while (out.length < count) {
      if (reader.buffer.length === 0) {
        const step = await reader.rows.next();
        if (step.done) break;
        reader.buffer = step.value;
      }
      out.push(...reader.buffer.splice(0, count - out.length));
    }
    reader.next = from + out.length;
    return out;
  }

  return async function handle(request: WorkerRequest): Promise<void> {
    const { id } = request;
    try {
      switch (request.type) {
        case 'inspect':
          return post({ id, type: 'inspected', inspection: await inspectFile(request.file) });
        case 'check':
          return post({ id, type: 'checked', result: await checkFile(request.file, request.settings, (rowsRead) => post({ id, type: 'progress', rowsRead })) });
        case 'rows':
          return post({ id, type: 'rows', rows: await takeRows(request.file, request.settings, request.from, request.count) });
        case 'errors':
          return post({ id, type: 'errors', csv: await problemRowsCsv(request.file, request.settings, request.columns) });
      }
    } catch (error) {
      post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
