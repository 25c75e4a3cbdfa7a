import { decodeOid, DerError, expectTlv, readChildren, TAG_INTEGER, TAG_OCTET_STRING, TAG_OID, TAG_SEQUENCE } from '@/utils/keys/der';

export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

// Names for the refusal detail ("Monetate accepts RSA keys only (this is an Ed25519 key)").
const KEY_ALGORITHM_NAMES: Record<string, string> = {
  '1.2.840.10045.2.1': 'an EC key',
  '1.3.101.112': 'an Ed25519 key',
  '1.3.101.113': 'an Ed448 key',
  '1.3.101.110': 'an X25519 key',
  '1.3.101.111': 'an X448 key',
  '1.2.840.10040.4.1': 'a DSA key',
  '1.2.840.113549.1.3.1': 'a Diffie-Hellman key',
  // RSA, but restricted to PSS signatures, which Monetate's RS256/384/512 cannot use.
  '1.2.840.113549.1.1.10': 'an RSA-PSS-only key',
};

/** A readable name for a non-RSA key algorithm OID. */
export function keyAlgorithmName(oid: string): string {
  return KEY_ALGORITHM_NAMES[oid] ?? `a key of type ${oid}`;
}

/**
 * The algorithm OID and inner key of a PKCS#8 PrivateKeyInfo / OneAsymmetricKey
 * (RFC 5208, RFC 5958): SEQUENCE { INTEGER version, SEQUENCE { OID, params }, OCTET STRING
 * key, … }. Throws `DerError` for anything else.
 */
export function readPkcs8(der: Uint8Array): { algorithmOid: string; privateKey: Uint8Array } {
  const [version, algorithm, privateKey] = readChildren(expectTlv(der, TAG_SEQUENCE, 'PrivateKeyInfo').value);
  if (version?.tag !== TAG_INTEGER || algorithm?.tag !== TAG_SEQUENCE || privateKey?.tag !== TAG_OCTET_STRING) {
    throw new DerError('not a PrivateKeyInfo');
  }
  const oid = readChildren(algorithm.value)[0];
  if (oid?.tag !== TAG_OID) throw new DerError('AlgorithmIdentifier without an OID');
  return { algorithmOid: decodeOid(oid.value), privateKey: privateKey.value };
}

/**
 * Bit length of the modulus in a PKCS#1 RSAPrivateKey (SEQUENCE { version, n, … }). Read
 * before WebCrypto import because browsers refuse very small keys with a bare DataError,
 * and the user should hear "too small" rather than "unreadable".
 */
export function rsaModulusBits(pkcs1: Uint8Array): number {
  const [version, modulus] = readChildren(expectTlv(pkcs1, TAG_SEQUENCE, 'RSAPrivateKey').value);
  if (version?.tag !== TAG_INTEGER || modulus?.tag !== TAG_INTEGER) throw new DerError('not an RSAPrivateKey');
  const n = modulus.value;
  let start = 0;
  while (start < n.length && n[start] === 0) start += 1;
  const top = n[start];
  if (top === undefined) throw new DerError('zero modulus');
  return (n.length - start - 1) * 8 + (32 - Math.clz32(top));
}
