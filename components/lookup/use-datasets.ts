import { useCallback, useEffect, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { DatasetSchema } from '@/utils/schema/types';
import { sendRequest } from '@/utils/messages/send';

/** The active profile's datasets (`GET …/schema/`), reloaded when the profile or lock state changes. */
export function useDatasets(enabled: boolean, profileKey: string) {
  const [datasets, setDatasets] = useState<DatasetSchema[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (refresh = false) => {
      setLoading(true);
      setError(null);
      try {
        setDatasets(await sendRequest('schema.list', { refresh }));
      } catch (caught) {
        setError(toErrorInfo(caught));
      } finally {
        setLoading(false);
      }
    },
    [],
  );

  useEffect(() => {
    if (enabled) void load();
    else setDatasets(null);
  }, [enabled, profileKey, load]);

  return { datasets, error, loading, reload: () => load(true) };
}
