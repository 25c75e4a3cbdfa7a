import { describe, expect, it } from 'vitest';
import { checkImportRow, ProblemReport, type CellProblem } from '@/utils/import/check';
import { proposeMapping, reviewMapping } from '@/utils/import/mapping';
import type { DatasetSchema } from '@/utils/schema';

const schema: DatasetSchema = {
  name: 'customers',
  named_identifier: 'customer_id',
  fields: {
    customer_id: { data_type: 'STRING', identifier: true, unique_key: true },
    email: { data_type: 'STRING' },
    points: { data_type: 'NUMBER' },
    vip: { data_type: 'BOOLEAN' },
    last_seen: { data_type: 'DATETIME' },
    tags: { data_type: 'MULTI_STRING' },
  },
};

const mapping = proposeMapping(['Customer_ID', 'EMAIL', 'points', 'vip', 'last_seen', 'tags'], schema);
const check = (cells: Record<string, unknown>, timeZone = 'UTC') => checkImportRow(schema, mapping, { rowNumber: 7, cells }, { timeZone });
const reasons = (result: ReturnType<typeof check>): CellProblem[] => (result.ok ? [] : result.problems);

describe('mapping file columns to dataset fields', () => {
  it('matches headers to fields by name, ignoring case, and lists the rest', () => {
    const proposed = proposeMapping(['Customer_ID', 'Email', 'loyalty score'], schema);
    expect(proposed).toEqual({ Customer_ID: 'customer_id', Email: 'email', 'loyalty score': null });
    const review = reviewMapping(proposed, schema);
    expect(review.problems).toEqual([]);
    expect(review.unknownColumns).toEqual(['loyalty score']);
    expect(review.fieldsNotInFile).toEqual(['points', 'vip', 'last_seen', 'tags']);
  });

  it('requires the identifier column and refuses two columns for one field', () => {
    expect(reviewMapping({ Email: 'email' }, schema).problems).toEqual(['Map a column to customer_id, the identifier: every row needs it.']);
    expect(reviewMapping({ id: 'customer_id', other: 'customer_id' }, schema).problems).toEqual([
      'Columns “id” and “other” both go to customer_id. Map one of them elsewhere or ignore it.',
    ]);
  });

  it('does not call a column the user chose to ignore unknown', () => {
    expect(reviewMapping({ customer_id: 'customer_id', EMAIL: null }, schema).unknownColumns).toEqual([]);
  });
});

describe('checking a row against the schema', () => {
  it('converts CSV text to each type; an empty cell is null and left out', () => {
    const result = check({ Customer_ID: 'C-1', EMAIL: '', points: '12.5', vip: 'TRUE', last_seen: '2026-03-31T14:30:00+02:00', tags: 'a,b' });
    expect(result).toEqual({ ok: true, row: { customer_id: 'C-1', points: 12.5, vip: true, last_seen: '2026-03-31T14:30:00+02:00', tags: 'a,b' } });
  });

  it('accepts true/false/TRUE/FALSE/1/0 for BOOLEAN and nothing else', () => {
    const vip = (cell: string) => {
      const result = check({ Customer_ID: 'C-1', vip: cell });
      return result.ok ? result.row.vip : 'refused';
    };
    expect(['true', 'TRUE', '1', 'false', 'FALSE', '0', 'yes', 'True'].map(vip)).toEqual([true, true, true, false, false, false, 'refused', 'refused']);
  });

  it('applies the chosen zone to dates written without one, and keeps zoned ones', () => {
    const seen = (cell: string, zone: string) => {
      const result = check({ Customer_ID: 'C-1', last_seen: cell }, zone);
      return result.ok ? result.row.last_seen : reasons(result)[0]?.reason;
    };
    expect(seen('2026-07-01 09:30', 'Europe/Paris')).toBe('2026-07-01T09:30:00+02:00');
    expect(seen('2026-07-01', 'UTC')).toBe('2026-07-01T00:00:00Z');
    expect(seen('2026-07-01 09:30:00+00:00', 'Europe/Paris')).toBe('2026-07-01T09:30:00+00:00');
    expect(seen('2026-07-01T09:30:00.123456Z', 'Europe/Paris')).toBe('2026-07-01T09:30:00.123456Z');
    expect(seen('31/03/2026', 'UTC')).toMatch(/ISO-8601/);
  });

  it('keeps a number beyond 2^53 exactly as the file wrote it', () => {
    expect(check({ Customer_ID: 'C-1', points: '12345678901234567890' })).toEqual({ ok: true, row: { customer_id: 'C-1', points: { $exactNumber: '12345678901234567890' } } });
  });

  it('names the row, column, value and reason of every problem in a row', () => {
    const result = check({ Customer_ID: ' C-1', points: '1,5', vip: 'yes', tags: 'a,,b' });
    expect(reasons(result).map(({ rowNumber, column, value }) => ({ rowNumber, column, value }))).toEqual([
      { rowNumber: 7, column: 'Customer_ID', value: ' C-1' },
      { rowNumber: 7, column: 'points', value: '1,5' },
      { rowNumber: 7, column: 'vip', value: 'yes' },
      { rowNumber: 7, column: 'tags', value: 'a,,b' },
    ]);
    expect(reasons(result)[1]?.reason).toBe('Use a dot for decimals, for example 1.5 rather than 1,5.');
    expect(reasons(check({ EMAIL: 'a@b.c' }))[0]?.reason).toMatch(/identifier/);
  });

  it('takes JSON values as they are when their type fits', () => {
    expect(check({ Customer_ID: 'C-1', points: 3, vip: false, tags: 'x' })).toEqual({ ok: true, row: { customer_id: 'C-1', points: 3, vip: false, tags: 'x' } });
    expect(reasons(check({ Customer_ID: 'C-1', points: [1, 2] }))[0]?.reason).toMatch(/not a list or an object/);
  });

  it('reports a row the reader could not split, as a whole', () => {
    const result = checkImportRow(schema, mapping, { rowNumber: 3, cells: {}, problem: 'has 2 cells; the header has 6' }, { timeZone: 'UTC' });
    expect(reasons(result)).toEqual([{ rowNumber: 3, column: '', value: '', reason: 'This row has 2 cells; the header has 6.' }]);
  });
});

describe('the problem report', () => {
  it('shows the first 100 problems and counts them all', () => {
    const report = new ProblemReport();
    for (let row = 1; row <= 150; row++) report.add([{ rowNumber: row, column: 'a', value: '', reason: 'x' }, { rowNumber: row, column: 'b', value: '', reason: 'y' }]);
    expect(report.shown).toHaveLength(100);
    expect(report.shown[99]).toMatchObject({ rowNumber: 50, column: 'b' });
    expect(report.problemCount).toBe(300);
    expect(report.rowsWithProblems).toBe(150);
  });
});
