import { rowsForDisplay } from '@/utils/records/rows';
import { describeSchema, type DatasetSchema, type RecordValues } from '@/utils/schema';
import { Button } from '@/components/ui';
import { ValueText } from '@/components/record/format';
import '@/components/record/record.css';

export interface RowsTableProps {
  schema: DatasetSchema;
  recordId: string;
  /** Every row, in Monetate's order. */
  rows: readonly RecordValues[];
  /** A write per row ("Edit row 2", "Add a row from row 2"); absent where nothing may be written. */
  action?: { verb: 'Edit' | 'Add a row from'; onChoose(index: number): void };
}

/** Columns: the schema's fields in reading order, then anything a row has that the schema lacks. */
function columnsFor(schema: DatasetSchema, rows: readonly RecordValues[]): string[] {
  const named = describeSchema(schema).fields.map((f) => f.name);
  const extra = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((name) => !named.includes(name));
  return [...named, ...extra];
}

/**
 * Every row Monetate returned for one ID, one per line, newest first when the dataset has an
 * event time field. Row numbers follow that order. Every value is rendered as text.
 */
export function RowsTable({ schema, recordId, rows, action }: RowsTableProps) {
  const columns = columnsFor(schema, rows);
  const placed = rowsForDisplay(schema, rows);
  return (
    <div className="mdi-rows">
      <table className="mdi-record-table mdi-rows-table">
        <caption className="mdi-visually-hidden">{`Rows of “${recordId}” in ${schema.name}`}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {columns.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
            {action ? (
              <th scope="col">
                <span className="mdi-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {placed.map(({ row, index }, position) => (
            <tr key={index}>
              <th scope="row">{position + 1}</th>
              {columns.map((name) => (
                <td key={name}>
                  <ValueText value={row[name]} />
                </td>
              ))}
              {action ? (
                <td>
                  <Button size="small" onClick={() => action.onChoose(index)}>
                    {`${action.verb} row ${position + 1}`}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
