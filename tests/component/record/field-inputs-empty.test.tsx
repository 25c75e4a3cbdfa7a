// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DateTimeInput, MultiStringInput, NumberInput, StringInput } from '@/components/record';
import type { DateTimeFormValue } from '@/utils/schema';
import { Validated } from '@/tests/component/record/harness';

describe('empty and null values in each input', () => {
  it('an empty optional DATETIME will send nothing and is valid; a required one is not', () => {
    const empty: DateTimeFormValue = { local: '', timeZone: 'UTC' };
    render(<Validated Input={DateTimeInput} spec={{ data_type: 'DATETIME' }} initial={empty} name="seen" />);
    expect(screen.getByLabelText('seen')).toHaveAccessibleDescription(/Will send: nothing \(stored as empty\)/);
    expect(screen.getByLabelText('seen')).not.toHaveAttribute('aria-invalid');
    render(<Validated Input={DateTimeInput} spec={{ data_type: 'DATETIME' }} initial={empty} name="born" required />);
    expect(screen.getByLabelText('born')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('born')).toHaveAccessibleDescription(/this field is required/);
  });

  it('a DATETIME keeps its stored value byte for byte while untouched, and converts once edited', async () => {
    const stored: DateTimeFormValue = { local: '2025-02-03T03:05:06.789', timeZone: 'UTC', original: '2025-02-03T04:05:06.789+01:00' };
    render(<Validated Input={DateTimeInput} spec={{ data_type: 'DATETIME' }} initial={stored} name="seen" />);
    expect(screen.getByText('2025-02-03T04:05:06.789+01:00')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('seen time zone'), 'Asia/Tokyo');
    // Same instant in another zone: still the stored string.
    expect(screen.getByLabelText('seen')).toHaveValue('2025-02-03T12:05:06.789');
    expect(screen.getByText('2025-02-03T04:05:06.789+01:00')).toBeInTheDocument();
  });

  it('an empty MULTI_STRING says it will be stored as empty', () => {
    render(<Validated Input={MultiStringInput} spec={{ data_type: 'MULTI_STRING' }} initial={[]} name="tags" />);
    expect(screen.getByText('No values.')).toBeInTheDocument();
    expect(screen.getByText('Will send: nothing (stored as empty)')).toBeInTheDocument();
    expect(screen.getByLabelText('tags')).not.toHaveAttribute('aria-invalid');
  });

  it('a STRING of only spaces is refused rather than stored as null', () => {
    render(<Validated Input={StringInput} spec={{ data_type: 'STRING' }} initial="   " name="note" />);
    expect(screen.getByLabelText('note')).toHaveAccessibleDescription(/only spaces/);
  });

  it.each([
    ['abc', /Enter a number/],
    ['1e999', /too large/],
    ['12 000', /Enter a number/],
  ])('a NUMBER %j is refused with a sentence', (text, message) => {
    render(<Validated Input={NumberInput} spec={{ data_type: 'NUMBER' }} initial={text} name="n" />);
    expect(screen.getByLabelText('n')).toHaveAccessibleDescription(message);
  });
});
