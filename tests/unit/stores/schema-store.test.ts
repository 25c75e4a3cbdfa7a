import { describe, expect, it } from 'vitest';
import { AppError, describeError } from '@/utils/errors';
import type { Send } from '@/utils/messages/protocol';
import { MAX_FIELDS, type DatasetSchema } from '@/utils/schema';
import { createDatasetListStore, createSchemaStore } from '@/utils/stores/schema-store';

const customers: DatasetSchema = {
  name: 'customers',
  named_identifier: 'customer_id',
  fields: { customer_id: { data_type: 'STRING', identifier: true, unique_key: true }, email: { data_type: 'STRING' } },
};
const orders: DatasetSchema = { name: 'orders', named_identifier: null, fields: { order_id: { data_type: 'STRING', identifier: true } } };

/** A fake protocol: each request type answers with the function given, and every call is kept. */
function fakeSend(answers: Record<string, (payload: never) => unknown>) {
  const calls: Array<{ type: string; payload: unknown }> = [];
  const send = (async (type: string, payload: unknown) => {
    calls.push({ type, payload });
    const answer = answers[type];
    if (!answer) throw new Error(`unexpected ${type}`);
    return answer(payload as never);
  }) as Send;
  return { send, calls };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the dataset list', () => {
  it('is loading, then loaded with the datasets', async () => {
    const answer = deferred<DatasetSchema[]>();
    const { send } = fakeSend({ 'schema.list': () => answer.promise });
    const store = createDatasetListStore({ send });
    const loading = store.getState().load();
    expect(store.getState().datasets).toEqual({ status: 'loading' });
    answer.resolve([customers, orders]);
    await loading;
    expect(store.getState().datasets).toEqual({ status: 'loaded', value: [customers, orders] });
  });

  it('says it failed, with the error, when the API cannot be reached, and a retry reads again past the cache', async () => {
    let reachable = false;
    const { send, calls } = fakeSend({
      'schema.list': () => {
        if (!reachable) throw new AppError('network', 'Failed to fetch');
        return [customers];
      },
    });
    const store = createDatasetListStore({ send });
    await store.getState().load();
    const failed = store.getState().datasets;
    expect(failed.status).toBe('failed');
    expect(failed.status === 'failed' && describeError(failed.error)).toMatch(/^Monetate could not be reached/);

    reachable = true;
    await store.getState().load({ refresh: true });
    expect(store.getState().datasets).toEqual({ status: 'loaded', value: [customers] });
    expect(calls.map((call) => call.payload)).toEqual([{ refresh: false }, { refresh: true }]);
  });

  it('is loaded and empty for a profile without datasets', async () => {
    const store = createDatasetListStore(fakeSend({ 'schema.list': () => [] }));
    await store.getState().load();
    expect(store.getState().datasets).toEqual({ status: 'loaded', value: [] });
  });

  it('forgets the list when cleared, and an answer that arrives afterwards is not shown', async () => {
    const answer = deferred<DatasetSchema[]>();
    const store = createDatasetListStore(fakeSend({ 'schema.list': () => answer.promise }));
    const loading = store.getState().load();
    store.getState().clear();
    answer.resolve([customers]);
    await loading;
    expect(store.getState().datasets).toEqual({ status: 'idle' });
  });
});

