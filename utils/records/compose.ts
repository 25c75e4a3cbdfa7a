/**
 * How the background builds the row a save sends. Monetate replaces a whole record on POST
 * and nulls every field the row leaves out, so an edit is never a row built by a form: it is
 * the record as last read from Monetate, every untouched value exactly as Monetate sent it,
 * plus the fields the person changed.
 */
import { AppError } from '@/utils/errors';
import { checkChanges, checkRow, describeSchema, diffChanges, recordValueText, type DatasetSchema, type FieldChange, type RecordValues } from '@/utils/schema';

/** One look-up answer the background keeps, so a later save can be composed from it. */
export interface RecordRead {
  profileId: string;
  dataset: string;
  /** The record ID as looked up (trimmed). */
  id: string;
  /** When Monetate gave this answer (epoch ms): the `fetchedAt` surfaces see. */
  readAt: number;
  /** Every row, in server order, exactly as parsed from Monetate's answer. */
  rows: RecordValues[];
  /**
   * The dataset's field names as the background knew them when the answer came, or null
   * when it knew none. A field outside these and outside the row was added after the read.
   */
  schemaFields: string[] | null;
}

/** Which read a save builds on: the record ID, the read's time and the row (server order). */
export interface SaveBase {
  id: string;
  readAt: number;
  row: number;
}

/** `edit` replaces the row with the same unique key; `add_row` adds a new row built from it. */
export type EditKind = 'edit' | 'add_row';

export interface ComposedRow {
  /** The row to send. */
  row: RecordValues;
  /** The row it was built from (null for a new record). */
  before: RecordValues | null;
  /** What changes, field by field, for the edit log. */
  diff: FieldChange[];
}

/**
 * The row an edit sends: the read row with the changes applied (`null` empties a field). Only
 * changed fields are checked. Refuses, with a typed error, a save the background cannot make
 * without risking data: no read of this record, a newer read than the one the form shows, a
 * dataset that gained fields since the read, or a change to the identifier or unique key.
 * @example
 * composeEdit({ schema, read, base: { id: 'C-1', readAt: read.readAt, row: 0 }, kind: 'edit', changes: { age: 37 } }).row
 * // { ...read.rows[0], age: 37 }
 */
export function composeEdit(args: { schema: DatasetSchema; read: RecordRead | undefined; base: SaveBase; kind: EditKind; changes: RecordValues }): ComposedRow {
  const { schema, read, base, kind, changes } = args;
  const where = `“${base.id}” in ${schema.name}`;
  if (!read) throw new AppError('record_not_read', where);
  if (read.readAt !== base.readAt) throw new AppError('read_superseded', where);
  const before = read.rows[base.row];
  if (!before) throw new AppError('read_superseded', `${where} has no row ${base.row + 1} any more`);

  const described = describeSchema(schema);
  if (kind === 'edit' && !described.uniqueKeyField) {
    throw new AppError('dataset_has_no_unique_key', schema.name);
  }
  if (kind === 'add_row' && described.uniqueKeyField) {
    throw new AppError('dataset_has_unique_key', schema.name);
  }
  const locked = [described.identifierField, kind === 'edit' ? described.uniqueKeyField : null].filter((name): name is string => name !== null);
  for (const name of locked) {
    if (Object.hasOwn(changes, name) && recordValueText(changes[name]) !== recordValueText(before[name])) {
      throw new AppError('identifier_locked', name, {
        fields: [{ field: name, message: 'This field cannot be changed when editing.' }],
      });
    }
  }
  if (Object.keys(changes).length === 0) throw new AppError('no_changes', 'There are no changes to save.');
  throwIfInvalid(checkChanges(schema, changes));

  const known = new Set([...(read.schemaFields ?? []), ...Object.keys(before)]);
  const gained = described.fields.map((f) => f.name).filter((name) => !known.has(name) && !Object.hasOwn(changes, name));
  if (gained.length > 0) throw new AppError('read_older_than_schema', `${gained.join(', ')} in ${schema.name}`);

  // Every untouched value is the very value Monetate sent, key order included.
  const row: RecordValues = { ...before };
  for (const [name, value] of Object.entries(changes)) row[name] = value;
  return { row, before, diff: diffChanges(schema, before, changes) };
}

/**
 * The row a new record sends: what the person filled in, checked whole. When a row with the
 * same unique key is known to exist (`existing`, from a fresh look-up), creating would
 * replace it and empty its other fields, so that is refused.
 * @example composeCreate({ schema, row: { customer_id: 'C-9', age: 41 }, existing: [] }).row // { customer_id: 'C-9', age: 41 }
 */
export function composeCreate(args: { schema: DatasetSchema; row: RecordValues; existing: readonly RecordValues[] }): ComposedRow {
  const { schema, row, existing } = args;
  const described = describeSchema(schema);
  throwIfInvalid(checkRow(schema, row));
  const key = described.uniqueKeyField;
  if (key !== null) {
    const clash = existing.find((candidate) => recordValueText(candidate[key]) === recordValueText(row[key]));
    if (clash) throw new AppError('record_exists', `${key} “${recordValueText(row[key])}” in ${schema.name}`);
  }
  return { row, before: null, diff: diffChanges(schema, null, row) };
}

/** The record ID a row is for: its identifier field's value. */
export function recordIdOf(schema: DatasetSchema, row: RecordValues): string {
  const field = describeSchema(schema).identifierField;
  const value = field ? row[field] : undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('identifier_missing', field ?? undefined, {
      fields: field ? [{ field, message: 'Required.' }] : undefined,
    });
  }
  return value;
}

function throwIfInvalid(problems: Record<string, string>): void {
  const fields = Object.entries(problems).map(([field, message]) => ({ field, message }));
  if (fields.length > 0) throw new AppError('field_value_invalid', fields.map((p) => `${p.field}: ${p.message}`).join(' '), { fields });
}
