import { createHash, createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPem } from '@/utils/encoding';
import {
  generateKeyPair,
  importPrivateKey,
  importSigningKey,
  publicKeyFromPkcs8,
  type ImportedKey,
  type RsaModulusBits,
} from '@/utils/keys';
import { wrapPkcs1InPkcs8 } from '@/utils/keys/pkcs1-to-pkcs8';
import { createKeyFixtures, type KeyFixtures } from '@/tests/unit/keys/fixtures';

let generated: ImportedKey;
let fx: KeyFixtures;

beforeAll(async () => {
  generated = await generateKeyPair(2048);
  fx = createKeyFixtures();
  fx.run('openssl', ['genrsa', '-traditional', '-out', 'pkcs1.pem', '2048']);
  fx.run('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', 'pkcs1.pem', '-outform', 'DER', '-out', 'pkcs8.der']);
}, 30_000);

afterAll(() => fx?.cleanup());

describe('generateKeyPair', () => {
  it('makes a 2048-bit RSA key with e = 65537 that OpenSSL reads', () => {
    const details = createPrivateKey({ key: Buffer.from(generated.pkcs8), format: 'der', type: 'pkcs8' }).asymmetricKeyDetails;
    expect(details).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    expect(generated).toMatchObject({ sourceFormat: 'generated', modulusBits: 2048 });
  });

  it('reports the public key and fingerprint that belong to the private key', () => {
    const privateKey = createPrivateKey({ key: Buffer.from(generated.pkcs8), format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    expect(generated.publicKeyPem).toBe(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }));
    expect(generated.fingerprint).toBe(`SHA256:${createHash('sha256').update(spki).digest('base64').replace(/=+$/, '')}`);
  });

  it('gives a key that importPrivateKey reads back unchanged', async () => {
    const again = await importPrivateKey(toPem('PRIVATE KEY', generated.pkcs8));
    expect(again.fingerprint).toBe(generated.fingerprint);
    expect(again.pkcs8).toEqual(generated.pkcs8);
  });

  it('refuses sizes it does not offer', async () => {
    await expect(generateKeyPair(1024 as RsaModulusBits)).rejects.toMatchObject({ code: 'key_size_unsupported', detail: '1024' });
  });
});

describe('publicKeyFromPkcs8', () => {
  it('shows the stored key’s public half again', async () => {
    const info = await publicKeyFromPkcs8(generated.pkcs8);
    expect(info).toEqual({
      publicKeyPem: generated.publicKeyPem,
      fingerprint: generated.fingerprint,
      modulusBits: 2048,
    });
  });

  it('refuses bytes that are not a PKCS#8 RSA key', async () => {
    await expect(publicKeyFromPkcs8(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00))).rejects.toMatchObject({
      code: 'key_unrecognized',
    });
  });
});

describe('importSigningKey', () => {
  it('gives a non-extractable key bound to the JWT algorithm’s hash', async () => {
    for (const [alg, hash] of [
      ['RS256', 'SHA-256'],
      ['RS384', 'SHA-384'],
      ['RS512', 'SHA-512'],
    ] as const) {
      const key = await importSigningKey(generated.pkcs8, alg);
      expect(key.extractable).toBe(false);
      expect(key.usages).toEqual(['sign']);
      expect(key.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: hash } });
      const data = new TextEncoder().encode('x');
      const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, data));
      expect(verify(hash.replace('-', '').toLowerCase(), data, generated.publicKeyPem, signature)).toBe(true);
    }
  });

  it('refuses an unknown algorithm and damaged bytes', async () => {
    await expect(importSigningKey(generated.pkcs8, 'HS256' as 'RS256')).rejects.toMatchObject({ code: 'signing_alg_unsupported', detail: 'HS256' });
    await expect(importSigningKey(new Uint8Array(10), 'RS256')).rejects.toMatchObject({ code: 'key_unrecognized' });
  });
});

describe('wrapPkcs1InPkcs8', () => {
  it('produces the same bytes as openssl pkcs8 -topk8 -nocrypt', () => {
    const pkcs1 = createPrivateKey(fx.read('pkcs1.pem')).export({ type: 'pkcs1', format: 'der' });
    const expected = new Uint8Array(Buffer.from(fx.run('base64', ['-w0', 'pkcs8.der']), 'base64'));
    expect(wrapPkcs1InPkcs8(new Uint8Array(pkcs1))).toEqual(expected);
  });

  it('encodes short and long DER lengths', () => {
    const short = wrapPkcs1InPkcs8(Uint8Array.of(1, 2, 3));
    expect(Array.from(short.subarray(0, 2))).toEqual([0x30, short.length - 2]);
    const long = wrapPkcs1InPkcs8(new Uint8Array(300));
    expect(Array.from(long.subarray(0, 4))).toEqual([0x30, 0x82, (long.length - 4) >> 8, (long.length - 4) & 0xff]);
  });
});
