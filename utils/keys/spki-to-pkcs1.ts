import { AppError } from '@/utils/errors';
import { parsePemBlocks, toPem } from '@/utils/encoding';
import { decodeOid, DerError, expectTlv, readChildren, TAG_OID, TAG_SEQUENCE } from '@/utils/keys/der';
import { OID_RSA_ENCRYPTION } from '@/utils/keys/pkcs8-algorithm';

const TAG_BIT_STRING = 0x03;

/**
 * The same RSA public key as PKCS#1 (`-----BEGIN RSA PUBLIC KEY-----`), the form
 * `ssh-keygen -e -m pem` prints and Monetate's step-by-step help page shows being pasted. SPKI
 * wraps exactly these bytes (the BIT STRING after the algorithm), so nothing is recomputed.
 * Throws `public_key_unrecognized` for anything but one SPKI PEM block, `public_key_damaged` when its DER cannot be read.
 * @example spkiPemToPkcs1Pem(keyInfo.publicKeyPem) // '-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA…'
 */
export function spkiPemToPkcs1Pem(spkiPem: string): string {
  const blocks = parsePemBlocks(spkiPem);
  const block = blocks[0];
  if (blocks.length !== 1 || block?.label !== 'PUBLIC KEY') throw new AppError('public_key_unrecognized');
  try {
    const [algorithm, key, ...rest] = readChildren(expectTlv(block.der, TAG_SEQUENCE, 'SubjectPublicKeyInfo').value);
    if (algorithm?.tag !== TAG_SEQUENCE || rest.length > 0) throw new DerError('not a SubjectPublicKeyInfo');
    const [oid] = readChildren(algorithm.value);
    if (oid?.tag !== TAG_OID || decodeOid(oid.value) !== OID_RSA_ENCRYPTION) throw new AppError('key_not_rsa');
    // A BIT STRING starts with its count of unused bits, 0 for a whole DER structure.
    if (key?.tag !== TAG_BIT_STRING || key.value[0] !== 0) throw new DerError('public key is not a whole-byte BIT STRING');
    const pkcs1 = key.value.subarray(1);
    expectTlv(pkcs1, TAG_SEQUENCE, 'RSAPublicKey');
    return toPem('RSA PUBLIC KEY', pkcs1);
  } catch (error) {
    if (error instanceof DerError) throw new AppError('public_key_damaged', error.message);
    throw error;
  }
}
