import { describe, expect, it } from 'vitest';
import { checkRow } from '@/utils/schema';
import { customerSchema } from '@/tests/unit/schema/fixtures';

const valid = { customer_id: 'C-1', record_key: 'K-1', tier: 'gold' };

describe('checkRow, the background check of a row before it is sent', () => {
  it('accepts a row with every type right and optional fields left out', () => {
    expect(checkRow(customerSchema, valid)).toEqual({});
    expect(
      checkRow(customerSchema, { ...valid, email: 'a@example.com', age: -10.5, vip: false, last_seen: '2026-07-01T09:30:00+02:00', tags: 'a,b\\, c,d\\\\e' }),
    ).toEqual({});
  });

  it('refuses missing identifier, unique key and required fields', () => {
    expect(Object.keys(checkRow(customerSchema, {}))).toEqual(['customer_id', 'record_key', 'tier']);
    expect(checkRow(customerSchema, { ...valid, tier: null })).toEqual({ tier: 'Enter a value: this field is required.' });
  });

  it.each([
    ['email', ' padded', /spaces/],
    ['email', '', /Enter text/],
    ['age', '36', /number/],
    ['vip', 'true', /true or false/],
    ['last_seen', '2026-07-01 09:30', /ISO-8601/],
    ['last_seen', '2026-02-30T10:00:00Z', /ISO-8601/],
    ['tags', 'a,,b', /Value 2 is empty/],
    ['tags', 'a, b', /spaces/],
    ['tags', 'a\\b', /backslash/],
  ])('refuses %s = %j with a sentence', (field, value, message) => {
    const errors = checkRow(customerSchema, { ...valid, [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it('refuses a field the dataset does not have', () => {
    expect(checkRow(customerSchema, { ...valid, nickname: 'Al' })).toEqual({ nickname: expect.stringMatching(/Not a field/) });
  });
});
