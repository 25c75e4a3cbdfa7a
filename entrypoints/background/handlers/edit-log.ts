import { clearEditLog as clearLog, readEditLog } from '@/utils/storage/edit-log';
import type { Handler } from '@/entrypoints/background/handlers/types';

export const listEditLog: Handler<'editlog.list'> = () => readEditLog();

export const clearEditLog: Handler<'editlog.clear'> = async () => {
  await clearLog();
  return null;
};
