import { describe, expect, it } from 'vitest';
import { IDLE_SAVE, saveBusy, saveReducer, type SaveState } from '@/utils/records/save-state';

const unknown: SaveState = { status: 'unknown', recordId: 'C-1', expected: { age: 37 }, why: 'no_answer', check: 'idle' };

describe('saveReducer', () => {
  it('goes from sending to saved, checking, to what the confirmation found', () => {
    const saving = saveReducer(IDLE_SAVE, { type: 'send' });
    expect(saving).toEqual({ status: 'saving' });
    const saved = saveReducer(saving, { type: 'accepted', recordId: 'C-1' });
    expect(saved).toEqual({ status: 'saved', recordId: 'C-1', confirmation: 'checking' });
    expect(saveReducer(saved, { type: 'confirmed', confirmation: 'differs' })).toEqual({ status: 'saved', recordId: 'C-1', confirmation: 'differs' });
  });

  it('keeps what the person sent when no answer came, and a check that finds it marks the save as gone through', () => {
    const state = saveReducer({ status: 'saving' }, { type: 'unanswered', recordId: 'C-1', expected: { age: 37 }, why: 'background' });
    expect(state).toEqual({ ...unknown, why: 'background' });
    const checking = saveReducer(state, { type: 'check' });
    expect(saveBusy(checking)).toBe(true);
    expect(saveReducer(checking, { type: 'checked', found: 'not_found' })).toMatchObject({ status: 'unknown', check: 'not_found', expected: { age: 37 } });
    expect(saveReducer(checking, { type: 'applied' })).toEqual({ status: 'saved', recordId: 'C-1', confirmation: 'matches', byCheck: true });
  });

  it('ignores an answer that does not belong to the current state', () => {
    expect(saveReducer(IDLE_SAVE, { type: 'accepted', recordId: 'C-1' })).toBe(IDLE_SAVE);
    expect(saveReducer(IDLE_SAVE, { type: 'check' })).toBe(IDLE_SAVE);
    const matched: SaveState = { status: 'saved', recordId: 'C-1', confirmation: 'matches' };
    expect(saveReducer(matched, { type: 'confirmed', confirmation: 'failed' })).toBe(matched);
    expect(saveReducer(unknown, { type: 'refused', error: { code: 'validation', detail: 'x' } })).toBe(unknown);
  });

  it('is busy only while sending or checking', () => {
    expect(saveBusy({ status: 'saving' })).toBe(true);
    expect(saveBusy(unknown)).toBe(false);
    expect(saveBusy(IDLE_SAVE)).toBe(false);
  });
});
