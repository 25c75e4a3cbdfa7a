// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DiffView, RecordForm, type RecordFormProps } from '@/components/record';
import type { RecordValues } from '@/utils/schema';
import { record, schema } from '@/tests/component/record/fixtures';

function setup(props: Partial<RecordFormProps> = {}) {
  const onReview = vi.fn();
  const onSave = vi.fn();
  const all: RecordFormProps = {
    schema,
    initialRecord: record,
    mode: 'edit',
    onReview,
    onSave,
    timeZone: 'UTC',
    timeZones: ['UTC', 'Europe/Paris'],
    ...props,
  };
  const user = userEvent.setup();
  const view = render(<RecordForm {...all} />);
  return { user, onReview, onSave, props: all, ...view };
}

const saveButton = () => screen.getByRole('button', { name: 'Save' });

describe('RecordForm in edit mode', () => {
  it('has one labelled input per field with the identifier and unique key read-only', () => {
    setup();
    expect(screen.getByLabelText('customer_id')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('customer_id')).toHaveValue('C-1');
    expect(screen.getByLabelText('record_key')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('email')).not.toHaveAttribute('readonly');
    expect(screen.getByLabelText('age')).toHaveValue('36');
    expect(screen.getByLabelText('vip')).toHaveValue('true');
    expect(screen.getByLabelText('last_seen')).toHaveValue('2026-07-01T07:30');
    expect(screen.getByRole('button', { name: 'Remove navy, dark' })).toBeInTheDocument();
  });

  it('keeps Save disabled until something changes', async () => {
    const { user } = setup();
    expect(saveButton()).toBeDisabled();
    expect(saveButton()).toHaveAccessibleDescription('No changes to save.');
    await user.clear(screen.getByLabelText('age'));
    await user.type(screen.getByLabelText('age'), '37');
    expect(saveButton()).toBeEnabled();
  });

  it('keeps Save disabled while a field is invalid and says which', async () => {
    const { user } = setup();
    const age = screen.getByLabelText('age');
    await user.type(age, ',5');
    expect(age).toHaveAttribute('aria-invalid', 'true');
    expect(age).toHaveAccessibleDescription(/Use a dot for decimals/);
    expect(saveButton()).toBeDisabled();
    expect(saveButton()).toHaveAccessibleDescription('Correct age before saving.');
  });

  it('reviews only the changed fields and marks a cleared field as becoming null', async () => {
    const { user, onReview } = setup();
    await user.clear(screen.getByLabelText('email'));
    await user.clear(screen.getByLabelText('age'));
    await user.type(screen.getByLabelText('age'), '37');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));

    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['email', 'age']);
    expect(within(rows[0]!).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(rows[0]!).getByText(/becomes empty \(null\)/)).toBeInTheDocument();
    expect(within(rows[1]!).getByText('36')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('37')).toBeInTheDocument();

    // Only what changes: the background sends every other field back as Monetate gave it.
    const changes: RecordValues = { email: null, age: 37 };
    expect(onReview).toHaveBeenCalledWith(changes, [
      { field: 'email', before: 'ada@example.com', after: null, becomesNull: true },
      { field: 'age', before: 36, after: 37, becomesNull: false },
    ]);
  });

  // Deliberately changed (issue 9): Save used to hand over the whole row the form built; it
  // now hands over only the changed fields, and the background composes the row.
  it('sends only the changed fields on Save', async () => {
    const { user, onSave } = setup();
    await user.selectOptions(screen.getByLabelText('vip'), 'false');
    await user.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ vip: false });
  });

  it('names every field that will change, with its old and new value, beside Save', async () => {
    const { user } = setup();
    await user.clear(screen.getByLabelText('email'));
    await user.selectOptions(screen.getByLabelText('vip'), 'false');
    expect(saveButton()).toHaveAccessibleDescription('2 fields will change: email: “ada@example.com” → empty; vip: “true” → “false”.');
  });

  it('keeps typed input after a failed save and shows the server message beside the field', async () => {
    const { user, rerender, props } = setup();
    await user.clear(screen.getByLabelText('email'));
    await user.type(screen.getByLabelText('email'), 'ada@new.example');
    await user.click(saveButton());
    rerender(<RecordForm {...props} busy />);
    expect(saveButton()).toBeDisabled();

    rerender(
      <RecordForm {...props} busy={false} serverErrors={{ byField: { email: ['Email domain is blocked.'] }, unmatched: ['Row 0 was refused.'] }} />,
    );
    const email = screen.getByLabelText('email');
    expect(email).toHaveValue('ada@new.example');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/Email domain is blocked\./);
    expect(screen.getByText('Row 0 was refused.')).toBeInTheDocument();
    expect(saveButton()).toBeEnabled();

    // The server's message goes once the person edits that field.
    await user.type(email, 'x');
    expect(screen.queryByText('Email domain is blocked.')).not.toBeInTheDocument();
  });

  it('asks for a review before saving when confirmation is required', async () => {
    const { user, onSave } = setup({ confirmRequired: true });
    await user.type(screen.getByLabelText('tags'), 'green{Enter}');
    expect(saveButton()).toHaveAccessibleDescription('Review the changes before saving.');
    expect(saveButton()).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(within(screen.getByRole('table')).getByText('red,navy\\, dark,green')).toBeInTheDocument();
    await user.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ tags: 'red,navy\\, dark,green' });
  });

  it('offers Cancel when the parent can cancel', async () => {
    const onCancel = vi.fn();
    const { user } = setup({ onCancel });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});

describe('RecordForm in create mode', () => {
  it('lets the identifier be typed and marks it required', () => {
    setup({ mode: 'create', initialRecord: null });
    const id = screen.getByLabelText('customer_id');
    expect(id).not.toHaveAttribute('readonly');
    expect(id).toHaveAttribute('aria-required', 'true');
    expect(id).toHaveAccessibleDescription(/identifier/);
    expect(saveButton()).toBeDisabled();
  });

  it('does not nag before the person acts, then points at the empty identifier on review', async () => {
    const { user, onReview } = setup({ mode: 'create', initialRecord: null });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(onReview).not.toHaveBeenCalled();
    const id = screen.getByLabelText('customer_id');
    expect(id).toHaveFocus();
    expect(id).toHaveAccessibleDescription(/Enter the customer ID/);
  });

  it('reviews and saves a new record', async () => {
    const { user, onSave } = setup({ mode: 'create', initialRecord: null });
    await user.type(screen.getByLabelText('customer_id'), 'C-9');
    await user.type(screen.getByLabelText('record_key'), 'K-9');
    await user.type(screen.getByLabelText('age'), '41{Enter}');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['customer_id', 'record_key', 'age']);
    await user.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ customer_id: 'C-9', record_key: 'K-9', age: 41 });
  });
});

describe('DiffView', () => {
  it('says when there is nothing to change', () => {
    render(<DiffView diff={[]} />);
    expect(screen.getByText('No changes.')).toBeInTheDocument();
  });

  it('shows values as text, empty as an em dash', () => {
    const { container } = render(<DiffView diff={[{ field: 'email', before: null, after: '<b>x</b>', becomesNull: false }]} />);
    expect(screen.getByRole('columnheader', { name: 'Before' })).toBeInTheDocument();
    expect(screen.getByText('<b>x</b>')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('empty')).toBeInTheDocument();
  });
});
