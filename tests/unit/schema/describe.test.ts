import { describe, expect, it } from 'vitest';
import { describeSchema } from '@/utils/schema';
import { customerSchema } from '@/tests/unit/schema/fixtures';

describe('describeSchema', () => {
  it('lists the identifier first, the unique key next, then the rest in schema order', () => {
    const d = describeSchema(customerSchema);
    expect(d.fields.map((f) => f.name)).toEqual(['customer_id', 'record_key', 'email', 'age', 'vip', 'last_seen', 'tags', 'tier']);
    expect(d.identifierField).toBe('customer_id');
    expect(d.uniqueKeyField).toBe('record_key');
    expect(d.hasNamedIdentifier).toBe(true);
  });

  it('treats identifier, unique key and required fields as required', () => {
    const byName = Object.fromEntries(describeSchema(customerSchema).fields.map((f) => [f.name, f]));
    expect(byName.customer_id).toMatchObject({ isIdentifier: true, isRequired: true, isUniqueKey: false });
    expect(byName.record_key).toMatchObject({ isUniqueKey: true, isRequired: true });
    expect(byName.tier).toMatchObject({ isRequired: true, isIdentifier: false });
    expect(byName.email).toMatchObject({ isRequired: false });
  });

  it('lists a field that is both identifier and unique key once, first', () => {
    const d = describeSchema({
      name: 'p',
      fields: { title: { data_type: 'STRING' }, id: { data_type: 'STRING', identifier: true, unique_key: true } },
    });
    expect(d.fields.map((f) => f.name)).toEqual(['id', 'title']);
    expect(d.identifierField).toBe('id');
    expect(d.uniqueKeyField).toBe('id');
  });

  it('reports a missing identifier, unique key and Identifier Name', () => {
    const d = describeSchema({ name: 'e', fields: { at: { data_type: 'DATETIME', event_time: true } }, named_identifier: '  ' });
    expect(d.identifierField).toBeNull();
    expect(d.uniqueKeyField).toBeNull();
    expect(d.hasNamedIdentifier).toBe(false);
    expect(d.fields[0]?.isEventTime).toBe(true);
  });
});
