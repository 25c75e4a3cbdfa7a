import { useCallback, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';

/**
 * The busy flag and error of one user action (a button that asks the background for
 * something), so every form reports failures the same way.
 * @example const { busy, error, run } = useAction(); await run(() => sendRequest('vault.lock', {}));
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
    setBusy(true);
    setError(null);
    try {
      return { ok: true, value: await action() };
    } catch (caught) {
      setError(toErrorInfo(caught));
      return { ok: false };
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
