import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { stringifyExactJson } from '@/utils/monetate/exact-json';
import { composeCreate, composeEdit, type RecordRead } from '@/utils/records/compose';
import type { DatasetSchema, RecordValues } from '@/utils/schema';
import { ODD_FIELDS, ODD_VALUES } from '@/tests/support/odd-values';

const schema: DatasetSchema = {
  name: 'customer_attributes',
  named_identifier: 'customer_id',
  fields: {
    customer_id: { data_type: 'STRING', identifier: true, unique_key: true, required: true },
    email: { data_type: 'STRING' },
    ...ODD_FIELDS,
    blob: { data_type: 'STRING' },
    location: { data_type: 'GEOPOINT' },
    tier: { data_type: 'STRING', required: true },
  },
};

/** What Monetate sent, as parsed exactly: values a typed form could not give back. */
const stored: RecordValues = {
  customer_id: 'C-ODD-0001',
  email: 'odd@example.com',
  ...ODD_VALUES,
  blob: { toString: 1, nested: [1, { $exactNumber: '1e400' }] },
  location: { lat: 40.7, lon: -74 },
  tier: null,
};

const read = (overrides: Partial<RecordRead> = {}): RecordRead => ({
  profileId: 'p',
  dataset: schema.name,
  id: 'C-ODD-0001',
  readAt: 1000,
  rows: [stored],
  schemaFields: Object.keys(schema.fields),
  ...overrides,
});

