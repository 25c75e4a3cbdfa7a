import type { RecordValues } from '@/utils/schema';
import { valueToText } from '@/components/record/format';

/**
 * The count of rows and the first few fields of the first one, as text, for the popup's
 * small space; the side panel shows every row.
 */
export function RecordSummary({ rows, limit = 6 }: { rows: readonly RecordValues[]; limit?: number }) {
  const first = rows[0];
  if (!first) return null;
  const entries = Object.entries(first).slice(0, limit);
  return (
    <div className="mdi-stack">
      <p>
        {rows.length === 1 ? '1 row' : `${rows.length} rows`}
        {rows.length > 1 ? ': the first is summed up here; the side panel shows them all.' : ''}
      </p>
      <dl className="mdi-summary" aria-label="Record summary">
        {entries.map(([field, value]) => (
          <div key={field} className="mdi-row" style={{ gap: '0.4rem' }}>
            <dt className="mdi-label">{field}</dt>
            <dd style={{ margin: 0 }}>{valueToText(value) ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
