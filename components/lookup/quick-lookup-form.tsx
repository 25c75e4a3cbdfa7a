import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DatasetSchema } from '@/utils/schema/types';
import type { Loadable } from '@/utils/stores/schema-store';
import { LoadStatus } from '@/components/lookup/load-status';

/**
 * The look-up form every surface shares: "Dataset", "Record ID" and a "Look up" button, so
 * people and tests find them the same way everywhere.
 */
export function QuickLookupForm({
  datasets: datasetsState,
  onRetryDatasets,
  datasetsFailure,
  initialDataset,
  initialId,
  busy,
  autoFocusId,
  onSubmit,
  onChange,
}: {
  /** The dataset list's state: the select says whether it is loading, failed (with Retry) or empty. */
  datasets: Loadable<DatasetSchema[]>;
  onRetryDatasets(): void;
  /** Said instead of the error's own sentence when another part of the surface already says it. */
  datasetsFailure?: string;
  initialDataset?: string;
  initialId?: string;
  busy?: boolean;
  /** Puts the cursor in "Record ID" (the popup, opened by the keyboard shortcut, is for typing an ID). */
  autoFocusId?: boolean;
  onSubmit(dataset: string, id: string): void;
  onChange?(dataset: string, id: string): void;
}) {
  const datasets = datasetsState.status === 'loaded' ? datasetsState.value : null;
  const datasetId = useId();
  const recordId = useId();
  const [dataset, setSchema] = useState(initialDataset ?? '');
  const [id, setId] = useState(initialId ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (initialDataset) setSchema(initialDataset);
  }, [initialDataset]);
  useEffect(() => {
    if (initialId !== undefined) setId(initialId);
  }, [initialId]);
  useEffect(() => {
    // Without a remembered choice, the first dataset is the natural default.
    if (!dataset && datasets && datasets[0]) setSchema(datasets[0].name);
  }, [datasets, dataset]);
  useEffect(() => onChange?.(dataset, id), [dataset, id, onChange]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dataset) return setError('Choose a dataset.');
    if (!id.trim()) return setError('Enter a record ID.');
    if (id.length > 512) return setError('A record ID is at most 512 characters.');
    setError(null);
    onSubmit(dataset, id);
  };

  return (
    <form className="mdi-stack" onSubmit={submit} aria-label="Look up a record">
      <div className="mdi-row mdi-lookup-row">
        <div className="mdi-field">
          <label htmlFor={datasetId}>Dataset</label>
          <select id={datasetId} value={dataset} onChange={(event) => setSchema(event.target.value)} disabled={!datasets}>
            {datasetsState.status === 'loading' && <option value="">Loading datasets…</option>}
            {datasetsState.status === 'failed' && <option value="">Datasets not loaded</option>}
            {datasets?.length === 0 && <option value="">No datasets</option>}
            {datasets?.map((dataset) => (
              <option key={dataset.name} value={dataset.name}>
                {dataset.name}
              </option>
            ))}
          </select>
        </div>
        <div className="mdi-field">
          <label htmlFor={recordId}>Record ID</label>
          <input
            id={recordId}
            value={id}
            onChange={(event) => setId(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${recordId}-error` : undefined}
            autoComplete="off"
            spellCheck={false}
            autoFocus={autoFocusId}
          />
        </div>
        <button type="submit" className="mdi-primary" disabled={busy || !datasets}>
          Look up
        </button>
      </div>
      {/* While loading, the select itself says so; a failure needs the reason and a Retry. */}
      {datasetsState.status === 'failed' && <LoadStatus state={datasetsState} loading="" failed="The datasets could not be loaded." reason={datasetsFailure} onRetry={onRetryDatasets} />}
      {error && (
        <p className="mdi-error" id={`${recordId}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
