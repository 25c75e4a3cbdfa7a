// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordWorkspace } from '@/components/workspace/record-workspace';
import { AppError } from '@/utils/errors';
import type { LookupView } from '@/utils/messages/protocol';
import type { DatasetSchema } from '@/utils/schema/types';
import type { RecordValues } from '@/utils/schema';
import { record, schema } from '@/tests/component/record/fixtures';

const sendRequest = vi.fn();
vi.mock('@/utils/messages/send', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));

const view = (values: RecordValues | null, fetchedAt = 1, more: RecordValues[] = []): LookupView => ({
  profileId: 'p',
  dataset: schema.name,
  id: 'C-1',
  idTrimmed: false,
  rows: values ? [values, ...more] : more,
  fromCache: false,
  fetchedAt,
});

/** The workspace with a look-up that behaves like the side panel's: null while waiting. */
function Harness({
  lookUp,
  readOnly = false,
  initialSchema = schema,
  initial = view(record),
}: {
  lookUp: (id: string) => Promise<LookupView | undefined>;
  readOnly?: boolean;
  initialSchema?: DatasetSchema;
  initial?: LookupView;
}) {
  const [lookup, setLookup] = useState<LookupView | null>(initial);
  const [current, setCurrent] = useState<DatasetSchema>(initialSchema);
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
    sendRequest.mockResolvedValueOnce({ savedRow: { ...record, age: 37 }, recordId: 'C-1', kind: 'update' });
    const lookUp = vi.fn(async () => view({ ...record, age: 37 }, 2));
    render(<Harness lookUp={lookUp} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('age'));
    await user.type(screen.getByLabelText('age'), '37');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved “C-1”. Monetate already returns the new values.')).toBeInTheDocument();
    // The read it builds on and only the changed field: the background composes the row.
    expect(sendRequest).toHaveBeenCalledWith('record.save', { dataset: 'customers', mode: 'edit', base: { id: 'C-1', readAt: 1, row: 0 }, changes: { age: 37 } });
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

  // Deliberately changed (issue 9): the write controls of a read-only profile used to be disabled; they are hidden now.
  it('on a read-only profile offers no Edit or New record and says why', () => {
    render(<Harness lookUp={vi.fn()} readOnly />);
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New record' })).not.toBeInTheDocument();
    expect(screen.getByText(/This profile is read-only: records cannot be edited or created/)).toBeInTheDocument();
  });

  it('says the outcome is unknown when the connection to the background drops mid-save, and sends nothing more', async () => {
    const user = userEvent.setup();
    sendRequest.mockRejectedValueOnce(new AppError('background_unavailable', 'The message port closed before a response was received.'));
    render(<Harness lookUp={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('email'));
    await user.type(screen.getByLabelText('email'), 'x@example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Outcome unknown.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/connection to the extension’s background dropped during the save/);
    expect(screen.getByRole('button', { name: 'Check by look-up' })).toBeInTheDocument();
    expect(sendRequest).toHaveBeenCalledTimes(1);
  });

  it('shows every row of a keyed dataset that returned several, and warns', () => {
    render(<Harness lookUp={vi.fn()} initial={view(record, 1, [{ ...record, record_key: 'K-2', email: 'second@example.com' }])} />);
    expect(screen.getByText('2 rows')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('has a unique key (record_key), yet Monetate returned 2 rows');
    expect(within(screen.getByRole('table', { name: 'Rows of “C-1” in customers' })).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Edit row 2' })).toBeInTheDocument();
  });

  it('offers to look the record up again when the background has no usable read of it', async () => {
    const user = userEvent.setup();
    sendRequest.mockRejectedValueOnce(new AppError('read_superseded', '“C-1” in customers'));
    const lookUp = vi.fn(async () => view({ ...record }, 5));
    render(<Harness lookUp={lookUp} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('age'));
    await user.type(screen.getByLabelText('age'), '40');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Look it up again, then make your change/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Look up again' }));
    expect(lookUp).toHaveBeenCalledWith('C-1');
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeInTheDocument();
  });

  it('warns about a missing Identifier Name and sets it from the warning', async () => {
    const user = userEvent.setup();
    const { named_identifier: _unused, ...withoutName } = schema;
    sendRequest.mockResolvedValueOnce({ ...schema, named_identifier: 'customer_id' });
    render(<Harness lookUp={vi.fn()} initialSchema={withoutName} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This dataset has no Identifier Name: it cannot be used until it has one.');
    await user.click(screen.getByRole('button', { name: 'Set Identifier Name…' }));
    await user.type(screen.getByRole('textbox', { name: 'Identifier Name' }), 'customer_id');
    await user.click(screen.getByRole('button', { name: 'Set Identifier Name' }));
    expect(sendRequest).toHaveBeenCalledWith('schema.setIdentifier', { dataset: 'customers', value: 'customer_id' });
    await vi.waitFor(() => expect(screen.queryByText(/has no Identifier Name/)).toBeNull());
  });
});

describe('RecordWorkspace on a dataset without a unique key', () => {
  const fields = Object.fromEntries(Object.entries(schema.fields).map(([name, spec]) => [name, { ...spec, unique_key: false }]));
  const keyless = { ...schema, fields };

  // Deliberately changed (issue 9): this used to be "Edit" with a warning; it never pretends to replace a row now.
  it('offers "Add a row", prefilled from the row, and says that row stays as it is', async () => {
    const user = userEvent.setup();
    render(<Harness lookUp={vi.fn()} initialSchema={keyless} />);
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a row' }));
    expect(screen.getByRole('heading', { name: 'Add a row for “C-1”' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('has no unique key, so Monetate keeps every row it receives. Saving adds a new row for “C-1”, prefilled from row 1; that row stays as it is.');
    expect(screen.getByLabelText('email')).toHaveValue('ada@example.com');
  });

  it('adds a row built from the one chosen among several, naming its place in Monetate’s answer', async () => {
    const user = userEvent.setup();
    sendRequest.mockResolvedValueOnce({ savedRow: {}, recordId: 'C-1', kind: 'add_row' });
    const second = { ...record, email: 'second@example.com' };
    render(<Harness lookUp={vi.fn(async () => undefined)} initialSchema={keyless} initial={view(record, 3, [second])} />);
    expect(screen.getByText('2 rows')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a row from row 2' }));
    expect(screen.getByLabelText('email')).toHaveValue('second@example.com');
    await user.clear(screen.getByLabelText('age'));
    await user.type(screen.getByLabelText('age'), '50');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(sendRequest).toHaveBeenCalledWith('record.save', { dataset: 'customers', mode: 'add_row', base: { id: 'C-1', readAt: 3, row: 1 }, changes: { age: 50 } });
  });

  it('says nothing of the kind when the dataset has one', async () => {
    const user = userEvent.setup();
    render(<Harness lookUp={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
