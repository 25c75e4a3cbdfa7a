/** The first few fields of a record, as text, for the popup's small space. */
export function RecordSummary({ record, limit = 6 }: { record: Record<string, unknown>; limit?: number }) {
  const entries = Object.entries(record).slice(0, limit);
  return (
    <dl className="mdi-summary" aria-label="Record summary">
      {entries.map(([field, value]) => (
        <div key={field} className="mdi-row" style={{ gap: '0.4rem' }}>
          <dt className="mdi-label">{field}</dt>
          <dd style={{ margin: 0 }}>{value === null || value === undefined ? '—' : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
