import { AppError } from '@/utils/errors';
import { generateKeyPair, importPrivateKey, publicKeyFromPkcs8, type ImportedKey } from '@/utils/keys';
import { checkPassphraseStrength, exportVaultBackup, openVault, parseVaultBackup, rewrapVault, sealVault } from '@/utils/vault';
import { tokensItem, vaultsItem, type StoredVault, type VaultKeyIdentity } from '@/utils/storage/items';
import type { SealedVault } from '@/utils/vault/types';
import { dropKey, updateItem } from '@/utils/storage/update-item';
import { isProductionBaseUrl, type Profile } from '@/utils/profiles/profile';
import { checkProfileInput } from '@/entrypoints/background/profile-input';
import type { HandlerContext, Handler } from '@/entrypoints/background/handlers/types';

/** Words of the profile a guesser would try first; the passphrase is judged against them. */
function passphraseContext(profile: Profile): string[] {
  return [profile.name, profile.username, profile.retailer];
}

/** Re-checked here whatever the options page said: the background decides what may seal a key. */
async function checkNewPassphrase(profileId: string, passphrase: string, { services }: HandlerContext): Promise<void> {
  await checkPassphraseStrength(passphrase, passphraseContext(await services.profileById(profileId)));
}

async function storeNewKey(profileId: string, key: ImportedKey, passphrase: string, { services }: HandlerContext) {
  await services.profileById(profileId);
  const vault = await sealVault(key.pkcs8, passphrase);
  // Only now, with a valid key sealed, is anything written.
  // Beside the vault, only what identifies the key (no PEM, no key bytes): the fingerprint lets a
  // locked profile still say which key Monetate must have.
  const identity: VaultKeyIdentity = { fingerprint: key.fingerprint, modulusBits: key.modulusBits };
  await updateItem(vaultsItem, (vaults) => ({ ...vaults, [profileId]: { ...vault, publicKey: identity } }));
  await services.keys.store(profileId, key.pkcs8);
  await dropKey(tokensItem, profileId);
  return { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint, modulusBits: key.modulusBits };
}

export const generateKey: Handler<'key.generate'> = async ({ profileId, bits, passphrase }, context) => {
  await checkNewPassphrase(profileId, passphrase, context);
  return storeNewKey(profileId, await generateKeyPair(bits), passphrase, context);
};

export const importKey: Handler<'key.import'> = async ({ profileId, pem, passphrase }, context) => {
  await checkNewPassphrase(profileId, passphrase, context);
  return storeNewKey(profileId, await importPrivateKey(pem), passphrase, context);
};

/** The public half: its PEM is derived from the unlocked key; a locked one shows its fingerprint. */
export const keyInfo: Handler<'key.info'> = async ({ profileId }, { services }) => {
  const vault = (await vaultsItem.getValue())[profileId];
  if (!vault) return null;
  if ((await services.keys.unlockedIds()).has(profileId)) return publicKeyFromPkcs8(await services.keys.pkcs8(profileId));
  const identity = vault.publicKey;
  return { publicKeyPem: null, fingerprint: identity?.fingerprint ?? 'unknown', modulusBits: identity?.modulusBits ?? 0 };
};

/** Repeated wrong passphrases make the next try wait (see `createUnlockGuard`). */
export const unlock: Handler<'vault.unlock'> = async ({ profileId, passphrase }, { services }) => {
  await services.unlockGuard.attempt(profileId, () => services.keys.unlock(profileId, passphrase));
  return null;
};

export const lock: Handler<'vault.lock'> = async ({ profileId }, { services }) => {
  await services.lock(profileId);
  return null;
};

export const changePassphrase: Handler<'vault.changePassphrase'> = async ({ profileId, current, next }, context) => {
  await checkNewPassphrase(profileId, next, context);
  const vaults = await vaultsItem.getValue();
  const vault = vaults[profileId];
  if (!vault) throw new AppError('vault_missing');
  // The current passphrase is tried here too: the same back-off as unlocking.
  const rewrapped = await context.services.unlockGuard.attempt(profileId, () => rewrapVault(vault, current, next));
  await updateItem(vaultsItem, (current) => ({ ...current, [profileId]: withPublicKey(rewrapped, vault) }));
  return null;
};

export const exportBackup: Handler<'vault.exportBackup'> = async ({ profileId }, { services }) => {
  const profile = await services.profileById(profileId);
  const vault = (await vaultsItem.getValue())[profileId];
  if (!vault) throw new AppError('vault_missing');
  const { publicKey: _public, ...sealed } = vault;
  const text = exportVaultBackup(
    { name: profile.name, baseUrl: profile.baseUrl, retailer: profile.retailer, username: profile.username, alg: profile.alg, ttlSeconds: profile.ttlSeconds },
    sealed,
  );
  const safeName = profile.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'profile';
  return { fileName: `monetate-key-backup-${safeName}.json`, text };
};

/**
 * Restores a profile from a backup, after proving the passphrase opens its key. The backup's
 * profile goes through the same checks as the profile form (base-URL rule, host permission).
 */
export const importBackup: Handler<'vault.importBackup'> = async ({ text, passphrase }, { services }) => {
  const backup = parseVaultBackup(text);
  const profiles = (await services.profiles.list()).map((entry) => entry.profile);
  const input = await checkProfileInput(
    {
      ...backup.profile,
      name: uniqueName(backup.profile.name.trim(), profiles.map((p) => p.name)),
      readOnly: false,
      confirmWrites: isProductionBaseUrl(backup.profile.baseUrl),
    },
    services,
  );
  const pkcs8 = await openVault(backup.vault, passphrase);
  const { fingerprint, modulusBits } = await publicKeyFromPkcs8(pkcs8);
  const publicKey = { fingerprint, modulusBits };
  const profile = { ...input, id: crypto.randomUUID(), createdAt: Date.now() };
  await updateItem(vaultsItem, (vaults) => ({ ...vaults, [profile.id]: { ...backup.vault, publicKey } }));
  await services.profiles.put(profile);
  await services.keys.store(profile.id, pkcs8);
  return profile;
};

/** A rewrapped vault keeps the identity of the key it holds (the key itself did not change). */
function withPublicKey(vault: SealedVault, previous: StoredVault): StoredVault {
  return previous.publicKey ? { ...vault, publicKey: previous.publicKey } : vault;
}

function uniqueName(name: string, taken: string[]): string {
  if (!taken.includes(name)) return name;
  for (let n = 2; ; n++) if (!taken.includes(`${name} (${n})`)) return `${name} (${n})`;
}
