import { describe, expect, it } from 'vitest';
import { checkApiBaseUrl } from '@/utils/profiles/api-base-url';
import { validateProfileInput } from '@/utils/profiles/profile';

const production = { localBuild: false };
const local = { localBuild: true };

describe('the API base URL rule', () => {
  it('takes Monetate’s API as it is, normalized to scheme and host', () => {
    for (const value of ['https://api.monetate.net', 'https://api.monetate.net/', ' HTTPS://API.Monetate.net ', 'https://api.monetate.net:443']) {
      expect(checkApiBaseUrl(value, production), value).toEqual({ ok: true, origin: 'https://api.monetate.net', needsPermission: false });
    }
  });

  it('refuses a path, a query, a fragment or a user name, even on Monetate’s host', () => {
    for (const value of [
      'https://api.monetate.net/api',
      'https://api.monetate.net//',
      'https://api.monetate.net/?x=1',
      'https://api.monetate.net?',
      'https://api.monetate.net/#top',
      'https://user:pw@api.monetate.net',
      'https://api.monetate.net@evil.example',
    ]) {
      expect(checkApiBaseUrl(value, production).ok, value).toBe(false);
    }
  });

  it('in production refuses plain http everywhere, loopback included, and anything that is not http(s)', () => {
    for (const value of ['http://api.monetate.net', 'http://127.0.0.1:8790', 'http://localhost:8790', 'ftp://api.monetate.net', 'javascript:alert(1)', 'api.monetate.net', '']) {
      const checked = checkApiBaseUrl(value, production);
      expect(checked.ok, value).toBe(false);
    }
    expect(checkApiBaseUrl('http://127.0.0.1:8790', production)).toMatchObject({ message: expect.stringMatching(/https:\/\//) });
  });

  it('accepts another https host only as one the user must grant', () => {
    expect(checkApiBaseUrl('https://api.example.com', production)).toEqual({ ok: true, origin: 'https://api.example.com', needsPermission: true });
    expect(checkApiBaseUrl('https://api.monetate.net.evil.example', production)).toMatchObject({ ok: true, needsPermission: true });
    expect(checkApiBaseUrl('https://api.monetate.net:8443', production)).toMatchObject({ ok: true, needsPermission: true });
  });

  it('in the local build also takes the emulator on 127.0.0.1 or localhost, and no other http host', () => {
    expect(checkApiBaseUrl('http://127.0.0.1:8790/', local)).toEqual({ ok: true, origin: 'http://127.0.0.1:8790', needsPermission: false });
    expect(checkApiBaseUrl('http://localhost:41234', local)).toEqual({ ok: true, origin: 'http://localhost:41234', needsPermission: false });
    for (const value of ['http://10.0.0.1:8790', 'http://[::1]:8790', 'http://127.0.0.1.evil.example', 'http://127.0.0.1:8790/mock']) {
      expect(checkApiBaseUrl(value, local).ok, value).toBe(false);
    }
  });

  it('is the rule the profile form applies', () => {
    const draft = { name: 'Acme', retailer: 'acme', username: 'api-1', ttlSeconds: 3600, alg: 'RS256', readOnly: false, confirmWrites: true };
    expect(validateProfileInput({ ...draft, baseUrl: 'https://api.monetate.net/' }, production)).toMatchObject({
      ok: true,
      value: { baseUrl: 'https://api.monetate.net' },
      needsPermission: false,
    });
    expect(validateProfileInput({ ...draft, baseUrl: 'https://api.monetate.net/v1' }, production)).toMatchObject({ ok: false, errors: { baseUrl: expect.any(String) } });
    expect(validateProfileInput({ ...draft, baseUrl: 'http://127.0.0.1:8790' }, production)).toMatchObject({ ok: false });
    expect(validateProfileInput({ ...draft, baseUrl: 'http://127.0.0.1:8790' }, local)).toMatchObject({ ok: true });
    expect(validateProfileInput({ ...draft, baseUrl: 'https://api.example.com' }, production)).toMatchObject({ ok: true, needsPermission: true });
  });
});
