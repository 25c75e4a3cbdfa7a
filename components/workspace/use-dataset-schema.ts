import { useEffect, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { DatasetSchema } from '@/utils/schema/types';
import { sendRequest } from '@/utils/messages/send';

/**
 * The schema of the dataset a surface is working in, loaded when the name changes; `setSchema`
 * takes the newer schema an edit (new attribute, Identifier Name) answered with.
 */
export function useDatasetSchema(ready: boolean, schemaName: string | undefined) {
  const [schema, setSchema] = useState<DatasetSchema | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    if (!ready || !schemaName) return setSchema(null);
    let live = true;
    setError(null);
    sendRequest('schema.get', { name: schemaName })
      .then((loaded) => live && setSchema(loaded))
      .catch((caught) => live && setError(toErrorInfo(caught)));
    return () => {
      live = false;
    };
  }, [ready, schemaName]);
  return { schema, setSchema, error };
}
