import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createRouter } from '@/entrypoints/background/router';
import { createServices } from '@/entrypoints/background/services';
import type { Profile } from '@/utils/profiles/profile';
import type { RecordRead } from '@/utils/records/compose';
import {
  activeProfileIdItem,
  DEFAULT_SETTINGS,
  editLogItem,
  ITEM_CLEARING,
  knownDatasetsItem,
  lastJwtItem,
  lookupHistoryItem,
  nextLookupAtItem,
  pendingShowItem,
  profilesItem,
  recordReadsItem,
  settingsItem,
  tokensItem,
  unlockedKeysItem,
  unlockFailuresItem,
  vaultsItem,
  type EditLogEntry,
} from '@/utils/storage/items';

const EXTENSION_PAGE = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
const IDS = ['p1', 'p2'] as const;

const profile = (id: string): Profile => ({
  id,
  name: `Profile ${id}`,
  baseUrl: 'https://api.monetate.net',
  retailer: 'acme',
  username: `api-${id}`,
  ttlSeconds: 3600,
  alg: 'RS256',
  readOnly: false,
  confirmWrites: true,
  createdAt: 1,
});
const perProfile = <V>(value: (id: string) => V) => Object.fromEntries(IDS.map((id) => [id, value(id)]));
const read = (profileId: string): RecordRead => ({ profileId, dataset: 'customers', id: 'C-1', readAt: 1, rows: [], schemaFields: null });
const logLine = (profileId: string): EditLogEntry => ({
  id: profileId,
  at: 1,
  profileId,
  profileName: profileId,
  dataset: 'customers',
  recordId: 'C-1',
  kind: 'update',
  changes: [],
  result: 'saved',
});
const vault = { version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: 's' }, cipher: { name: 'AES-GCM', iv: 'i' }, ciphertext: 'c' } as const;

let services: ReturnType<typeof createServices>;

/** Every item holds something, for both profiles where it is kept per profile. */
async function seedEverything() {
  services = createServices();
  for (const id of IDS) await services.profiles.put(profile(id));
  await activeProfileIdItem.setValue('p1');
  await vaultsItem.setValue(perProfile(() => ({ ...vault, publicKey: { fingerprint: 'f', modulusBits: 2048 } })));
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLockMinutes: 5 });
  await lookupHistoryItem.setValue(perProfile(() => [{ dataset: 'customers', id: 'C-1', at: 1, outcome: 'found' as const }]));
  await editLogItem.setValue(IDS.map(logLine));
  await unlockedKeysItem.setValue(perProfile(() => 'a2V5'));
  await tokensItem.setValue(perProfile(() => ({ token: 't', expiresAt: Date.now() + 60_000, issuedAt: Date.now() })));
  await nextLookupAtItem.setValue(123);
  await lastJwtItem.setValue({ header: {}, claims: {}, signedAt: 1, alg: 'RS256' });
  await recordReadsItem.setValue(IDS.map(read));
  await knownDatasetsItem.setValue(perProfile(() => ['customers']));
  await pendingShowItem.setValue({ dataset: 'customers', id: 'C-1', at: 1 });
  await unlockFailuresItem.setValue(perProfile(() => ({ failures: 1, nextAllowedAt: 0 }) as never));
}

async function snapshot(): Promise<Record<string, unknown>> {
  const entries = await Promise.all(ITEM_CLEARING.map(async ({ item }) => [item.key, await item.getValue()] as const));
  return Object.fromEntries(entries);
}

beforeEach(async () => {
  fakeBrowser.reset();
  await seedEverything();
});

describe('clearing declared beside each item', () => {
  it('declares the unlocked keys, tokens and record reads, and nothing else, as cleared on lock', () => {
    const onLock = ITEM_CLEARING.filter(({ clearOn }) => clearOn.includes('lock')).map(({ item }) => item.key);
    expect(onLock.sort()).toEqual(['session:recordReads', 'session:tokens', 'session:unlockedKeys']);
  });

  it('locking every key clears exactly the items declared, and keeps every other item as it was', async () => {
    const before = await snapshot();
    await services.lock();
    const after = await snapshot();
    for (const { item, clearOn } of ITEM_CLEARING) {
      if (clearOn.includes('lock')) expect(after[item.key], item.key).toEqual(item.fallback);
      else expect(after[item.key], item.key).toEqual(before[item.key]);
    }
  });

  it('locking one profile through the router forgets its key, token and reads, and keeps the other profile unlocked', async () => {
    const route = createRouter(() => services);
    expect(await route({ channel: 'mdi', type: 'vault.lock', payload: { profileId: 'p1' } }, EXTENSION_PAGE as never)).toMatchObject({ ok: true });
    expect(Object.keys(await unlockedKeysItem.getValue())).toEqual(['p2']);
    expect(Object.keys(await tokensItem.getValue())).toEqual(['p2']);
    expect((await recordReadsItem.getValue()).map((entry) => entry.profileId)).toEqual(['p2']);
    expect(Object.keys(await vaultsItem.getValue()).sort()).toEqual(['p1', 'p2']);
  });

  it('deleting a profile removes its entries from every per-profile item, and leaves the other profile whole', async () => {
    const route = createRouter(() => services);
    expect(await route({ channel: 'mdi', type: 'profiles.delete', payload: { id: 'p1' } }, EXTENSION_PAGE as never)).toMatchObject({ ok: true });
    for (const item of [vaultsItem, lookupHistoryItem, unlockedKeysItem, tokensItem, knownDatasetsItem, unlockFailuresItem]) {
      expect(Object.keys(await item.getValue()), item.key).toEqual(['p2']);
    }
    expect((await profilesItem.getValue()).map((entry) => entry.id)).toEqual(['p2']);
    expect((await recordReadsItem.getValue()).map((entry) => entry.profileId)).toEqual(['p2']);
    // The edit log is the record of what was sent: it keeps the deleted profile's writes.
    expect((await editLogItem.getValue()).map((entry) => entry.profileId)).toEqual(['p1', 'p2']);
    expect(await activeProfileIdItem.getValue()).toBe('p2');
  });
});
