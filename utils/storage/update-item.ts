import type { WxtStorageItem } from 'wxt/utils/storage';

/** The last queued operation per storage key; an entry is removed once its queue drains. */
const tails = new Map<string, Promise<unknown>>();

/** Runs `operation` after every earlier operation on the same key has settled. */
function serialized<R>(item: { key: string }, operation: () => Promise<R>): Promise<R> {
  const previous = tails.get(item.key) ?? Promise.resolve();
  const next = previous.then(operation, operation);
  const tail = next.catch(() => undefined);
  tails.set(item.key, tail);
  // Nothing is kept once the queue is empty, so no state outlives the writes themselves.
  void tail.then(() => {
    if (tails.get(item.key) === tail) tails.delete(item.key);
  });
  return next;
}

/**
 * Reads, changes and writes one storage item, after every earlier `updateItem` of the same item
 * has finished, so two concurrent updates (two look-ups ending, two edit-log lines) both land.
 * Return `current` itself to write nothing. Every read-modify-write of an item goes through here:
 * a plain `getValue` then `setValue` elsewhere could still overwrite a queued update.
 * @example await updateItem(tokensItem, (tokens) => ({ ...tokens, [profileId]: token }));
 */
export function updateItem<T, M extends Record<string, unknown>>(item: WxtStorageItem<T, M>, update: (current: T) => T | Promise<T>): Promise<T> {
  return serialized(item, async () => {
    const current = await item.getValue();
    const next = await update(current);
    if (next !== current) await item.setValue(next);
    return next;
  });
}

/**
 * The item's value once every update queued before this call has been written: what a list
 * shown right after a write must include.
 * @example const entries = await readItem(editLogItem);
 */
export function readItem<T, M extends Record<string, unknown>>(item: WxtStorageItem<T, M>): Promise<T> {
  return serialized(item, () => item.getValue());
}

/**
 * Drops one key from a map-valued item (a profile's entry), serialized like `updateItem`.
 * @example await dropKey(tokensItem, profileId);
 */
export function dropKey<V, M extends Record<string, unknown>>(item: WxtStorageItem<Record<string, V>, M>, key: string): Promise<Record<string, V>> {
  return updateItem(item, (current) => {
    if (!Object.hasOwn(current, key)) return current;
    const { [key]: _dropped, ...rest } = current;
    return rest;
  });
}
