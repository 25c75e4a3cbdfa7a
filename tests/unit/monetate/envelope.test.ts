import { describe, expect, it } from 'vitest';
import { readEnvelope } from '@/utils/monetate';
import { failureOf } from '@/tests/support/failure';

const failure = failureOf;

describe('readEnvelope', () => {
  it('reads a Monetate envelope', async () => {
    const body = JSON.stringify({ meta: { code: 200, warnings: [] }, data: { schema_rows: [{ id: 'C-1' }] } });
    const envelope = await readEnvelope(new Response(body, { status: 200 }));
    expect(envelope.meta.code).toBe(200);
    expect(envelope.data).toEqual({ schema_rows: [{ id: 'C-1' }] });
  });

  it('refuses an answer whose Content-Length is over the cap without reading it', async () => {
    const response = new Response('{}', { headers: { 'Content-Length': '3000000' } });
    const error = await failure(readEnvelope(response));
    expect(error.code).toBe('bad_response');
    expect(error.detail).toBe('answer too large (3 MB)');
  });

  it('stops reading an endless body once it passes the cap', async () => {
    let pulls = 0;
    const chunk = new TextEncoder().encode('x'.repeat(1000));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(chunk);
      },
    });
    const error = await failure(readEnvelope(new Response(endless), { maxBytes: 10_000 }));
    expect(error.code).toBe('bad_response');
    expect(error.detail).toBe('answer too large (more than 0.01 MB)');
    expect(pulls).toBeLessThan(20);
  });

  it('refuses a body larger than the cap even without Content-Length', async () => {
    const big = JSON.stringify({ meta: { code: 200 }, data: 'y'.repeat(5000) });
    const error = await failure(readEnvelope(new Response(big), { maxBytes: 1000 }));
    expect(error.detail).toMatch(/^answer too large/);
  });

  it('refuses HTML with "not JSON"', async () => {
    const error = await failure(readEnvelope(new Response('<html>Bad gateway</html>', { status: 502 })));
    expect(error.code).toBe('bad_response');
    expect(error.detail).toBe('not JSON');
    expect(error.status).toBe(502);
  });

  it('refuses an empty body with "not JSON"', async () => {
    expect((await failure(readEnvelope(new Response(null)))).detail).toBe('not JSON');
  });

  it('refuses JSON without meta with "missing meta"', async () => {
    const error = await failure(readEnvelope(new Response(JSON.stringify({ data: {} }))));
    expect(error.code).toBe('bad_response');
    expect(error.detail).toBe('missing meta');
    expect((await failure(readEnvelope(new Response('[1,2]')))).detail).toBe('missing meta');
  });

  it('refuses a meta without a numeric code', async () => {
    const error = await failure(readEnvelope(new Response(JSON.stringify({ meta: { code: 'ok' }, data: {} }))));
    expect(error.detail).toBe('meta has no numeric code');
  });
});
