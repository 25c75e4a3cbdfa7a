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

// A revert from the edit log is about to fill the form of one record: the workspace showing it
// writes what was typed (so the edit log can ask about it) and, once confirmed, closes its form
// so the revert opens on a fresh read.
const revertListeners = new Set<(event: RevertEvent) => void>();

export interface RevertEvent {
  stage: 'asking' | 'confirmed';
  dataset: string;
  id: string;
}

/** Says that a revert of `dataset`/`id` is being asked about, or was confirmed. */
export function notifyRevert(event: RevertEvent): void {
  for (const listener of [...revertListeners]) listener(event);
}

/** Calls `listener` for each revert stage on this page; returns the unsubscribe. */
export function onRevert(listener: (event: RevertEvent) => void): () => void {
  revertListeners.add(listener);
  return () => {
    revertListeners.delete(listener);
  };
}
