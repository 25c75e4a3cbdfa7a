import { AppError } from '@/utils/errors';
import { VAULT_BACKUP_FORMAT, VAULT_BACKUP_VERSION, vaultBackupProfileSchema, type VaultBackup } from '@/utils/vault/backup-schema';
import { firstIssue, sealedVaultSchema } from '@/utils/vault/schema';

// A real backup is about 3 KB; refusing megabytes keeps a wrong file from stalling the page.
const MAX_BACKUP_CHARS = 1024 * 1024;

/**
 * Reads a backup file's text. Every problem is `invalid_input` with a sentence the user can
 * act on (not JSON, not a backup, a newer format, a damaged profile or key). The vault is
 * only checked for shape here; `openVault` checks the passphrase.
 * @example const { profile, vault } = parseVaultBackup(await file.text());
 */
export function parseVaultBackup(text: string): VaultBackup {
  if (typeof text !== 'string' || text.trim() === '') throw new AppError('invalid_input', 'The backup file is empty.');
  if (text.length > MAX_BACKUP_CHARS) {
    throw new AppError('invalid_input', 'This file is far too large to be a Monetate Data Inspector key backup.');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'This file is not a Monetate Data Inspector key backup: it is not JSON.');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== VAULT_BACKUP_FORMAT) {
    throw new AppError('invalid_input', 'This file is not a Monetate Data Inspector key backup.');
  }
  const { version, exportedAt, profile, vault } = data as Record<string, unknown>;
  if (version !== VAULT_BACKUP_VERSION) {
    throw new AppError(
      'invalid_input',
      `This backup has format version ${JSON.stringify(version)}, which this version of the extension cannot read. Update the extension and try again.`,
    );
  }
  const checkedProfile = vaultBackupProfileSchema.safeParse(profile);
  if (!checkedProfile.success) {
    throw new AppError('invalid_input', `The backup's profile is incomplete or damaged (${firstIssue(checkedProfile.error)}).`);
  }
  const checkedVault = sealedVaultSchema.safeParse(vault);
  if (!checkedVault.success) {
    throw new AppError(
      'invalid_input',
      `The backup's encrypted key is damaged (${firstIssue(checkedVault.error)}). Use another copy of the backup.`,
    );
  }
  const backup: VaultBackup = { profile: checkedProfile.data, vault: checkedVault.data };
  if (typeof exportedAt === 'string') backup.exportedAt = exportedAt;
  return backup;
}
