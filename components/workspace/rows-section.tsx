import { describeSchema, type DatasetSchema } from '@/utils/schema';
import type { LookupView } from '@/utils/messages/protocol';
import { RecordView, RowsTable } from '@/components/record';

/** The count, a warning when a keyed dataset returns several rows, then the row (or rows). */
export function RowsSection({ schema, view, rowAction }: { schema: DatasetSchema; view: LookupView; rowAction?: { verb: 'Edit' | 'Add a row from'; onChoose(index: number): void } }) {
  const described = describeSchema(schema);
  const count = view.rows.length;
  const first = view.rows[0];
  return (
    <div className="mdi-stack">
      <p className="mdi-hint">{`${count} row${count === 1 ? '' : 's'}`}</p>
      {count > 1 && described.uniqueKeyField && (
        <p className="mdi-warn" role="alert">
          {schema.name} has a unique key ({described.uniqueKeyField}), yet Monetate returned {count} rows for “{view.id}”. All are shown;
          editing one replaces only the row with its key.
        </p>
      )}
      {count === 1 && first ? (
        <RecordView schema={schema} record={first} />
      ) : (
        <RowsTable schema={schema} recordId={view.id} rows={view.rows} action={rowAction} />
      )}
    </div>
  );
}
