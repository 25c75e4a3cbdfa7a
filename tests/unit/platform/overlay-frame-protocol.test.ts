import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { acceptConnect, connectMessage, newFrameNonce, nonceFromHash, parseFromFrame, parseToFrame, type ConnectContext } from '@/utils/messages/overlay-frame';
import { isPlatformOrigin } from '@/utils/platform/selectors';

const PLATFORM = 'https://marketer.monetate.net';
const nonce = newFrameNonce();
const handshake = (changes: Partial<ConnectContext> = {}): ConnectContext => ({
  data: connectMessage(nonce),
  origin: PLATFORM,
  fromParent: true,
  parentIsTop: true,
  nonce,
  ancestorOrigin: PLATFORM,
  isPlatformOrigin: (origin) => isPlatformOrigin(origin, false),
  ...changes,
});

describe('the handshake between the overlay’s content script and its frame', () => {
  it('makes a fresh, URL-safe nonce for every frame, and reads it back from the frame’s address', () => {
    const other = newFrameNonce();
    expect(other).not.toBe(nonce);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(nonceFromHash(`#${nonce}`)).toBe(nonce);
    expect(nonceFromHash('')).toBeNull();
    expect(nonceFromHash('#short')).toBeNull();
    expect(nonceFromHash('#<script>alert(1)</script>aaaaaaaaaaaa')).toBeNull();
  });

  it('accepts the content script’s connect: from the parent, the top-level platform page, with the frame’s nonce', () => {
    expect(acceptConnect(handshake())).toBe(true);
    // Firefox gives no ancestorOrigins: the nonce and the origin still decide.
    expect(acceptConnect(handshake({ ancestorOrigin: null }))).toBe(true);
  });

  it('refuses anything else, whoever sends it', () => {
    expect(acceptConnect(handshake({ data: connectMessage(newFrameNonce()) }))).toBe(false); // a guessed nonce
    expect(acceptConnect(handshake({ nonce: null }))).toBe(false); // a frame loaded without one
    expect(acceptConnect(handshake({ fromParent: false }))).toBe(false); // another window
    expect(acceptConnect(handshake({ parentIsTop: false }))).toBe(false); // framed inside a frame
    expect(acceptConnect(handshake({ origin: 'https://evil.example', ancestorOrigin: 'https://evil.example' }))).toBe(false);
    expect(acceptConnect(handshake({ ancestorOrigin: 'https://evil.example' }))).toBe(false);
    expect(acceptConnect(handshake({ data: { ...connectMessage(nonce), extra: 1 } }))).toBe(false);
    expect(acceptConnect(handshake({ data: { type: 'mdi-overlay-frame:hello', nonce } }))).toBe(false);
    expect(acceptConnect(handshake({ data: JSON.stringify(connectMessage(nonce)) }))).toBe(false);
  });
});

describe('the messages over the overlay’s port', () => {
  it('carries only open/close/focus/size, the page’s dataset, a clicked ID and hide-on-site', () => {
    expect(parseToFrame({ type: 'focus' })).toEqual({ type: 'focus' });
    expect(parseToFrame({ type: 'page-dataset', dataset: 'customer_attributes' })).toEqual({ type: 'page-dataset', dataset: 'customer_attributes' });
    expect(parseToFrame({ type: 'page-dataset', dataset: null })).toEqual({ type: 'page-dataset', dataset: null });
    expect(parseToFrame({ type: 'show-record', dataset: null, id: 'MCMID|0001' })).toEqual({ type: 'show-record', dataset: null, id: 'MCMID|0001' });
    expect(parseToFrame({ type: 'hide-failed', code: 'network' })).toEqual({ type: 'hide-failed', code: 'network' });
    expect(parseFromFrame({ type: 'ready', nonce })).toEqual({ type: 'ready', nonce });
    expect(parseFromFrame({ type: 'close' })).toEqual({ type: 'close' });
    expect(parseFromFrame({ type: 'size', height: 412.5 })).toEqual({ type: 'size', height: 412.5 });
    expect(parseFromFrame({ type: 'hide-on-site' })).toEqual({ type: 'hide-on-site' });
  });

  it('drops anything else: records, tokens, unknown types, wrong shapes', () => {
    for (const bad of [
      null,
      'focus',
      [],
      { type: 'record', record: { email: 'x' } },
      { type: 'token', token: 'abc' },
      { type: 'focus', token: 'abc' },
      { type: 'page-dataset' },
      { type: 'page-dataset', dataset: 7 },
      { type: 'page-dataset', dataset: 'x'.repeat(65) },
      { type: 'page-dataset', dataset: ' padded ' },
      { type: 'show-record', dataset: null, id: '' },
      { type: 'show-record', dataset: null, id: 'x'.repeat(513) },
      { type: 'show-record', dataset: null, id: 'C-1', row: { a: 1 } },
      { type: 'hide-failed', code: 'network', detail: 'x'.repeat(501) },
    ]) {
      expect(parseToFrame(bad), JSON.stringify(bad)).toBeNull();
    }
    for (const bad of [
      null,
      { type: 'ready' },
      { type: 'ready', nonce: 'short' },
      { type: 'size', height: -1 },
      { type: 'size', height: Number.NaN },
      { type: 'size', height: '100' },
      { type: 'close', also: 'lookup' },
      { type: 'lookup.record', dataset: 's', id: 'i' },
      Object.assign(Object.create({ inherited: true }) as object, { type: 'close' }),
    ]) {
      expect(parseFromFrame(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('messages made in another realm (Firefox content scripts)', () => {
  it('reads a plain object whose Object.prototype is another realm’s, as Firefox delivers the frame’s answers to a content script', () => {
    const nonce = newFrameNonce();
    const foreign = runInNewContext(`({ type: 'ready', nonce: ${JSON.stringify(nonce)} })`) as unknown;
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype);
    expect(parseFromFrame(foreign)).toEqual({ type: 'ready', nonce });
    expect(parseToFrame(runInNewContext(`({ type: 'focus' })`))).toEqual({ type: 'focus' });
  });

  it('still refuses anything but a plain object: class instances, arrays and dates of either realm', () => {
    class Ready {
      type = 'ready';
      nonce = newFrameNonce();
    }
    expect(parseFromFrame(new Ready())).toBeNull();
    expect(parseFromFrame(runInNewContext(`new (class { constructor() { this.type = 'close'; } })()`))).toBeNull();
    expect(parseFromFrame(runInNewContext(`Object.assign(new Date(0), { type: 'close' })`))).toBeNull();
    expect(parseFromFrame(runInNewContext(`Object.assign([], { type: 'close' })`))).toBeNull();
  });
});
