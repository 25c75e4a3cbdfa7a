import { useCallback, useEffect, useRef, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { editLogToCsv, editLogToJson } from '@/utils/export/edit-log-export';
import type { EditLogEntry } from '@/utils/storage/items';
import { recordValueText, type RecordValue } from '@/utils/schema';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { onEditLogChanged } from '@/components/workspace/edit-log-events';

const RESULT: Record<EditLogEntry['result'], string> = {
  sent: 'sent, no answer seen: outcome unknown (check by look-up)',
  saved: 'saved',
  refused: 'refused by Monetate',
  outcome_unknown: 'outcome unknown',
  failed: 'failed',
};

/** Every write this browser made, newest first; export as CSV or JSON, or clear. */
export function EditLogView({ refreshKey }: { refreshKey: unknown }) {
  const [entries, setEntries] = useState<EditLogEntry[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [exported, setExported] = useState('');
  const section = useRef<HTMLElement>(null);
  const load = useCallback(() => {
    sendRequest('editlog.list', {})
      .then((list) => {
        setEntries(list);
        setError(null);
      })
      .catch((caught) => setError(toErrorInfo(caught)));
  }, []);
  useEffect(load, [load, refreshKey]);
  useEffect(() => onEditLogChanged(load), [load]);
  useEffect(() => {
    // Writes from other surfaces land while the log is folded away: read it again on opening.
    const details = section.current?.closest('details');
    if (!details) return;
    const onToggle = () => details.open && load();
    details.addEventListener('toggle', onToggle);
    return () => details.removeEventListener('toggle', onToggle);
  }, [load]);

  const download = (name: string, text: string, type: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setExported(`Exported ${entries.length} write${entries.length === 1 ? '' : 's'} as ${name}.`);
  };

  const clear = () => {
    setExported('');
    sendRequest('editlog.clear', {}).then(load, (caught) => setError(toErrorInfo(caught)));
  };

  return (
    <section ref={section} className="mdi-stack" aria-label="Edit log">
      {entries.length === 0 ? (
        <p className="mdi-hint">No writes yet.</p>
      ) : (
        <>
          <table className="mdi-table">
            <caption className="mdi-visually-hidden">Writes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Record</th>
                <th scope="col">Changes</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${entry.dataset}-${entry.recordId}-${entry.kind}-${index}`}>
                  <td>{new Date(entry.at).toLocaleString()}</td>
                  <td>
                    {entry.dataset}
                    {entry.recordId ? ` / ${entry.recordId}` : ''}
                    <div className="mdi-hint">
                      {entry.kind.replace('_', ' ')} · {entry.profileName}
                    </div>
                  </td>
                  <td>
                    <ul>
                      {entry.changes.map((change) => (
                        <li key={change.field}>
                          {change.field}: {show(change.before)} → {show(change.after)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {RESULT[entry.result]}
                    {entry.message && <div className="mdi-hint">{entry.message}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mdi-row">
            <button type="button" onClick={() => download('monetate-edit-log.csv', editLogToCsv(entries), 'text/csv')}>
              Export CSV
            </button>
            <button type="button" onClick={() => download('monetate-edit-log.json', editLogToJson(entries), 'application/json')}>
              Export JSON
            </button>
            <button type="button" onClick={clear}>
              Clear edit log
            </button>
          </div>
          <p role="status" className="mdi-hint">
            {exported}
          </p>
        </>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(empty)' : recordValueText(value as RecordValue);
}
