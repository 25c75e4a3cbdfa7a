import { parsePemBlocks, type PemBlock } from '@/utils/encoding';
import { AppError } from '@/utils/errors';
import { DerError } from '@/utils/keys/der';
import { opensshToPkcs1 } from '@/utils/keys/openssh-to-pkcs1';
import { wrapPkcs1InPkcs8 } from '@/utils/keys/pkcs1-to-pkcs8';
import { keyAlgorithmName, OID_RSA_ENCRYPTION, readPkcs8, rsaModulusBits } from '@/utils/keys/pkcs8-algorithm';
import { describePublicKey, importExtractablePkcs8, modulusBitsOf } from '@/utils/keys/rsa-webcrypto';
import { MIN_RSA_MODULUS_BITS, type ImportedKey, type KeySourceFormat } from '@/utils/keys/types';

// Far above any real key file or key + certificate chain; stops a huge paste from hanging the worker.
const MAX_INPUT_CHARS = 256 * 1024;

const PUBLIC_LABELS: Record<string, string> = {
  'PUBLIC KEY': 'a public key (SPKI)',
  'RSA PUBLIC KEY': 'an RSA public key (PKCS#1)',
  CERTIFICATE: 'a certificate',
  'TRUSTED CERTIFICATE': 'a certificate',
  'X509 CERTIFICATE': 'a certificate',
  'CERTIFICATE REQUEST': 'a certificate request',
  'NEW CERTIFICATE REQUEST': 'a certificate request',
};

const SSH_PUBLIC_LINE = /^\s*(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-\S+|sk-\S+)\s+AAAA/m;

/**
 * Reads a pasted or loaded private key and checks it is an unencrypted RSA key of at least
 * 2048 bits that WebCrypto accepts. Accepts PKCS#8 (`BEGIN PRIVATE KEY`), PKCS#1
 * (`BEGIN RSA PRIVATE KEY`) and unencrypted OpenSSH (`BEGIN OPENSSH PRIVATE KEY`), with any
 * text around the block. Everything else is refused with a code the UI explains:
 * `key_encrypted`, `key_openssh_encrypted`, `key_not_rsa`, `key_is_public`, `key_too_small`
 * or `key_unrecognized`.
 * @example
 * const key = await importPrivateKey(await file.text());
 * key.publicKeyPem // '-----BEGIN PUBLIC KEY-----\n…' to register with Monetate
 */
export async function importPrivateKey(text: string): Promise<ImportedKey> {
  if (typeof text !== 'string' || text.trim() === '') throw new AppError('key_unrecognized', 'the input is empty');
  if (text.length > MAX_INPUT_CHARS) throw new AppError('key_unrecognized', 'the input is too long for a key file');
  // Checked on the raw text too: if a paste collapsed the line breaks, the header is no
  // longer a header, but it still says the key is encrypted.
  if (/Proc-Type:\s*4\s*,\s*ENCRYPTED/i.test(text)) {
    throw new AppError('key_encrypted', 'legacy PEM encryption (Proc-Type: 4,ENCRYPTED)');
  }

  let blocks: PemBlock[];
  try {
    blocks = parsePemBlocks(text);
  } catch (error) {
    throw new AppError('key_unrecognized', error instanceof AppError ? error.detail : 'damaged PEM');
  }

  const privateBlocks = blocks.filter((block) => block.label.endsWith('PRIVATE KEY'));
  if (privateBlocks.length > 1) {
    // Picking one silently could register the wrong key with Monetate.
    throw new AppError('key_unrecognized', `the text holds ${privateBlocks.length} private keys; import one at a time`);
  }
  const [privateBlock] = privateBlocks;
  if (privateBlock) {
    try {
      const { pkcs8, sourceFormat } = toPkcs8(privateBlock);
      return await finishImport(pkcs8, sourceFormat);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('key_unrecognized', error instanceof DerError ? error.message : 'the key data is damaged');
    }
  }

  const publicBlock = blocks.find((block) => block.label in PUBLIC_LABELS);
  if (publicBlock) throw new AppError('key_is_public', PUBLIC_LABELS[publicBlock.label]);
  if (SSH_PUBLIC_LINE.test(text)) throw new AppError('key_is_public', 'an OpenSSH public key line');
  if (text.includes('---- BEGIN SSH2 PUBLIC KEY ----')) throw new AppError('key_is_public', 'an SSH2 public key');
  if (text.includes('PuTTY-User-Key-File-')) {
    throw new AppError('key_unrecognized', 'a PuTTY .ppk key: in PuTTYgen choose Conversions → Export OpenSSH key');
  }
  if (blocks[0]) throw new AppError('key_unrecognized', `a PEM block of type "${blocks[0].label}"`);
  throw new AppError('key_unrecognized', 'no PEM private key block found');
}

function toPkcs8(block: PemBlock): { pkcs8: Uint8Array; sourceFormat: KeySourceFormat } {
  switch (block.label) {
    case 'PRIVATE KEY': {
      const { algorithmOid } = readPkcs8(block.der);
      if (algorithmOid !== OID_RSA_ENCRYPTION) throw new AppError('key_not_rsa', keyAlgorithmName(algorithmOid));
      return { pkcs8: block.der, sourceFormat: 'pkcs8' };
    }
    case 'RSA PRIVATE KEY':
      if (/ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '')) {
        throw new AppError('key_encrypted', 'legacy PEM encryption (Proc-Type: 4,ENCRYPTED)');
      }
      return { pkcs8: wrapPkcs1InPkcs8(block.der), sourceFormat: 'pkcs1' };
    case 'OPENSSH PRIVATE KEY':
      return { pkcs8: wrapPkcs1InPkcs8(opensshToPkcs1(block.der)), sourceFormat: 'openssh' };
    case 'ENCRYPTED PRIVATE KEY':
      throw new AppError('key_encrypted', 'encrypted PKCS#8');
    case 'EC PRIVATE KEY':
      throw new AppError('key_not_rsa', 'an EC key');
    case 'DSA PRIVATE KEY':
      throw new AppError('key_not_rsa', 'a DSA key');
    default:
      throw new AppError('key_unrecognized', `a PEM block of type "${block.label}"`);
  }
}

async function finishImport(pkcs8: Uint8Array, sourceFormat: KeySourceFormat): Promise<ImportedKey> {
  const declaredBits = rsaModulusBits(readPkcs8(pkcs8).privateKey);
  if (declaredBits < MIN_RSA_MODULUS_BITS) throw new AppError('key_too_small', `${declaredBits}-bit key`);

  let key: CryptoKey;
  try {
    // The real validation: WebCrypto (BoringSSL in Chrome) checks the key is consistent.
    key = await importExtractablePkcs8(pkcs8);
  } catch {
    throw new AppError('key_unrecognized', 'WebCrypto refused the RSA key data');
  }
  const modulusBits = modulusBitsOf(key);
  if (modulusBits < MIN_RSA_MODULUS_BITS) throw new AppError('key_too_small', `${modulusBits}-bit key`);

  // Store WebCrypto's own re-encoding: canonical, without optional attributes from the file.
  const canonical = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key));
  return { pkcs8: canonical, sourceFormat, ...(await describePublicKey(key)) };
}
