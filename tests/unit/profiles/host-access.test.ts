import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { hostPermissionPattern } from '@/utils/profiles/api-base-url';
import { createHostAccess } from '@/utils/profiles/host-access';

function access(granted: string[], localBuild = false) {
  const asked: string[] = [];
  const hostAccess = createHostAccess({
    localBuild,
    hasPermission: async (pattern) => {
      asked.push(pattern);
      return granted.includes(pattern);
    },
  });
  return { hostAccess, asked };
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (caught) {
    return caught instanceof AppError ? caught.code : 'not an AppError';
  }
}

describe('host access before a credential leaves', () => {
  it('lets a request to Monetate through while the browser grants api.monetate.net', async () => {
    const { hostAccess, asked } = access(['https://api.monetate.net/*']);
    expect(await codeOf(hostAccess.assertMayReach('https://api.monetate.net/api/auth/v0/refresh/'))).toBeNull();
    expect(asked).toEqual(['https://api.monetate.net/*']);
  });

  it('refuses Monetate as withheld (not as a host to allow in a profile) when the browser has not granted it, as Firefox MV3 allows', async () => {
    const { hostAccess } = access([]);
    expect(await codeOf(hostAccess.assertMayReach('https://api.monetate.net/api/auth/v0/refresh/'))).toBe('host_access_withheld');
  });

  it('asks about the emulator by its port-less loopback pattern in the local build, and refuses it when withheld', async () => {
    const granted = access(['http://127.0.0.1/*'], true);
    expect(await codeOf(granted.hostAccess.assertMayReach('http://127.0.0.1:8790/api/auth/v0/refresh/'))).toBeNull();
    expect(granted.asked).toEqual(['http://127.0.0.1/*']);
    expect(await codeOf(access([], true).hostAccess.assertMayReach('http://127.0.0.1:8790/x'))).toBe('host_access_withheld');
  });

  it('keeps refusing another https host the user never granted, and loopback in production, as not permitted', async () => {
    expect(await codeOf(access(['https://api.monetate.net/*']).hostAccess.assertMayReach('https://api.example.com/x'))).toBe('host_not_permitted');
    expect(await codeOf(access(['http://127.0.0.1/*']).hostAccess.assertMayReach('http://127.0.0.1:8790/x'))).toBe('host_not_permitted');
    expect(await codeOf(access(['https://api.example.com/*']).hostAccess.assertMayReach('https://api.example.com/x'))).toBeNull();
  });

  it('guards fetch: a withheld host is refused before anything is sent', async () => {
    const { hostAccess } = access([]);
    let sent = 0;
    const guarded = hostAccess.guardFetch(async () => {
      sent++;
      return new Response('{}');
    });
    expect(await codeOf(guarded('https://api.monetate.net/api/auth/v0/refresh/'))).toBe('host_access_withheld');
    expect(sent).toBe(0);
  });
});

describe('hostPermissionPattern', () => {
  it('covers an https origin with its own pattern and loopback on every port', () => {
    expect(hostPermissionPattern('https://api.monetate.net')).toBe('https://api.monetate.net/*');
    expect(hostPermissionPattern('http://localhost:9000')).toBe('http://localhost/*');
  });
});
