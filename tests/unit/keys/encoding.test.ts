import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  parsePemBlocks,
  toPem,
} from '@/utils/encoding';

describe('base64', () => {
  it('round-trips bytes of every length the same way Node encodes them', () => {
    for (const length of [0, 1, 2, 3, 4, 63, 64, 65, 40_000]) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
  });

  it('ignores line breaks and spaces inside base64', () => {
    expect(base64ToBytes(' AQ\r\nID\n')).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('refuses text that is not base64, including a truncated length', () => {
    for (const bad of ['AQI', 'AQ*D', 'A===', '-_8=']) {
      expect(() => base64ToBytes(bad), bad).toThrow(expect.objectContaining({ code: 'base64_invalid' }));
    }
  });
});

describe('PEM armor', () => {
  it('writes 64-character lines and a final newline, like OpenSSL', () => {
    const pem = toPem('PUBLIC KEY', new Uint8Array(100).fill(7));
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN PUBLIC KEY-----');
    expect(lines[1]).toHaveLength(64);
    expect(lines.at(-2)).toBe('-----END PUBLIC KEY-----');
    expect(pem.endsWith('\n')).toBe(true);
  });

  it('reads blocks back from text with CRLF, indentation and prose around them', () => {
    const one = Uint8Array.of(1, 2, 3);
    const two = new Uint8Array(randomBytes(200));
    const text = `Subject: keys\r\n\r\n  ${toPem('CERTIFICATE', one).replace(/\n/g, '\r\n  ')}junk\r\n${toPem('PRIVATE KEY', two)}thanks`;
    const blocks = parsePemBlocks(text);
    expect(blocks.map((b) => b.label)).toEqual(['CERTIFICATE', 'PRIVATE KEY']);
    expect(blocks[0]?.der).toEqual(one);
    expect(blocks[1]?.der).toEqual(two);
  });

  it('separates RFC 1421 headers from the body', () => {
    const text = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'Proc-Type: 4,ENCRYPTED',
      'DEK-Info: AES-256-CBC,0011',
      '  2233',
      '',
      'AQID',
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    const [block] = parsePemBlocks(text);
    expect(block?.headers).toEqual({ 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-256-CBC,00112233' });
    expect(block?.der).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('finds nothing when BEGIN and END labels differ or END is missing', () => {
    expect(parsePemBlocks('-----BEGIN PRIVATE KEY-----\nAQID\n-----END PUBLIC KEY-----')).toEqual([]);
    expect(parsePemBlocks('-----BEGIN PRIVATE KEY-----\nAQID\n')).toEqual([]);
  });

  it('reports a block whose body is damaged', () => {
    expect(() => parsePemBlocks('-----BEGIN PRIVATE KEY-----\nAQI\n-----END PRIVATE KEY-----')).toThrow(
      expect.objectContaining({ code: 'pem_block_damaged', detail: 'PRIVATE KEY' }),
    );
  });
});
