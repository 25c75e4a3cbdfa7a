import { createHash, createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { importPrivateKey, importSigningKey, type ImportedKey } from '@/utils/keys';
import { createKeyFixtures, type KeyFixtures } from '@/tests/unit/keys/fixtures';

let fx: KeyFixtures;

beforeAll(() => {
  fx = createKeyFixtures();
  const openssl = (...args: string[]) => fx.run('openssl', args);
  const sshKeygen = (...args: string[]) => fx.run('ssh-keygen', ['-q', ...args]);

  // Accepted
  openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'pkcs8.pem');
  openssl('genrsa', '-traditional', '-out', 'pkcs1.pem', '2048');
  sshKeygen('-t', 'rsa', '-b', '2048', '-N', '', '-C', 'me@example.com', '-f', 'id_rsa');
  // Reference answers from the tools themselves.
  openssl('rsa', '-in', 'pkcs8.pem', '-pubout', '-out', 'pkcs8.pub.pem');
  openssl('rsa', '-in', 'pkcs1.pem', '-pubout', '-out', 'pkcs1.pub.pem');
  fx.run('sh', ['-c', 'ssh-keygen -e -m PKCS8 -f id_rsa.pub > id_rsa.spki.pem']);
  fx.run('cp', ['id_rsa', 'id_rsa_as_pem']);
  sshKeygen('-p', '-m', 'PEM', '-P', '', '-N', '', '-f', 'id_rsa_as_pem');
  openssl('req', '-x509', '-new', '-key', 'pkcs8.pem', '-subj', '/CN=monetate-test', '-days', '1', '-out', 'cert.pem');

  // Refused
  openssl('genrsa', '-traditional', '-aes256', '-passout', 'pass:x', '-out', 'pkcs1-encrypted.pem', '2048');
  openssl('pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-passout', 'pass:x', '-in', 'pkcs8.pem', '-out', 'pkcs8-encrypted.pem');
  openssl('genrsa', '-out', 'rsa1024.pem', '1024');
  openssl('ecparam', '-genkey', '-name', 'prime256v1', '-noout', '-out', 'ec.pem');
  openssl('ecparam', '-genkey', '-name', 'prime256v1', '-out', 'ec-with-params.pem');
  openssl('pkcs8', '-topk8', '-nocrypt', '-in', 'ec.pem', '-out', 'ec-pkcs8.pem');
  openssl('genpkey', '-algorithm', 'ed25519', '-out', 'ed25519.pem');
  openssl('rsa', '-in', 'pkcs1.pem', '-RSAPublicKey_out', '-out', 'rsa-public.pem');
  sshKeygen('-t', 'rsa', '-b', '2048', '-N', 'secret', '-f', 'id_rsa_encrypted');
  sshKeygen('-t', 'rsa', '-b', '1024', '-N', '', '-f', 'id_rsa_1024');
  sshKeygen('-t', 'ed25519', '-N', '', '-f', 'id_ed25519');
  sshKeygen('-t', 'ecdsa', '-b', '256', '-N', '', '-f', 'id_ecdsa');
}, 60_000);

afterAll(() => fx?.cleanup());

