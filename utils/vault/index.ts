export { sealVault } from './seal-vault';
export { openVault } from './open-vault';
export { rewrapVault } from './rewrap-vault';
export { checkPassphraseStrength, estimatePassphrase, MIN_PASSPHRASE_SCORE, type PassphraseEstimate } from './check-passphrase-strength';
export { exportVaultBackup } from './export-vault-backup';
export { parseVaultBackup } from './parse-vault-backup';
export { sealedVaultSchema } from './schema';
export {
  VAULT_BACKUP_FORMAT,
  VAULT_BACKUP_VERSION,
  vaultBackupProfileSchema,
  type VaultBackup,
  type VaultBackupProfile,
} from './backup-schema';
export {
  MAX_PBKDF2_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  MIN_PBKDF2_ITERATIONS,
  type SealedVault,
} from './types';
