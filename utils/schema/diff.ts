import { describeSchema } from './describe';
import { parseIsoDateTime } from './datetime';
import type { DatasetSchema, FieldSpec, RecordValue, RecordValues } from './types';

export interface FieldChange {
  field: string;
  before: RecordValue;
  after: RecordValue;
  /** The field had a value and will be stored as null (Monetate nulls absent optional fields). */
  becomesNull: boolean;
}

function isEmpty(v: RecordValue | undefined): v is null | undefined | '' {
  return v === null || v === undefined || v === '';
}

/** Equal as Monetate would store them: 10.5 equals "10.5", and two spellings of one instant are equal. */
function sameValue(spec: FieldSpec | undefined, a: RecordValue, b: RecordValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  switch (spec?.data_type) {
    case 'NUMBER':
      return Number(a) === Number(b) && String(a).trim() !== '' && String(b).trim() !== '';
    case 'BOOLEAN':
      return String(a) === String(b);
    case 'DATETIME': {
      const ma = parseIsoDateTime(String(a));
      return ma !== null && ma === parseIsoDateTime(String(b));
    }
    default:
      return String(a) === String(b);
  }
}

/**
 * The fields whose value changes, in display order. A field missing from `after` counts as
 * null, since that is what Monetate stores. For a new record (`before` null) every non-null
 * field is listed.
 * @example
 * diffRecords(schema, { id: 'A1', age: 30 }, { id: 'A1' })
 * // [{ field: 'age', before: 30, after: null, becomesNull: true }]
 */
export function diffRecords(schema: DatasetSchema, before: RecordValues | null, after: RecordValues): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { name, spec } of describeSchema(schema).fields) {
    const b: RecordValue = isEmpty(before?.[name]) ? null : (before?.[name] ?? null);
    const a: RecordValue = isEmpty(after[name]) ? null : (after[name] ?? null);
    if (before === null ? a === null : sameValue(spec, b, a)) continue;
    changes.push({ field: name, before: before === null ? null : b, after: a, becomesNull: b !== null && a === null });
  }
  return changes;
}