describe('the schema of the chosen dataset', () => {
  it('never shows the previous dataset while the next one loads, and a late answer for it is dropped', async () => {
    const late = deferred<DatasetSchema>();
    const { send } = fakeSend({ 'schema.get': ({ name }: { name: string }) => (name === 'customers' ? late.promise : orders) });
    const store = createSchemaStore({ send });
    const first = store.getState().load('customers');
    expect(store.getState()).toMatchObject({ dataset: 'customers', schema: { status: 'loading' } });
    await store.getState().load('orders');
    late.resolve(customers);
    await first;
    expect(store.getState()).toMatchObject({ dataset: 'orders', schema: { status: 'loaded', value: orders } });
  });

  it('says it failed, and Retry reads the same dataset again past the cache', async () => {
    let fail = true;
    const { send, calls } = fakeSend({
      'schema.get': () => {
        if (fail) throw new AppError('server', 'HTTP 503');
        return customers;
      },
    });
    const store = createSchemaStore({ send });
    await store.getState().load('customers');
    expect(store.getState().schema).toMatchObject({ status: 'failed', error: { code: 'server' } });
    fail = false;
    await store.getState().retry();
    expect(store.getState().schema).toEqual({ status: 'loaded', value: customers });
    expect(calls.at(-1)).toEqual({ type: 'schema.get', payload: { name: 'customers', refresh: true } });
  });

  it('adds an attribute and shows the schema Monetate answered with', async () => {
    const grown = { ...customers, fields: { ...customers.fields, tier: { data_type: 'STRING' } } };
    const { send, calls } = fakeSend({ 'schema.get': () => customers, 'schema.addAttributes': () => grown });
    const store = createSchemaStore({ send });
    await store.getState().load('customers');
    const result = await store.getState().addAttribute(customers, 'tier', 'STRING');
    expect(result).toEqual({ ok: true, schema: grown });
    expect(calls.at(-1)).toEqual({ type: 'schema.addAttributes', payload: { dataset: 'customers', fields: { tier: { data_type: 'STRING' } } } });
    expect(store.getState().schema).toEqual({ status: 'loaded', value: grown });
  });

  it('sends nothing for an attribute our checks refuse, and says what to fix', async () => {
    const { send, calls } = fakeSend({});
    const store = createSchemaStore({ send });
    const result = await store.getState().addAttribute(customers, 'email', 'STRING');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems?.name).toMatch(/already has a field named "email"/);
    expect(calls).toEqual([]);
  });

  it(`refuses a field beyond Monetate's ${MAX_FIELDS} with its own error, sending nothing`, async () => {
    const fields = Object.fromEntries(Array.from({ length: MAX_FIELDS }, (_, i) => [`f${i}`, { data_type: 'STRING' }]));
    const full: DatasetSchema = { name: 'full', fields };
    const { send, calls } = fakeSend({});
    const result = await createSchemaStore({ send }).getState().addAttribute(full, 'one_more', 'NUMBER');
    expect(result).toEqual({ ok: false, error: { code: 'schema_field_limit', detail: 'full' } });
    expect(!result.ok && result.error && describeError(result.error)).toBe(
      `Dataset full already has ${MAX_FIELDS} fields, the most Monetate allows, and Monetate cannot remove a field. Nothing was added; put new attributes in another dataset.`,
    );
    expect(calls).toEqual([]);
  });

  it("sets the Identifier Name, and a write's answer for another dataset does not replace the one shown", async () => {
    const named = { ...orders, named_identifier: 'order_id' };
    const { send } = fakeSend({ 'schema.get': () => customers, 'schema.setIdentifier': () => named });
    const store = createSchemaStore({ send });
    await store.getState().load('customers');
    expect(await store.getState().setIdentifier(orders, 'order_id')).toEqual({ ok: true, schema: named });
    expect(store.getState().schema).toEqual({ status: 'loaded', value: customers });
  });

  it('reports a refused write with the background’s error', async () => {
    const store = createSchemaStore(
      fakeSend({
        'schema.setIdentifier': () => {
          throw new AppError('read_only_user');
        },
      }),
    );
    expect(await store.getState().setIdentifier(orders, 'order_id')).toEqual({ ok: false, error: { code: 'read_only_user' } });
  });

  it('refuses an Identifier Name with spaces without sending it', async () => {
    const { send, calls } = fakeSend({});
    const result = await createSchemaStore({ send }).getState().setIdentifier(orders, 'order id');
    expect(result).toMatchObject({ ok: false, error: { code: 'identifier_name_invalid' } });
    expect(calls).toEqual([]);
  });
});
