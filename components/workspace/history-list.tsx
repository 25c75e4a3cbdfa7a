import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { LookupHistoryEntry } from '@/utils/storage/items';
import { createHistoryStore } from '@/utils/stores/logs-store';
import { ErrorMessage } from '@/components/ui/error-message';
import { ConfirmBox } from '@/components/workspace/confirm-box';

const OUTCOME: Record<LookupHistoryEntry['outcome'], string> = { found: 'found', not_found: 'not found', error: 'failed' };

/** The active profile's recent look-ups, newest first, each one click from a repeat. */
export function HistoryList({ refreshKey, onPick }: { refreshKey: unknown; onPick(dataset: string, id: string): void }) {
  const [store] = useState(() => createHistoryStore());
  const { entries, error, load, clear } = useStore(store);
  const [asking, setAsking] = useState(false);
  useEffect(() => void load(), [load, refreshKey]);

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
          {asking ? (
            <ConfirmBox
              question="Clear the look-up history?"
              detail="Every look-up of this profile listed here goes; records and the edit log stay."
              confirmLabel="Clear the history"
              cancelLabel="Keep the history"
              onConfirm={() => {
                setAsking(false);
                void clear();
              }}
              onCancel={() => setAsking(false)}
            />
          ) : (
            <div>
              <button type="button" onClick={() => setAsking(true)}>
                Clear history
              </button>
            </div>
          )}
        </>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
