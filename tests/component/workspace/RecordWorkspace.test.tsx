// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordWorkspace } from '../../../components/workspace/RecordWorkspace';
import { AppError } from '../../../utils/errors';
import type { LookupView, SchemaView } from '../../../utils/messages/protocol';
import { record, schema } from '../record/fixtures';

const sendRequest = vi.fn();
vi.mock('@/utils/messages/send', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));

const view = (values: Record<string, unknown> | null, fetchedAt = 1): LookupView => ({
  profileId: 'p',
  schema: schema.name,
  id: 'C-1',
  record: values,
  fromCache: false,
  fetchedAt,
});

/** The workspace with a look-up that behaves like the side panel's: null while waiting. */
function Harness({ lookUp, readOnly = false, initialSchema = schema as SchemaView }: { lookUp: (id: string) => Promise<LookupView | undefined>; readOnly?: boolean; initialSchema?: SchemaView }) {
  const [lookup, setLookup] = useState<LookupView | null>(view(record));
  const [current, setCurrent] = useState<SchemaView>(initialSchema);
  return (
    <RecordWorkspace
      schema={current}
      lookup={lookup}
      readOnly={readOnly}
      confirmWrites={false}
      onSchemaChanged={setCurrent}
      onLookUp={async (_schema, id) => {
        setLookup(null);
        const fresh = await lookUp(id);
        setLookup(fresh ?? null);
        return fresh;
      }}
    />
  );
}

beforeEach(() => sendRequest.mockReset());

describe('RecordWorkspace', () => {
  it('after an unanswered save keeps the input, sends nothing more, and "Check by look-up" reports what Monetate has', async () => {
    const user = userEvent.setup();
    sendRequest.mockRejectedValueOnce(new AppError('outcome_unknown', 'Failed to fetch'));
    const lookUp = vi.fn(async () => view({ ...record }, 2));
    render(<Harness lookUp={lookUp} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('email'));
    await user.type(screen.getByLabelText('email'), 'new@example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Outcome unknown.')).toBeInTheDocument();
    expect(screen.getByLabelText('email')).toHaveValue('new@example.com');
    expect(sendRequest).toHaveBeenCalledTimes(1);
    expect(lookUp).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Check by look-up' }));
    expect(await screen.findByText(/Monetate does not return the values you sent for “C-1”/)).toBeInTheDocument();
    expect(lookUp).toHaveBeenCalledTimes(1);
    // Still the person's input, still one save sent.
    expect(screen.getByLabelText('email')).toHaveValue('new@example.com');
    expect(sendRequest).toHaveBeenCalledTimes(1);
  });

  it('confirms a save with one look-up and says Monetate returns the new values', async () => {
    const user = userEvent.setup();
    sendRequest.mockResolvedValueOnce({ savedRow: {}, recordId: 'C-1' });
    const lookUp = vi.fn(async () => view({ ...record, age: 37 }, 2));
    render(<Harness lookUp={lookUp} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('age'));
    await user.type(screen.getByLabelText('age'), '37');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved “C-1”. Monetate already returns the new values.')).toBeInTheDocument();
    expect(sendRequest).toHaveBeenCalledWith('record.save', expect.objectContaining({ schema: 'customers', mode: 'edit', row: expect.objectContaining({ age: 37 }) }));
    expect(lookUp).toHaveBeenCalledTimes(1);
  });

  it('maps a refusal onto the field it names and keeps the input', async () => {
    const user = userEvent.setup();
    sendRequest.mockRejectedValueOnce(new AppError('validation', 'age: too old', { fields: [{ field: 'age', row: 0, message: 'Field "age" is too old.' }], status: 400 }));
    render(<Harness lookUp={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('age'));
    await user.type(screen.getByLabelText('age'), '370');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Field "age" is too old.')).toBeInTheDocument();
    expect(screen.getByLabelText('age')).toHaveAccessibleDescription(/too old/);
    expect(screen.getByLabelText('age')).toHaveValue('370');
  });

  it('on a read-only profile disables Edit and New record and says why', () => {
    render(<Harness lookUp={vi.fn()} readOnly />);
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'New record' })).toHaveAccessibleDescription(/read-only/);
  });

  it('warns about a missing Identifier Name and sets it from the warning', async () => {
    const user = userEvent.setup();
    const { named_identifier: _unused, ...withoutName } = schema;
    sendRequest.mockResolvedValueOnce({ ...schema, named_identifier: 'customer_id' });
    render(<Harness lookUp={vi.fn()} initialSchema={withoutName as SchemaView} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This dataset has no Identifier Name: it cannot be used until it has one.');
    await user.click(screen.getByRole('button', { name: 'Set Identifier Name…' }));
    await user.type(screen.getByRole('textbox', { name: 'Identifier Name' }), 'customer_id');
    await user.click(screen.getByRole('button', { name: 'Set Identifier Name' }));
    expect(sendRequest).toHaveBeenCalledWith('schema.setIdentifier', { schema: 'customers', value: 'customer_id' });
    await vi.waitFor(() => expect(screen.queryByText(/has no Identifier Name/)).toBeNull());
  });
});

describe('RecordWorkspace on a dataset without a unique key', () => {
  it('warns before editing that saving adds a row instead of replacing this one', async () => {
    const user = userEvent.setup();
    const fields = Object.fromEntries(Object.entries(schema.fields).map(([name, spec]) => [name, { ...spec, unique_key: false }]));
    render(<Harness lookUp={vi.fn()} initialSchema={{ ...(schema as SchemaView), fields }} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('note')).toHaveTextContent('has no unique key');
  });

  it('says nothing of the kind when the dataset has one', async () => {
    const user = userEvent.setup();
    render(<Harness lookUp={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
