import { z } from 'zod';
import { base64ToBytes } from '@/utils/encoding';
import { GCM_TAG_BYTES, IV_BYTES, MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, SALT_BYTES, type SealedVault } from '@/utils/vault/types';

function base64OfLength(check: (length: number) => boolean, what: string) {
  return z.string().refine((text) => {
    try {
      return check(base64ToBytes(text).length);
    } catch {
      return false;
    }
  }, what);
}

/**
 * Validates a stored or restored vault before any crypto runs on it.
 * @example const result = sealedVaultSchema.safeParse(await storage.getItem('local:vault'));
 */
export const sealedVaultSchema = z.object({
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().min(MIN_PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
    salt: base64OfLength((n) => n === SALT_BYTES, `salt must be base64 of ${SALT_BYTES} bytes`),
  }),
  cipher: z.object({
    name: z.literal('AES-GCM'),
    iv: base64OfLength((n) => n === IV_BYTES, `iv must be base64 of ${IV_BYTES} bytes`),
  }),
  ciphertext: base64OfLength((n) => n > GCM_TAG_BYTES, 'ciphertext must be base64 longer than the GCM tag'),
}) satisfies z.ZodType<SealedVault>;

/** One line naming the first problem, for an error detail ("kdf.iterations: Too small…"). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
