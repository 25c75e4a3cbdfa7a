import { verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtForDisplay, signAuthJwt } from '@/utils/jwt';
import { generateKeyPair, importSigningKey, type ImportedKey, type SigningAlg } from '@/utils/keys';

// A frozen clock with a fractional second, to prove iat is floored to whole seconds.
const NOW_MS = 1_735_787_045_987;
const NOW_S = 1_735_787_045;
let keyPair: ImportedKey;

beforeAll(async () => {
  keyPair = await generateKeyPair(2048);
}, 30_000);

/** Splits a compact JWT the way an independent verifier would, without jose. */
function parts(jwt: string) {
  const [header, payload, signature, ...rest] = jwt.split('.');
  if (header === undefined || payload === undefined || signature === undefined || rest.length) throw new Error('not a JWS');
  const json = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { signingInput: `${header}.${payload}`, header: json(header), claims: json(payload), signature: Buffer.from(signature, 'base64url') };
}

describe('signAuthJwt', () => {
  const hashes: Record<SigningAlg, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

  for (const alg of ['RS256', 'RS384', 'RS512'] as const) {
    it(`signs an ${alg} JWT that Node verifies with the public key Monetate holds`, async () => {
      const key = await importSigningKey(keyPair.pkcs8, alg);
      const jwt = await signAuthJwt({ key, username: 'api-acme-1', alg, nowMs: NOW_MS });
      const { signingInput, header, claims, signature } = parts(jwt);
      expect(verify(hashes[alg], Buffer.from(signingInput), keyPair.publicKeyPem, signature)).toBe(true);
      expect(header).toEqual({ alg, typ: 'JWT' });
      // Exactly these two claims, iat an integer in seconds from the frozen clock.
      expect(claims).toStrictEqual({ username: 'api-acme-1', iat: NOW_S });
    });
  }

  it('signs with the clock it is given, shifted by a whole-second correction', async () => {
    const key = await importSigningKey(keyPair.pkcs8, 'RS256');
    const jwt = await signAuthJwt({ key, username: 'u', alg: 'RS256', nowMs: NOW_MS, iatOffsetSeconds: -30 });
    expect(parts(jwt).claims).toStrictEqual({ username: 'u', iat: NOW_S - 30 });
  });

  it('never corrects iat by more than 15 minutes', async () => {
    const key = await importSigningKey(keyPair.pkcs8, 'RS256');
    await expect(signAuthJwt({ key, username: 'u', alg: 'RS256', nowMs: NOW_MS, iatOffsetSeconds: 900 })).resolves.toMatch(/^eyJ/);
    for (const iatOffsetSeconds of [901, -901, 86_399]) {
      await expect(signAuthJwt({ key, username: 'u', alg: 'RS256', nowMs: NOW_MS, iatOffsetSeconds })).rejects.toMatchObject({ code: 'clock_skew' });
    }
  });

  it('refuses an empty username, a fractional correction and a key imported for another alg', async () => {
    const key = await importSigningKey(keyPair.pkcs8, 'RS256');
    await expect(signAuthJwt({ key, username: ' ', alg: 'RS256', nowMs: NOW_MS })).rejects.toMatchObject({ code: 'username_missing' });
    await expect(signAuthJwt({ key, username: 'u', alg: 'RS256', nowMs: NOW_MS, iatOffsetSeconds: 0.5 })).rejects.toMatchObject({
      code: 'clock_invalid',
    });
    await expect(signAuthJwt({ key, username: 'u', alg: 'RS256', nowMs: Number.NaN })).rejects.toMatchObject({ code: 'clock_invalid' });
    await expect(signAuthJwt({ key, username: 'u', alg: 'RS512', nowMs: NOW_MS })).rejects.toMatchObject({ code: 'key_cannot_sign', params: { alg: 'RS512' } });
  });
});

describe('decodeJwtForDisplay', () => {
  it('shows the header and the claims, and not the signature', async () => {
    const key = await importSigningKey(keyPair.pkcs8, 'RS384');
    const jwt = await signAuthJwt({ key, username: 'api-acme-1', alg: 'RS384', nowMs: NOW_MS });
    const shown = decodeJwtForDisplay(jwt);
    expect(shown).toStrictEqual({ header: { alg: 'RS384', typ: 'JWT' }, claims: { username: 'api-acme-1', iat: NOW_S } });
    expect(JSON.stringify(shown)).not.toContain(jwt.split('.')[2]);
  });

  it('says when the text is not a JWT', () => {
    for (const bad of ['', 'abc', 'a.b.c', 'Token abc.def.ghi']) {
      expect(() => decodeJwtForDisplay(bad), bad).toThrow(expect.objectContaining({ code: 'jwt_malformed' }));
    }
  });
});
