import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { editLogToCsv, editLogToJson } from '@/utils/export/edit-log-export';
import type { EditLogEntry } from '@/utils/storage/items';
import { recordValueText, type RecordValue } from '@/utils/schema';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { sendRequest } from '@/utils/messages/send';
import { canRevert, createEditLogStore, hasDraft, keepRevertDraft } from '@/utils/stores/logs-store';
import { ErrorMessage } from '@/components/ui/error-message';
import { ConfirmBox } from '@/components/workspace/confirm-box';
import { notifyRevert, onEditLogChanged } from '@/components/workspace/edit-log-events';
import { DataTable } from '@/components/ui/data-table';

const RESULT: Record<EditLogEntry['result'], string> = {
  sent: 'sent, no answer seen: outcome unknown (check by look-up)',
  saved: 'saved',
  refused: 'refused by Monetate',
  outcome_unknown: 'outcome unknown',
  failed: 'failed',
};

/**
 * Every write this browser made, newest first; export as CSV or JSON, clear (after asking), or
 * revert a replaced row: its before-values open in the record's form for review and save.
 */
export function EditLogView({ refreshKey, onRevert }: { refreshKey: unknown; /** Looks the record up fresh; without it, Revert is not offered. */ onRevert?(dataset: string, id: string): void }) {
  const [store] = useState(() => createEditLogStore());
  const { entries, error: loadError, load, clear: clearLog } = useStore(store);
  const [exported, setExported] = useState('');
  const [asking, setAsking] = useState<{ kind: 'clear' } | { kind: 'revert'; entry: EditLogEntry } | null>(null);
  const [revertError, setRevertError] = useState<ErrorInfo | null>(null);
  const error = revertError ?? loadError;
  const section = useRef<HTMLElement>(null);
  useEffect(() => void load(), [load, refreshKey]);
  useEffect(() => onEditLogChanged(() => void load()), [load]);
  useEffect(() => {
    // Writes from other surfaces land while the log is folded away: read it again on opening.
    const details = section.current?.closest('details');
    if (!details) return;
    const onToggle = () => details.open && void load();
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
    setAsking(null);
    setExported('');
    void clearLog();
  };

  const revert = async (entry: EditLogEntry) => {
    setAsking(null);
    setRevertError(null);
    try {
      notifyRevert({ stage: 'confirmed', dataset: entry.dataset, id: entry.recordId });
      await keepRevertDraft(sendRequest, entry);
      onRevert?.(entry.dataset, entry.recordId);
    } catch (caught) {
      setRevertError(toErrorInfo(caught));
    }
  };

  /** A revert replaces the record's unsaved changes, if it has any: ask first. */
  const askRevert = async (entry: EditLogEntry) => {
    setRevertError(null);
    notifyRevert({ stage: 'asking', dataset: entry.dataset, id: entry.recordId });
    try {
      if (await hasDraft(sendRequest, entry)) setAsking({ kind: 'revert', entry });
      else await revert(entry);
    } catch (caught) {
      setRevertError(toErrorInfo(caught));
    }
  };

  const exportButtons = (
    <>
      <button type="button" onClick={() => download('monetate-edit-log.csv', editLogToCsv(entries), 'text/csv')}>
        Export CSV
      </button>
      <button type="button" onClick={() => download('monetate-edit-log.json', editLogToJson(entries), 'application/json')}>
        Export JSON
      </button>
    </>
  );

  return (
    <section ref={section} className="mdi-stack" aria-label="Edit log">
      {entries.length === 0 ? (
        <p className="mdi-hint">No writes yet.</p>
      ) : (
        <>
          <DataTable
            className="mdi-table mdi-log-table"
            caption={{ text: 'Writes, newest first', hidden: true }}
            columns={['When', 'Record', 'Changes', 'Result']}
            rows={entries}
            rowKey={(entry, index) => `${entry.at}-${entry.dataset}-${entry.recordId}-${entry.kind}-${index}`}
            cells={(entry) => (
              <>
                <td>{new Date(entry.at).toLocaleString()}</td>
                <td>
                  {entry.dataset}
                  {entry.recordId ? ` / ${entry.recordId}` : ''}
                  <div className="mdi-hint">
                    {entry.kind.replace('_', ' ')} · {entry.profileName}
                  </div>
                  {onRevert && canRevert(entry) && (
                    <button type="button" onClick={() => void askRevert(entry)} aria-label={`Revert ${entry.recordId} to before the write at ${new Date(entry.at).toLocaleString()}`}>
                      Revert
                    </button>
                  )}
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
              </>
            )}
          />
          {asking?.kind === 'revert' && (
            <ConfirmBox
              question={`Discard changes to ${asking.entry.recordId}?`}
              detail="It has unsaved changes; the revert replaces them with the values from before this write."
              confirmLabel="Discard changes and revert"
              cancelLabel="Keep my changes"
              onConfirm={() => void revert(asking.entry)}
              onCancel={() => setAsking(null)}
            />
          )}
          {asking?.kind === 'clear' ? (
            <ConfirmBox
              question="Clear the edit log?"
              detail="The edit log holds the only copy of the values each write replaced. Export it first if you may need them; clearing cannot be undone."
              confirmLabel="Clear the edit log"
              cancelLabel="Keep the edit log"
              onConfirm={clear}
              onCancel={() => setAsking(null)}
            >
              <div className="mdi-row">{exportButtons}</div>
            </ConfirmBox>
          ) : (
            <div className="mdi-row">
              {exportButtons}
              <button type="button" onClick={() => setAsking({ kind: 'clear' })}>
                Clear edit log
              </button>
            </div>
          )}
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
