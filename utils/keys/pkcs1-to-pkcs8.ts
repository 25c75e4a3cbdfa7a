import { encodeNull, encodeOctetString, encodeSequence, encodeTlv, encodeUnsignedInteger, TAG_OID } from '@/utils/keys/der';

// 1.2.840.113549.1.1.1 (rsaEncryption), pre-encoded.
const RSA_ENCRYPTION_OID = Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01);

/**
 * Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, because WebCrypto imports only
 * PKCS#8: SEQUENCE { INTEGER 0, SEQUENCE { rsaEncryption, NULL }, OCTET STRING pkcs1 }.
 * The inner structure is not checked here; WebCrypto's import does that.
 * @example wrapPkcs1InPkcs8(parsePemBlocks(pem)[0].der)
 */
export function wrapPkcs1InPkcs8(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeSequence(
    encodeUnsignedInteger(Uint8Array.of(0)),
    encodeSequence(encodeTlv(TAG_OID, RSA_ENCRYPTION_OID), encodeNull()),
    encodeOctetString(pkcs1),
  );
}
