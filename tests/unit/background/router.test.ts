import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { grantManifestHosts } from '@/tests/unit/background/manifest-grants';
import { createRouter } from '@/entrypoints/background/router';
import { createServices, type Services } from '@/entrypoints/background/services';
import { profilesItem, vaultsItem } from '@/utils/storage/items';
import background from '@/entrypoints/background/index';
import { PROFILE_INPUT } from '@/tests/unit/background/harness';

const EXTENSION_PAGE = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };
const PLATFORM_TAB = { id: fakeBrowser.runtime.id, url: 'https://marketer.monetate.net/control/a-1/p/x/datasets', tab: { id: 7 } as never };
const OTHER_SITE_TAB = { id: fakeBrowser.runtime.id, url: 'https://evil.example/page', tab: { id: 8 } as never };

const validProfile = PROFILE_INPUT;

let route: ReturnType<typeof createRouter>;

beforeEach(() => {
  fakeBrowser.reset();
  grantManifestHosts();
  let services: Services | undefined;
  route = createRouter(() => (services ??= createServices()));
});

const ask = (type: string, payload: unknown, sender: object = EXTENSION_PAGE) => route({ channel: 'mdi', type, payload }, sender as never);

describe('the background router', () => {
  it('answers an extension page with the app state', async () => {
    expect(await ask('state.get', {})).toMatchObject({ ok: true, data: { profiles: [], activeProfileId: null } });
  });

  it('refuses unknown requests and payloads of the wrong shape', async () => {
    expect(await ask('vault.dump', {})).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    expect(await ask('lookup.record', { dataset: 7 })).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    expect(await route('hello', EXTENSION_PAGE as never)).toMatchObject({ ok: false, error: { code: 'bad_message' } });
  });

  it('lets a Monetate platform page ask only for look-ups, saves and schemas', async () => {
    for (const type of ['token.get', 'key.info', 'vault.unlock', 'state.get', 'curl.build', 'profiles.save', 'settings.save']) {
      const payloads: Record<string, unknown> = {
        'token.get': {},
        'key.info': { profileId: 'p' },
        'vault.unlock': { profileId: 'p', passphrase: 'x' },
        'state.get': {},
        'curl.build': { dataset: 's', id: 'i' },
        'profiles.save': { input: validProfile },
        'settings.save': {},
      };
      expect(await ask(type, payloads[type], PLATFORM_TAB), type).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    // Allowed through the sender check; it fails later only because no profile exists.
    expect(await ask('schema.list', {}, PLATFORM_TAB)).toMatchObject({ ok: false, error: { code: 'profile_missing' } });
  });

  it('refuses every request from pages that are not Monetate platform pages, and from other extensions', async () => {
    expect(await ask('schema.list', {}, OTHER_SITE_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await ask('state.get', {}, { ...EXTENSION_PAGE, id: 'another-extension' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });

  it('saves nothing when a profile field is invalid, and says which', async () => {
    const reply = await ask('profiles.save', { input: { ...validProfile, retailer: 'Acme Shop!', baseUrl: 'ftp://x' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'profile_field_invalid' } });
    const fields = (reply as { error: { fields: Array<{ field: string }> } }).error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['retailer', 'baseUrl']));
    expect(await profilesItem.getValue()).toEqual([]);
  });

  it('stores a valid profile and makes the first one active', async () => {
    const reply = await ask('profiles.save', { input: validProfile });
    expect(reply).toMatchObject({ ok: true, data: { name: 'Acme production', retailer: 'acme' } });
    expect(await ask('state.get', {})).toMatchObject({ ok: true, data: { activeProfileId: (reply as { data: { id: string } }).data.id } });
  });

  it('refuses a public key given as a private key and stores no vault', async () => {
    const { data } = (await ask('profiles.save', { input: validProfile })) as { data: { id: string } };
    const reply = await ask('key.import', {
      profileId: data.id,
      pem: '-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAK3X\n-----END PUBLIC KEY-----\n',
      passphrase: 'a long enough passphrase',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'key_is_public' } });
    expect(await vaultsItem.getValue()).toEqual({});
  });

  it('locks on the auto-lock alarm: the unlocked key leaves session storage', async () => {
    const { data } = (await ask('profiles.save', { input: validProfile })) as { data: { id: string } };
    expect(await ask('key.generate', { profileId: data.id, bits: 2048, passphrase: 'a long enough passphrase' })).toMatchObject({ ok: true });
    expect(await ask('state.get', {})).toMatchObject({ ok: true, data: { profiles: [{ unlocked: true, hasKey: true }] } });
    const alarm = await fakeBrowser.alarms.get('auto-lock');
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 29 * 60_000);
    // The real background wiring, its alarm fired. WXT's fake browser has no ports or
    // context menus; those listeners are not what this test is about.
    const noEvent = { addListener: () => undefined };
    Object.assign(fakeBrowser.runtime, { onConnect: noEvent });
    Object.assign(fakeBrowser, { contextMenus: { onClicked: noEvent, removeAll: async () => undefined, create: () => undefined } });
    background.main();
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await expect.poll(async () => ((await ask('state.get', {})) as { data: { profiles: Array<{ unlocked: boolean }> } }).data.profiles[0]?.unlocked).toBe(false);
    expect(await ask('state.get', {})).toMatchObject({ ok: true, data: { profiles: [{ unlocked: false, hasKey: true }] } });
  });
});
