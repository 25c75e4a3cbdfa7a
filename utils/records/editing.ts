import { rowHasChanges, rowsForDisplay } from '@/utils/records/rows';
import { describeSchema, recordValueText, type DatasetSchema, type RecordValues } from '@/utils/schema';
import type { LookupView } from '@/utils/messages/protocol';

/** Editing a read row (`edit` replaces it, `add_row` adds one built from it), or a new record. */
export type Mode =
  | { kind: 'view' }
  | { kind: 'edit' | 'add_row'; id: string; row: number; readAt: number; values: RecordValues; position: number; of: number }
  | { kind: 'create' };

export type Editing = Extract<Mode, { kind: 'edit' | 'add_row' }>;

/** Opens row `index` of a read for editing (or for adding a row built from it, without a unique key). */
export function editingRow(schema: DatasetSchema, view: LookupView, index: number): Editing | null {
  const values = view.rows[index];
  if (!values) return null;
  const position = view.rows.length > 1 ? displayPosition(schema, view.rows, index) : 1;
  const kind = describeSchema(schema).uniqueKeyField ? 'edit' : 'add_row';
  return { kind, id: view.id, row: index, readAt: view.fetchedAt, values, position, of: view.rows.length };
}

/**
 * The read a save names: the one the form was opened on, or, when this surface looked the
 * record up again since (a "Check by look-up"), the same row in the newer read (by its unique
 * key; by position for an added row). The background composes from its own copy of that read.
 */
export function baseFor(schema: DatasetSchema, editing: Editing, view: LookupView | null) {
  if (!view || view.id !== editing.id || view.fetchedAt === editing.readAt) return { id: editing.id, readAt: editing.readAt, row: editing.row };
  const row = sameRowIn(schema, editing, view.rows);
  return row < 0 ? { id: editing.id, readAt: editing.readAt, row: editing.row } : { id: editing.id, readAt: view.fetchedAt, row };
}

/** The index of the edited row in another read of the record (by unique key; by position for an added row), or -1. */
export function sameRowIn(schema: DatasetSchema, editing: Pick<Editing, 'kind' | 'row' | 'values'>, rows: readonly RecordValues[]): number {
  const key = describeSchema(schema).uniqueKeyField;
  if (editing.kind === 'edit') return key ? rows.findIndex((row) => recordValueText(row[key]) === recordValueText(editing.values[key])) : -1;
  return editing.row < rows.length ? editing.row : -1;
}

/** What a row Monetate returns must hold once the save is applied. */
export function expectedAfter(schema: DatasetSchema, editing: Editing, changes: RecordValues): RecordValues {
  if (editing.kind === 'add_row') return { ...editing.values, ...changes };
  const { identifierField, uniqueKeyField } = describeSchema(schema);
  const identity: RecordValues = {};
  for (const name of [identifierField, uniqueKeyField]) if (name) identity[name] = editing.values[name] ?? null;
  return { ...identity, ...changes };
}

/** True when one of the rows Monetate returns holds every expected value. */
export function returnsValues(schema: DatasetSchema, expected: RecordValues, fresh: LookupView): boolean {
  return fresh.rows.some((row) => rowHasChanges(schema, row, expected));
}

/** A row's number as the table shows it (newest first when the dataset has an event time). */
export function displayPosition(schema: DatasetSchema, rows: readonly RecordValues[], index: number): number {
  return rowsForDisplay(schema, rows).findIndex((placed) => placed.index === index) + 1;
}
