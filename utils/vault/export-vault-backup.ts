import { AppError } from '@/utils/errors';
import { VAULT_BACKUP_FORMAT, VAULT_BACKUP_VERSION, vaultBackupProfileSchema, type VaultBackupProfile } from '@/utils/vault/backup-schema';
import { firstIssue, sealedVaultSchema } from '@/utils/vault/schema';
import type { SealedVault } from '@/utils/vault/types';

/**
 * The text of a backup file for one profile: its settings and its vault, the key still
 * encrypted under the passphrase. Only the listed profile fields are written, so extra
 * fields on a stored profile never leak into a file. `nowMs` is the clock, for tests.
 * @example download('monetate-key-backup.json', exportVaultBackup(profile, vault));
 */
export function exportVaultBackup(
  profile: VaultBackupProfile,
  vault: SealedVault,
  options: { nowMs?: number } = {},
): string {
  const checkedProfile = vaultBackupProfileSchema.safeParse(profile);
  if (!checkedProfile.success) {
    throw new AppError('profile_invalid', profile.name, { params: { issue: firstIssue(checkedProfile.error) } });
  }
  const checkedVault = sealedVaultSchema.safeParse(vault);
  if (!checkedVault.success) throw new AppError('vault_corrupt', firstIssue(checkedVault.error));
  const file = {
    format: VAULT_BACKUP_FORMAT,
    version: VAULT_BACKUP_VERSION,
    exportedAt: new Date(options.nowMs ?? Date.now()).toISOString(),
    profile: checkedProfile.data,
    vault: checkedVault.data,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
