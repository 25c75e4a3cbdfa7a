import { useCallback, useEffect, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { LookupHistoryEntry } from '@/utils/storage/items';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';

const OUTCOME: Record<LookupHistoryEntry['outcome'], string> = { found: 'found', not_found: 'not found', error: 'failed' };

/** The active profile's recent look-ups, newest first, each one click from a repeat. */
export function HistoryList({ refreshKey, onPick }: { refreshKey: unknown; onPick(dataset: string, id: string): void }) {
  const [entries, setEntries] = useState<LookupHistoryEntry[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const load = useCallback(() => {
    sendRequest('history.list', {})
      .then(setEntries)
      .catch((caught) => setError(toErrorInfo(caught)));
  }, []);
  useEffect(load, [load, refreshKey]);

  return (
    <section className="mdi-stack" aria-label="Look-up history">
      {entries.length === 0 ? (
        <p className="mdi-hint">No look-ups yet for this profile.</p>
      ) : (
        <>
          <ul className="mdi-history">
            {entries.map((entry) => (
              <li key={`${entry.dataset}\u0000${entry.id}`}>
                <button type="button" className="mdi-link" onClick={() => onPick(entry.dataset, entry.id)} aria-label={`Look up ${entry.id} in ${entry.dataset} again`}>
                  {entry.id}
                </button>{' '}
                <span className="mdi-hint">
                  {entry.dataset} · {OUTCOME[entry.outcome]} · {new Date(entry.at).toLocaleTimeString()}
                </span>
              </li>
            ))}
          </ul>
          <div>
            <button type="button" onClick={() => sendRequest('history.clear', {}).then(load, (caught) => setError(toErrorInfo(caught)))}>
              Clear history
            </button>
          </div>
        </>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
