import type { HandlerMap } from './types';
import { activateProfile, deleteProfile, getState, saveProfile } from './profiles';
import { changePassphrase, exportBackup, generateKey, importBackup, importKey, keyInfo, lock, unlock } from './keys';
import { buildCurl, getToken } from './tokens';
import { cancelLookups, clearHistory, listHistory, lookupRecord } from './lookup';
import { addAttributes, getSchema, listSchemas, setIdentifier } from './schema';
import { saveRecord } from './records';
import { clearEditLog, listEditLog } from './edit-log';
import { controlImport, currentImport, listUploads, mergeImportRows, sendImportBatch, settleImport, startImport } from './import';
import { hideOverlayOnSite, overlayStatus, saveLauncherPosition, saveSettings, showInSidePanel, takePendingShow } from './settings';

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
};
