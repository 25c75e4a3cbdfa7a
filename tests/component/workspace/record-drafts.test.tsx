// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordWorkspace } from '@/components/workspace/record-workspace';
import type { LookupView } from '@/utils/messages/protocol';
import type { StoredDraft } from '@/utils/records/draft';
import { record, schema } from '@/tests/component/record/fixtures';

const sendRequest = vi.fn();
vi.mock('@/utils/messages/send', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));

const view = (fetchedAt: number, values = record): LookupView => ({ profileId: 'p', dataset: schema.name, id: 'C-1', idTrimmed: false, rows: [values], fromCache: false, fetchedAt });
const kept: StoredDraft = { dataset: 'customers', id: 'C-1', mode: 'edit', row: 0, rowKey: 'K-1', readAt: 1, fields: { age: '40' }, replaced: [], savedAt: Date.UTC(2026, 0, 1, 9) };

/** The background's answers: a kept draft (or none) and null for everything else. */
function background(draft: StoredDraft | null) {
  let kept = draft;
  sendRequest.mockImplementation(async (type: string) => {
    if (type === 'draft.discard') kept = null;
    return type === 'draft.get' ? kept : null;
  });
}

function workspace(lookup: LookupView) {
  return <RecordWorkspace schema={schema} lookup={lookup} readOnly={false} confirmWrites={false} onLookUp={vi.fn()} keepDrafts />;
}

beforeEach(() => sendRequest.mockReset());

describe('RecordWorkspace drafts', () => {
  it('restores a kept draft into the form, against the read shown now, and opens on its review', async () => {
    background(kept);
    // Someone changed the email since the draft was typed: the review compares with that.
    render(workspace(view(5, { ...record, email: 'newer@example.com' })));
    expect(await screen.findByText(/Unsaved changes restored from/)).toHaveTextContent('The record was read again since');
    expect(screen.getByLabelText('age')).toHaveValue('40');
    expect(screen.getByLabelText('email')).toHaveValue('newer@example.com');
    const review = await screen.findByRole('table', { name: 'Before → after' });
    expect(review).toHaveTextContent(/age\s*36\s*40/);
    expect(review).not.toHaveTextContent('email');
    expect(sendRequest).toHaveBeenCalledWith('draft.get', { dataset: 'customers', id: 'C-1' });
  });

  it('keeps typing as a draft a moment after it stops, not on every keystroke', async () => {
    background(null);
    const user = userEvent.setup();
    render(workspace(view(1)));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('age'));
    await user.type(screen.getByLabelText('age'), '123');
    const saves = () => sendRequest.mock.calls.filter(([type]) => type === 'draft.save');
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]![1]).toEqual({ dataset: 'customers', id: 'C-1', draft: { mode: 'edit', row: 0, rowKey: 'K-1', readAt: 1, fields: { age: '123' }, replaced: [] } });
    // Typing counts as activity, once.
    expect(sendRequest.mock.calls.filter(([type]) => type === 'activity')).toHaveLength(1);
  });

  it('asks before Discard forgets the draft, and keeps it when the person keeps editing', async () => {
    background(kept);
    const user = userEvent.setup();
    render(workspace(view(1)));
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('alertdialog', { name: 'Discard changes to C-1?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('age')).toHaveValue('40');
    expect(sendRequest).not.toHaveBeenCalledWith('draft.discard', expect.anything());

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('alertdialog', { name: 'Discard changes to C-1?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(sendRequest).toHaveBeenCalledWith('draft.discard', { dataset: 'customers', id: 'C-1' }));
    expect(screen.queryByLabelText('age')).not.toBeInTheDocument();
  });

  it('closes an untouched form without asking', async () => {
    background(null);
    const user = userEvent.setup();
    render(workspace(view(1)));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
  });

  it('moves focus to the review when asked for it, and Cancel brings it back to the form', async () => {
    background(null);
    const user = userEvent.setup();
    render(workspace(view(1)));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByLabelText('email'), 'x');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(screen.getByRole('heading', { name: 'Review changes' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: 'Review changes' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('email')).toHaveFocus();
  });
});
