import { describe, expect, it } from 'vitest';
import { reviewIdentifierName, reviewNewAttribute, validateNamedIdentifier, validateNewAttribute, type DatasetSchema } from '@/utils/schema';
import { customerSchema } from '@/tests/unit/schema/fixtures';

describe('validateNewAttribute', () => {
  it('accepts a new name with a documented type', () => {
    expect(validateNewAttribute({ name: 'loyalty_points2', dataType: 'NUMBER' }, customerSchema)).toEqual({});
  });

  it('asks for a name that starts with a letter', () => {
    expect(validateNewAttribute({ name: '', dataType: 'STRING' }, customerSchema).name).toMatch(/Enter a name/);
    expect(validateNewAttribute({ name: '2fa', dataType: 'STRING' }, customerSchema).name).toMatch(/Start the name with a letter/);
    expect(validateNewAttribute({ name: '_x', dataType: 'STRING' }, customerSchema).name).toMatch(/Start the name with a letter/);
  });

  it('names the characters to remove', () => {
    expect(validateNewAttribute({ name: 'first-name', dataType: 'STRING' }, customerSchema).name).toMatch(/remove "-"/);
    expect(validateNewAttribute({ name: 'first name', dataType: 'STRING' }, customerSchema).name).toMatch(/remove space/);
    expect(validateNewAttribute({ name: 'prénom', dataType: 'STRING' }, customerSchema).name).toMatch(/"é"/);
  });

  it('allows 64 characters and refuses 65', () => {
    expect(validateNewAttribute({ name: 'a'.repeat(64), dataType: 'STRING' }, customerSchema).name).toBeUndefined();
    expect(validateNewAttribute({ name: 'a'.repeat(65), dataType: 'STRING' }, customerSchema).name).toMatch(/at most 64 characters; this name has 65/);
  });

  it('refuses a name the dataset already has', () => {
    expect(validateNewAttribute({ name: 'email', dataType: 'STRING' }, customerSchema).name).toMatch(/already has a field named "email"/);
  });

  it('refuses types Monetate does not document for new fields', () => {
    expect(validateNewAttribute({ name: 'x', dataType: 'DATE' }, customerSchema).dataType).toMatch(/Choose one of STRING, MULTI_STRING/);
    expect(validateNewAttribute({ name: 'x', dataType: 'GOOGLE_PRODUCT_CATEGORY' }, customerSchema).dataType).toBeDefined();
    expect(validateNewAttribute({ name: 'x', dataType: '' }, customerSchema).dataType).toMatch(/Choose a data type/);
  });

  it('refuses a 41st field and says how many there are', () => {
    const fields: DatasetSchema['fields'] = {};
    for (let i = 0; i < 40; i++) fields[`f${i}`] = { data_type: 'STRING' };
    expect(validateNewAttribute({ name: 'extra', dataType: 'STRING' }, { name: 'big', fields }).form).toBe(
      'A dataset can have at most 40 fields; this one has 40.',
    );
    delete fields.f0;
    expect(validateNewAttribute({ name: 'extra', dataType: 'STRING' }, { name: 'big', fields }).form).toBeUndefined();
  });
});

describe('validateNamedIdentifier', () => {
  it('accepts letters, digits and underscores', () => {
    expect(validateNamedIdentifier('customer_id')).toEqual({ ok: true, value: 'customer_id' });
    expect(validateNamedIdentifier('_1')).toEqual({ ok: true, value: '_1' });
  });

  it('refuses empty, spaced, dashed and dotted names', () => {
    expect(validateNamedIdentifier('')).toMatchObject({ ok: false, message: expect.stringMatching(/Enter an Identifier Name/) });
    expect(validateNamedIdentifier(' id')).toMatchObject({ ok: false, message: expect.stringMatching(/Remove the spaces/) });
    for (const bad of ['customer-id', 'customer.id', 'customer id', 'clé']) {
      expect(validateNamedIdentifier(bad).ok, bad).toBe(false);
    }
  });
});

describe('the review of a schema change', () => {
  it('says what an attribute adds, that it is permanent, and how many of the 40 fields the dataset will use', () => {
    const fields: DatasetSchema['fields'] = {};
    for (let i = 0; i < 27; i++) fields[`f${i}`] = { data_type: 'STRING' };
    expect(reviewNewAttribute({ name: 'customers', fields }, 'tier', 'NUMBER')).toBe(
      'Adds field tier (NUMBER) to customers. This cannot be undone in Monetate. 28 of 40 fields used.',
    );
  });

  it('names the Identifier Name it sets and the one it replaces', () => {
    expect(reviewIdentifierName({ name: 'orders', fields: {}, named_identifier: null }, 'order_id')).toMatch(/^Sets the Identifier Name of orders to order_id \(not set now\)\./);
    expect(reviewIdentifierName({ name: 'orders', fields: {}, named_identifier: 'id' }, 'order_id')).toMatch(/to order_id \(now id\)\./);
  });
});
