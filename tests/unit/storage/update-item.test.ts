import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { dropKey, readItem, updateItem } from '@/utils/storage/update-item';
import { editLogItem, tokensItem, type EditLogEntry } from '@/utils/storage/items';
import { appendEditLog } from '@/utils/storage/edit-log';

const entry = (id: string): EditLogEntry => ({
  id,
  at: 1,
  profileId: 'p1',
  profileName: 'Acme',
  dataset: 'customers',
  recordId: id,
  kind: 'update',
  changes: [],
  result: 'sent',
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('updateItem', () => {
  it('keeps both entries of two concurrent edit-log appends', async () => {
    await Promise.all([appendEditLog(entry('first')), appendEditLog(entry('second'))]);
    const ids = (await editLogItem.getValue()).map((line) => line.id);
    expect(ids).toHaveLength(2);
    expect(ids).toEqual(expect.arrayContaining(['first', 'second']));
  });

  it('keeps every profile of many concurrent token writes', async () => {
    const token = { token: 't', expiresAt: 2, issuedAt: 1 };
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => updateItem(tokensItem, (all) => ({ ...all, [id]: token }))));
    expect(Object.keys(await tokensItem.getValue()).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lets a later update run after an earlier one failed, leaving the value as it was', async () => {
    await tokensItem.setValue({ a: { token: 't', expiresAt: 2, issuedAt: 1 } });
    const failing = updateItem(tokensItem, () => {
      throw new Error('boom');
    });
    const dropping = dropKey(tokensItem, 'a');
    await expect(failing).rejects.toThrow('boom');
    await dropping;
    expect(await tokensItem.getValue()).toEqual({});
  });

  it('writes nothing when the update returns the value unchanged', async () => {
    const item = storage.defineItem<string[]>('local:updateItemProbe', { fallback: [] });
    let changes = 0;
    const unwatch = item.watch(() => changes++);
    await updateItem(item, (current) => current);
    await updateItem(item, (current) => [...current, 'x']);
    unwatch();
    expect(changes).toBe(1);
  });

  it('reads after the updates queued before it', async () => {
    const pending = appendEditLog(entry('queued'));
    const read = readItem(editLogItem);
    await pending;
    expect((await read).map((line) => line.id)).toEqual(['queued']);
  });
});
