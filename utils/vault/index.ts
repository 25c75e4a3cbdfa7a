export { sealVault } from '@/utils/vault/seal-vault';
export { openVault } from '@/utils/vault/open-vault';
export { rewrapVault } from '@/utils/vault/rewrap-vault';
export { checkPassphraseStrength, estimatePassphrase, MIN_PASSPHRASE_SCORE, type PassphraseEstimate } from '@/utils/vault/check-passphrase-strength';
export { exportVaultBackup } from '@/utils/vault/export-vault-backup';
export { parseVaultBackup } from '@/utils/vault/parse-vault-backup';
export { sealedVaultSchema } from '@/utils/vault/schema';
export {
  VAULT_BACKUP_FORMAT,
  VAULT_BACKUP_VERSION,
  vaultBackupProfileSchema,
  type VaultBackup,
  type VaultBackupProfile,
} from '@/utils/vault/backup-schema';
export {
  MAX_PBKDF2_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  MIN_PBKDF2_ITERATIONS,
  type SealedVault,
} from '@/utils/vault/types';
