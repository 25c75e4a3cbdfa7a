import { useEffect, useRef, useState } from 'react';
import { describeSchema, prettyJson, type DatasetSchema, type RecordValues } from '@/utils/schema';
import { writeClipboard } from '@/utils/clipboard';
import { Button } from '@/components/ui';
import { ValueText, valueToText } from '@/components/record/format';
import '@/components/record/record.css';

export interface RecordViewProps {
  schema: DatasetSchema;
  record: RecordValues;
}

type CopyState = { kind: 'idle' } | { kind: 'copied'; what: string } | { kind: 'failed'; what: string };

const STATUS_MS = 3000;

/** Rows in display order: schema fields first, then anything the server sent that the schema lacks. */
function rowsFor(schema: DatasetSchema, record: RecordValues) {
  const described = describeSchema(schema).fields.map((f) => ({
    name: f.name,
    type: String(f.spec.data_type),
    markers: [f.isIdentifier && 'identifier', f.isUniqueKey && 'unique key', f.isEventTime && 'event time'].filter(
      (m): m is string => typeof m === 'string',
    ),
  }));
  const known = new Set(described.map((r) => r.name));
  const extra = Object.keys(record)
    .filter((k) => !known.has(k))
    .map((name) => ({ name, type: 'not in schema', markers: [] as string[] }));
  return [...described, ...extra];
}

/** One record, field by field, with copy buttons. Every value is rendered as text. */
export function RecordView({ schema, record }: RecordViewProps) {
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const rows = rowsFor(schema, record);

  async function copyText(text: string, what: string) {
    clearTimeout(timer.current);
    try {
      await writeClipboard(text);
      setCopy({ kind: 'copied', what });
      timer.current = setTimeout(() => setCopy({ kind: 'idle' }), STATUS_MS);
    } catch {
      setCopy({ kind: 'failed', what });
    }
  }

  function copyJson() {
    const ordered: RecordValues = {};
    for (const r of rows) if (r.name in record) ordered[r.name] = record[r.name] ?? null;
    void copyText(prettyJson(ordered), 'the record as JSON');
  }

  return (
    <div className="mdi-record-view">
      <div className="mdi-record-view__toolbar">
        <Button onClick={copyJson}>Copy JSON</Button>
        <p role="status" className="mdi-status">
          {copy.kind === 'copied' ? `Copied ${copy.what}.` : ''}
        </p>
      </div>
      {copy.kind === 'failed' ? (
        <p role="alert" className="mdi-error">
          {`Could not copy ${copy.what}: the browser did not allow access to the clipboard. Select the text and copy it by hand.`}
        </p>
      ) : null}
      <table className="mdi-record-table">
        <caption className="mdi-visually-hidden">{`Record in ${schema.name}`}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="mdi-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const text = valueToText(record[r.name]);
            return (
              <tr key={r.name}>
                <th scope="row">
                  {r.name}
                  {r.markers.map((m) => (
                    <span key={m} className="mdi-marker">
                      {m}
                    </span>
                  ))}
                </th>
                <td>
                  <span className="mdi-type-badge">{r.type}</span>
                </td>
                <td>
                  <ValueText value={record[r.name]} />
                </td>
                <td>
                  {text === null ? null : (
                    <Button size="small" onClick={() => void copyText(text, `the value of ${r.name}`)}>
                      Copy value<span className="mdi-visually-hidden"> of {r.name}</span>
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