const base = { id: 'C-ODD-0001', readAt: 1000, row: 0 };

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('composeEdit: the row an edit sends', () => {
  it('is the row as read plus the change, every untouched value exactly as Monetate sent it', () => {
    const { row, diff } = composeEdit({ schema, read: read(), base, kind: 'edit', changes: { email: 'new@example.com' } });
    expect(row).toEqual({ ...stored, email: 'new@example.com' });
    // Byte for byte: the JSON written for every other field is the JSON that came.
    for (const name of Object.keys(stored).filter((name) => name !== 'email')) {
      expect(stringifyExactJson(row[name]), name).toBe(stringifyExactJson(stored[name]));
    }
    expect(stringifyExactJson(row)).toContain('"big":12345678901234567890');
    expect(Object.keys(row)).toEqual(Object.keys(stored));
    expect(diff).toEqual([{ field: 'email', before: 'odd@example.com', after: 'new@example.com', becomesNull: false }]);
  });

  it('empties a field only when the change says null', () => {
    const { row, diff } = composeEdit({ schema, read: read(), base, kind: 'edit', changes: { email: null } });
    expect(row.email).toBeNull();
    expect(diff).toEqual([{ field: 'email', before: 'odd@example.com', after: null, becomesNull: true }]);
  });

  it('checks only the changed fields: odd untouched values and an empty required field never block a save', () => {
    expect(() => composeEdit({ schema, read: read(), base, kind: 'edit', changes: { vip: false } })).not.toThrow();
    const bad = refusal(() => composeEdit({ schema, read: read(), base, kind: 'edit', changes: { vip: 'TRUE', big: '12' } }));
    expect(bad.code).toBe('field_value_invalid');
    expect(bad.fields?.map((f) => f.field)).toEqual(['vip', 'big']);
  });

  it('keeps a field the cached schema lacked when the read row carries it', () => {
    const gained: DatasetSchema = { ...schema, fields: { ...schema.fields, loyalty_points: { data_type: 'NUMBER' } } };
    const withValue = read({ rows: [{ ...stored, loyalty_points: 250 }] });
    const { row } = composeEdit({ schema: gained, read: withValue, base, kind: 'edit', changes: { email: 'x@example.com' } });
    expect(row.loyalty_points).toBe(250);
  });

  it('refuses a read older than the schema: a field added since would be emptied', () => {
    const gained: DatasetSchema = { ...schema, fields: { ...schema.fields, loyalty_points: { data_type: 'NUMBER' } } };
    const error = refusal(() => composeEdit({ schema: gained, read: read(), base, kind: 'edit', changes: { email: 'x@example.com' } }));
    expect(error.code).toBe('read_older_than_schema');
    expect(error.detail).toContain('loyalty_points');
    // Unless the change itself sets it.
    expect(composeEdit({ schema: gained, read: read(), base, kind: 'edit', changes: { loyalty_points: 3 } }).row.loyalty_points).toBe(3);
  });

  it('without a schema at read time, counts the read row’s own fields as what it knew', () => {
    const { tier: _tier, ...withoutTier } = stored;
    const unknownSchema = read({ schemaFields: null, rows: [withoutTier] });
    expect(refusal(() => composeEdit({ schema, read: unknownSchema, base, kind: 'edit', changes: { email: 'x@example.com' } })).code).toBe('read_older_than_schema');
    expect(() => composeEdit({ schema, read: read({ schemaFields: null }), base, kind: 'edit', changes: { email: 'x@example.com' } })).not.toThrow();
  });

  it('refuses a record it has not read, a newer read, and a row the read does not have', () => {
    expect(refusal(() => composeEdit({ schema, read: undefined, base, kind: 'edit', changes: { email: 'x' } })).code).toBe('record_not_read');
    expect(refusal(() => composeEdit({ schema, read: read({ readAt: 2000 }), base, kind: 'edit', changes: { email: 'x' } })).code).toBe('read_superseded');
    expect(refusal(() => composeEdit({ schema, read: read(), base: { ...base, row: 1 }, kind: 'edit', changes: { email: 'x' } })).code).toBe('read_superseded');
  });

  it('refuses a change of the identifier or unique key, of a type it does not know, and an empty change', () => {
    expect(refusal(() => composeEdit({ schema, read: read(), base, kind: 'edit', changes: { customer_id: 'C-OTHER' } })).fields?.[0]?.field).toBe('customer_id');
    expect(refusal(() => composeEdit({ schema, read: read(), base, kind: 'edit', changes: { location: 'x' } })).fields?.[0]?.field).toBe('location');
    expect(refusal(() => composeEdit({ schema, read: read(), base, kind: 'edit', changes: { nickname: 'x' } })).fields?.[0]?.field).toBe('nickname');
    expect(refusal(() => composeEdit({ schema, read: read(), base, kind: 'edit', changes: {} })).code).toBe('no_changes');
  });

  it('adds a row only in a dataset without a unique key, and replaces one only in a dataset with one', () => {
    const keyless: DatasetSchema = { ...schema, fields: { ...schema.fields, customer_id: { data_type: 'STRING', identifier: true, required: true } } };
    expect(refusal(() => composeEdit({ schema: keyless, read: read(), base, kind: 'edit', changes: { email: 'x@example.com' } })).code).toBe('dataset_has_no_unique_key');
    expect(refusal(() => composeEdit({ schema, read: read(), base, kind: 'add_row', changes: { email: 'x@example.com' } })).code).toBe('dataset_has_unique_key');
    const second = { ...stored, email: 'second@example.com' };
    const { row } = composeEdit({ schema: keyless, read: read({ rows: [stored, second] }), base: { ...base, row: 1 }, kind: 'add_row', changes: { vip: true } });
    expect(row).toEqual({ ...second, vip: true });
  });
});

describe('composeCreate: the row a new record sends', () => {
  it('is what the person filled in, checked whole', () => {
    expect(composeCreate({ schema, row: { customer_id: 'C-NEW', tier: 'gold' }, existing: [] }).row).toEqual({ customer_id: 'C-NEW', tier: 'gold' });
    expect(refusal(() => composeCreate({ schema, row: { customer_id: 'C-NEW' }, existing: [] })).fields?.map((f) => f.field)).toEqual(['tier']);
  });

  it('refuses a key that exists: creating would replace that record and empty its other fields', () => {
    const error = refusal(() => composeCreate({ schema, row: { customer_id: 'C-ODD-0001', tier: 'gold' }, existing: [stored] }));
    expect(error.code).toBe('record_exists');
  });
});
