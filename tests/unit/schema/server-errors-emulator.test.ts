import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '@/emulator/server.ts';
import { DEMO_API_USER, DEMO_DATASET, DEMO_RETAILER } from '@/emulator/demo-data.ts';
import { AppError } from '@/utils/errors';
import { createMonetateClient } from '@/utils/monetate';
import { checkRow, formStateToRow, mapServerErrorsToFields, recordToFormState, type DatasetSchema, type RecordValues } from '@/utils/schema';
import { rsaKeyPair, tokenFor, viaFetch } from '@/tests/emulator/helpers';

/**
 * The form refuses these values; here they are forced through the real client to the
 * emulator, to prove Monetate's 400 lands beside the field it names.
 */
describe('a refused write mapped back onto the form (client against the emulator over HTTP)', () => {
  let server: StartedEmulator;
  let token: string;
  let schema: DatasetSchema;
  const client = createMonetateClient();
  const target = () => ({ baseUrl: server.url, retailer: DEMO_RETAILER });

  beforeAll(async () => {
    server = await startEmulator({ port: 0 });
    token = await tokenFor(viaFetch(server.url), DEMO_API_USER, rsaKeyPair());
    schema = await client.getSchema(target(), token, DEMO_DATASET);
  });
  afterAll(async () => {
    await server.close();
  });

  async function refusal(row: RecordValues): Promise<AppError> {
    const caught = await client.postRows(target(), token, DEMO_DATASET, [row]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(AppError);
    return caught as AppError;
  }

  const base = { customer_id: 'C-FORCED-1' };
  const invalid: Array<[field: string, type: string, value: RecordValues[string]]> = [
    ['email', 'STRING', ' padded@example.com '],
    ['orders_count', 'NUMBER', '12'],
    ['is_subscribed', 'BOOLEAN', 'yes'],
    ['last_purchase_at', 'DATETIME', '2026-02-30T10:00:00Z'],
    ['favorite_categories', 'MULTI_STRING', 'shoes,,denim'],
  ];

  it.each(invalid)('maps a refused %s (%s) to that field', async (field, _type, value) => {
    // Our own check refuses it first…
    expect(checkRow(schema, { ...base, [field]: value })).toHaveProperty(field);
    // …and Monetate (the emulator) refuses it too, naming the field.
    const error = await refusal({ ...base, [field]: value });
    expect(error.code).toBe('validation');
    expect(error.status).toBe(400);
    const mapped = mapServerErrorsToFields(error.fields ?? [], schema);
    expect(Object.keys(mapped.byField)).toEqual([field]);
    expect(mapped.byField[field]?.[0]).toContain(field);
    expect(mapped.unmatched).toEqual([]);
  });

  it('maps a missing identifier and an unknown field, each to its own place', async () => {
    const error = await refusal({ email: 'someone@example.com', loyaltyTier: 'gold' });
    const mapped = mapServerErrorsToFields(error.fields ?? [], { ...schema, fields: { ...schema.fields } });
    expect(mapped.byField.customer_id?.[0]).toMatch(/required/);
    // "loyaltyTier" is not a field: matched case-insensitively to none, so it is shown whole.
    expect(mapped.unmatched.join(' ')).toMatch(/loyaltyTier/);
  });

  it('accepts what the form builds from a valid record, so the form and Monetate agree', async () => {
    const state = recordToFormState(schema, null, { timeZone: 'Europe/Paris' });
    const { row, errors } = formStateToRow(
      schema,
      {
        ...state,
        customer_id: 'C-FORM-1',
        orders_count: '3',
        is_subscribed: 'false',
        favorite_categories: ['shoes', 'coats, wool', 'a\\b'],
        last_purchase_at: { local: '2026-03-29T02:30', timeZone: 'UTC' },
      },
      'create',
    );
    expect(errors).toEqual({});
    expect(checkRow(schema, row)).toEqual({});
    const saved = await client.postRows(target(), token, DEMO_DATASET, [row]);
    expect(saved.status).toBe(201);
    const { record: stored } = await client.lookupRecord(target(), token, DEMO_DATASET, 'C-FORM-1');
    expect(stored).toMatchObject({ orders_count: 3, is_subscribed: false, favorite_categories: 'shoes,coats\\, wool,a\\\\b' });
  });
});
