import { describe, expect, it, vi } from 'vitest';
import { describeError } from '@/utils/errors';
import { createMonetateClient } from '@/utils/monetate';
import { failureOf } from '@/tests/support/failure';

const target = { baseUrl: 'https://api.monetate.net', retailer: 'acme' };

function answering(status: number, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(JSON.stringify({ meta: { code: status, errors: ['Internal error'] }, data: {} }), { status, headers: { 'Content-Type': 'application/json', ...headers } }));
}


describe('what a write’s answer tells the user', () => {
  it.each([500, 502, 503, 504])('treats HTTP %i to a save as outcome unknown: it may have been applied', async (status) => {
    const fetch = answering(status);
    const error = await failureOf(createMonetateClient({ fetch }).postRows(target, 't', 'customers', [{ customer_id: 'C-1' }]));
    expect(error.code).toBe('outcome_unknown');
    expect(describeError(error)).not.toMatch(/try again/i);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says a 429 to a save was not taken and not retried, never "will be retried"', async () => {
    const fetch = answering(429, { 'Retry-After': '3' });
    const error = await failureOf(createMonetateClient({ fetch }).postRows(target, 't', 'customers', [{ customer_id: 'C-1' }]));
    expect(error.code).toBe('write_rate_limited');
    expect(describeError(error)).not.toMatch(/will be retried/);
    expect(describeError(error)).toMatch(/not retried/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('still reports a 500 to a read as a server problem', async () => {
    const error = await failureOf(createMonetateClient({ fetch: answering(500) }).getSchema(target, 't', 'customers'));
    expect(error.code).toBe('server');
  });
});
