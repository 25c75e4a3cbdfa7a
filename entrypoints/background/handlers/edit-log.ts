import { clearEditLog as clearLog, readEditLog } from '@/utils/storage/edit-log';
import type { Handler } from '@/entrypoints/background/handlers/types';

// The bulk import handler logs its finished writes through this name.
export { logFinishedWrite as appendEditLog } from '@/utils/storage/edit-log';

export const listEditLog: Handler<'editlog.list'> = () => readEditLog();

export const clearEditLog: Handler<'editlog.clear'> = async () => {
  await clearLog();
  return null;
};
