import { useCallback, useEffect, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { editLogToCsv, editLogToJson } from '@/utils/export/edit-log-export';
import type { EditLogEntry } from '@/utils/storage/items';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '../common/ErrorMessage';

const RESULT: Record<EditLogEntry['result'], string> = {
  saved: 'saved',
  refused: 'refused by Monetate',
  outcome_unknown: 'outcome unknown',
  failed: 'failed',
};

/** Every write this browser made, newest first; export as CSV or JSON, or clear. */
export function EditLogView({ refreshKey }: { refreshKey: unknown }) {
  const [entries, setEntries] = useState<EditLogEntry[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const load = useCallback(() => {
    sendRequest('editlog.list', {})
      .then(setEntries)
      .catch((caught) => setError(toErrorInfo(caught)));
  }, []);
  useEffect(load, [load, refreshKey]);

  const download = (name: string, text: string, type: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="mdi-stack" aria-label="Edit log">
      {entries.length === 0 ? (
        <p className="mdi-hint">No writes yet.</p>
      ) : (
        <>
          <table className="mdi-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Record</th>
                <th scope="col">Changes</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={`${entry.at}-${entry.schema}-${entry.recordId}-${entry.kind}`}>
                  <td>{new Date(entry.at).toLocaleString()}</td>
                  <td>
                    {entry.schema}
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
            <button type="button" onClick={() => sendRequest('editlog.clear', {}).then(load, (caught) => setError(toErrorInfo(caught)))}>
              Clear edit log
            </button>
          </div>
        </>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(empty)' : String(value);
}
