/**
 * Field validation that mirrors Monetate's rules, so a save is refused here with a sentence
 * rather than by a 400 from the server.
 */
import { isSafeNumber } from 'lossless-json';
import { isExactNumber } from '@/utils/monetate/exact-json';
import { describeSchema } from '@/utils/schema/describe';
import { browserTimeZone, fromIsoDateTime, isIsoDateTime, isValidTimeZone, looseIsoDateTime, normalizeLocalDateTime, resolveLocalDateTime, toIsoDateTime } from '@/utils/schema/datetime';
import { diffChanges, sameValue, type FieldChange } from '@/utils/schema/diff';
import { keptAsIsReason } from '@/utils/schema/kept';
import { joinMultiString, splitMultiString } from '@/utils/schema/multi-string';
import { recordValueText, sameJson } from '@/utils/schema/values';
import {
  isDateTimeFormValue,
  isKnownDataType,
  isTextType,
  type DatasetSchema,
  type DateTimeFormValue,
  type FieldInput,
  type FieldSpec,
  type FormMode,
  type FormState,
  type RecordValue,
  type RecordValues,
  type Validation,
} from '@/utils/schema/types';

export interface ValidateOptions {
  mode: FormMode;
  isIdentifier: boolean;
  isUniqueKey?: boolean;
  /** Defaults to `spec.required`. */
  isRequired?: boolean;
}

// JS's \s covers Unicode spaces (NBSP, ideographic space…), as Python's str.strip() does.
const EDGE_SPACE = /^\s|\s$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** JSON's own number grammar: a number beyond a double's precision is sent as exactly this text. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function emptyValue(opts: ValidateOptions, spec: FieldSpec): Validation<RecordValue> {
  if (opts.isIdentifier) {
    return {
      ok: false,
      message:
        opts.mode === 'create'
          ? 'Enter the customer ID: this field is the identifier and cannot be empty.'
          : 'This field is the identifier and cannot be empty.',
    };
  }
  if (opts.isUniqueKey) return { ok: false, message: 'Enter a value: this field is the unique key and cannot be empty.' };
  if (opts.isRequired ?? spec.required === true) return { ok: false, message: 'Enter a value: this field is required.' };
  // Monetate stores absent optional fields as null.
  return { ok: true, value: null };
}

