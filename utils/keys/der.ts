/**
 * The few DER pieces key import needs: reading TLVs and writing SEQUENCE, INTEGER, NULL,
 * OCTET STRING. Hand-written because WebCrypto accepts only PKCS#8/SPKI/JWK, while users
 * bring PKCS#1 and OpenSSH files; a full ASN.1 library would be far more than this needs.
 * Internal to `utils/keys`.
 */

export const TAG_INTEGER = 0x02;
export const TAG_OCTET_STRING = 0x04;
const TAG_NULL = 0x05;
export const TAG_OID = 0x06;
export const TAG_SEQUENCE = 0x30;

/** A malformed structure; callers turn it into `key_unrecognized`. */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export interface Tlv {
  tag: number;
  /** The content octets (a view into the input). */
  value: Uint8Array;
  /** Offset just past this element. */
  end: number;
}

/** Reads one DER element at `offset`; definite lengths only, as DER requires. */
function readTlv(bytes: Uint8Array, offset = 0): Tlv {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) throw new DerError('truncated element');
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used in keys');
  let length = first;
  let cursor = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length; more than 4 length bytes cannot be a key file.
    if (count === 0 || count > 4) throw new DerError('unsupported length encoding');
    length = 0;
    for (let i = 0; i < count; i += 1) {
      const byte = bytes[cursor + i];
      if (byte === undefined) throw new DerError('truncated length');
      length = length * 256 + byte;
    }
    cursor += count;
  }
  const end = cursor + length;
  if (end > bytes.length) throw new DerError('element runs past the end of the data');
  return { tag, value: bytes.subarray(cursor, end), end };
}

/** Reads the elements directly inside a constructed value (e.g. a SEQUENCE's fields). */
export function readChildren(value: Uint8Array): Tlv[] {
  const children: Tlv[] = [];
  let offset = 0;
  while (offset < value.length) {
    const child = readTlv(value, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** Reads `bytes` as exactly one element with the expected tag (no trailing data). */
export function expectTlv(bytes: Uint8Array, tag: number, what: string): Tlv {
  const tlv = readTlv(bytes, 0);
  if (tlv.tag !== tag) throw new DerError(`${what}: unexpected tag 0x${tlv.tag.toString(16)}`);
  if (tlv.end !== bytes.length) throw new DerError(`${what}: trailing data`);
  return tlv;
}

/** Dotted form of an OBJECT IDENTIFIER's content octets, e.g. '1.2.840.113549.1.1.1'. */
export function decodeOid(value: Uint8Array): string {
  const arcs: number[] = [];
  let arc = 0;
  for (const byte of value) {
    arc = arc * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(arc);
      arc = 0;
    }
  }
  const first = arcs.shift();
  if (first === undefined) throw new DerError('empty OID');
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** One element: tag, length, then the contents concatenated. */
export function encodeTlv(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const value = concat(contents);
  return concat([Uint8Array.of(tag), encodeLength(value.length), value]);
}

export const encodeSequence = (...fields: Uint8Array[]) => encodeTlv(TAG_SEQUENCE, ...fields);
export const encodeOctetString = (value: Uint8Array) => encodeTlv(TAG_OCTET_STRING, value);
export const encodeNull = () => encodeTlv(TAG_NULL);

/**
 * A non-negative INTEGER from big-endian magnitude bytes: minimal, with a 0x00 prefix when
 * the top bit is set so it does not read as negative.
 */
export function encodeUnsignedInteger(magnitude: Uint8Array): Uint8Array<ArrayBuffer> {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start += 1;
  const trimmed = magnitude.length === 0 ? Uint8Array.of(0) : magnitude.subarray(start);
  const needsPad = ((trimmed[0] ?? 0) & 0x80) !== 0;
  return encodeTlv(TAG_INTEGER, needsPad ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}

/** Big-endian magnitude bytes of a non-negative bigint. */
export function bigintToBytes(value: bigint): Uint8Array<ArrayBuffer> {
  if (value < 0n) throw new DerError('negative integer');
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A bigint from big-endian magnitude bytes. */
export function bytesToBigint(bytes: Uint8Array): bigint {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}
