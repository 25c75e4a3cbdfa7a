import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { mappingReviewOf } from '@/utils/import/page-store';
import { useImport } from '@/components/import/store';
import { DATA_TYPES, MAX_FIELDS, isDataType, type DataType } from '@/utils/schema/data-types';

/** Each file column and the field it goes to; unknown columns can be added as attributes. */
export function MappingTable() {
  const { inspection, schema, mapping, mapColumn, locked } = useImport(
    useShallow((s) => ({ inspection: s.inspection, schema: s.schema, mapping: s.mapping, mapColumn: s.mapColumn, locked: Boolean(s.job && s.job.status !== 'done' && s.job.status !== 'cancelled') })),
  );
  const review = mappingReviewOf({ inspection, schema, mapping });
  if (!inspection || !schema || !review) return null;
  const fields = Object.keys(schema.fields);
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">Columns</h2>
      <table className="mdi-table">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Goes to field</th>
          </tr>
        </thead>
        <tbody>
          {inspection.columns.map((column, index) => (
            <tr key={column}>
              <td>
                <label htmlFor={`map-${index}`}>{column}</label>
              </td>
              <td>
                <select id={`map-${index}`} value={mapping[column] ?? ''} disabled={locked} onChange={(e) => void mapColumn(column, e.target.value || null)}>
                  <option value="">(ignore)</option>
                  {fields.map((field) => (
                    <option key={field} value={field}>
                      {field}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {review.problems.length > 0 && (
        <ul className="mdi-error" role="alert">
          {review.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {review.unknownColumns.length > 0 && !locked && <UnknownColumns columns={review.unknownColumns} fieldCount={fields.length} />}
    </section>
  );
}

function UnknownColumns({ columns, fieldCount }: { columns: string[]; fieldCount: number }) {
  const add = useImport((s) => s.addColumnAsAttribute);
  const needsReview = useImport((s) => s.profile?.needsReview ?? true);
  const [types, setTypes] = useState<Record<string, DataType>>({});
  // "Confirm every write" and production profiles confirm a schema change before it is sent.
  const [confirming, setConfirming] = useState<string | null>(null);
  const room = Math.max(0, MAX_FIELDS - fieldCount);
  return (
    <div>
      <p>
        These columns are not fields of the dataset and are ignored: {columns.join(', ')}.{' '}
        {room > 0 ? `You can add up to ${room} of them as attributes.` : `The dataset already has ${MAX_FIELDS} fields, the most Monetate allows.`}
      </p>
      {room > 0 && (
        <ul>
          {columns.map((column, index) => (
            <li key={column}>
              <label htmlFor={`new-type-${index}`}>Type for new attribute “{column}”</label>{' '}
              <select id={`new-type-${index}`} value={types[column] ?? 'STRING'} onChange={(e) => isDataType(e.target.value) && setTypes({ ...types, [column]: e.target.value })}>
                {DATA_TYPES.map((type) => (
                  <option key={type}>{type}</option>
                ))}
              </select>{' '}
              {confirming === column ? (
                <span role="group" aria-label={`Confirm adding ${column}`}>
                  Add the attribute “{column}” ({types[column] ?? 'STRING'}) to the dataset?{' '}
                  <button type="button" onClick={() => void add(column, types[column] ?? 'STRING').then(() => setConfirming(null))}>
                    Confirm adding “{column}”
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>
                    Back
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => (needsReview ? setConfirming(column) : void add(column, types[column] ?? 'STRING'))}>
                  Add “{column}” as an attribute
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