function checkText(text: string, what = 'the value'): string | null {
  if (text.trim() === '') return `${capitalize(what)} is only spaces. Enter text or clear it.`;
  if (EDGE_SPACE.test(text)) return `Remove the spaces at the start or end of ${what}.`;
  return null;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Checks one field's form value and converts it to what Monetate expects.
 * @example
 * validateFieldInput({ data_type: 'NUMBER' }, '10.5', { mode: 'edit', isIdentifier: false }) // { ok: true, value: 10.5 }
 * validateFieldInput({ data_type: 'NUMBER' }, '1,5', { mode: 'edit', isIdentifier: false }).ok // false
 */
export function validateFieldInput(spec: FieldSpec, raw: FieldInput, opts: ValidateOptions): Validation<RecordValue> {
  const type = spec.data_type;

  if (type === 'MULTI_STRING') {
    const items = Array.isArray(raw) ? (raw as readonly string[]) : typeof raw === 'string' ? splitMultiString(raw) : [];
    if (items.length === 0) return emptyValue(opts, spec);
    for (const [i, item] of items.entries()) {
      if (item === '') return { ok: false, message: `Value ${i + 1} is empty. Remove it or enter text.` };
      const problem = checkText(item, `"${item}"`);
      if (problem) return { ok: false, message: problem };
    }
    return { ok: true, value: joinMultiString(items) };
  }

  if (type === 'DATETIME') {
    const dt: DateTimeFormValue = isDateTimeFormValue(raw) ? raw : { local: typeof raw === 'string' ? raw : '', timeZone: 'UTC' };
    if (dt.local === '') return emptyValue(opts, spec);
    if (!isValidTimeZone(dt.timeZone)) return { ok: false, message: `Choose a time zone; "${dt.timeZone}" is not one we know.` };
    const resolved = resolveLocalDateTime(dt.local, dt.timeZone);
    if (!resolved) return { ok: false, message: 'Enter a real date and time (for example 2026-03-31 14:30).' };
    if (resolved.kind === 'gap') {
      return {
        ok: false,
        message: `This time does not exist in ${dt.timeZone}: the clocks jump forward then. Choose a time outside the jump.`,
      };
    }
    // Send the loaded value untouched when it still names the same instant (keeps its offset and microseconds).
    if (dt.original !== undefined && fromIsoDateTime(dt.original, dt.timeZone) === normalizeLocalDateTime(dt.local)) {
      return { ok: true, value: dt.original };
    }
    return { ok: true, value: toIsoDateTime(dt.local, dt.timeZone) };
  }

  if (typeof raw !== 'string') return { ok: false, message: 'This value has the wrong shape for its type.' };

  if (type === 'BOOLEAN') {
    if (raw === '') return emptyValue(opts, spec);
    if (raw === 'true') return { ok: true, value: true };
    if (raw === 'false') return { ok: true, value: false };
    return { ok: false, message: 'Choose true, false or (empty).' };
  }

  if (type === 'NUMBER') {
    const text = raw.trim();
    if (text === '') return emptyValue(opts, spec);
    if (/^[+-]?\d+,\d+$/.test(text)) return { ok: false, message: 'Use a dot for decimals, for example 1.5 rather than 1,5.' };
    if (!DECIMAL.test(text)) return { ok: false, message: 'Enter a number, for example 42 or -10.5.' };
    const value = Number(text);
    if (!Number.isFinite(value)) return { ok: false, message: 'This number is too large. Enter a smaller number.' };
    if (isSafeNumber(text)) return { ok: true, value };
    // More digits than a double keeps: sent as typed, never rounded.
    if (!JSON_NUMBER.test(text)) return { ok: false, message: 'Write a number this long as plain digits, for example 12345678901234567890.' };
    return { ok: true, value: { $exactNumber: text } };
  }

  if (isTextType(type)) {
    if (raw === '') return emptyValue(opts, spec);
    const problem = checkText(raw);
    return problem ? { ok: false, message: problem } : { ok: true, value: raw };
  }

  return { ok: false, message: `Fields of type ${String(type)} cannot be edited here.` };
}

/** What a kept-as-is value becomes when the person chooses to replace it: a starting guess to correct. */
function replacementGuess(spec: FieldSpec, value: RecordValue, timeZone: string): FieldInput {
  const structured = typeof value === 'object' && value !== null && !isExactNumber(value);
  switch (spec.data_type) {
    case 'MULTI_STRING':
      return typeof value === 'string' ? splitMultiString(value) : [];
    case 'BOOLEAN': {
      const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
      return text === 'true' || text === 'false' ? text : '';
    }
    case 'DATETIME': {
      const iso = typeof value === 'string' ? looseIsoDateTime(value) : null;
      return { local: iso ? (fromIsoDateTime(iso, timeZone) ?? '') : '', timeZone };
    }
    default:
      return structured ? '' : recordValueText(value);
  }
}


export interface FormStateOptions {
  /** Zone DATETIME inputs start in; defaults to the browser's. */
  timeZone?: string;
}

function recordValueToInput(spec: FieldSpec, value: RecordValue | undefined, timeZone: string): FieldInput {
  // A value the input cannot show exactly starts as a guess, used only if the person replaces it.
  if (value !== null && value !== undefined && keptAsIsReason(spec, value) !== null) return replacementGuess(spec, value, timeZone);
  switch (spec.data_type) {
    case 'MULTI_STRING':
      return value === null || value === undefined ? [] : splitMultiString(String(value));
    case 'BOOLEAN':
      if (value === true || value === 'true') return 'true';
      if (value === false || value === 'false') return 'false';
      return value === null || value === undefined ? '' : String(value);
    case 'DATETIME': {
      if (value === null || value === undefined || value === '') return { local: '', timeZone };
      const original = String(value);
      // An unreadable server value shows as empty; `original` lets the diff say it becomes null.
      return { local: fromIsoDateTime(original, timeZone) ?? '', timeZone, original };
    }
    default:
      return value === null || value === undefined ? '' : recordValueText(value);
  }
}

/**
 * The form's starting values for a record (`null` = a new, empty record).
 * @example recordToFormState(schema, { id: 'A1', tags: 'a,b' }) // { id: 'A1', tags: ['a', 'b'], … }
 */
export function recordToFormState(schema: DatasetSchema, record: RecordValues | null, opts: FormStateOptions = {}): FormState {
  const timeZone = opts.timeZone ?? browserTimeZone();
  const state: FormState = {};
  for (const { name, spec } of describeSchema(schema).fields) {
    state[name] = recordValueToInput(spec, record?.[name], timeZone);
  }
  return state;
}

export interface RowResult {
  /** The `schema_rows` item to send. Empty optional fields are left out: Monetate stores them as null. */
  row: RecordValues;
  /** One sentence per invalid field. */
  errors: Record<string, string>;
}

/**
 * Validates the whole form and builds the row to send.
 * @example formStateToRow(schema, { id: 'A1', age: '' }, 'edit') // { row: { id: 'A1' }, errors: {} }
 */
export function formStateToRow(schema: DatasetSchema, state: FormState, mode: FormMode = 'edit'): RowResult {
  const row: RecordValues = {};
  const errors: Record<string, string> = {};
  for (const f of describeSchema(schema).fields) {
    // A type the form does not know is never written by it.
    if (!isKnownDataType(f.spec.data_type)) continue;
    const raw = state[f.name] ?? recordValueToInput(f.spec, null, 'UTC');
    const result = validateFieldInput(f.spec, raw, {
      mode,
      isIdentifier: f.isIdentifier,
      isUniqueKey: f.isUniqueKey,
      isRequired: f.isRequired,
    });
    if (!result.ok) errors[f.name] = result.message;
    else if (result.value !== null) row[f.name] = result.value;
  }
  return { row, errors };
}

export interface FormChangesInput {
  mode: FormMode;
  /** The row as read (null when creating). */
  original: RecordValues | null;
  /** The form's starting state (`recordToFormState` of `original`). */
  initial: FormState;
  state: FormState;
  /** Fields whose value is kept as is: never changed, whatever their input holds. */
  kept: ReadonlySet<string>;
  /** Kept fields the person chose to replace: changed even when their input was not touched. */
  replaced?: ReadonlySet<string>;
}

export interface FormChanges {
  /** Only what changes (`null` empties a field); for a new record, every value filled in. */
  changes: RecordValues;
  /** One sentence per invalid field that was changed. */
  errors: Record<string, string>;
  /** Every change with its old and new value, in display order. */
  diff: FieldChange[];
}

/**
 * What a save sends: in create mode, what the person filled in; when editing or adding a row
 * from a read one, only the fields whose value changes. Untouched inputs are neither checked
 * nor sent, so the background sends their values back exactly as Monetate gave them.
 * @example formChanges(schema, { mode: 'edit', original, initial, state: { ...initial, age: '37' }, kept: new Set() }).changes // { age: 37 }
 */
export function formChanges(schema: DatasetSchema, input: FormChangesInput): FormChanges {
  if (input.mode === 'create' || input.original === null) {
    const { row, errors } = formStateToRow(schema, input.state, 'create');
    return { changes: row, errors, diff: diffChanges(schema, null, row) };
  }
  const changes: RecordValues = {};
  const errors: Record<string, string> = {};
  for (const f of describeSchema(schema).fields) {
    if (!isKnownDataType(f.spec.data_type)) continue;
    const replacing = input.replaced?.has(f.name) === true;
    if (input.kept.has(f.name) && !replacing) continue;
    const raw = input.state[f.name];
    if (raw === undefined) continue;
    if (!replacing && sameInput(raw, input.initial[f.name])) continue;
    const result = validateFieldInput(f.spec, raw, { mode: input.mode, isIdentifier: f.isIdentifier, isUniqueKey: f.isUniqueKey, isRequired: f.isRequired });
    if (!result.ok) {
      errors[f.name] = result.message;
      continue;
    }
    const before = input.original[f.name] ?? null;
    if (replacing ? sameJson(before, result.value) : sameValue(f.spec, before, result.value)) continue;
    changes[f.name] = result.value;
  }
  return { changes, errors, diff: diffChanges(schema, input.original, changes) };
}

function sameInput(a: FieldInput | undefined, b: FieldInput | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Checks a row that is about to be sent (values already converted), as Monetate would: the
 * background runs it on every save, whatever surface built the row.
 * @example checkRow(schema, { customer_id: 'A1', age: '36' }) // { age: 'Send a number, not text…' }
 */
export function checkRow(schema: DatasetSchema, row: RecordValues): Record<string, string> {
  const errors = checkChanges(schema, row);
  for (const f of describeSchema(schema).fields) {
    const value = Object.hasOwn(row, f.name) ? row[f.name] : null;
    if ((value === null || value === undefined) && f.isRequired && errors[f.name] === undefined) {
      errors[f.name] = f.isIdentifier ? 'This field is the identifier and cannot be empty.' : 'Enter a value: this field is required.';
    }
  }
  return errors;
}

/**
 * Checks only the fields a save changes (the background's check of an edit): values already
 * converted, `null` empties a field. Untouched fields are not looked at, so an odd value the
 * server holds never blocks a save of another field.
 * @example checkChanges(schema, { age: '36' }) // { age: 'Send a number, not text.' }
 */
export function checkChanges(schema: DatasetSchema, changes: RecordValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const described = new Map(describeSchema(schema).fields.map((f) => [f.name, f]));
  for (const [name, value] of Object.entries(changes)) {
    const f = described.get(name);
    if (!f) {
      errors[name] = 'Not a field of this dataset. Refresh the schema and try again.';
      continue;
    }
    if (!isKnownDataType(f.spec.data_type)) {
      errors[name] = `Fields of type ${f.spec.data_type} cannot be changed here.`;
      continue;
    }
    if (value === null) {
      if (f.isRequired) errors[name] = f.isIdentifier ? 'This field is the identifier and cannot be empty.' : 'Enter a value: this field is required.';
      continue;
    }
    const problem = rowValueProblem(f.spec, value);
    if (problem) errors[name] = problem;
  }
  return errors;
}

function rowValueProblem(spec: FieldSpec, value: RecordValue): string | null {
  switch (spec.data_type) {
    case 'NUMBER':
      return (typeof value === 'number' && Number.isFinite(value)) || isExactNumber(value) ? null : 'Send a number, not text.';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : 'Send true or false.';
    case 'DATETIME':
      return typeof value === 'string' && isIsoDateTime(value) ? null : 'Send an ISO-8601 date and time with a zone, for example 2026-03-31T14:30:00Z.';
    case 'MULTI_STRING': {
      if (typeof value !== 'string') return 'Send the values as one comma-separated text.';
      // Only `\,` and `\\` are escapes; Monetate refuses any other backslash.
      if (/\\/.test(value.replace(/\\[,\\]/g, ''))) return 'Write a backslash as \\\\ and a comma inside a value as \\,.';
      const items = splitMultiString(value);
      if (items.length === 0) return 'Enter at least one value or leave the field empty.';
      for (const [i, item] of items.entries()) {
        if (item === '') return `Value ${i + 1} is empty. Remove it or enter text.`;
        const problem = checkText(item, `"${item}"`);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return typeof value === 'string' ? (value === '' ? 'Enter text or leave the field empty.' : checkText(value)) : 'Send text.';
  }
}
