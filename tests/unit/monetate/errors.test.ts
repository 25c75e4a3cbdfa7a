import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { MonetateError, errorFromResponse, errorFromThrown, parseEnvelope, retryAfterOf } from '@/utils/monetate';

const withErrors = (errors: unknown[], code = 400) => parseEnvelope({ meta: { code, errors }, data: {} });

describe('errorFromResponse', () => {
  it('names the dataset and record ID on 404', () => {
    const error = errorFromResponse(404, withErrors([{ message: 'Not found.' }], 404), { dataset: 'customer_attributes', id: 'C-1' });
    expect(error.code).toBe('not_found');
    expect(error.detail).toBe('record "C-1" in dataset customer_attributes');
    expect(error.status).toBe(404);
  });

  it('names only the dataset on a 404 for a schema', () => {
    expect(errorFromResponse(404, undefined, { dataset: 'customers' }).detail).toBe('dataset customers');
  });

  it('falls back to the server message on a 404 without context', () => {
    expect(errorFromResponse(404, withErrors([{ message: 'No such thing' }], 404)).detail).toBe('No such thing');
  });

  it('reports 401 as unauthorized with the server message and the server clock', () => {
    const error = errorFromResponse(401, withErrors([{ message: 'Invalid signature.' }], 401), { serverDateMs: 1234 });
    expect(error.code).toBe('unauthorized');
    expect(error.detail).toBe('Invalid signature.');
    expect(error.serverDateMs).toBe(1234);
  });

  it('reads a Django-style data.detail message', () => {
    const envelope = parseEnvelope({ meta: { code: 401 }, data: { detail: 'Token expired.' } });
    expect(errorFromResponse(401, envelope).detail).toBe('Token expired.');
  });

  it('reports 403 as a revoked key', () => {
    expect(errorFromResponse(403, undefined).code).toBe('revoked');
  });

  it('reports 429 as rate_limited with the wait Monetate asked for', () => {
    const error = errorFromResponse(429, undefined, { retryAfterMs: 2500 });
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(2500);
    expect(error.detail).toBe('retry in 3 s');
    expect(retryAfterOf(error)).toBe(2500);
    expect(retryAfterOf(errorFromResponse(429, undefined))).toBeUndefined();
  });

  it('turns 400 errors with field and row into field problems', () => {
    const envelope = withErrors([
      { field: 'age', row: 0, message: 'Not a number.' },
      { field: 'email', message: 'Required.' },
      { row: '2', message: 'Unknown field "x".' },
      { message: 'Payload rejected.' },
    ]);
    const error = errorFromResponse(400, envelope);
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([
      { field: 'age', row: 0, message: 'Not a number.' },
      { field: 'email', message: 'Required.' },
      { row: 2, message: 'Unknown field "x".' },
    ]);
    expect(error.detail).toBe('Payload rejected.; age (row 0): Not a number.; email: Required.; record (row 2): Unknown field "x".');
  });

  it('keeps only messages for a 400 without field information', () => {
    const error = errorFromResponse(400, withErrors(['Bad JSON', { detail: 'schema_rows is required' }]));
    expect(error.fields).toBeUndefined();
    expect(error.detail).toBe('Bad JSON; schema_rows is required');
  });

  it.each([500, 502, 503])('reports %i as a server problem', (status) => {
    const error = errorFromResponse(status, undefined);
    expect(error.code).toBe('server');
    expect(error.detail).toBe(`HTTP ${status}`);
    expect(error.status).toBe(status);
  });

  it.each([302, 405, 418])('reports an unexpected %i as bad_response', (status) => {
    expect(errorFromResponse(status, undefined).code).toBe('bad_response');
  });

  it('returns AppErrors that the UI can describe', () => {
    expect(errorFromResponse(403, undefined)).toBeInstanceOf(AppError);
    expect(errorFromResponse(403, undefined)).toBeInstanceOf(MonetateError);
  });
});

describe('errorFromThrown', () => {
  it('reports a fetch TypeError as a network problem', () => {
    const error = errorFromThrown(new TypeError('Failed to fetch'));
    expect(error.code).toBe('network');
    expect(error.detail).toBe('Failed to fetch');
  });

  it('reports an AbortSignal timeout as a timeout', () => {
    expect(errorFromThrown(new DOMException('signal timed out', 'TimeoutError')).code).toBe('timeout');
    expect(errorFromThrown(new DOMException('aborted', 'AbortError'), { timedOut: true }).code).toBe('timeout');
  });

  it('reports an abort by the caller as cancelled', () => {
    expect(errorFromThrown(new DOMException('aborted', 'AbortError'), { cancelled: true }).code).toBe('cancelled');
  });

  it('reports any failure of a write as outcome_unknown', () => {
    expect(errorFromThrown(new TypeError('Failed to fetch'), { write: true }).code).toBe('outcome_unknown');
    expect(errorFromThrown(new DOMException('x', 'TimeoutError'), { write: true }).code).toBe('outcome_unknown');
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('bad_response', 'not JSON');
    expect(errorFromThrown(original, { write: true })).toBe(original);
  });
});
