import { describeSchema, looseIsoDateTime, parseIsoDateTime, sameValue, type DatasetSchema, type RecordValue, type RecordValues } from '@/utils/schema';

/** A row with its place in Monetate's answer (the index a save names). */
export interface PlacedRow {
  row: RecordValues;
  index: number;
}

/** The dataset's event time field (`event_time: true`), if it has one. */
function eventTimeField(schema: DatasetSchema): string | null {
  return describeSchema(schema).fields.find((f) => f.isEventTime)?.name ?? null;
}

/** Epoch ms of an event time, read leniently (Monetate's own forms included); null when unreadable. */
export function eventTimeMs(value: RecordValue | undefined): number | null {
  if (typeof value !== 'string') return null;
  const strict = parseIsoDateTime(value);
  if (strict !== null) return strict;
  const loose = looseIsoDateTime(value);
  return loose === null ? null : parseIsoDateTime(loose);
}

/**
 * Rows in the order people read them: newest first when the dataset has an event time field
 * (rows whose time cannot be read go last, in server order), else in server order.
 * @example rowsForDisplay(schema, rows).map((r) => r.index) // [2, 0, 1]
 */
export function rowsForDisplay(schema: DatasetSchema, rows: readonly RecordValues[]): PlacedRow[] {
  const placed = rows.map((row, index) => ({ row, index }));
  const field = eventTimeField(schema);
  if (!field) return placed;
  const time = (p: PlacedRow) => eventTimeMs(p.row[field]);
  // Array.prototype.sort is stable: equal and unreadable times keep server order.
  return placed.sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta === null || tb === null) return ta === null ? (tb === null ? 0 : 1) : -1;
    return tb - ta;
  });
}

/**
 * True when a row holds every value in `expected` (`null` as empty): how a surface tells
 * whether Monetate returns a save. Pass the unique key's value too, to match that row only.
 * @example rowHasChanges(schema, fresh, { record_key: 'K-1', age: 37 })
 */
export function rowHasChanges(schema: DatasetSchema, row: RecordValues, expected: RecordValues): boolean {
  const specs = schema.fields;
  return Object.entries(expected).every(([name, value]) => {
    const stored = row[name] ?? null;
    return value === null ? stored === null || stored === '' : sameValue(specs[name], stored, value);
  });
}
