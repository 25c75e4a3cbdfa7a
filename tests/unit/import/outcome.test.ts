import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { MonetateError } from '@/utils/monetate/api-error';
import { batchOutcomeOf } from '@/utils/import/outcome';

describe('how a failed batch ends', () => {
  it.each([
    ['a dropped connection', new AppError('outcome_unknown', 'Failed to fetch'), 'unknown'],
    ['a 500', new MonetateError('server', 'HTTP 500', { status: 500 }), 'unknown'],
    ['a 502 from a gateway', new MonetateError('outcome_unknown', 'HTTP 502 from a gateway', { status: 502 }), 'unknown'],
    ['an odd status', new MonetateError('bad_response', 'unexpected HTTP 20', { status: 20 }), 'unknown'],
    ['a 413', new MonetateError('bad_response', 'unexpected HTTP 413', { status: 413 }), 'too_large'],
    ['a 429', new MonetateError('rate_limited', 'wait', { status: 429, retryAfterMs: 1000 }), 'rate_limited'],
    ['a 503', new MonetateError('server', 'HTTP 503', { status: 503 }), 'server_error'],
    ['a 403', new MonetateError('revoked', 'revoked', { status: 403 }), 'refused'],
    ['a locked key before sending', new AppError('locked'), 'refused'],
  ])('%s is %s', (_what, error, kind) => {
    expect(batchOutcomeOf(error).kind).toBe(kind);
  });

  it('maps a 400 to the rows Monetate named, as positions among the valid rows', () => {
    const error = new MonetateError('validation', 'bad', { status: 400, fields: [{ row: 1, field: 'email', message: 'x' }, { row: 9, message: 'out of range' }] });
    expect(batchOutcomeOf(error, [40, 42, 43])).toMatchObject({ kind: 'rejected', rejectedRows: [42] });
  });
});
