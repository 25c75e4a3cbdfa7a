import { useState } from 'react';
import { describeError, toErrorInfo } from '@/utils/errors';
import type { UploadView } from '@/utils/import/messages';
import { sendRequest } from '@/utils/messages/send';
import { DataTable } from '@/components/ui/data-table';

/** A dataset's update history (`GET …/upload/{schema}/`), loaded when asked for. */
export function UploadHistory({ dataset }: { dataset: string }) {
  const [uploads, setUploads] = useState<UploadView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    setError(null);
    try {
      setUploads(await sendRequest('schema.uploads', { dataset }));
    } catch (caught) {
      setError(describeError(toErrorInfo(caught)));
    } finally {
      setLoading(false);
    }
  };
  return (
    <section aria-label={`Update history of ${dataset}`} className="mdi-stack">
      <button type="button" disabled={loading} onClick={() => void load()}>
        {uploads ? 'Refresh update history' : 'Show update history'}
      </button>
      {error && <p role="alert">{error}</p>}
      {uploads && uploads.length === 0 && <p className="mdi-hint">No updates yet.</p>}
      {uploads && uploads.length > 0 && (
        <DataTable
          caption={{ text: 'Update history' }}
          columns={['When', 'Status', 'Rows', 'Source']}
          rows={uploads.slice(0, 50)}
          rowKey={(u, i) => u.id ?? i}
          cells={(u) => (
            <>
              <td>{u.upload_time ? new Date(u.upload_time).toLocaleString() : ''}</td>
              <td>{u.status ?? ''}</td>
              <td>{u.row_count ?? ''}</td>
              <td>{[u.source, u.username].filter(Boolean).join(' · ')}</td>
            </>
          )}
        />
      )}
    </section>
  );
}
