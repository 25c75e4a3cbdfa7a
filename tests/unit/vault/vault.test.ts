import { createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkPassphraseStrength,
  estimatePassphrase,
  MIN_PBKDF2_ITERATIONS,
  openVault,
  rewrapVault,
  sealVault,
  sealedVaultSchema,
  type SealedVault,
} from '@/utils/vault';

// PBKDF2 at 600,000 iterations costs ~0.3 s per seal or open: each test reuses one vault.
const PASSPHRASE = 'correct horse battery staple';
const secret = new Uint8Array(randomBytes(1217)); // about the size of a 2048-bit PKCS#8 key
let vault: SealedVault;

beforeAll(async () => {
  vault = await sealVault(secret, PASSPHRASE);
});

function withChanges(change: (copy: SealedVault) => void): SealedVault {
  const copy = structuredClone(vault);
  change(copy);
  return copy;
}

function flipFirstByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('sealVault and openVault', () => {
  it('gives back the exact key with the right passphrase', async () => {
    expect(await openVault(vault, PASSPHRASE)).toEqual(secret);
  });

  it('refuses a wrong passphrase with wrong_passphrase', async () => {
    await expect(openVault(vault, 'correct horse battery stapler')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await expect(openVault(vault, '')).rejects.toMatchObject({ code: 'wrong_passphrase' });
  });

  it('writes PBKDF2-SHA256 with at least 600,000 iterations, a 16-byte salt and a 12-byte IV', () => {
    expect(sealedVaultSchema.parse(vault)).toEqual(vault);
    expect(vault.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(vault.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(Buffer.from(vault.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(vault.cipher.iv, 'base64')).toHaveLength(12);
    expect(JSON.stringify(vault)).not.toContain(Buffer.from(secret).toString('base64').slice(0, 16));
  });

  it('uses a new salt and IV each time, so the same key never encrypts the same way twice', async () => {
    const again = await sealVault(secret, PASSPHRASE);
    expect(again.kdf.salt).not.toBe(vault.kdf.salt);
    expect(again.cipher.iv).not.toBe(vault.cipher.iv);
    expect(again.ciphertext).not.toBe(vault.ciphertext);
  });

  it('is standard AES-256-GCM under PBKDF2-SHA256 with the version bound as additional data', () => {
    const key = pbkdf2Sync(PASSPHRASE, Buffer.from(vault.kdf.salt, 'base64'), vault.kdf.iterations, 32, 'sha256');
    const sealed = Buffer.from(vault.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(vault.cipher.iv, 'base64'));
    decipher.setAAD(Buffer.from('monetate-data-inspector/vault/v1'));
    decipher.setAuthTag(sealed.subarray(-16));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]);
    expect(new Uint8Array(plain)).toEqual(secret);
  });

  it('refuses a tampered ciphertext or IV', async () => {
    await expect(openVault(withChanges((v) => (v.ciphertext = flipFirstByte(v.ciphertext))), PASSPHRASE)).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    await expect(openVault(withChanges((v) => (v.cipher.iv = flipFirstByte(v.cipher.iv))), PASSPHRASE)).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
  });

  it('refuses malformed vaults as vault_corrupt without trying the passphrase', async () => {
    const malformed: unknown[] = [
      undefined,
      null,
      'vault',
      {},
      withChanges((v) => ((v as { version: number }).version = 2)),
      withChanges((v) => (v.kdf.iterations = 100_000)),
      withChanges((v) => (v.kdf.iterations = 1e12)),
      withChanges((v) => ((v.kdf as { hash: string }).hash = 'SHA-1')),
      withChanges((v) => (v.kdf.salt = 'AAAA')),
      withChanges((v) => (v.cipher.iv = 'not base64!')),
      withChanges((v) => (v.ciphertext = '')),
      withChanges((v) => ((v.cipher as { name: string }).name = 'AES-CBC')),
    ];
    for (const value of malformed) {
      await expect(openVault(value, PASSPHRASE), JSON.stringify(value)).rejects.toMatchObject({ code: 'vault_corrupt' });
    }
  });

  it('refuses to seal with a weak passphrase, too few iterations or no key', async () => {
    await expect(sealVault(secret, 'short')).rejects.toMatchObject({ code: 'weak_passphrase' });
    await expect(sealVault(secret, PASSPHRASE, { iterations: MIN_PBKDF2_ITERATIONS - 1 })).rejects.toMatchObject({
      code: 'vault_iterations_invalid',
    });
    await expect(sealVault(new Uint8Array(0), PASSPHRASE)).rejects.toMatchObject({ code: 'vault_key_missing' });
  });
});

describe('rewrapVault', () => {
  it('changes the passphrase: the new one opens it, the old one no longer does', async () => {
    const rewrapped = await rewrapVault(vault, PASSPHRASE, 'a new and longer passphrase');
    expect(rewrapped.kdf.salt).not.toBe(vault.kdf.salt);
    expect(rewrapped.cipher.iv).not.toBe(vault.cipher.iv);
    expect(rewrapped.kdf.iterations).toBe(vault.kdf.iterations);
    expect(await openVault(rewrapped, 'a new and longer passphrase')).toEqual(secret);
    await expect(openVault(rewrapped, PASSPHRASE)).rejects.toMatchObject({ code: 'wrong_passphrase' });
  });

  it('changes nothing when the current passphrase is wrong or the new one is weak', async () => {
    await expect(rewrapVault(vault, 'not the passphrase', 'a new and longer passphrase')).rejects.toMatchObject({
      code: 'wrong_passphrase',
    });
    await expect(rewrapVault(vault, PASSPHRASE, 'short')).rejects.toMatchObject({ code: 'weak_passphrase' });
  });
});

describe('checkPassphraseStrength', () => {
  it('asks for at least 10 characters and says so', async () => {
    await expect(checkPassphraseStrength('Q7#vk2!pz')).rejects.toMatchObject({ code: 'weak_passphrase', detail: expect.stringMatching(/at least 10 characters/) });
    await expect(checkPassphraseStrength('plum tractor seven lanterns')).resolves.toBeUndefined();
  });

  it('counts characters as people see them, not UTF-16 units', async () => {
    // Five emoji are ten UTF-16 units but five characters.
    await expect(checkPassphraseStrength('🔑🔑🔑🔑🔑')).rejects.toMatchObject({ code: 'weak_passphrase' });
  });

  it('refuses long but guessable passphrases, saying how to make them stronger', async () => {
    // Length alone let these through: each is 10 characters or more.
    for (const weak of ['1234567890', 'passwordpassword', 'qwertyuiop123', 'Password2024!', 'aaaaaaaaaaaaaaaa']) {
      await expect(checkPassphraseStrength(weak), weak).rejects.toMatchObject({ code: 'weak_passphrase', detail: expect.stringMatching(/\. Avoid names, dates/) });
    }
  });

  it('counts the profile’s own words as easy to guess', async () => {
    const profile = ['Zorblax Trading', 'api-77-kwentin', 'zorblaxtrading'];
    await expect(checkPassphraseStrength('zorblaxtrading2024', profile)).rejects.toMatchObject({ code: 'weak_passphrase' });
    await expect(checkPassphraseStrength('zorblaxtrading2024')).resolves.toBeUndefined();
  });

  it('tells the strength for the options page', async () => {
    expect(await estimatePassphrase('correct horse battery staple')).toEqual({ score: 4, label: 'very strong', acceptable: true, advice: '' });
    expect(await estimatePassphrase('1234567890')).toMatchObject({ score: 0, label: 'very weak', acceptable: false, advice: expect.stringMatching(/frequently used/) });
  });
});
