import { AppError } from '@/utils/errors';
import { bigintToBytes, bytesToBigint, DerError, encodeSequence, encodeUnsignedInteger } from '@/utils/keys/der';

/**
 * The openssh-key-v1 container (OpenSSH's PROTOCOL.key), which `ssh-keygen` writes by
 * default since OpenSSH 7.8:
 *
 *   "openssh-key-v1\0" string cipher, string kdf, string kdfoptions, uint32 count,
 *   string publickey × count, string private-section
 *
 * and, when cipher is "none", the private section is
 *
 *   uint32 check, uint32 check, per key: string type, fields…, string comment; padding
 *
 * with ssh-rsa fields n, e, d, iqmp, p, q (all mpint).
 */
const MAGIC = 'openssh-key-v1\0';

/** Big-endian reader for SSH wire types (RFC 4251 §5). */
class SshReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  uint32(): number {
    const b = this.bytes;
    const o = this.offset;
    if (o + 4 > b.length) throw new DerError('truncated OpenSSH key');
    this.offset += 4;
    return ((b[o] ?? 0) * 2 ** 24) + ((b[o + 1] ?? 0) << 16) + ((b[o + 2] ?? 0) << 8) + (b[o + 3] ?? 0);
  }

  string(): Uint8Array {
    const length = this.uint32();
    if (this.offset + length > this.bytes.length) throw new DerError('truncated OpenSSH key');
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  text(): string {
    return String.fromCharCode(...this.string());
  }

  /** A non-negative mpint as magnitude bytes. */
  mpint(): Uint8Array {
    const value = this.string();
    if (((value[0] ?? 0) & 0x80) !== 0) throw new DerError('negative mpint in RSA key');
    return value;
  }
}

function sshKeyTypeName(type: string): string {
  if (type === 'ssh-ed25519') return 'an Ed25519 key';
  if (type.startsWith('ecdsa-sha2-')) return `an ECDSA key (${type.slice('ecdsa-sha2-'.length)})`;
  if (type === 'ssh-dss') return 'a DSA key';
  if (type.startsWith('sk-')) return 'a security-key (FIDO) key';
  return `an OpenSSH ${type} key`;
}

/**
 * Converts the binary body of an unencrypted `-----BEGIN OPENSSH PRIVATE KEY-----` RSA key
 * into PKCS#1 RSAPrivateKey DER. OpenSSH omits the CRT exponents, so dp and dq are
 * recomputed. Throws `key_not_rsa` for other key types (checked first: decrypting such a key
 * would not help), `key_openssh_encrypted` for passphrase-protected keys, and `DerError`
 * for a damaged file.
 * @example wrapPkcs1InPkcs8(opensshToPkcs1(parsePemBlocks(text)[0].der))
 */
export function opensshToPkcs1(body: Uint8Array): Uint8Array<ArrayBuffer> {
  const magic = String.fromCharCode(...body.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new DerError('not an openssh-key-v1 file');
  const reader = new SshReader(body.subarray(MAGIC.length));
  const cipher = reader.text();
  const kdf = reader.text();
  reader.string(); // kdf options (salt, rounds) only matter for encrypted keys
  const count = reader.uint32();
  if (count !== 1) throw new DerError(`the file holds ${count} keys; import one at a time`);

  // The public blob is in clear text even in encrypted files, so the type is known first.
  const keyType = new SshReader(reader.string()).text();
  if (keyType !== 'ssh-rsa') throw new AppError('key_not_rsa', sshKeyTypeName(keyType));
  if (cipher !== 'none' || kdf !== 'none') throw new AppError('key_openssh_encrypted', `cipher ${cipher}`);

  const secret = new SshReader(reader.string());
  // Equal check words are how OpenSSH itself tells a good decryption (or intact file).
  if (secret.uint32() !== secret.uint32()) throw new DerError('OpenSSH check words differ');
  if (secret.text() !== 'ssh-rsa') throw new DerError('private and public key types differ');
  const nBytes = secret.mpint();
  const eBytes = secret.mpint();
  const dBytes = secret.mpint();
  const iqmpBytes = secret.mpint();
  const pBytes = secret.mpint();
  const qBytes = secret.mpint();

  const n = bytesToBigint(nBytes);
  const d = bytesToBigint(dBytes);
  const p = bytesToBigint(pBytes);
  const q = bytesToBigint(qBytes);
  // A cheap consistency check that gives a clear error for a damaged file instead of a key
  // that imports but signs garbage.
  if (p < 2n || q < 2n || p * q !== n) throw new DerError('OpenSSH RSA factors do not match the modulus');
  const dp = d % (p - 1n);
  const dq = d % (q - 1n);

  // RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p }
  // OpenSSH's iqmp is exactly q^-1 mod p, PKCS#1's coefficient.
  return encodeSequence(
    encodeUnsignedInteger(Uint8Array.of(0)),
    encodeUnsignedInteger(nBytes),
    encodeUnsignedInteger(eBytes),
    encodeUnsignedInteger(dBytes),
    encodeUnsignedInteger(pBytes),
    encodeUnsignedInteger(qBytes),
    encodeUnsignedInteger(bigintToBytes(dp)),
    encodeUnsignedInteger(bigintToBytes(dq)),
    encodeUnsignedInteger(iqmpBytes),
  );
}
