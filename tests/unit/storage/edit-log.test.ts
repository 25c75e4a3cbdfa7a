import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { AppError } from '@/utils/errors';
import { classifyWriteResult, withEditLog } from '@/utils/storage/edit-log';
import { editLogItem } from '@/utils/storage/items';

const profile = { id: 'p1', name: 'Acme' };
const write = { dataset: 'customers', recordId: 'C-1', kind: 'update' as const, changes: [{ field: 'email', before: 'a', after: 'b' }] };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('classifyWriteResult', () => {
  it('tells saved, refused, unknown and failed writes apart', () => {
    expect(classifyWriteResult(null)).toBe('saved');
    expect(classifyWriteResult(new AppError('validation'))).toBe('refused');
    expect(classifyWriteResult(new AppError('outcome_unknown'))).toBe('outcome_unknown');
    expect(classifyWriteResult(new Error('network'))).toBe('failed');
  });
});

describe('withEditLog', () => {
  it('logs the write as sent before it runs, and as saved once it answered', async () => {
    let seenWhileRunning: string[] = [];
    const answer = await withEditLog(profile, write, async () => {
      seenWhileRunning = (await editLogItem.getValue()).map((entry) => entry.result);
      return 'ok';
    });
    expect(answer).toBe('ok');
    expect(seenWhileRunning).toEqual(['sent']);
    expect(await editLogItem.getValue()).toMatchObject([{ ...write, profileId: 'p1', profileName: 'Acme', result: 'saved' }]);
  });

  it('rethrows a failed write and logs its outcome with the reason', async () => {
    await expect(withEditLog(profile, write, () => Promise.reject(new AppError('outcome_unknown', 'no answer')))).rejects.toMatchObject({ code: 'outcome_unknown' });
    expect(await editLogItem.getValue()).toMatchObject([{ result: 'outcome_unknown', message: 'no answer' }]);
  });

  it('keeps both lines of two writes that run at once', async () => {
    await Promise.all([withEditLog(profile, write, async () => 1), withEditLog(profile, { ...write, recordId: 'C-2' }, async () => 2)]);
    const lines = await editLogItem.getValue();
    expect(lines.map((entry) => entry.recordId).sort()).toEqual(['C-1', 'C-2']);
    expect(lines.every((entry) => entry.result === 'saved')).toBe(true);
  });
});
