import { describe, expect, it } from 'vitest';
import { createEmulator } from '@/emulator/app.ts';
import {
  DATASET_WITHOUT_IDENTIFIER,
  DEMO_API_USER,
  DEMO_DATASET,
  DEMO_RETAILER,
  HTML_RECORD_ID,
  MIXED_CASE_IDS,
  MULTI_ROW_ID,
  ODD_VALUES,
  ODD_VALUES_RECORD_ID,
  SAMPLE_RECORD_ID,
  SPACED_DATASET,
  SPECIAL_RECORD_ID,
} from '@/emulator/demo-data.ts';
import { isLosslessNumber } from '@/emulator/json.ts';
import { rowsForId } from '@/emulator/state.ts';
import { fieldNameProblem, isAcceptedDateTime, isIsoDateTime, parseMultiString, validateRows } from '@/emulator/validation.ts';

function snapshot(): unknown {
  const { state } = createEmulator();
  return [...state.datasets.values()].map((d) => ({ ...d, fields: [...d.fields] }));
}

describe('demo data', () => {
  it('is identical on every run', () => {
    expect(snapshot()).toEqual(snapshot());
  });

  it('has the documented names, 50+ customers and the notable records', () => {
    expect([DEMO_RETAILER, DEMO_API_USER, DEMO_DATASET, DATASET_WITHOUT_IDENTIFIER]).toEqual(['demo', 'api-demo-inspector', 'customer_attributes', 'store_visits']);
    const { state } = createEmulator();
    const customers = state.datasets.get(DEMO_DATASET);
    expect(customers?.records.length).toBeGreaterThanOrEqual(52);
    const ids = customers?.records.map((r) => r.customer_id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([SAMPLE_RECORD_ID, HTML_RECORD_ID, SPECIAL_RECORD_ID]));
    for (const ch of ['/', '?', '#', '%', ' ', 'é']) expect(SPECIAL_RECORD_ID).toContain(ch);
    const html = customers?.records.find((r) => r.customer_id === HTML_RECORD_ID);
    expect(Object.values(html ?? {}).join(' ')).toMatch(/<img src=x onerror=alert\(1\)>[\s\S]*<script>alert\(1\)<\/script>/);
    const sample = customers?.records.find((r) => r.customer_id === SAMPLE_RECORD_ID);
    expect(Object.entries(sample ?? {}).filter(([, v]) => v === null).map(([k]) => k)).toEqual(['notes']);
    expect(state.datasets.get(DATASET_WITHOUT_IDENTIFIER)?.named_identifier).toBeUndefined();
  });

  it('passes its own validation, but for the odd record whose notes end in a space', () => {
    const { state } = createEmulator();
    for (const dataset of state.datasets.values()) {
      const errors = validateRows(dataset.fields, dataset.records).errors;
      const oddRow = dataset.records.findIndex((r) => r.customer_id === ODD_VALUES_RECORD_ID);
      expect(errors).toEqual(oddRow < 0 ? [] : [{ row: oddRow, field: 'notes', message: expect.stringMatching(/leading or trailing whitespace/) }]);
    }
  });

  it('holds values a typed form cannot show in the odd record', () => {
    const { state } = createEmulator();
    const odd = rowsForId(state.datasets.get(DEMO_DATASET)!, ODD_VALUES_RECORD_ID);
    expect(odd).toHaveLength(1);
    const row = odd[0]!;
    expect(row.last_purchase_at).toBe('2025-01-01 10:00:00+00:00');
    expect(isLosslessNumber(row.lifetime_value) && row.lifetime_value.value).toBe('12345678901234567890');
    expect(BigInt(ODD_VALUES.lifetime_value) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(row.is_subscribed).toBe('TRUE');
    expect(row.notes).toBe(ODD_VALUES.notes);
    expect(ODD_VALUES.notes.endsWith(' ')).toBe(true);
  });

  it('has a spaced dataset without a unique key: several rows per ID, | in IDs, case-distinct IDs', () => {
    const { state } = createEmulator();
    const spaced = state.datasets.get(SPACED_DATASET)!;
    expect(SPACED_DATASET).toContain(' ');
    expect([...spaced.fields.values()].some((f) => f.unique_key)).toBe(false);
    expect(spaced.fields.get('event_time')).toMatchObject({ data_type: 'DATETIME', event_time: true });
    expect(spaced.fields.get('customer_id')).toMatchObject({ identifier: true });
    const multi = rowsForId(spaced, MULTI_ROW_ID);
    expect(multi).toHaveLength(3);
    expect(MULTI_ROW_ID).toContain('|');
    // Stored neither oldest nor newest first, so sorting by event time is visible.
    const times = multi.map((r) => String(r.event_time));
    expect(times).not.toEqual([...times].sort());
    expect(times).not.toEqual([...times].sort().reverse());
    const [lower, upper] = MIXED_CASE_IDS;
    expect(lower.toLowerCase()).toBe(upper.toLowerCase());
    expect(rowsForId(spaced, lower)).toHaveLength(1);
    expect(rowsForId(spaced, upper)).toHaveLength(1);
    expect(rowsForId(spaced, lower)[0]).not.toEqual(rowsForId(spaced, upper)[0]);
    expect(rowsForId(spaced, lower.toLowerCase())).toEqual([]);
  });
});

describe('validation helpers', () => {
  it('splits MULTI_STRING values with \\, and \\\\ escapes', () => {
    expect(parseMultiString('a,b\\,c,d\\\\e')).toEqual({ values: ['a', 'b,c', 'd\\e'] });
    expect(parseMultiString('trailing\\')).toHaveProperty('error');
  });

  it.each([
    ['2024-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2025-04-31T00:00:00Z', false],
    ['2025-12-31T23:59:59.999999999+14:00', true],
    ['2025-12-31T23:59:60Z', false],
    ['2025-12-31t23:59:59z', false],
    ['2025-12-31T23:59:59+0100', false],
    ['2025-12-31 23:59:59Z', false],
  ])('isIsoDateTime(%s) is %s', (text, expected) => {
    expect(isIsoDateTime(text)).toBe(expected);
  });

  it.each([
    ['2025-01-01T10:00:00', true],
    ['2025-01-01 10:00:00+00:00', true],
    ['2025-01-01T10:00:00+0000', true],
    ['2025-01-01T10:00:00.123456Z', true],
    ['2025-01-01T10:00:00-05:30', true],
    ['2025-12-31 23:59:59Z', true],
    ['2025-01-01', false],
    ['2025-01-01T10:00', false],
    ['2025-01-01T10:00:00+00', false],
    ['2025-02-29 10:00:00', false],
    ['2025-01-01T10:00:00+2400', false],
    ['2025-01-01t10:00:00z', false],
    [' 2025-01-01T10:00:00Z', false],
  ])('isAcceptedDateTime(%j) is %s', (text, expected) => {
    expect(isAcceptedDateTime(text)).toBe(expected);
  });

  it('names what is wrong with a field name', () => {
    expect(fieldNameProblem('ok_Name9')).toBeNull();
    expect(fieldNameProblem('9lives')).toMatch(/begin with a letter/);
    expect(fieldNameProblem('x'.repeat(65))).toMatch(/longer than 64/);
  });
});
