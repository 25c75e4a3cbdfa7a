import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, describeError, isErrorInfo } from '@/utils/errors';

describe('typed errors', () => {
  it('carry their structured params into plain data and into the sentence', () => {
    const error = new AppError('import_unfinished', undefined, { params: { file: 'people.csv', dataset: 'customers' } });
    const info = error.toInfo();
    expect(info).toEqual({ code: 'import_unfinished', params: { file: 'people.csv', dataset: 'customers' } });
    expect(isErrorInfo(JSON.parse(JSON.stringify(info)))).toBe(true);
    expect(describeError(info)).toBe('An import of “people.csv” into customers is not finished. Resume it or cancel it first.');
  });

  it('give every code a sentence, with or without its detail', () => {
    for (const code of ERROR_CODES) {
      expect(describeError({ code }), code).toMatch(/\S.*[.!]$/);
      expect(describeError({ code, detail: 'x', params: {} }), code).not.toMatch(/undefined/);
    }
  });

  it('no longer has a catch-all invalid_input code', () => {
    expect(ERROR_CODES as readonly string[]).not.toContain('invalid_input');
  });
});
