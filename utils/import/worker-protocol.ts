import type { CheckResult, CheckSettings, Inspection } from '@/utils/import/scan';
import type { ImportRow } from '@/utils/import/check';

/** Messages between the import page and its worker (parsing and checking off the main thread). */
export type WorkerRequest =
  | { id: number; type: 'inspect'; file: File }
  | { id: number; type: 'check'; file: File; settings: CheckSettings }
  | { id: number; type: 'rows'; file: File; settings: CheckSettings; from: number; count: number }
  | { id: number; type: 'errors'; file: File; settings: CheckSettings; columns: string[] };

export type WorkerReply =
  | { id: number; type: 'progress'; rowsRead: number }
  | { id: number; type: 'inspected'; inspection: Inspection }
  | { id: number; type: 'checked'; result: CheckResult }
  | { id: number; type: 'rows'; rows: Array<{ position: number; row: ImportRow }> }
  | { id: number; type: 'errors'; csv: string }
  | { id: number; type: 'failed'; message: string };

/** What the page asks of the worker, promise by promise. */
export interface ImportWorker {
  inspect(file: File): Promise<Inspection>;
  check(file: File, settings: CheckSettings, onProgress?: (rowsRead: number) => void): Promise<CheckResult>;
  rows(file: File, settings: CheckSettings, from: number, count: number): Promise<Array<{ position: number; row: ImportRow }>>;
  problemRowsCsv(file: File, settings: CheckSettings, columns: string[]): Promise<string>;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Port = Pick<Worker, 'postMessage'> & { onmessage: ((event: MessageEvent<WorkerReply>) => void) | null };

/**
 * Wraps a worker (or anything with postMessage/onmessage) as promise calls.
 * @example const worker = connectImportWorker(new Worker(url, { type: 'module' }));
 */
export function connectImportWorker(port: Port): ImportWorker {
  let nextId = 1;
  const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void; onProgress?: (rows: number) => void }>();
  port.onmessage = (event) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    if (reply.type === 'progress') return waiter.onProgress?.(reply.rowsRead);
    pending.delete(reply.id);
    if (reply.type === 'failed') waiter.reject(new Error(reply.message));
    else waiter.resolve(reply);
  };
  const ask = <T extends WorkerReply['type']>(request: WithoutId<WorkerRequest>, onProgress?: (rows: number) => void) =>
    new Promise<Extract<WorkerReply, { type: T }>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (reply: WorkerReply) => void, reject, onProgress });
      port.postMessage({ ...request, id });
    });
  return {
    inspect: async (file) => (await ask<'inspected'>({ type: 'inspect', file })).inspection,
    check: async (file, settings, onProgress) => (await ask<'checked'>({ type: 'check', file, settings }, onProgress)).result,
    rows: async (file, settings, from, count) => (await ask<'rows'>({ type: 'rows', file, settings, from, count })).rows,
    problemRowsCsv: async (file, settings, columns) => (await ask<'errors'>({ type: 'errors', file, settings, columns })).csv,
  };
}
