import { isExactNumber } from '@/utils/monetate/exact-json';
import { describeSchema } from '@/utils/schema/describe';
import { parseIsoDateTime } from '@/utils/schema/datetime';
import type { DatasetSchema, FieldSpec, RecordValue, RecordValues } from '@/utils/schema/types';
import { recordValueText, sameJson } from '@/utils/schema/values';

export interface FieldChange {
  field: string;
  before: RecordValue;
  after: RecordValue;
  /** The field had a value and will be stored as null. */
  becomesNull: boolean;
}

function isEmpty(v: RecordValue | undefined): v is null | undefined | '' {
  return v === null || v === undefined || v === '';
}

function isPrimitive(v: RecordValue): v is string | number | boolean {
  return typeof v !== 'object';
}

/**
 * Equal as Monetate would store them: 10.5 equals "10.5", two spellings of one instant are
 * equal, and structured values (objects, exact numbers) are equal only byte for byte.
 * @example sameValue({ data_type: 'NUMBER' }, 36, '36') // true
 */
export function sameValue(spec: FieldSpec | undefined, a: RecordValue, b: RecordValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (!isPrimitive(a) || !isPrimitive(b)) {
    if (spec?.data_type === 'NUMBER' && (isExactNumber(a) || isExactNumber(b))) return recordValueText(a) === recordValueText(b);
    return sameJson(a, b);
  }
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

/**
 * Every field a set of changes touches, with the value it had and the one it gets, in
 * display order (fields the schema lacks last). For a new record (`before` null) the
 * empty fields are left out.
 * @example diffChanges(schema, { id: 'A1', age: 30 }, { age: null }) // [{ field: 'age', before: 30, after: null, becomesNull: true }]
 */
export function diffChanges(schema: DatasetSchema, before: RecordValues | null, changes: RecordValues): FieldChange[] {
  const order = describeSchema(schema).fields.map((f) => f.name);
  const names = [...order.filter((name) => Object.hasOwn(changes, name)), ...Object.keys(changes).filter((name) => !order.includes(name))];
  const diff: FieldChange[] = [];
  for (const name of names) {
    const after = changes[name] ?? null;
    if (before === null && after === null) continue;
    const was = before === null ? null : (before[name] ?? null);
    diff.push({ field: name, before: was, after, becomesNull: was !== null && after === null });
  }
  return diff;
}
