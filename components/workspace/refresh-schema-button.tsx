import { useEffect, useRef, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { DatasetSchema } from '@/utils/schema';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';

/** Reads the dataset's schema again from Monetate (a field added elsewhere shows up). */
export function RefreshSchemaButton({ schema, onSchemaChanged }: { schema: DatasetSchema; onSchemaChanged(next: DatasetSchema): void }) {
  const [state, setState] = useState<{ busy: boolean; done: string; error: ErrorInfo | null }>({ busy: false, done: '', error: null });
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const refresh = async () => {
    setState({ busy: true, done: '', error: null });
    try {
      const next = await sendRequest('schema.get', { name: schema.name, refresh: true });
      if (!live.current) return;
      onSchemaChanged(next);
      setState({ busy: false, done: `Schema re-read at ${new Date().toLocaleTimeString()}.`, error: null });
    } catch (caught) {
      if (live.current) setState({ busy: false, done: '', error: toErrorInfo(caught) });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void refresh()} disabled={state.busy}>
        Refresh schema
      </button>
      <span role="status" className="mdi-hint">
        {state.busy ? 'Reading the schema…' : state.done}
      </span>
      <ErrorMessage error={state.error} />
    </>
  );
}
