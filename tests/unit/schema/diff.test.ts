import { describe, expect, it } from 'vitest';
import { diffRecords } from '@/utils/schema';
import { customerSchema } from '@/tests/unit/schema/fixtures';

const before = { customer_id: 'C-1', record_key: 'K-1', email: 'ada@example.com', age: 36, vip: false, tags: 'a,b', tier: 'gold', last_seen: null };

describe('diffRecords', () => {
  it('lists only the fields that change', () => {
    expect(diffRecords(customerSchema, before, { ...before, age: 37 })).toEqual([{ field: 'age', before: 36, after: 37, becomesNull: false }]);
  });

  it('is empty when nothing changes', () => {
    expect(diffRecords(customerSchema, before, { ...before })).toEqual([]);
  });

  it('marks a field missing from the new row as becoming null', () => {
    const { email: _email, ...after } = before;
    expect(diffRecords(customerSchema, before, after)).toEqual([{ field: 'email', before: 'ada@example.com', after: null, becomesNull: true }]);
  });

  it('shows a value given to an empty field, not as becoming null', () => {
    expect(diffRecords(customerSchema, before, { ...before, last_seen: '2026-01-01T00:00:00Z' })).toEqual([
      { field: 'last_seen', before: null, after: '2026-01-01T00:00:00Z', becomesNull: false },
    ]);
  });

  it('treats "36" and 36, and two spellings of one instant, as equal', () => {
    const stored = { ...before, age: '36', last_seen: '2026-07-01T09:30:00+02:00' };
    expect(diffRecords(customerSchema, stored, { ...before, last_seen: '2026-07-01T07:30:00Z' })).toEqual([]);
  });

  it('notices false becoming true and a boolean cleared', () => {
    expect(diffRecords(customerSchema, before, { ...before, vip: true })).toEqual([{ field: 'vip', before: false, after: true, becomesNull: false }]);
    const { vip: _vip, ...after } = before;
    expect(diffRecords(customerSchema, before, after)[0]).toMatchObject({ field: 'vip', becomesNull: true });
  });

  it('lists every non-null field of a new record in display order', () => {
    const diff = diffRecords(customerSchema, null, { tier: 'gold', customer_id: 'C-9', email: null });
    expect(diff).toEqual([
      { field: 'customer_id', before: null, after: 'C-9', becomesNull: false },
      { field: 'tier', before: null, after: 'gold', becomesNull: false },
    ]);
  });
});
