import { createWorkerHost } from '@/utils/import/worker-host';
import type { WorkerReply, WorkerRequest } from '@/utils/import/worker-protocol';

// Parsing and checking run here, off the import page's main thread.
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage: (reply: WorkerReply) => void };
const handle = createWorkerHost((reply) => scope.postMessage(reply));
scope.onmessage = (event) => void handle(event.data);
