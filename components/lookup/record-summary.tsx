import type { RecordValues } from '@/utils/schema';
import { valueToText } from '@/components/record/format';

/**
 * The count of rows and the first few fields of the first one, as text, for the popup's
 * small space (Chrome caps a popup at 600 px); the side panel shows every field and row.
 */
export function RecordSummary({ rows, limit = 4 }: { rows: readonly RecordValues[]; limit?: number }) {
  const first = rows[0];
  if (!first) return null;
  const all = Object.entries(first);
  const entries = all.slice(0, limit);
  const more = all.length - entries.length;
  return (
    <div className={rows.length === 1 ? 'mdi-summary-block mdi-summary-block--one' : 'mdi-summary-block'}>
      <p>
        {rows.length === 1 ? '1 row' : `${rows.length} rows`}
        {rows.length > 1 ? ': the first is summed up here; the side panel shows them all.' : ''}
      </p>
      <dl className="mdi-summary" aria-label="Record summary">
        {entries.map(([field, value]) => (
          <div key={field}>
            <dt>{field}</dt>
            <dd>{valueToText(value) ?? '—'}</dd>
          </div>
        ))}
      </dl>
      {more > 0 && <p className="mdi-hint">{`and ${more} more field${more === 1 ? '' : 's'}`}</p>}
    </div>
  );
}
