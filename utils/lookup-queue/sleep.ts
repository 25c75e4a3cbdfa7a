import { AppError } from '@/utils/errors';

/**
 * Resolves after `ms`; rejects with `cancelled` when `signal` aborts first.
 * @example await abortableSleep(1000, controller.signal);
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AppError('cancelled'));
      return;
    }
    const onAbort = () => {
      globalThis.clearTimeout(handle);
      reject(new AppError('cancelled'));
    };
    const handle = globalThis.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
