import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { spkiPemToPkcs1Pem } from '@/utils/keys';
import { createKeyFixtures } from '@/tests/unit/keys/fixtures';

function rsaPublicKeys(modulusLength: number) {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength });
  return {
    spki: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    pkcs1: publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}

describe('spkiPemToPkcs1Pem', () => {
  let key: ReturnType<typeof rsaPublicKeys>;
  beforeAll(() => {
    key = rsaPublicKeys(2048);
  });

  it.each([2048, 3072])('gives the same %i-bit key as BEGIN RSA PUBLIC KEY, byte for byte what OpenSSL writes', (bits) => {
    const { spki, pkcs1 } = bits === 2048 ? key : rsaPublicKeys(bits);
    const converted = spkiPemToPkcs1Pem(spki);
    expect(converted).toBe(pkcs1);
    expect(converted).toMatch(/^-----BEGIN RSA PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END RSA PUBLIC KEY-----\n$/);
    // node:crypto reads it as PKCS#1 and it is the very key of the SPKI PEM.
    const parsed = createPublicKey({ key: converted, format: 'pem', type: 'pkcs1' });
    expect(parsed.export({ type: 'spki', format: 'pem' }).toString()).toBe(spki);
    expect(parsed.asymmetricKeyDetails?.modulusLength).toBe(bits);
  });

  it('matches what ssh-keygen -e -m pem prints for the same key', () => {
    const fixtures = createKeyFixtures();
    try {
      fixtures.run('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', 'id_rsa']);
      const fromSshKeygen = fixtures.run('ssh-keygen', ['-e', '-m', 'pem', '-f', 'id_rsa.pub']);
      const spki = fixtures.run('ssh-keygen', ['-e', '-m', 'pkcs8', '-f', 'id_rsa.pub']);
      expect(spkiPemToPkcs1Pem(spki)).toBe(fromSshKeygen);
    } finally {
      fixtures.cleanup();
    }
  });

  it.each([
    ['an RSA PUBLIC KEY block', () => key.pkcs1, 'public_key_unrecognized'],
    ['an EC public key', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'key_not_rsa'],
    ['two public keys', () => key.spki + key.spki, 'public_key_unrecognized'],
    ['a damaged body', () => '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n', 'public_key_damaged'],
    ['no PEM at all', () => 'hello', 'public_key_unrecognized'],
  ])('refuses %s with its own code', (_what, make, code) => {
    expect(() => spkiPemToPkcs1Pem(make())).toThrow(expect.objectContaining({ code }));
  });
});
