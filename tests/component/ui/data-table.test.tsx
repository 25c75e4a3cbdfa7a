// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from '@/components/ui/data-table';

describe('DataTable', () => {
  const rows = [
    { name: 'email', type: 'STRING' },
    { name: 'age', type: 'NUMBER' },
  ];

  it('names its columns for screen readers and renders one row per item, in order', () => {
    render(<DataTable caption={{ text: 'Fields of customers' }} columns={['Field', 'Type']} rows={rows} rowKey={(row) => row.name} cells={(row) => <><td>{row.name}</td><td>{row.type}</td></>} />);
    const table = screen.getByRole('table', { name: 'Fields of customers' });
    expect(within(table).getAllByRole('columnheader').map((header) => [header.textContent, header.getAttribute('scope')])).toEqual([
      ['Field', 'col'],
      ['Type', 'col'],
    ]);
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['emailSTRING', 'ageNUMBER']);
  });

  it('keeps a hidden caption as the table’s name, off screen', () => {
    render(<DataTable caption={{ text: 'Writes, newest first', hidden: true }} columns={['When']} rows={[1]} rowKey={(n) => n} cells={(n) => <td>{n}</td>} />);
    const caption = screen.getByText('Writes, newest first');
    expect(caption).toHaveClass('mdi-visually-hidden');
    expect(screen.getByRole('table', { name: 'Writes, newest first' })).toBeInTheDocument();
  });
});
