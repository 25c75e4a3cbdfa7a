import type { FieldChange } from '../../utils/schema';
import { ValueText } from './format';
import './record.css';

export interface DiffViewProps {
  diff: readonly FieldChange[];
  caption?: string;
}

/** A before → after table of the fields a save changes. */
export function DiffView({ diff, caption = 'Changes to save' }: DiffViewProps) {
  if (diff.length === 0) return <p className="mdi-note">No changes.</p>;
  return (
    <table className="mdi-diff-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {diff.map((change) => (
          <tr key={change.field}>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
