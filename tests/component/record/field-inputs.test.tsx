// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BooleanInput, DateTimeInput, MultiStringInput, NumberInput, StringInput } from '@/components/record';
import type { DateTimeFormValue } from '@/utils/schema';
import { Validated } from '@/tests/component/record/harness';

describe('StringInput', () => {
  it('is labelled with the field name and shows its type', () => {
    render(<StringInput name="email" value="ada@example.com" onChange={() => {}} />);
    const input = screen.getByLabelText('email');
    expect(input).toHaveValue('ada@example.com');
    expect(input).toHaveAccessibleDescription(/STRING/);
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('shows an empty value as an empty box, with no error when optional', () => {
    render(<Validated Input={StringInput} spec={{ data_type: 'STRING' }} initial="" name="nickname" />);
    expect(screen.getByLabelText('nickname')).toHaveValue('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says to remove leading spaces and marks the box invalid', async () => {
    const user = userEvent.setup();
    render(<Validated Input={StringInput} spec={{ data_type: 'STRING' }} initial="" name="nickname" />);
    const input = screen.getByLabelText('nickname');
    await user.type(input, ' Ada');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Remove the spaces at the start or end');
    expect(input).toHaveAccessibleDescription(/Remove the spaces at the start or end/);
    await user.clear(input);
    await user.type(input, 'Ada');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('says a required field cannot be left empty', () => {
    render(<Validated Input={StringInput} spec={{ data_type: 'STRING' }} initial="" name="tier" required />);
    expect(screen.getByLabelText('tier')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(/required/);
  });

  it('can be read-only', () => {
    render(<StringInput name="customer_id" value="C-1" onChange={() => {}} readOnly />);
    expect(screen.getByLabelText('customer_id')).toHaveAttribute('readonly');
  });
});

describe('NumberInput', () => {
  it('is a decimal text box labelled with the field name', () => {
    render(<NumberInput name="age" value="36" onChange={() => {}} />);
    const input = screen.getByLabelText('age');
    expect(input).toHaveAttribute('inputmode', 'decimal');
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveAccessibleDescription(/NUMBER/);
  });

  it('keeps partial input such as "-" and "1." while typing', async () => {
    const user = userEvent.setup();
    render(<Validated Input={NumberInput} spec={{ data_type: 'NUMBER' }} initial="" name="age" />);
    const input = screen.getByLabelText('age');
    await user.type(input, '-');
    expect(input).toHaveValue('-');
    await user.type(input, '1.');
    expect(input).toHaveValue('-1.');
    await user.type(input, '5');
    expect(input).toHaveValue('-1.5');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('explains a decimal comma and marks the box invalid', async () => {
    const user = userEvent.setup();
    render(<Validated Input={NumberInput} spec={{ data_type: 'NUMBER' }} initial="" name="age" />);
    const input = screen.getByLabelText('age');
    await user.type(input, '1,5');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Use a dot for decimals');
  });

  it('leaves an empty optional number valid (it will be stored as null)', () => {
    render(<Validated Input={NumberInput} spec={{ data_type: 'NUMBER' }} initial="" name="age" />);
    expect(screen.getByLabelText('age')).toHaveValue('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('BooleanInput', () => {
  it('offers true, false and (empty)', () => {
    render(<BooleanInput name="vip" value="true" onChange={() => {}} />);
    const select = screen.getByLabelText('vip');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['true', 'false', '(empty)']);
    expect(select).toHaveValue('true');
    expect(select).toHaveAccessibleDescription(/BOOLEAN/);
  });

  it('shows null as (empty) and reports the choice', async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    render(<Validated Input={BooleanInput} spec={{ data_type: 'BOOLEAN' }} initial="" name="vip" onValue={onValue} />);
    const select = screen.getByLabelText('vip');
    expect(select).toHaveDisplayValue('(empty)');
    await user.selectOptions(select, 'false');
    expect(onValue).toHaveBeenLastCalledWith('false');
    expect(select).toHaveValue('false');
  });

  it('marks an empty required boolean invalid', () => {
    render(<Validated Input={BooleanInput} spec={{ data_type: 'BOOLEAN' }} initial="" name="vip" required />);
    expect(screen.getByLabelText('vip')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(/required/);
  });

  it('shows a stored value that is not a boolean, with an error', () => {
    render(<Validated Input={BooleanInput} spec={{ data_type: 'BOOLEAN' }} initial="yes" name="vip" />);
    expect(screen.getByLabelText('vip')).toHaveDisplayValue('yes (not a boolean)');
    expect(screen.getByRole('alert')).toHaveTextContent('Choose true, false or (empty)');
  });
});

describe('DateTimeInput', () => {
  const zones = ['UTC', 'Europe/Paris', 'America/New_York'];
  const paris: DateTimeFormValue = { local: '2026-07-01T09:30', timeZone: 'Europe/Paris' };

  it('has a labelled date-time box and a labelled zone picker', () => {
    render(<DateTimeInput name="last_seen" value={paris} onChange={() => {}} timeZones={zones} />);
    expect(screen.getByLabelText('last_seen')).toHaveValue('2026-07-01T09:30');
    expect(screen.getByLabelText('last_seen time zone')).toHaveValue('Europe/Paris');
  });

  it('shows the ISO value that will be sent', () => {
    render(<DateTimeInput name="last_seen" value={paris} onChange={() => {}} timeZones={zones} />);
    expect(screen.getByText('2026-07-01T09:30:00+02:00')).toBeInTheDocument();
    expect(screen.getByLabelText('last_seen')).toHaveAccessibleDescription(/Will send: 2026-07-01T09:30:00\+02:00/);
  });

  it('offers UTC and the browser zone by default', () => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    render(<DateTimeInput name="last_seen" value={{ local: '', timeZone: browserZone }} onChange={() => {}} />);
    const picker = screen.getByLabelText('last_seen time zone');
    expect(picker).toHaveValue(browserZone);
    expect(within(picker).getByRole('option', { name: 'UTC' })).toBeInTheDocument();
    expect(within(picker).getByRole('option', { name: 'Europe/Paris' })).toBeInTheDocument();
  });

  it('keeps the instant when the zone changes, so the clock time moves', async () => {
    const user = userEvent.setup();
    render(<Validated Input={DateTimeInput} spec={{ data_type: 'DATETIME' }} initial={paris} name="last_seen" />);
    await user.selectOptions(screen.getByLabelText('last_seen time zone'), 'UTC');
    expect(screen.getByLabelText('last_seen')).toHaveValue('2026-07-01T07:30');
    expect(screen.getByText('2026-07-01T07:30:00Z')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('last_seen time zone'), 'America/New_York');
    expect(screen.getByLabelText('last_seen')).toHaveValue('2026-07-01T03:30');
    expect(screen.getByText('2026-07-01T03:30:00-04:00')).toBeInTheDocument();
  });

  it('reads a typed time in the chosen zone', () => {
    render(<Validated Input={DateTimeInput} spec={{ data_type: 'DATETIME' }} initial={{ local: '', timeZone: 'Europe/Paris' }} name="last_seen" />);
    expect(screen.getByText('Will send: nothing (stored as empty)')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('last_seen'), { target: { value: '2026-01-15T08:00' } });
    expect(screen.getByText('2026-01-15T08:00:00+01:00')).toBeInTheDocument();
  });

  it('refuses a time skipped by the DST jump and marks the box invalid', () => {
    render(
      <Validated Input={DateTimeInput} spec={{ data_type: 'DATETIME' }} initial={{ local: '2026-03-29T02:30', timeZone: 'Europe/Paris' }} name="last_seen" />,
    );
    expect(screen.getByLabelText('last_seen')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('does not exist in Europe/Paris');
  });

  it('notes a time that happens twice when clocks go back', () => {
    render(<DateTimeInput name="last_seen" value={{ local: '2026-10-25T02:30', timeZone: 'Europe/Paris' }} onChange={() => {}} timeZones={zones} />);
    expect(screen.getByText(/happens twice in Europe\/Paris/)).toBeInTheDocument();
    expect(screen.getByText('2026-10-25T02:30:00+02:00')).toBeInTheDocument();
  });

  it('says when a stored value cannot be read', () => {
    render(<DateTimeInput name="last_seen" value={{ local: '', timeZone: 'UTC', original: 'last tuesday' }} onChange={() => {}} timeZones={zones} />);
    expect(screen.getByText(/The stored value "last tuesday" is not a date we can read/)).toBeInTheDocument();
  });
});

describe('MultiStringInput', () => {
  it('lists the values and the joined string that will be sent', () => {
    render(<MultiStringInput name="tags" value={['red', 'navy, dark']} onChange={() => {}} />);
    const list = screen.getByRole('list', { name: 'tags values' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('red,navy\\, dark')).toBeInTheDocument();
    expect(screen.getByLabelText('tags')).toHaveAccessibleDescription(/MULTI_STRING/);
  });

  it('adds a value with the button and with Enter', async () => {
    const user = userEvent.setup();
    render(<Validated Input={MultiStringInput} spec={{ data_type: 'MULTI_STRING' }} initial={[]} name="tags" />);
    expect(screen.getByText('Will send: nothing (stored as empty)')).toBeInTheDocument();
    await user.type(screen.getByLabelText('tags'), 'red');
    await user.click(screen.getByRole('button', { name: 'Add value' }));
    await user.type(screen.getByLabelText('tags'), 'a,b{Enter}');
    expect(screen.getByRole('button', { name: 'Remove red' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove a,b' })).toBeInTheDocument();
    expect(screen.getByText('red,a\\,b')).toBeInTheDocument();
    expect(screen.getByLabelText('tags')).toHaveValue('');
  });

  it('removes a value and keeps focus in the field', async () => {
    const user = userEvent.setup();
    render(<Validated Input={MultiStringInput} spec={{ data_type: 'MULTI_STRING' }} initial={['red', 'blue']} name="tags" />);
    await user.click(screen.getByRole('button', { name: 'Remove red' }));
    expect(screen.queryByRole('button', { name: 'Remove red' })).not.toBeInTheDocument();
    expect(screen.getByText('blue', { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByLabelText('tags')).toHaveFocus();
  });

  it('refuses to add an empty value or one with edge spaces', async () => {
    const user = userEvent.setup();
    render(<Validated Input={MultiStringInput} spec={{ data_type: 'MULTI_STRING' }} initial={[]} name="tags" />);
    await user.click(screen.getByRole('button', { name: 'Add value' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type a value first.');
    await user.type(screen.getByLabelText('tags'), 'red ');
    await user.click(screen.getByRole('button', { name: 'Add value' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Remove the spaces at the start or end');
    expect(screen.getByLabelText('tags')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('flags a stored value with edge spaces', () => {
    render(<Validated Input={MultiStringInput} spec={{ data_type: 'MULTI_STRING' }} initial={['red', ' blue']} name="tags" />);
    expect(screen.getByLabelText('tags')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Remove the spaces at the start or end of " blue"');
  });
});
