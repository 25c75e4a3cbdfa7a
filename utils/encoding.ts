import { AppError } from '@/utils/errors';

/**
 * Byte/text encodings shared by the key, vault and JWT modules. Browser-only primitives
 * (`atob`/`btoa`), so the same code runs in the service worker, the pages and Node tests.
 */

// btoa/String.fromCharCode choke on very long argument lists; 32 KiB chunks stay well below
// every engine's limit.
const CHUNK = 0x8000;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Standard base64 (with padding) of some bytes.
 * @example bytesToBase64(new Uint8Array([1, 2, 3])) // 'AQID'
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Decodes standard base64. Whitespace (line breaks of PEM bodies, pasted indentation) is
 * ignored; anything else that is not base64, or a truncated length, throws `base64_invalid`.
 * @example base64ToBytes('AQID') // Uint8Array [1, 2, 3]
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const compact = text.replace(/\s+/g, '');
  // atob alone tolerates missing padding, which would let a truncated PEM body through.
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new AppError('base64_invalid');
  }
  return binaryToBytes(compact);
}

function binaryToBytes(base64: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    throw new AppError('base64_invalid');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A copy of `bytes` backed by a plain `ArrayBuffer`. WebCrypto's `BufferSource` type (TS ≥ 5.7)
 * refuses views that might sit on a `SharedArrayBuffer`, and a copy also keeps callers from
 * mutating what we are about to hand to `crypto.subtle`.
 * @example crypto.subtle.digest('SHA-256', ownBytes(input))
 */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** One `-----BEGIN label-----` … `-----END label-----` block. */
export interface PemBlock {
  label: string;
  der: Uint8Array<ArrayBuffer>;
  /** RFC 1421 headers such as `Proc-Type` and `DEK-Info` (legacy encrypted PEM), if any. */
  headers: Record<string, string>;
}

/**
 * PEM armor in the exact shape OpenSSL writes: 64-character lines and a final newline, so
 * a key copied from the options page compares equal to `openssl rsa -pubout` output.
 * @example toPem('PUBLIC KEY', spkiDer) // '-----BEGIN PUBLIC KEY-----\nMIIB…\n-----END PUBLIC KEY-----\n'
 */
export function toPem(label: string, der: Uint8Array): string {
  const body = bytesToBase64(der).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

// RFC 7468 labels are printable characters other than '-'. The END label must repeat BEGIN's.
const PEM_BLOCK = /-----BEGIN ([^\r\n-]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Every PEM block in `text`, in order. Tolerates CRLF or CR line ends, indentation, and any
 * text before, between and after blocks (mail signatures, `openssl … -text` dumps, a
 * certificate next to a key). A block whose body is not valid base64 throws `pem_block_damaged`.
 * @example parsePemBlocks(fileText).map((b) => b.label) // ['CERTIFICATE', 'PRIVATE KEY']
 */
export function parsePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const label = (match[1] ?? '').trim();
    const { headers, body } = splitHeaders(match[2] ?? '');
    let der: Uint8Array<ArrayBuffer>;
    try {
      der = base64ToBytes(body);
    } catch {
      throw new AppError('pem_block_damaged', label);
    }
    blocks.push({ label, der, headers });
  }
  return blocks;
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const lines = raw.split(/\r\n|\r|\n/);
  const headers: Record<string, string> = {};
  let lastKey: string | undefined;
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const trimmed = line.trim();
    const colon = trimmed.indexOf(':');
    if (colon > 0) {
      lastKey = trimmed.slice(0, colon).trim();
      headers[lastKey] = trimmed.slice(colon + 1).trim();
    } else if (lastKey !== undefined && /^\s/.test(line) && trimmed !== '') {
      // RFC 1421 continuation line of the previous header.
      headers[lastKey] = `${headers[lastKey] ?? ''}${trimmed}`;
    } else if (trimmed === '' && (lastKey !== undefined || index === 0)) {
      // The blank line separating headers from the body, or the empty rest of the BEGIN line.
      if (lastKey !== undefined) {
        index += 1;
        break;
      }
    } else {
      break;
    }
  }
  return { headers, body: lines.slice(index).join('\n') };
}
