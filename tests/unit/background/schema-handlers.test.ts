import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { grantManifestHosts } from '@/tests/unit/background/manifest-grants';
import { createRouter } from '@/entrypoints/background/router';
import { createServices } from '@/entrypoints/background/services';
import type { DatasetSchema } from '@/utils/schema';
import { MAX_FIELDS } from '@/utils/schema/data-types';
import { activeProfileIdItem, editLogItem, knownDatasetsItem, tokensItem } from '@/utils/storage/items';
import { createFakeMonetate, type FakeSchema } from '@/tests/unit/background/fake-monetate';

const EXTENSION_PAGE = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html` };
const PLATFORM_TAB = { id: fakeBrowser.runtime.id, url: 'https://marketer.monetate.net/control/a-1/p/x/datasets', tab: { id: 7, windowId: 1 } as never };
const PROFILE_ID = 'profile-1';

const customers = (): FakeSchema => ({
  name: 'customer_attributes',
  named_identifier: 'customer_id',
  fields: { customer_id: { data_type: 'STRING', identifier: true, unique_key: true }, email: { data_type: 'STRING' } },
});
const visits = (): FakeSchema => ({ name: 'store_visits', named_identifier: null, fields: { visitor: { data_type: 'STRING', identifier: true } } });

let monetate: ReturnType<typeof createFakeMonetate>;
let route: ReturnType<typeof createRouter>;

async function useProfile(readOnly: boolean) {
  const services = createServices();
  await services.profiles.put({
    id: PROFILE_ID,
    name: 'Acme',
    baseUrl: 'https://api.monetate.net',
    retailer: 'acme',
    username: 'api-1-jane',
    ttlSeconds: 3600,
    alg: 'RS256',
    readOnly,
    confirmWrites: true,
    createdAt: 1,
  });
  await activeProfileIdItem.setValue(PROFILE_ID);
  await tokensItem.setValue({ [PROFILE_ID]: { token: 'token-1', expiresAt: Date.now() + 3_600_000, issuedAt: Date.now() } });
  route = createRouter(() => services);
}

beforeEach(async () => {
  fakeBrowser.reset();
  grantManifestHosts();
  monetate = createFakeMonetate({ retailer: 'acme' });
  monetate.addSchema(customers());
  monetate.addSchema(visits());
  vi.stubGlobal('fetch', monetate.fetch);
  await useProfile(false);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function ask<T>(type: string, payload: unknown, sender: object = EXTENSION_PAGE) {
  return (await route({ channel: 'mdi', type, payload }, sender as never)) as { ok: true; data: T } | { ok: false; error: { code: string; detail?: string } };
}

async function data<T>(type: string, payload: unknown, sender: object = EXTENSION_PAGE): Promise<T> {
  const reply = await ask<T>(type, payload, sender);
  if (!reply.ok) throw new Error(`${type}: ${reply.error.code} ${reply.error.detail ?? ''}`);
  return reply.data;
}

const schemaReads = () => monetate.requests.filter((request) => request.method === 'GET' && request.path.includes('/schema/'));

describe('schema reads', () => {
  it('list the datasets, and keep their names for the right-click menu', async () => {
    const list = await data<DatasetSchema[]>('schema.list', {});
    expect(list.map((schema) => schema.name)).toEqual(['customer_attributes', 'store_visits']);
    expect((await knownDatasetsItem.getValue())[PROFILE_ID]).toEqual(['customer_attributes', 'store_visits']);
  });

  it('reuse a schema read a moment ago, and read it again when asked to refresh', async () => {
    await data('schema.get', { name: 'customer_attributes' });
    await data('schema.get', { name: 'customer_attributes' });
    expect(schemaReads()).toHaveLength(1);
    await data('schema.get', { name: 'customer_attributes', refresh: true });
    expect(schemaReads()).toHaveLength(2);
  });

  it('answer a schema Monetate does not have with not_found', async () => {
    const reply = await ask('schema.get', { name: 'nope' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('adding attributes', () => {
  it('PATCHes the new field, logs it, and answers the schema read again after it', async () => {
    const schema = await data<DatasetSchema>('schema.addAttributes', { dataset: 'customer_attributes', fields: { tier: { data_type: 'NUMBER' } } });
    expect(schema.fields.tier).toEqual({ data_type: 'NUMBER' });
    expect(monetate.patches().map((request) => JSON.parse(request.body ?? '{}'))).toEqual([{ fields: { tier: { data_type: 'NUMBER' } } }]);
    expect(await editLogItem.getValue()).toMatchObject([
      { dataset: 'customer_attributes', kind: 'add_attributes', changes: [{ field: 'tier', before: null, after: 'NUMBER' }], result: 'saved' },
    ]);
  });

  it(`refuses a field beyond Monetate's ${MAX_FIELDS} with its own code, sending nothing`, async () => {
    const full = customers();
    for (let i = Object.keys(full.fields).length; i < MAX_FIELDS; i++) full.fields[`f${i}`] = { data_type: 'STRING' };
    monetate.addSchema(full);
    const reply = await ask('schema.addAttributes', { dataset: 'customer_attributes', fields: { one_more: { data_type: 'STRING' } } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'schema_field_limit', detail: 'customer_attributes' } });
    expect(monetate.patches()).toEqual([]);
    expect(await editLogItem.getValue()).toEqual([]);
  });

  it('refuses two fields that would together pass the limit, sending neither', async () => {
    const almost = customers();
    for (let i = Object.keys(almost.fields).length; i < MAX_FIELDS - 1; i++) almost.fields[`f${i}`] = { data_type: 'STRING' };
    monetate.addSchema(almost);
    const reply = await ask('schema.addAttributes', { dataset: 'customer_attributes', fields: { a: { data_type: 'STRING' }, b: { data_type: 'STRING' } } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'schema_field_limit' } });
    expect(monetate.patches()).toEqual([]);
  });

  it('refuses a name that breaks Monetate’s rules, or one the dataset has, naming the field', async () => {
    expect(await ask('schema.addAttributes', { dataset: 'customer_attributes', fields: { '2fa': { data_type: 'STRING' } } })).toMatchObject({
      ok: false,
      error: { code: 'attribute_invalid', detail: expect.stringMatching(/Start the name with a letter/) },
    });
    expect(await ask('schema.addAttributes', { dataset: 'customer_attributes', fields: { email: { data_type: 'STRING' } } })).toMatchObject({
      ok: false,
      error: { code: 'attribute_invalid', detail: expect.stringMatching(/already has a field named "email"/) },
    });
    expect(monetate.patches()).toEqual([]);
  });

  it('checks against the schema Monetate has now, not a cached one', async () => {
    await data('schema.get', { name: 'customer_attributes' });
    monetate.addSchema({ ...customers(), fields: { ...customers().fields, tier: { data_type: 'STRING' } } });
    const reply = await ask('schema.addAttributes', { dataset: 'customer_attributes', fields: { tier: { data_type: 'STRING' } } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'attribute_invalid' } });
    expect(monetate.patches()).toEqual([]);
  });

  it('refuses a type outside the five documented ones at the door', async () => {
    const reply = await ask('schema.addAttributes', { dataset: 'customer_attributes', fields: { tier: { data_type: 'GOOGLE_PRODUCT_CATEGORY' } } });
    expect(reply.ok).toBe(false);
    expect(monetate.patches()).toEqual([]);
  });

  it('refuses every schema change from a read-only profile', async () => {
    await useProfile(true);
    expect(await ask('schema.addAttributes', { dataset: 'customer_attributes', fields: { tier: { data_type: 'STRING' } } })).toMatchObject({ ok: false, error: { code: 'read_only_profile' } });
    expect(await ask('schema.setIdentifier', { dataset: 'store_visits', value: 'visitor' })).toMatchObject({ ok: false, error: { code: 'read_only_profile' } });
    expect(monetate.patches()).toEqual([]);
  });

  it('takes no schema change from a content script on a Monetate page', async () => {
    const reply = await ask('schema.addAttributes', { dataset: 'customer_attributes', fields: { tier: { data_type: 'STRING' } } }, PLATFORM_TAB);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(monetate.patches()).toEqual([]);
  });
});

describe('setting the Identifier Name', () => {
  it('PATCHes named_identifier, logs the value it replaced, and answers the new schema', async () => {
    const schema = await data<DatasetSchema>('schema.setIdentifier', { dataset: 'store_visits', value: 'visitor' });
    expect(schema.named_identifier).toBe('visitor');
    expect(monetate.patches().map((request) => JSON.parse(request.body ?? '{}'))).toEqual([{ named_identifier: 'visitor' }]);
    expect(await editLogItem.getValue()).toMatchObject([{ dataset: 'store_visits', kind: 'set_identifier', changes: [{ field: 'named_identifier', before: null, after: 'visitor' }] }]);
  });

  it('refuses a value with a dash, sending nothing', async () => {
    expect(await ask('schema.setIdentifier', { dataset: 'store_visits', value: 'visitor-id' })).toMatchObject({ ok: false, error: { code: 'identifier_name_invalid' } });
    expect(monetate.patches()).toEqual([]);
  });
});
