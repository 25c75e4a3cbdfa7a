import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * What identifies an import file without keeping any of its rows: name, size and SHA-256.
 * Resuming an import checks that the file chosen again is this one.
 */
export interface FileFingerprint {
  name: string;
  size: number;
  sha256: string;
}

/**
 * Hashes a file as a stream (Web Crypto's digest needs the whole file in memory; a 100 MB
 * file must not be).
 * @example await fingerprintFile(file) // { name: 'people.csv', size: 5120, sha256: '9f86…' }
 */
export async function fingerprintFile(file: Pick<File, 'name' | 'size' | 'stream'>): Promise<FileFingerprint> {
  const hash = sha256.create();
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  return { name: file.name, size: file.size, sha256: bytesToHex(hash.digest()) };
}

/** Why a re-chosen file is not the one the paused import was reading, or null when it is. */
export function fingerprintMismatch(expected: FileFingerprint, actual: FileFingerprint): string | null {
  if (actual.sha256 === expected.sha256 && actual.size === expected.size) return null;
  const what = actual.name === expected.name ? `“${actual.name}” has changed since the import started` : `“${actual.name}” is not “${expected.name}”`;
  return `${what}. Choose the same file to resume, or cancel the paused import and start a new one.`;
}
