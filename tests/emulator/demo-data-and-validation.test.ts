import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/app.ts';
import {
  DATASET_WITHOUT_IDENTIFIER,
  DEMO_API_USER,
  DEMO_DATASET,
  DEMO_RETAILER,
  HTML_RECORD_ID,
  SAMPLE_RECORD_ID,
  SPECIAL_RECORD_ID,
} from '../../emulator/demo-data.ts';
import { fieldNameProblem, isIsoDateTime, parseMultiString, validateRows } from '../../emulator/validation.ts';

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

  it('passes its own validation', () => {
    const { state } = createEmulator();
    for (const dataset of state.datasets.values()) {
      expect(validateRows(dataset.fields, dataset.records).errors).toEqual([]);
    }
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

  it('names what is wrong with a field name', () => {
    expect(fieldNameProblem('ok_Name9')).toBeNull();
    expect(fieldNameProblem('9lives')).toMatch(/begin with a letter/);
    expect(fieldNameProblem('x'.repeat(65))).toMatch(/longer than 64/);
  });
});
