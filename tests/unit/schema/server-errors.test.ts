import { describe, expect, it } from 'vitest';
import { mapServerErrorsToFields } from '@/utils/schema';
import { customerSchema } from '@/tests/unit/schema/fixtures';

describe('mapServerErrorsToFields', () => {
  it('puts each message on its field', () => {
    expect(
      mapServerErrorsToFields(
        [
          { field: 'age', row: 0, message: 'A valid number is required.' },
          { field: 'age', message: 'Must be positive.' },
          { field: 'email', message: 'Too long.' },
        ],
        customerSchema,
      ),
    ).toEqual({ byField: { age: ['A valid number is required.', 'Must be positive.'], email: ['Too long.'] }, unmatched: [] });
  });

  it('understands row paths and case differences in field names', () => {
    const mapped = mapServerErrorsToFields(
      [
        { field: 'schema_rows[0].age', message: 'Not a number.' },
        { field: 'schema_rows.0.tier', message: 'Required.' },
        { field: 'EMAIL', message: 'Bad.' },
      ],
      customerSchema,
    );
    expect(mapped.byField).toEqual({ age: ['Not a number.'], tier: ['Required.'], email: ['Bad.'] });
  });

  it('finds a field quoted in a message without a field', () => {
    expect(mapServerErrorsToFields([{ message: "'vip' must be a boolean" }], customerSchema).byField).toEqual({ vip: ["'vip' must be a boolean"] });
  });

  it('keeps messages no field owns, naming unknown fields, without duplicates', () => {
    const mapped = mapServerErrorsToFields(
      [
        { message: 'Request body is not valid.' },
        { message: 'Request body is not valid.' },
        { field: 'nickname', message: 'Unknown field.' },
        { message: "'age' and 'email' disagree" },
      ],
      customerSchema,
    );
    expect(mapped.byField).toEqual({});
    expect(mapped.unmatched).toEqual(['Request body is not valid.', 'nickname: Unknown field.', "'age' and 'email' disagree"]);
  });

  it('gives an empty message a sentence', () => {
    expect(mapServerErrorsToFields([{ field: 'age', message: '  ' }], customerSchema).byField.age).toEqual(['Monetate refused this value.']);
  });
});
