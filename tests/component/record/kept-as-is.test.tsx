// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RecordForm, type RecordFormProps } from '@/components/record';
import type { DatasetSchema, RecordValues } from '@/utils/schema';
import { ODD_FIELDS, ODD_VALUES } from '@/tests/support/odd-values';

const schema: DatasetSchema = {
  name: 'odd',
  named_identifier: 'customer_id',
  fields: {
    customer_id: { data_type: 'STRING', identifier: true, unique_key: true },
    email: { data_type: 'STRING' },
    ...ODD_FIELDS,
    blob: { data_type: 'STRING' },
    location: { data_type: 'GEOPOINT' },
  },
};

const record: RecordValues = {
  customer_id: 'C-ODD-0001',
  email: 'odd@example.com',
  ...ODD_VALUES,
  blob: { toString: 1 },
  location: '40.7,-74.0',
};

function setup(props: Partial<RecordFormProps> = {}) {
  const onSave = vi.fn();
  const user = userEvent.setup();
  render(<RecordForm schema={schema} initialRecord={record} mode="edit" onReview={vi.fn()} onSave={onSave} timeZone="UTC" timeZones={['UTC']} {...props} />);
  return { user, onSave };
}

const saveButton = () => screen.getByRole('button', { name: 'Save' });

describe('RecordForm with values its inputs cannot show exactly', () => {
  it.each([
    ['seen_local', '2025-01-01T10:00:00', /date is written in a form/],
    ['seen_space', '2025-01-01 10:00:00+00:00', /date is written in a form/],
    ['seen_compact', '2025-01-01T10:00:00+0000', /date is written in a form/],
    ['seen_micro', '2025-01-01T10:00:00.123456Z', /finer than the date input can keep/],
    ['vip', 'TRUE', /not JSON true or false/],
    ['big', '12345678901234567890', /more digits than the form can keep/],
    ['padded', 'trailing space ', /spaces at its start or end/],
    ['blob', '{"toString":1}', /structured data/],
  ])('shows %s as it is, marked "kept as is"', (field, shown, why) => {
    setup();
    const box = screen.getByLabelText(field);
    expect(box).toHaveAttribute('readonly');
    expect(box).toHaveValue(shown);
    expect(box).toHaveAccessibleDescription(/kept as is/);
    expect(box).toHaveAccessibleDescription(why);
    expect(screen.getByRole('button', { name: `Replace value of ${field}` })).toBeInTheDocument();
  });

  it('makes a field of a type it does not know read-only, with a note and no way to replace it', () => {
    setup();
    expect(screen.getByLabelText('location')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('location')).toHaveAccessibleDescription(/This type cannot be edited here/);
    expect(screen.queryByRole('button', { name: 'Replace value of location' })).not.toBeInTheDocument();
  });

  it('saves a change to another field without touching, checking or sending any kept value', async () => {
    const { user, onSave } = setup();
    await user.clear(screen.getByLabelText('email'));
    await user.type(screen.getByLabelText('email'), 'new@example.com');
    expect(saveButton()).toBeEnabled();
    await user.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ email: 'new@example.com' });
  });

  it('replaces a kept value only when asked, and the review names the old and new value', async () => {
    const { user, onSave } = setup();
    expect(saveButton()).toHaveAccessibleDescription('No changes to save.');
    await user.click(screen.getByRole('button', { name: 'Replace value of vip' }));
    // The replacement starts from a reading of the old value, and counts as a change at once.
    expect(screen.getByLabelText('vip')).toHaveValue('true');
    expect(saveButton()).toHaveAccessibleDescription('1 field will change: vip: “TRUE” → “true”.');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const row = within(screen.getByRole('table', { name: 'Before → after' })).getByRole('row', { name: /vip/ });
    expect(row).toHaveTextContent(/TRUE\s*true/);
    await user.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ vip: true });
  });

  it('goes back to the kept value, and to no change, on "Keep the value as it was"', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Replace value of seen_local' }));
    expect(screen.getByLabelText('seen_local')).toHaveValue('2025-01-01T10:00');
    await user.click(screen.getByRole('button', { name: 'Keep the value as it was for seen_local' }));
    expect(screen.getByLabelText('seen_local')).toHaveValue('2025-01-01T10:00:00');
    expect(screen.getByLabelText('seen_local')).toHaveAttribute('readonly');
    expect(saveButton()).toHaveAccessibleDescription('No changes to save.');
  });

  it('sends a big replaced NUMBER as its exact digits', async () => {
    const { user, onSave } = setup();
    await user.click(screen.getByRole('button', { name: 'Replace value of big' }));
    await user.clear(screen.getByLabelText('big'));
    await user.type(screen.getByLabelText('big'), '98765432109876543210');
    await user.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ big: { $exactNumber: '98765432109876543210' } });
  });

  it('shows Monetate’s refusal of a kept value beside it, still kept, until the person replaces it', async () => {
    const { user } = setup({ serverErrors: { byField: { padded: ['Field "padded" (STRING) must not have leading or trailing whitespace.'] }, unmatched: [] } });
    const box = screen.getByLabelText('padded');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(/must not have leading or trailing whitespace/);
    expect(box).toHaveValue('trailing space ');
    await user.click(screen.getByRole('button', { name: 'Replace value of padded' }));
    expect(screen.getByLabelText('padded')).toHaveAccessibleDescription(/Remove the spaces at the start or end/);
    expect(saveButton()).toBeDisabled();
  });
});