function spkiFingerprint(publicPem: string): string {
  const der = createPublicKey(publicPem).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

async function signsVerifiably(key: ImportedKey, publicPem: string): Promise<boolean> {
  const data = new TextEncoder().encode('header.payload');
  const signingKey = await importSigningKey(key.pkcs8, 'RS256');
  const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', signingKey, data));
  return verify('sha256', data, publicPem, signature);
}

async function refusal(text: string): Promise<AppError> {
  try {
    await importPrivateKey(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('the key was accepted');
}

describe('importPrivateKey accepts unencrypted RSA keys of 2048 bits and more', () => {
  const cases = [
    { name: 'PKCS#8 from openssl genpkey', file: 'pkcs8.pem', format: 'pkcs8', publicRef: 'pkcs8.pub.pem', privateRef: 'pkcs8.pem' },
    { name: 'PKCS#1 from openssl genrsa -traditional', file: 'pkcs1.pem', format: 'pkcs1', publicRef: 'pkcs1.pub.pem', privateRef: 'pkcs1.pem' },
    // ssh-keygen -e gives the SPKI independently of our openssh-key-v1 parser; the PEM copy
    // made by ssh-keygen -p -m PEM gives the private key as OpenSSH itself reads it.
    { name: 'OpenSSH from ssh-keygen', file: 'id_rsa', format: 'openssh', publicRef: 'id_rsa.spki.pem', privateRef: 'id_rsa_as_pem' },
  ] as const;

  for (const c of cases) {
    describe(c.name, () => {
      let key: ImportedKey;
      beforeAll(async () => {
        key = await importPrivateKey(fx.read(c.file));
      });

      it('shows the same public key PEM the command-line tools derive', () => {
        expect(key.sourceFormat).toBe(c.format);
        expect(key.modulusBits).toBe(2048);
        expect(key.publicKeyPem).toBe(fx.read(c.publicRef));
      });

      it('fingerprints the SPKI as SHA256:<base64 without padding>', () => {
        expect(key.fingerprint).toBe(spkiFingerprint(fx.read(c.publicRef)));
        expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
      });

      it('stores the same PKCS#8 bytes OpenSSL would', () => {
        const reference = createPrivateKey(fx.read(c.privateRef)).export({ type: 'pkcs8', format: 'der' });
        expect(Buffer.from(key.pkcs8).equals(reference)).toBe(true);
      });

      it('signs so that Node verifies with the public key', async () => {
        expect(await signsVerifiably(key, fx.read(c.publicRef))).toBe(true);
      });
    });
  }

  it('reads a key pasted with CRLF line ends, indentation and text around it', async () => {
    const pem = fx.read('pkcs1.pem').replace(/\n/g, '\r\n').replace(/^/gm, '   ');
    const key = await importPrivateKey(`Here is the key you asked for:\r\n\r\n${pem}\r\n-- \r\nSent from my phone\r\n`);
    expect(key.publicKeyPem).toBe(fx.read('pkcs1.pub.pem'));
  });

  it('picks the private key out of a certificate + key bundle', async () => {
    const key = await importPrivateKey(fx.read('cert.pem') + fx.read('pkcs8.pem'));
    expect(key.publicKeyPem).toBe(fx.read('pkcs8.pub.pem'));
  });

  it('reads an OpenSSH key whose id_rsa.pub sits in the same paste', async () => {
    const key = await importPrivateKey(`${fx.read('id_rsa.pub')}\n${fx.read('id_rsa')}`);
    expect(key.sourceFormat).toBe('openssh');
  });
});

describe('importPrivateKey refuses other input with a named reason', () => {
  const refusals: { name: string; text: () => string; code: AppError['code']; detail?: RegExp }[] = [
    { name: 'an encrypted PKCS#1 key (Proc-Type: 4,ENCRYPTED)', text: () => fx.read('pkcs1-encrypted.pem'), code: 'key_encrypted' },
    { name: 'an ENCRYPTED PRIVATE KEY (PKCS#8)', text: () => fx.read('pkcs8-encrypted.pem'), code: 'key_encrypted' },
    { name: 'a passphrase-protected OpenSSH key', text: () => fx.read('id_rsa_encrypted'), code: 'key_openssh_encrypted' },
    { name: 'a 1024-bit RSA key', text: () => fx.read('rsa1024.pem'), code: 'key_too_small', detail: /^1024-bit key$/ },
    { name: 'a 1024-bit OpenSSH RSA key', text: () => fx.read('id_rsa_1024'), code: 'key_too_small', detail: /^1024-bit key$/ },
    { name: 'an EC PRIVATE KEY', text: () => fx.read('ec.pem'), code: 'key_not_rsa', detail: /EC/ },
    { name: 'EC PARAMETERS followed by an EC PRIVATE KEY', text: () => fx.read('ec-with-params.pem'), code: 'key_not_rsa', detail: /EC/ },
    { name: 'an EC key in PKCS#8', text: () => fx.read('ec-pkcs8.pem'), code: 'key_not_rsa', detail: /EC/ },
    { name: 'an Ed25519 key in PKCS#8', text: () => fx.read('ed25519.pem'), code: 'key_not_rsa', detail: /Ed25519/ },
    { name: 'an OpenSSH Ed25519 key', text: () => fx.read('id_ed25519'), code: 'key_not_rsa', detail: /Ed25519/ },
    { name: 'an OpenSSH ECDSA key', text: () => fx.read('id_ecdsa'), code: 'key_not_rsa', detail: /ECDSA/ },
    { name: 'a PUBLIC KEY', text: () => fx.read('pkcs1.pub.pem'), code: 'key_is_public' },
    { name: 'an RSA PUBLIC KEY', text: () => fx.read('rsa-public.pem'), code: 'key_is_public' },
    { name: 'an ssh-rsa one-liner', text: () => fx.read('id_rsa.pub'), code: 'key_is_public' },
    { name: 'a certificate', text: () => fx.read('cert.pem'), code: 'key_is_public', detail: /certificate/ },
    { name: 'empty text', text: () => '', code: 'key_unrecognized' },
    { name: 'only whitespace', text: () => ' \r\n\t ', code: 'key_unrecognized' },
    { name: 'prose', text: () => 'my key is hunter2', code: 'key_unrecognized' },
    { name: 'a BEGIN line without END', text: () => fx.read('pkcs8.pem').split('-----END')[0] ?? '', code: 'key_unrecognized' },
    {
      name: 'a PEM cut off mid-line',
      text: () => `${fx.read('pkcs8.pem').slice(0, 400)}\n-----END PRIVATE KEY-----\n`,
      code: 'key_unrecognized',
    },
    {
      name: 'a PEM missing lines in the middle',
      text: () => {
        const lines = fx.read('pkcs1.pem').split('\n');
        return [...lines.slice(0, 5), ...lines.slice(9)].join('\n');
      },
      code: 'key_unrecognized',
    },
    {
      name: 'an OpenSSH key missing lines in the middle',
      text: () => {
        const lines = fx.read('id_rsa').split('\n');
        return [...lines.slice(0, 5), ...lines.slice(9)].join('\n');
      },
      code: 'key_unrecognized',
    },
    {
      name: 'two private keys at once',
      text: () => fx.read('pkcs8.pem') + fx.read('pkcs1.pem'),
      code: 'key_unrecognized',
      detail: /2 private keys/,
    },
  ];

  for (const r of refusals) {
    it(`refuses ${r.name} with ${r.code}`, async () => {
      const error = await refusal(r.text());
      expect(error.code).toBe(r.code);
      if (r.detail) expect(error.detail).toMatch(r.detail);
    });
  }

  it('refuses an encrypted PKCS#1 key even when the paste lost its line breaks', async () => {
    const flattened = fx.read('pkcs1-encrypted.pem').replace(/\n/g, ' ');
    expect((await refusal(flattened)).code).toBe('key_encrypted');
  });
});
