import { AppError } from '@/utils/errors';
import { VAULT_BACKUP_FORMAT, VAULT_BACKUP_VERSION, vaultBackupProfileSchema, type VaultBackup } from '@/utils/vault/backup-schema';
import { firstIssue, sealedVaultSchema } from '@/utils/vault/schema';

// A real backup is about 3 KB; refusing megabytes keeps a wrong file from stalling the page.
const MAX_BACKUP_CHARS = 1024 * 1024;

/**
 * Reads a backup file's text. Every problem has its own code, whose sentence says what to do:
 * `backup_empty`, `backup_too_large`, `backup_unrecognized` (not JSON, not ours),
 * `backup_version_unsupported`, `backup_profile_damaged`, `backup_key_damaged`. The vault is
 * only checked for shape here; `openVault` checks the passphrase.
 * @example const { profile, vault } = parseVaultBackup(await file.text());
 */
export function parseVaultBackup(text: string): VaultBackup {
  if (typeof text !== 'string' || text.trim() === '') throw new AppError('backup_empty');
  if (text.length > MAX_BACKUP_CHARS) {
    throw new AppError('backup_too_large');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('backup_unrecognized', 'it is not JSON');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== VAULT_BACKUP_FORMAT) {
    throw new AppError('backup_unrecognized');
  }
  const { version, exportedAt, profile, vault } = data as Record<string, unknown>;
  if (version !== VAULT_BACKUP_VERSION) {
    throw new AppError('backup_version_unsupported', String(JSON.stringify(version)));
  }
  const checkedProfile = vaultBackupProfileSchema.safeParse(profile);
  if (!checkedProfile.success) {
    throw new AppError('backup_profile_damaged', firstIssue(checkedProfile.error));
  }
  const checkedVault = sealedVaultSchema.safeParse(vault);
  if (!checkedVault.success) {
    throw new AppError('backup_key_damaged', firstIssue(checkedVault.error));
  }
  const backup: VaultBackup = { profile: checkedProfile.data, vault: checkedVault.data };
  if (typeof exportedAt === 'string') backup.exportedAt = exportedAt;
  return backup;
}
