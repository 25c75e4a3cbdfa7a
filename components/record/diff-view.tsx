import { recordValueText, type FieldChange, type RecordValue } from '@/utils/schema';
import { ValueText } from '@/components/record/format';
import '@/components/record/record.css';
import { DataTable } from '@/components/ui/data-table';

export interface DiffViewProps {
  diff: readonly FieldChange[];
  caption?: string;
}

function quoted(value: RecordValue): string {
  return value === null || value === '' ? 'empty' : `“${recordValueText(value)}”`;
}

/**
 * One change in words, old and new value: `email: “a@x” → empty`.
 * @example describeChange({ field: 'age', before: 36, after: 37, becomesNull: false }) // 'age: “36” → “37”'
 */
export function describeChange(change: FieldChange): string {
  return `${change.field}: ${quoted(change.before)} → ${quoted(change.after)}`;
}

/** A before → after table of every field a save changes. */
export function DiffView({ diff, caption = 'Changes to save' }: DiffViewProps) {
  if (diff.length === 0) return <p className="mdi-note">No changes.</p>;
  return (
    <DataTable
      className="mdi-diff-table"
      caption={{ text: caption }}
      columns={['Field', 'Before', 'After']}
      rows={diff}
      rowKey={(change) => change.field}
      cells={(change) => (
        <>
          <th scope="row">{change.field}</th>
          <td>
            <ValueText value={change.before} />
          </td>
          <td>
            <ValueText value={change.after} />
            {change.becomesNull ? (
              // Monetate replaces the whole record, and absent optional fields become null.
              <span className="mdi-becomes-null"> becomes empty (null)</span>
            ) : null}
          </td>
        </>
      )}
    />
  );
}
