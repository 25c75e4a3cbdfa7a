import { describe, expect, it } from 'vitest';
import { editLogToCsv, editLogToJson } from '@/utils/export/edit-log-export';
import type { EditLogEntry } from '@/utils/storage/items';

const entry: EditLogEntry = {
  at: Date.UTC(2026, 10, 27, 9, 30),
  profileId: 'p1',
  profileName: 'Acme, production',
  dataset: 'customer_attributes',
  recordId: 'C-1',
  kind: 'update',
  changes: [
    { field: 'first_name', before: 'Ann "A"', after: '=HYPERLINK("x")' },
    { field: 'lifetime_value', before: 10, after: null },
  ],
  result: 'saved',
};

describe('edit log export', () => {
  it('writes one CSV line per changed field with quoting a spreadsheet reads back', () => {
    const csv = editLogToCsv([entry]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('when,profile,dataset,record,kind,field,before,after,result,message');
    expect(lines[1]).toBe('2026-11-27T09:30:00.000Z,"Acme, production",customer_attributes,C-1,update,first_name,"Ann ""A""","\'=HYPERLINK(""x"")",saved,');
    expect(lines[2]).toContain(',lifetime_value,10,,saved,');
  });

  it('keeps entries without field changes as one line', () => {
    const csv = editLogToCsv([{ ...entry, changes: [], result: 'outcome_unknown', message: 'no answer' }]);
    expect(csv.trimEnd().split('\r\n')[1]).toMatch(/,outcome_unknown,no answer$/);
  });

  it('writes JSON with ISO times', () => {
    const parsed = JSON.parse(editLogToJson([entry])) as Array<{ at: string; changes: unknown[] }>;
    expect(parsed[0]?.at).toBe('2026-11-27T09:30:00.000Z');
    expect(parsed[0]?.changes).toHaveLength(2);
  });
});
