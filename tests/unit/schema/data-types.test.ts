import { describe, expect, it } from 'vitest';
import { DATA_TYPES, MAX_FIELDS, isDataType, isKnownDataType } from '@/utils/schema/data-types';
import { schemaSchema } from '@/utils/monetate/schemas';
import { requestSchemas } from '@/utils/messages/request-schemas';
import { isDataType as emulatorAccepts, MAX_FIELDS as EMULATOR_MAX_FIELDS } from '@/emulator/validation.ts';

describe('one list of data types', () => {
  it('lets a new attribute have exactly the types the background and the emulator accept', () => {
    for (const type of DATA_TYPES) {
      expect(requestSchemas['schema.addAttributes'].safeParse({ dataset: 'customers', fields: { x: { data_type: type } } }).success).toBe(true);
      expect(emulatorAccepts(type)).toBe(true);
    }
    for (const type of ['GOOGLE_PRODUCT_CATEGORY', 'GEO_POINT', 'string']) {
      expect(isDataType(type)).toBe(false);
      expect(requestSchemas['schema.addAttributes'].safeParse({ dataset: 'customers', fields: { x: { data_type: type } } }).success).toBe(false);
      expect(emulatorAccepts(type)).toBe(false);
    }
    expect(EMULATOR_MAX_FIELDS).toBe(MAX_FIELDS);
  });

  it('reads a schema with a type it does not know, keeping the type as given', () => {
    const parsed = schemaSchema.parse({ name: 'geo', fields: { at: { data_type: 'GEO_POINT' }, cat: { data_type: 'GOOGLE_PRODUCT_CATEGORY' } } });
    expect(parsed.fields.at?.data_type).toBe('GEO_POINT');
    expect(isKnownDataType('GEO_POINT')).toBe(false);
    expect(isKnownDataType('GOOGLE_PRODUCT_CATEGORY')).toBe(true);
  });
});
