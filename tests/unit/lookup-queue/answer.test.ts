import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { answerOrError, asAppError } from '@/utils/lookup-queue';
import { MonetateError } from '@/utils/monetate';

describe('a failed send', () => {
  it('reads Monetate’s 404 as the answer "no such record"', () => {
    expect(answerOrError(new MonetateError('not_found', 'record "X"', { status: 404 }))).toEqual({ ok: { record: null, rows: [] } });
  });

  it('keeps every other error as it was', () => {
    const server = new AppError('server', 'HTTP 500', { status: 500 });
    expect(answerOrError(server)).toEqual({ error: server });
  });

  it('turns a stray exception into bad_response with its message', () => {
    const outcome = answerOrError(new TypeError('boom'));
    expect('error' in outcome && outcome.error.code).toBe('bad_response');
    expect(asAppError('text').detail).toBe('text');
  });
});
