import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { grantManifestHosts } from '@/tests/unit/background/manifest-grants';
import { createRouter } from '@/entrypoints/background/router';
import { createServices, type Services } from '@/entrypoints/background/services';
import { profilesItem, unlockFailuresItem, vaultsItem } from '@/utils/storage/items';
import { createProfileStore } from '@/utils/profiles/profile-store';
import { exportVaultBackup } from '@/utils/vault';
import { PROFILE_INPUT } from '@/tests/unit/background/harness';

const EXTENSION_PAGE = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
const PASSPHRASE = 'plum tractor seven lanterns';

const profileInput = { ...PROFILE_INPUT, readOnly: true };

let route: ReturnType<typeof createRouter>;
let fetches: string[];
let granted: Set<string>;

beforeEach(() => {
  fakeBrowser.reset();
  fetches = [];
  granted = grantManifestHosts();
  // Every request the background makes is seen here; none reaches a network.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    fetches.push(String(input instanceof Request ? input.url : input));
    return new Response(JSON.stringify({ meta: { code: 401 }, data: {} }), { status: 401, headers: { 'Content-Type': 'application/json' } });
  });
  let services: Services | undefined;
  route = createRouter(() => (services ??= createServices()));
});

afterEach(() => vi.unstubAllGlobals());

const ask = (type: string, payload: unknown) => route({ channel: 'mdi', type, payload }, EXTENSION_PAGE as never);

async function savedProfile(input: object = profileInput): Promise<{ id: string }> {
  const reply = (await ask('profiles.save', { input })) as { ok: boolean; data: { id: string } };
  expect(reply.ok).toBe(true);
  const key = await ask('key.generate', { profileId: reply.data.id, bits: 2048, passphrase: PASSPHRASE });
  expect(key).toMatchObject({ ok: true });
  return reply.data;
}

/** What a content script could do where storage.local is open to it: rewrite the stored profile. */
async function rewriteStoredProfile(change: Record<string, unknown>) {
  const stored = (await profilesItem.getValue()) as unknown as Array<Record<string, unknown>>;
  await profilesItem.setValue(stored.map((profile) => ({ ...profile, ...change })) as never);
}

describe('profiles are checked whenever they are read', () => {
  it('refuses a profile whose base URL was rewritten in storage, and sends nothing there', async () => {
    await savedProfile();
    await rewriteStoredProfile({ baseUrl: 'https://evil.example' });
    expect(await ask('token.get', {})).toMatchObject({ ok: false, error: { code: 'profile_changed', detail: 'Acme production' } });
    expect(await ask('schema.list', {})).toMatchObject({ ok: false, error: { code: 'profile_changed' } });
    expect(fetches).toEqual([]);
    // The options page still lists it, marked, so the user can check and save it.
    expect(await ask('state.get', {})).toMatchObject({ ok: true, data: { profiles: [{ baseUrl: 'https://evil.example', problem: 'changed' }] } });
  });

  it('refuses a profile whose read-only flag was turned off in storage', async () => {
    await savedProfile();
    expect(await ask('state.get', {})).toMatchObject({ ok: true, data: { profiles: [{ readOnly: true, problem: null }] } });
    await rewriteStoredProfile({ readOnly: false });
    const save = await ask('record.save', { dataset: 'customers', mode: 'create', changes: { id: 'C-1' } });
    expect(save).toMatchObject({ ok: false, error: { code: 'profile_changed' } });
    expect(fetches).toEqual([]);
  });

  it('refuses a profile added to storage by something other than the options page', async () => {
    await profilesItem.setValue([{ ...profileInput, id: 'forged', createdAt: 1 }] as never);
    expect(await ask('token.get', {})).toMatchObject({ ok: false, error: { code: 'profile_changed' } });
    expect(await ask('state.get', {})).toMatchObject({ ok: true, data: { profiles: [{ id: 'forged', problem: 'changed' }] } });
  });

  it('uses the profile again once the user saved it from the options page', async () => {
    const { id } = await savedProfile();
    await rewriteStoredProfile({ readOnly: false });
    expect(await ask('profiles.save', { id, input: profileInput })).toMatchObject({ ok: true });
    expect(await ask('state.get', {})).toMatchObject({ ok: true, data: { profiles: [{ readOnly: true, problem: null }] } });
    await ask('token.get', {});
    expect(fetches).toEqual(['https://api.monetate.net/api/auth/v0/refresh/?ttl=3600']);
  });

  it('marks as invalid a stored profile the rules of this build refuse, even with a matching seal', async () => {
    const trusting = { seal: async () => 'ok', verify: async () => true };
    const store = createProfileStore({ localBuild: false, sealer: trusting });
    await profilesItem.setValue([
      { ...profileInput, id: 'a', createdAt: 1, baseUrl: 'http://127.0.0.1:8790', seal: 'ok' },
      { ...profileInput, id: 'b', createdAt: 1, baseUrl: 'https://api.monetate.net/api', seal: 'ok' },
      { ...profileInput, id: 'c', createdAt: 1, seal: 'ok' },
      { id: 'd', name: 42 },
    ] as never);
    expect((await store.list()).map(({ profile, problem }) => [profile.id, problem])).toEqual([
      ['a', 'invalid'],
      ['b', 'invalid'],
      ['c', null],
    ]);
    await expect(store.usable('a')).rejects.toMatchObject({ code: 'profile_invalid' });
    await expect(store.usable('d')).rejects.toMatchObject({ code: 'profile_missing' });
    expect(await store.usable('c')).toMatchObject({ id: 'c' });
  });
});

