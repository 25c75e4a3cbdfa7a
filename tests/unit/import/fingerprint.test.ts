import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintFile, fingerprintMismatch } from '@/utils/import/fingerprint';

describe('the import file fingerprint', () => {
  it('is the name, size and SHA-256 of the file, hashed as a stream', async () => {
    const text = 'customer_id,email\n' + 'C-1,a@example.com\n'.repeat(50_000);
    const file = new File([text], 'people.csv');
    expect(await fingerprintFile(file)).toEqual({ name: 'people.csv', size: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') });
  });

  it('tells a changed or different file from the same one', async () => {
    const original = await fingerprintFile(new File(['id\nA\n'], 'a.csv'));
    expect(fingerprintMismatch(original, await fingerprintFile(new File(['id\nA\n'], 'renamed.csv')))).toBeNull();
    expect(fingerprintMismatch(original, await fingerprintFile(new File(['id\nB\n'], 'a.csv')))).toMatch(/“a.csv” has changed since the import started/);
    expect(fingerprintMismatch(original, await fingerprintFile(new File(['x'], 'b.csv')))).toMatch(/“b.csv” is not “a.csv”/);
  });
});
