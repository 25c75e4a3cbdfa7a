// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RecordView } from '@/components/record';
import { record, schema } from '@/tests/component/record/fixtures';

describe('RecordView', () => {
  it('shows one row per field, identifier first, with type and markers', () => {
    render(<RecordView schema={schema} record={record} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'customer_ididentifier',
      'record_keyunique key',
      'email',
      'age',
      'vip',
      'last_seen',
      'tags',
    ]);
    const ageRow = screen.getByRole('row', { name: /^age/ });
    expect(within(ageRow).getByText('NUMBER')).toBeInTheDocument();
    expect(within(ageRow).getByText('36')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /^tags/ })).getByText('red,navy\\, dark')).toBeInTheDocument();
  });

  it('shows null as an em dash announced as "empty", with nothing to copy', () => {
    render(<RecordView schema={schema} record={{ ...record, email: null }} />);
    const emailRow = screen.getByRole('row', { name: /^email/ });
    expect(within(emailRow).getByText('—')).toHaveAttribute('aria-hidden', 'true');
    expect(within(emailRow).getByText('empty')).toBeInTheDocument();
    expect(within(emailRow).queryByRole('button')).not.toBeInTheDocument();
  });

  it('renders HTML and script in values as plain text', () => {
    const hostile = { ...record, email: '<img src=x onerror=alert(1)>', tags: '<script>alert(1)</script>' };
    const { container } = render(<RecordView schema={schema} record={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
  });

  it('shows fields the schema does not know, after the others', () => {
    render(<RecordView schema={schema} record={{ ...record, legacy_flag: 'y' }} />);
    const row = screen.getByRole('row', { name: /^legacy_flag/ });
    expect(within(row).getByText('not in schema')).toBeInTheDocument();
    expect(screen.getAllByRole('row').at(-1)).toBe(row);
  });

  it('copies one value and says so', async () => {
    const user = userEvent.setup();
    render(<RecordView schema={schema} record={record} />);
    await user.click(screen.getByRole('button', { name: 'Copy value of email' }));
    expect(await navigator.clipboard.readText()).toBe('ada@example.com');
    expect(screen.getByRole('status')).toHaveTextContent('Copied the value of email.');
  });

  it('copies the record as JSON', async () => {
    const user = userEvent.setup();
    render(<RecordView schema={schema} record={record} />);
    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(record);
    expect(screen.getByRole('status')).toHaveTextContent('Copied the record as JSON.');
  });

  it('explains when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    render(<RecordView schema={schema} record={record} />);
    await user.click(screen.getByRole('button', { name: 'Copy value of age' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Could not copy the value of age.*copy it by hand/);
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});
