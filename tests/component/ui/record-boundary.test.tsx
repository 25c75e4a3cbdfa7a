// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordBoundary } from '@/components/ui/record-boundary';

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // React reports every caught render error on the console; the test checks what the user sees.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

function Thrower({ message }: { message: string }): never {
  throw new Error(message);
}

/** Renders values the naive way, as code that forgot a value may be any JSON would. */
function NaiveSummary({ record }: { record: Record<string, unknown> }) {
  return <p>{Object.values(record).map(String).join(', ')}</p>;
}

describe('RecordBoundary', () => {
  it('shows "This record could not be shown" with the raw JSON when a value like {"toString":1} breaks the record', () => {
    const record = { customer_id: 'C-1', notes: { toString: 1 } };
    render(
      <main>
        <p>Quick look-up</p>
        <RecordBoundary raw={record}>
          <NaiveSummary record={record} />
        </RecordBoundary>
      </main>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This record could not be shown');
    expect(screen.getByRole('heading', { name: 'This record could not be shown' })).toBeInTheDocument();
    const raw = screen.getByLabelText('Raw JSON');
    expect(raw.textContent).toBe('{\n  "customer_id": "C-1",\n  "notes": {\n    "toString": 1\n  }\n}');
    // The rest of the surface is still there.
    expect(screen.getByText('Quick look-up')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('shows a thrown component failure with the raw answer, cyclic and exact numbers included, as text', () => {
    const answer: Record<string, unknown> = { rows: [{ big: { $exactNumber: '12345678901234567890' }, html: '<img src=x onerror=alert(1)>' }] };
    answer.self = answer;
    const { container } = render(
      <RecordBoundary raw={answer}>
        <Thrower message="boom" />
      </RecordBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('(boom)');
    const raw = screen.getByLabelText('Raw JSON').textContent ?? '';
    expect(raw).toContain('"big": 12345678901234567890');
    expect(raw).toContain('"self": "[cycle]"');
    expect(raw).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });

  it('renders the children again on "Try again", and by itself when a new record comes', async () => {
    function Harness() {
      const [broken, setBroken] = useState(true);
      const [key, setKey] = useState(1);
      return (
        <>
          <button type="button" onClick={() => setBroken(false)}>
            Fix
          </button>
          <button type="button" onClick={() => setKey((k) => k + 1)}>
            Next record
          </button>
          <button type="button" onClick={() => setBroken(true)}>
            Break
          </button>
          <RecordBoundary raw={{ key }} resetKey={key}>
            {broken ? <Thrower message="bad" /> : <p>Record {key} shown</p>}
          </RecordBoundary>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Fix' }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Record 1 shown')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Break' }));
    expect(screen.getByLabelText('Raw JSON')).toHaveTextContent('"key": 1');
    await user.click(screen.getByRole('button', { name: 'Fix' }));
    await user.click(screen.getByRole('button', { name: 'Next record' }));
    expect(screen.getByText('Record 2 shown')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes another title for areas that are not a record', () => {
    render(
      <RecordBoundary title="The settings could not be shown" raw={{ autoLockMinutes: 15 }}>
        <Thrower message="x" />
      </RecordBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'The settings could not be shown' })).toBeInTheDocument();
  });
});
