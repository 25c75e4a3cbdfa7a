import { beforeAll, describe, expect, it } from 'vitest';
import { describeError, type AppError, type ErrorCode } from '@/utils/errors';
import {
  exportVaultBackup,
  openVault,
  parseVaultBackup,
  sealVault,
  type SealedVault,
  type VaultBackupProfile,
} from '@/utils/vault';

const PASSPHRASE = 'correct horse battery staple';
const secret = Uint8Array.of(0x30, 0x82, 1, 2, 3, 4, 5);
const profile: VaultBackupProfile = {
  name: 'Acme production',
  baseUrl: 'https://api.monetate.net',
  retailer: 'acme',
  username: 'api-acme-1',
  alg: 'RS256',
  ttlSeconds: 3600,
};
const frozenNow = Date.UTC(2025, 0, 2, 3, 4, 5);
let vault: SealedVault;
let text: string;

beforeAll(async () => {
  vault = await sealVault(secret, PASSPHRASE);
  text = exportVaultBackup(profile, vault, { nowMs: frozenNow });
});

describe('exportVaultBackup', () => {
  it('writes pretty JSON with the format name, version, time, profile and the still-encrypted vault', () => {
    expect(text).toContain('\n  "format": "monetate-data-inspector-vault-backup"');
    expect(JSON.parse(text)).toEqual({
      format: 'monetate-data-inspector-vault-backup',
      version: 1,
      exportedAt: '2025-01-02T03:04:05.000Z',
      profile,
      vault,
    });
  });

  it('leaves out profile fields that are not part of a backup', () => {
    const withExtras = { ...profile, id: 'p1', token: 'secret-token' } as VaultBackupProfile;
    expect(exportVaultBackup(withExtras, vault)).not.toContain('secret-token');
  });

  it('refuses an incomplete profile or a damaged vault', () => {
    expect(() => exportVaultBackup({ ...profile, username: ' ' }, vault)).toThrow(
      expect.objectContaining({ code: 'profile_invalid' }),
    );
    expect(() => exportVaultBackup(profile, { ...vault, ciphertext: '' })).toThrow(
      expect.objectContaining({ code: 'vault_corrupt' }),
    );
  });
});

describe('parseVaultBackup', () => {
  it('reads back the profile and a vault that opens with the passphrase', async () => {
    const backup = parseVaultBackup(text);
    expect(backup).toEqual({ profile, vault, exportedAt: '2025-01-02T03:04:05.000Z' });
    expect(await openVault(backup.vault, PASSPHRASE)).toEqual(secret);
  });

  it('reads a backup saved with CRLF line ends', () => {
    expect(parseVaultBackup(text.replace(/\n/g, '\r\n')).profile).toEqual(profile);
  });

  const bad: { name: string; input: () => string; code: ErrorCode; says: RegExp }[] = [
    { name: 'an empty file', input: () => '', code: 'backup_empty', says: /empty/ },
    { name: 'a file that is not JSON', input: () => '-----BEGIN PRIVATE KEY-----', code: 'backup_unrecognized', says: /not JSON/ },
    { name: 'other JSON', input: () => JSON.stringify({ hello: 'world' }), code: 'backup_unrecognized', says: /not a Monetate Data Inspector key backup/ },
    { name: 'a JSON array', input: () => '[1,2]', code: 'backup_unrecognized', says: /not a Monetate Data Inspector key backup/ },
    {
      name: 'a newer format version',
      input: () => JSON.stringify({ ...JSON.parse(text), version: 2 }),
      code: 'backup_version_unsupported',
      says: /format version 2.*Update the extension/,
    },
    {
      name: 'a profile with a bad URL',
      input: () => JSON.stringify({ ...JSON.parse(text), profile: { ...profile, baseUrl: 'javascript:alert(1)' } }),
      code: 'backup_profile_damaged',
      says: /profile.*baseUrl/,
    },
    {
      name: 'a vault with too few iterations',
      input: () => JSON.stringify({ ...JSON.parse(text), vault: { ...vault, kdf: { ...vault.kdf, iterations: 1000 } } }),
      code: 'backup_key_damaged',
      says: /encrypted key is damaged.*iterations/,
    },
    { name: 'a vault that is missing', input: () => JSON.stringify({ ...JSON.parse(text), vault: undefined }), code: 'backup_key_damaged', says: /encrypted key is damaged/ },
  ];

  for (const b of bad) {
    it(`refuses ${b.name} with its own code and a sentence`, () => {
      let caught: unknown;
      try {
        parseVaultBackup(b.input());
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: b.code });
      expect(describeError(caught as AppError)).toMatch(b.says);
    });
  }
});
