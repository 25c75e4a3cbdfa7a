// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DiffView, RowsTable } from '@/components/record';
import type { DatasetSchema, RecordValues } from '@/utils/schema';

const events: DatasetSchema = {
  name: 'next buy reco semi known users',
  fields: {
    customer_id: { data_type: 'STRING', identifier: true },
    event_time: { data_type: 'DATETIME', event_time: true },
    product: { data_type: 'STRING' },
  },
};

const id = 'MCMID|00002812570000000000000000000001';
// Server order: oldest, an unreadable time, newest, middle (in a form strict ISO does not read).
const rows: RecordValues[] = [
  { customer_id: id, event_time: '2025-01-01T10:00:00Z', product: 'oldest' },
  { customer_id: id, event_time: 'not a date', product: '<b>unreadable</b>' },
  { customer_id: id, event_time: '2025-03-01T10:00:00Z', product: 'newest' },
  { customer_id: id, event_time: '2025-02-01 10:00:00+00:00', product: 'middle' },
];

const table = () => screen.getByRole('table', { name: `Rows of “${id}” in ${events.name}` });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

describe('RowsTable', () => {
  it('shows every row, newest first by the event time field, unreadable times last', () => {
    render(<RowsTable schema={events} recordId={id} rows={rows} />);
    expect(bodyRows()).toHaveLength(4);
    expect(bodyRows().map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual(['newest', 'middle', 'oldest', '<b>unreadable</b>']);
    expect(bodyRows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['1', '2', '3', '4']);
  });

  it('keeps server order when the dataset has no event time field', () => {
    const plain: DatasetSchema = { ...events, fields: { ...events.fields, event_time: { data_type: 'DATETIME' } } };
    render(<RowsTable schema={plain} recordId={id} rows={rows} />);
    expect(bodyRows().map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual(['oldest', '<b>unreadable</b>', 'newest', 'middle']);
  });

  it('renders values as text, structured and exact ones included', () => {
    const odd: RecordValues[] = [{ customer_id: id, event_time: null, product: { toString: 1 } }, { customer_id: id, event_time: null, product: { $exactNumber: '1e400' } }];
    const { container } = render(<RowsTable schema={events} recordId={id} rows={[...odd, rows[1]!]} />);
    expect(within(table()).getByText('{"toString":1}')).toBeInTheDocument();
    expect(within(table()).getByText('1e400')).toBeInTheDocument();
    expect(within(table()).getByText('<b>unreadable</b>')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
  });

  it('names each row’s action by the row number shown, and hands back its place in Monetate’s answer', async () => {
    const onChoose = vi.fn();
    render(<RowsTable schema={events} recordId={id} rows={rows} action={{ verb: 'Add a row from', onChoose }} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add a row from row 1' }));
    expect(onChoose).toHaveBeenCalledWith(2);
  });

  it('offers no action when none is given (a read-only profile)', () => {
    render(<RowsTable schema={events} recordId={id} rows={rows} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('DiffView', () => {
  it('names every changed field with its old and new value, a null included', () => {
    render(
      <DiffView
        diff={[
          { field: 'product', before: 'shoes', after: null, becomesNull: true },
          { field: 'score', before: { $exactNumber: '12345678901234567890' }, after: 7, becomesNull: false },
        ]}
      />,
    );
    const [product, score] = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(product).toHaveTextContent(/product\s*shoes\s*—\s*empty\s*becomes empty \(null\)/);
    expect(score).toHaveTextContent(/score\s*12345678901234567890\s*7/);
  });
});
