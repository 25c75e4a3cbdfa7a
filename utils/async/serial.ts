/**
 * A queue of one: each task starts after the one before it has settled, whatever its outcome.
 * Kept by whoever owns the work (the background's services), so a new owner starts empty.
 * @example const rebuilds = createSerial(); void rebuilds(() => buildMenu());
 */
export function createSerial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
