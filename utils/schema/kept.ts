/**
 * Values a typed form input cannot show exactly. Such a value is shown as it is, marked "kept
 * as is", and sent back untouched (the background composes every save from the record as
 * read), unless the person explicitly chooses to replace it.
 */
import { isExactNumber } from '@/utils/monetate/exact-json';
import { parseIsoDateTime } from '@/utils/schema/datetime';
import { joinMultiString, splitMultiString } from '@/utils/schema/multi-string';
import { isKnownDataType, isTextType, type FieldSpec, type RecordValue } from '@/utils/schema/types';

export type KeptReason =
  | 'unknown_type'
  | 'not_text'
  | 'empty_text'
  | 'edge_spaces'
  | 'multi_string_form'
  | 'exact_number'
  | 'not_number'
  | 'not_boolean'
  | 'datetime_form'
  | 'datetime_precision'
  | 'structured';

// JS's \s covers Unicode spaces (NBSP, ideographic space…), as Python's str.strip() does.
const EDGE_SPACE = /^\s|\s$/;
/** A fraction finer than milliseconds: `<input type="datetime-local">` keeps three digits at most. */
const SUB_MILLISECOND = /\.\d{4,}/;

/**
 * Why the field's typed input cannot show `value` exactly, or null when it can (empty
 * values can always be shown).
 * @example keptAsIsReason({ data_type: 'BOOLEAN' }, 'TRUE') // 'not_boolean'
 * @example keptAsIsReason({ data_type: 'DATETIME' }, '2025-01-01T10:00:00') // 'datetime_form'
 */
export function keptAsIsReason(spec: FieldSpec, value: RecordValue | undefined): KeptReason | null {
  const type = spec.data_type;
  if (!isKnownDataType(type)) return 'unknown_type';
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return isExactNumber(value) ? (type === 'NUMBER' ? 'exact_number' : 'structured') : 'structured';
  switch (type) {
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'not_number';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : 'not_boolean';
    case 'DATETIME':
      if (typeof value !== 'string' || parseIsoDateTime(value) === null) return 'datetime_form';
      return SUB_MILLISECOND.test(value) ? 'datetime_precision' : null;
    case 'MULTI_STRING': {
      if (typeof value !== 'string') return 'not_text';
      if (value === '') return 'empty_text';
      const items = splitMultiString(value);
      const clean = items.every((item) => item !== '' && !EDGE_SPACE.test(item));
      return clean && joinMultiString(items) === value ? null : 'multi_string_form';
    }
    default:
      if (!isTextType(type) || typeof value !== 'string') return 'not_text';
      if (value === '') return 'empty_text';
      return EDGE_SPACE.test(value) ? 'edge_spaces' : null;
  }
}

const REASONS: Record<KeptReason, string> = {
  unknown_type: 'This type cannot be edited here.',
  not_text: 'This value is not text.',
  empty_text: 'This is empty text, which the form cannot tell from no value.',
  edge_spaces: 'This text has spaces at its start or end, which Monetate values cannot normally carry.',
  multi_string_form: 'This list is written in a way the list editor cannot keep.',
  exact_number: 'This number has more digits than the form can keep.',
  not_number: 'This value is not a plain number.',
  not_boolean: 'This value is not JSON true or false.',
  datetime_form: 'This date is written in a form the date input cannot show.',
  datetime_precision: 'This date is finer than the date input can keep (milliseconds).',
  structured: 'This value is structured data, not a single value.',
};

/**
 * The sentence that says why a value is kept as is.
 * @example describeKeptReason('not_boolean') // 'This value is not JSON true or false.'
 */
export function describeKeptReason(reason: KeptReason): string {
  return REASONS[reason];
}

/**
 * Every field of a record whose value the form keeps as is, with why.
 * @example keptFields(schema, { vip: 'TRUE' }) // { vip: 'not_boolean' }
 */
export function keptFields(fields: Record<string, FieldSpec>, record: Record<string, RecordValue> | null): Record<string, KeptReason> {
  const kept: Record<string, KeptReason> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const reason = keptAsIsReason(spec, record?.[name]);
    if (reason) kept[name] = reason;
  }
  return kept;
}
