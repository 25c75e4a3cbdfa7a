// Writes are attempted by RecordWorkspace and SchemaTools; the edit log view on the same page
// reloads on this signal instead of waiting for the next look-up.
const listeners = new Set<() => void>();

/** Says that a write was attempted on this page (whatever its result). */
export function notifyEditLogChanged(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * Calls `listener` after each write attempted on this page; returns the unsubscribe.
 * @example useEffect(() => onEditLogChanged(reload), [reload]);
 */
export function onEditLogChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
