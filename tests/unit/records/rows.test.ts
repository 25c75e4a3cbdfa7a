import { describe, expect, it } from 'vitest';
import { eventTimeMs, rowHasChanges, rowsForDisplay } from '@/utils/records/rows';
import type { DatasetSchema } from '@/utils/schema';

const schema: DatasetSchema = {
  name: 'visits',
  fields: { customer_id: { data_type: 'STRING', identifier: true }, at: { data_type: 'DATETIME', event_time: true }, score: { data_type: 'NUMBER' }, vip: { data_type: 'BOOLEAN' } },
};

describe('rows for display', () => {
  it('puts the newest first by event time, reading Monetate’s looser date forms too', () => {
    const rows = [{ at: '2025-01-01T10:00:00Z' }, { at: '2025-03-01 10:00:00+0000' }, { at: 'garbage' }, { at: '2025-02-01T10:00:00' }];
    expect(rowsForDisplay(schema, rows).map((placed) => placed.index)).toEqual([1, 3, 0, 2]);
    expect(eventTimeMs('2025-01-01T10:00:00.123456Z')).toBe(Date.UTC(2025, 0, 1, 10, 0, 0, 123));
  });

  it('keeps server order without an event time field', () => {
    const plain: DatasetSchema = { ...schema, fields: { ...schema.fields, at: { data_type: 'DATETIME' } } };
    expect(rowsForDisplay(plain, [{ at: '2025-01-01T10:00:00Z' }, { at: '2026-01-01T10:00:00Z' }]).map((placed) => placed.index)).toEqual([0, 1]);
  });
});

describe('rowHasChanges', () => {
  it('matches values as Monetate stores them, exact numbers by their digits', () => {
    const row = { customer_id: 'C-1', score: { $exactNumber: '12345678901234567890' }, vip: 'TRUE', at: '2025-01-01T10:00:00+00:00' };
    expect(rowHasChanges(schema, row, { score: { $exactNumber: '12345678901234567890' }, at: '2025-01-01T10:00:00Z' })).toBe(true);
    expect(rowHasChanges(schema, row, { score: { $exactNumber: '12345678901234567891' } })).toBe(false);
    expect(rowHasChanges(schema, { ...row, score: null }, { score: null })).toBe(true);
    expect(rowHasChanges(schema, row, { vip: true })).toBe(false);
  });
});
