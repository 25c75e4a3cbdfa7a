import { useEffect, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { DatasetSchema } from '@/utils/schema/types';
import { sendRequest } from '@/utils/messages/send';

/**
 * The schema of the dataset a surface is working in, loaded when the name changes; `setSchema`
 * takes the newer schema an edit (new attribute, Identifier Name) answered with.
 */
export function useDatasetSchema(ready: boolean, datasetName: string | undefined) {
  const [schema, setSchema] = useState<DatasetSchema | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    if (!ready || !datasetName) return setSchema(null);
    let live = true;
    setError(null);
    sendRequest('schema.get', { name: datasetName })
      .then((loaded) => live && setSchema(loaded))
      .catch((caught) => live && setError(toErrorInfo(caught)));
    return () => {
      live = false;
    };
  }, [ready, datasetName]);
  return { schema, setSchema, error };
}
