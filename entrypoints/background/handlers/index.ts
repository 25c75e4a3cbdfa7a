import type { HandlerMap } from '@/entrypoints/background/handlers/types';
import { activateProfile, deleteProfile, getState, saveProfile } from '@/entrypoints/background/handlers/profiles';
import { changePassphrase, exportBackup, generateKey, importBackup, importKey, keyInfo, lock, unlock } from '@/entrypoints/background/handlers/keys';
import { buildCurl, getToken } from '@/entrypoints/background/handlers/tokens';
import { cancelLookups, clearHistory, listHistory, lookupRecord } from '@/entrypoints/background/handlers/lookup';
import { addAttributes, getSchema, listSchemas, setIdentifier } from '@/entrypoints/background/handlers/schema';
import { saveRecord } from '@/entrypoints/background/handlers/records';
import { clearEditLog, listEditLog } from '@/entrypoints/background/handlers/edit-log';
import { controlImport, currentImport, listUploads, mergeImportRows, sendImportBatch, settleImport, startImport } from '@/entrypoints/background/handlers/import';
import { discardDraft, getDraft, noteActivity, saveDraft } from '@/entrypoints/background/handlers/drafts';
import { hideOverlayOnSite, overlayStatus, saveLauncherPosition, saveSettings, showInSidePanel, takePendingShow } from '@/entrypoints/background/handlers/settings';

/** Every request type and the one small handler that answers it. */
export const handlers: HandlerMap = {
  'state.get': getState,
  'profiles.save': saveProfile,
  'profiles.delete': deleteProfile,
  'profiles.activate': activateProfile,
  'key.generate': generateKey,
  'key.import': importKey,
  'key.info': keyInfo,
  'vault.unlock': unlock,
  'vault.lock': lock,
  'vault.changePassphrase': changePassphrase,
  'vault.exportBackup': exportBackup,
  'vault.importBackup': importBackup,
  'token.get': getToken,
  'curl.build': buildCurl,
  'settings.save': saveSettings,
  'history.list': listHistory,
  'history.clear': clearHistory,
  'editlog.list': listEditLog,
  'editlog.clear': clearEditLog,
  'schema.addAttributes': addAttributes,
  'schema.setIdentifier': setIdentifier,
  'sidepanel.show': showInSidePanel,
  'sidepanel.takePending': takePendingShow,
  'overlay.status': overlayStatus,
  'lookup.record': lookupRecord,
  'lookup.cancel': cancelLookups,
  'schema.list': listSchemas,
  'schema.get': getSchema,
  'record.save': saveRecord,
  'launcher.save': saveLauncherPosition,
  'overlay.hideOnSite': hideOverlayOnSite,
  'import.current': currentImport,
  'import.start': startImport,
  'import.control': controlImport,
  'import.sendBatch': sendImportBatch,
  'import.settle': settleImport,
  'import.merge': mergeImportRows,
  'schema.uploads': listUploads,
  'draft.get': getDraft,
  'draft.save': saveDraft,
  'draft.discard': discardDraft,
  activity: noteActivity,
};
