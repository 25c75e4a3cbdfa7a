import { AppError } from '@/utils/errors';

/**
 * Writes text to the clipboard, the one way every surface copies. A browser that refuses (no
 * user gesture, no permission, no clipboard at all) becomes `clipboard_denied`.
 * @example await writeClipboard(token);
 */
export async function writeClipboard(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) throw new AppError('clipboard_denied', 'no clipboard');
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    throw new AppError('clipboard_denied', error instanceof Error ? error.name : undefined);
  }
}
