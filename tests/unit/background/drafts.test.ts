import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createRouter } from '@/entrypoints/background/router';
import { createServices } from '@/entrypoints/background/services';
import type { Profile } from '@/utils/profiles/profile';
import { DRAFTS_PER_PROFILE, changedInputs, draftKey, isEmptyDraft, putDraft, withDraftInputs, type RecordDraft, type StoredDraft } from '@/utils/records/draft';
import { activeProfileIdItem, recordDraftsItem } from '@/utils/storage/items';

const EXTENSION_PAGE = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html` };
const CONTENT_SCRIPT = { id: fakeBrowser.runtime.id, url: 'https://app.monetate.net/page', origin: 'https://app.monetate.net', tab: { id: 1 }, frameId: 0 };

const profile = (id: string): Profile => ({
  id,
  name: `Profile ${id}`,
  baseUrl: 'https://api.monetate.net',
  retailer: 'acme',
  username: `api-${id}`,
  ttlSeconds: 3600,
  alg: 'RS256',
  readOnly: false,
  confirmWrites: true,
  createdAt: 1,
});
const draft: RecordDraft = { mode: 'edit', row: 0, rowKey: 'K-1', readAt: 5, fields: { age: '37' }, replaced: [] };

let route: ReturnType<typeof createRouter>;
const ask = (type: string, payload: unknown, sender: object = EXTENSION_PAGE) => route({ channel: 'mdi', type, payload }, sender as never);

beforeEach(async () => {
  fakeBrowser.reset();
  const services = createServices();
  for (const id of ['p1', 'p2']) await services.profiles.put(profile(id));
  await activeProfileIdItem.setValue('p1');
  route = createRouter(() => services);
});

describe('draft handlers', () => {
  it('keep a draft per profile, dataset and ID, and give it back until it is discarded', async () => {
    expect(await ask('draft.save', { dataset: 'customers', id: 'C-1', draft })).toEqual({ ok: true, data: null });
    const got = await ask('draft.get', { dataset: 'customers', id: 'C-1' });
    expect(got).toMatchObject({ ok: true, data: { ...draft, dataset: 'customers', id: 'C-1' } });
    expect(await ask('draft.get', { dataset: 'customers', id: 'C-2' })).toEqual({ ok: true, data: null });
    expect(Object.keys(await recordDraftsItem.getValue())).toEqual(['p1']);

    await activeProfileIdItem.setValue('p2');
    expect(await ask('draft.get', { dataset: 'customers', id: 'C-1' })).toEqual({ ok: true, data: null });
    await activeProfileIdItem.setValue('p1');

    await ask('draft.discard', { dataset: 'customers', id: 'C-1' });
    expect(await ask('draft.get', { dataset: 'customers', id: 'C-1' })).toEqual({ ok: true, data: null });
  });

  it('survive a lock and go with their profile', async () => {
    await ask('draft.save', { dataset: 'customers', id: 'C-1', draft });
    await ask('vault.lock', {});
    expect(await ask('draft.get', { dataset: 'customers', id: 'C-1' })).toMatchObject({ ok: true, data: { fields: { age: '37' } } });
    await ask('profiles.delete', { id: 'p1' });
    expect(await recordDraftsItem.getValue()).toEqual({});
  });

  it('refuse a draft of the wrong shape and any request from a content script', async () => {
    expect(await ask('draft.save', { dataset: 'customers', id: 'C-1', draft: { ...draft, fields: { age: 37 } } })).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    expect(await ask('draft.save', { dataset: 'customers', id: 'C-1', draft: { ...draft, extra: true } })).toMatchObject({ ok: false });
    expect(await ask('draft.get', { dataset: 'customers', id: 'C-1' }, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await ask('activity', {}, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await ask('activity', {})).toEqual({ ok: true, data: null });
  });
});

describe('draft helpers', () => {
  const stored = (id: string, savedAt: number): StoredDraft => ({ ...draft, dataset: 'customers', id, savedAt });

  it('keep at most the limit, dropping the oldest', () => {
    let drafts: Record<string, StoredDraft> = {};
    for (let index = 0; index <= DRAFTS_PER_PROFILE; index++) drafts = putDraft(drafts, stored(`C-${index}`, index));
    expect(Object.keys(drafts)).toHaveLength(DRAFTS_PER_PROFILE);
    expect(drafts[draftKey('customers', 'C-0')]).toBeUndefined();
    expect(drafts[draftKey('customers', `C-${DRAFTS_PER_PROFILE}`)]).toBeDefined();
  });

  it('keep only the inputs the person changed, and lay them over a newer start', () => {
    const changed = changedInputs({ age: '36', email: 'a@x', tags: ['a'] }, { age: '37', email: 'a@x', tags: ['a', 'b'] });
    expect(changed).toEqual({ age: '37', tags: ['a', 'b'] });
    // Someone else changed the email meanwhile: the restored form keeps theirs.
    expect(withDraftInputs({ age: '36', email: 'new@x', tags: ['a'] }, { ...changed, gone: 'x' })).toEqual({ age: '37', email: 'new@x', tags: ['a', 'b'] });
    expect(isEmptyDraft({ fields: {}, replaced: [] })).toBe(true);
    expect(isEmptyDraft({ fields: {}, replaced: [], values: { age: 3 } })).toBe(false);
  });
});