describe('API hosts other than Monetate’s', () => {
  const other = { ...profileInput, baseUrl: 'https://api.example.com' };

  it('are not saved until the user granted the host', async () => {
    expect(await ask('profiles.save', { input: other })).toMatchObject({ ok: false, error: { code: 'host_not_permitted', detail: 'api.example.com' } });
    expect(await profilesItem.getValue()).toEqual([]);
    granted.add('https://api.example.com/*');
    expect(await ask('profiles.save', { input: other })).toMatchObject({ ok: true, data: { baseUrl: 'https://api.example.com' } });
  });

  it('get no JWT once the user withdrew the permission', async () => {
    granted.add('https://api.example.com/*');
    await savedProfile(other);
    await ask('token.get', {});
    expect(fetches).toEqual(['https://api.example.com/api/auth/v0/refresh/?ttl=3600']);
    granted.clear();
    expect(await ask('token.get', {})).toMatchObject({ ok: false, error: { code: 'host_not_permitted', detail: 'api.example.com' } });
    expect(fetches).toHaveLength(1);
  });

  it('in a backup are checked as the form checks them', async () => {
    const vault = {
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      cipher: { name: 'AES-GCM', iv: 'AAAAAAAAAAAAAAAA' },
      ciphertext: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    } as const;
    const backup = (baseUrl: string) => exportVaultBackup({ name: 'Restored', baseUrl, retailer: 'acme', username: 'api-1', alg: 'RS256', ttlSeconds: 3600 }, vault);
    for (const baseUrl of ['http://evil.example', 'http://127.0.0.1:8790', 'https://api.monetate.net/somewhere']) {
      expect(await ask('vault.importBackup', { text: backup(baseUrl), passphrase: PASSPHRASE }), baseUrl).toMatchObject({
        ok: false,
        error: { code: 'profile_field_invalid', fields: [{ field: 'baseUrl' }] },
      });
    }
    expect(await ask('vault.importBackup', { text: backup('https://api.example.com'), passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'host_not_permitted' },
    });
    expect(await profilesItem.getValue()).toEqual([]);
    expect(await vaultsItem.getValue()).toEqual({});
    // A backup for Monetate itself gets as far as the passphrase (this vault is not a real one).
    expect(await ask('vault.importBackup', { text: backup('https://api.monetate.net'), passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
  });
});

describe('unlocking after wrong passphrases', () => {
  it('waits longer after each one, says how long, and a restarted worker still waits', async () => {
    const { id } = await savedProfile();
    expect(await ask('vault.lock', { profileId: id })).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) {
      expect(await ask('vault.unlock', { profileId: id, passphrase: 'not my passphrase at all' })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    }
    expect(await ask('vault.unlock', { profileId: id, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'unlock_throttled', detail: expect.stringMatching(/^\d+ seconds?$/) },
    });
    // A new worker: new services over the same storage.
    let restarted: Services | undefined;
    const freshRoute = createRouter(() => (restarted ??= createServices()));
    expect(await freshRoute({ channel: 'mdi', type: 'vault.unlock', payload: { profileId: id, passphrase: PASSPHRASE } }, EXTENSION_PAGE as never)).toMatchObject({
      ok: false,
      error: { code: 'unlock_throttled' },
    });
    // The same wait holds for "change passphrase", which tries the current one too.
    expect(await ask('vault.changePassphrase', { profileId: id, current: PASSPHRASE, next: 'a brand new passphrase 2' })).toMatchObject({
      ok: false,
      error: { code: 'unlock_throttled' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await ask('vault.unlock', { profileId: id, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });

  it('counts wrong passphrases on two profiles at once, keeping both counts', async () => {
    const first = await savedProfile();
    const second = await savedProfile({ ...profileInput, name: 'Acme staging' });
    for (const { id } of [first, second]) expect(await ask('vault.lock', { profileId: id })).toMatchObject({ ok: true });
    const replies = await Promise.all([first, second].map(({ id }) => ask('vault.unlock', { profileId: id, passphrase: 'not my passphrase at all' })));
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    const counted = await unlockFailuresItem.getValue();
    expect(Object.keys(counted).sort()).toEqual([first.id, second.id].sort());
    expect(counted[first.id]).toMatchObject({ failures: 1 });
    expect(counted[second.id]).toMatchObject({ failures: 1 });
  });

  it('refuses a weak passphrase for a new key in the background, whatever the page checked', async () => {
    const { data } = (await ask('profiles.save', { input: profileInput })) as { data: { id: string } };
    for (const passphrase of ['1234567890', 'passwordpassword', 'acme production 1']) {
      expect(await ask('key.generate', { profileId: data.id, bits: 2048, passphrase }), passphrase).toMatchObject({
        ok: false,
        error: { code: 'weak_passphrase' },
      });
    }
    expect(await vaultsItem.getValue()).toEqual({});
  });
});
