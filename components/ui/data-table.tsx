import type { ReactNode } from 'react';

export interface DataTableProps<T> {
  /** Column headings, in order; each row renders one cell per column. */
  columns: readonly string[];
  rows: readonly T[];
  rowKey(row: T, index: number): string | number;
  /** The row's cells (`<td>`/`<th scope="row">`), one per column. */
  cells(row: T, index: number): ReactNode;
  /** Names the table for screen readers; `hidden` keeps it off screen where a heading already says it. */
  caption?: { text: ReactNode; hidden?: boolean };
  className?: string;
}

/**
 * One table of records, problems or writes, with column headers scoped for screen readers: the
 * shape the import page, the edit log, the review and the schema share.
 * @example <DataTable columns={['Field', 'Type']} rows={fields} rowKey={(f) => f.name} cells={(f) => <><td>{f.name}</td><td>{f.type}</td></>} />
 */
export function DataTable<T>({ columns, rows, rowKey, cells, caption, className = 'mdi-table' }: DataTableProps<T>) {
  return (
    <table className={className}>
      {caption && <caption className={caption.hidden ? 'mdi-visually-hidden' : undefined}>{caption.text}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>{cells(row, index)}</tr>
        ))}
      </tbody>
    </table>
  );
}
