import { z } from 'zod';
import { SIGNING_ALGS, type SigningAlg } from '@/utils/keys/types';
import type { SealedVault } from '@/utils/vault/types';

export const VAULT_BACKUP_FORMAT = 'monetate-data-inspector-vault-backup';
export const VAULT_BACKUP_VERSION = 1;

/** The profile fields a backup carries: enough to recreate the profile, no secrets. */
export interface VaultBackupProfile {
  name: string;
  baseUrl: string;
  retailer: string;
  username: string;
  alg: SigningAlg;
  ttlSeconds: number;
}

export interface VaultBackup {
  profile: VaultBackupProfile;
  vault: SealedVault;
  /** ISO-8601 time the backup was written, when the file has it. */
  exportedAt?: string;
}

const nonBlank = (what: string) => z.string().refine((value) => value.trim() !== '', `${what} is empty`);

export const vaultBackupProfileSchema = z.object({
  name: nonBlank('name'),
  baseUrl: z.string().refine((value) => {
    try {
      return ['https:', 'http:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'not an http(s) URL'),
  retailer: nonBlank('retailer'),
  username: nonBlank('username'),
  alg: z.enum(SIGNING_ALGS as [SigningAlg, ...SigningAlg[]]),
  // Monetate's Auth API accepts ttl from 600 to 43200 seconds.
  ttlSeconds: z.int().min(600).max(43_200),
}) satisfies z.ZodType<VaultBackupProfile>;
