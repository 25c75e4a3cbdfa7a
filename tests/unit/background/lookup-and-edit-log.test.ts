import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookupView } from '@/utils/messages/protocol';
import { logFinishedWrite } from '@/utils/storage/edit-log';
import type { EditLogEntry, LookupHistoryEntry } from '@/utils/storage/items';
import { createFakeMonetate } from '@/tests/unit/background/fake-monetate';
import { PLATFORM_TAB, PROFILE_ID, startBackground } from '@/tests/unit/background/harness';

const DATASET = 'customers';

let monetate: ReturnType<typeof createFakeMonetate>;
let background: Awaited<ReturnType<typeof startBackground>>;

beforeEach(async () => {
  monetate = createFakeMonetate({ retailer: 'acme' });
  monetate.addSchema({ name: DATASET, named_identifier: 'customer_id', fields: { customer_id: { data_type: 'STRING', identifier: true, unique_key: true }, email: { data_type: 'STRING' } } });
  monetate.setRows(DATASET, [JSON.stringify({ customer_id: 'C-1', email: 'one@example.com' })]);
  background = await startBackground(monetate);
});

afterEach(() => vi.unstubAllGlobals());

const lookUp = (id: string, extra: object = {}) => background.ask<LookupView>('lookup.record', { dataset: DATASET, id, callerId: 'popup', ...extra });
const recordReads = () => monetate.requests.filter((request) => request.method === 'GET' && request.path.includes('/data/'));

describe('lookup.record', () => {
  it('answers the same record again from the cache, without asking Monetate, unless asked to refresh', async () => {
    expect(await lookUp('C-1')).toMatchObject({ ok: true, data: { fromCache: false, rows: [{ email: 'one@example.com' }] } });
    expect(await lookUp('C-1')).toMatchObject({ ok: true, data: { fromCache: true, rows: [{ email: 'one@example.com' }] } });
    expect(recordReads()).toHaveLength(1);
    expect(await lookUp('C-1', { refresh: true })).toMatchObject({ ok: true, data: { fromCache: false } });
    expect(recordReads()).toHaveLength(2);
  });

  it('refuses a look-up once the profile is deleted, and asks Monetate nothing', async () => {
    expect(await background.ask('profiles.delete', { id: PROFILE_ID })).toMatchObject({ ok: true });
    expect(await lookUp('C-1')).toMatchObject({ ok: false, error: { code: 'profile_missing' } });
    expect(monetate.requests).toEqual([]);
  });
});

describe('lookup.cancel', () => {
  it('cancels the look-ups one caller still waits for, and leaves the others', async () => {
    const first = lookUp('C-1');
    // Monetate allows one look-up a second: this one waits behind the first.
    const waiting = background.ask<LookupView>('lookup.record', { dataset: DATASET, id: 'C-2', callerId: 'side-panel' });
    await vi.waitFor(() => expect(recordReads()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await background.ask('lookup.cancel', { callerId: 'side-panel' })).toEqual({ ok: true, data: null });
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await first).toMatchObject({ ok: true, data: { id: 'C-1' } });
    expect(recordReads().map((request) => request.id)).toEqual(['C-1']);
  });
});

describe('history.list and history.clear', () => {
  it('keep one entry per record, newest first, found or not, and forget them on clear', async () => {
    await lookUp('C-1');
    await lookUp('C-404');
    await lookUp('C-1', { refresh: true });
    const history = await background.data<LookupHistoryEntry[]>('history.list', {});
    expect(history.map(({ id, outcome }) => ({ id, outcome }))).toEqual([
      { id: 'C-1', outcome: 'found' },
      { id: 'C-404', outcome: 'not_found' },
    ]);
    expect(await background.ask('history.clear', {})).toEqual({ ok: true, data: null });
    expect(await background.data('history.list', {})).toEqual([]);
  });

  it('are not open to the overlay on a Monetate page', async () => {
    expect(await background.ask('history.list', {}, PLATFORM_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await background.ask('history.clear', {}, PLATFORM_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});

describe('editlog.list and editlog.clear', () => {
  const profile = { id: PROFILE_ID, name: 'Acme' };
  const write = (recordId: string) => ({ dataset: DATASET, recordId, kind: 'update' as const, changes: [{ field: 'email', before: null, after: `${recordId}@example.com` }] });

  it('list every write newest first, including one still being written when asked', async () => {
    await logFinishedWrite(profile, write('C-1'), null);
    // Not awaited: the list must still include it, since it was queued before the list was asked for.
    void logFinishedWrite(profile, write('C-2'), new Error('refused'));
    const entries = await background.data<EditLogEntry[]>('editlog.list', {});
    expect(entries.map(({ recordId, result }) => ({ recordId, result }))).toEqual([
      { recordId: 'C-2', result: 'failed' },
      { recordId: 'C-1', result: 'saved' },
    ]);
  });

  it('clear empties the log, and a content script may do neither', async () => {
    await logFinishedWrite(profile, write('C-1'), null);
    expect(await background.ask('editlog.list', {}, PLATFORM_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await background.ask('editlog.clear', {}, PLATFORM_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await background.data<EditLogEntry[]>('editlog.list', {})).toHaveLength(1);
    expect(await background.ask('editlog.clear', {})).toEqual({ ok: true, data: null });
    expect(await background.data('editlog.list', {})).toEqual([]);
  });
});
