import { useCallback, useEffect, useRef, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { sendRequest } from '@/utils/messages/send';
import { useAppStore } from '@/components/app/store-context';
import { ErrorMessage } from '@/components/ui/error-message';
import { RecordBoundary } from '@/components/ui/record-boundary';
import { QuickLookupForm } from '@/components/lookup/quick-lookup-form';
import { QueueIndicator } from '@/components/lookup/queue-indicator';
import { LookupStatus } from '@/components/lookup/lookup-status';
import { useDatasets } from '@/components/lookup/use-datasets';
import { RecordWorkspace } from '@/components/workspace/record-workspace';
import { useDatasetSchema } from '@/components/workspace/use-dataset-schema';
import { SchemaStoreProvider } from '@/components/workspace/schema-store-context';
import { SchemaLoadStatus } from '@/components/workspace/schema-tools';
import { LoadStatus } from '@/components/lookup/load-status';
import '@/components/overlay/overlay.css';

/** A record the page asked for (an ID link); `serial` makes a repeated pick count again. */
export interface RecordRequest {
  dataset: string | null;
  id: string;
  serial: number;
}

export interface OverlayPanelProps {
  /** The dataset the platform page shows, preselected in the picker. */
  pageDataset: string | null;
  request: RecordRequest | null;
  onClose(): void;
  /** Hides the launcher on the page's site; rejects with the reason when that fails. */
  onHideOnSite(): Promise<void>;
}

type SidePanelNote = { kind: 'opened' } | { kind: 'waiting' } | { kind: 'error'; error: ErrorInfo } | null;

/**
 * The overlay on Monetate pages: the active profile and its lock state, a look-up with the
 * page's dataset preselected, and the side panel's own record view and edit form. It runs in
 * the overlay's extension-origin iframe and asks the background only for look-ups, saves and
 * schema reads (the background allows it no more); it never sees a key or token.
 */
export function OverlayPanel({ pageDataset, request, onClose, onHideOnSite }: OverlayPanelProps) {
  const status = useAppStore((state) => state.overlayStatus);
  const loadError = useAppStore((state) => state.loadError);
  const queue = useAppStore((state) => state.queue);
  const lookup = useAppStore((state) => state.lookup);
  const lookUp = useAppStore((state) => state.lookUp);

  const ready = Boolean(status?.hasProfile && !status.locked);
  const { datasets, retry: retryDatasets } = useDatasets(ready, `${status?.profileName}:${ready}`);
  const [selected, setSelected] = useState<{ dataset: string; id: string }>({ dataset: '', id: '' });
  const onFormChange = useCallback((dataset: string, id: string) => setSelected({ dataset, id }), []);
  const [sidePanelNote, setSidePanelNote] = useState<SidePanelNote>(null);
  const [hideError, setHideError] = useState<ErrorInfo | null>(null);

  // An ID picked on the page is looked up at once (when the key is unlocked), once per pick.
  const handledRequest = useRef(0);
  useEffect(() => {
    if (!request || !ready || handledRequest.current === request.serial) return;
    handledRequest.current = request.serial;
    const dataset = request.dataset ?? status?.defaultDataset ?? null;
    if (dataset) void lookUp(dataset, request.id);
  }, [request, ready, status?.defaultDataset, lookUp]);

  const datasetName = (lookup.status === 'done' && lookup.result?.dataset) || selected.dataset;
  const { schema, store: schemaStore, state: schemaState, retry: retrySchema } = useDatasetSchema(ready, datasetName || undefined);

  useEffect(() => setSidePanelNote(null), [lookup.dataset, lookup.id]);

  const known = (name: string | null | undefined) => (name && datasets.status === 'loaded' && datasets.value.some((dataset) => dataset.name === name) ? name : undefined);
  const preselected = known(request?.dataset) ?? known(pageDataset) ?? known(status?.defaultDataset);
  const lookupResult = lookup.status === 'done' ? lookup.result : undefined;

  const openInSidePanel = (target: { dataset: string; id: string }) => {
    // Sent inside the click: Chrome lets the background open the side panel only for a user action.
    sendRequest('sidepanel.show', target).then(
      (answer) => setSidePanelNote(answer?.opened ? { kind: 'opened' } : { kind: 'waiting' }),
      (caught) => setSidePanelNote({ kind: 'error', error: toErrorInfo(caught) }),
    );
  };

  const hideOnSite = () => {
    setHideError(null);
    onHideOnSite().catch((caught: unknown) => setHideError(toErrorInfo(caught)));
  };

  return (
    <section className="mdi-overlay mdi-stack" aria-labelledby="mdi-overlay-title">
      <header className="mdi-overlay__header">
        <h1 id="mdi-overlay-title">Monetate Data Inspector</h1>
        <button type="button" className="mdi-overlay__close" onClick={onClose} aria-label="Close overlay" title="Close (Esc)">
          ×
        </button>
      </header>
      {!status ? (
        loadError ? <ErrorMessage error={loadError} /> : <p role="status">Loading…</p>
      ) : !status.hasProfile ? (
        <p role="status">No profile yet. Create one in the extension's options page.</p>
      ) : (
        <>
          <p className="mdi-overlay__profile">
            Profile <strong>{status.profileName}</strong>{' '}
            <span className={`mdi-badge ${status.locked ? 'mdi-locked' : 'mdi-unlocked'}`}>{status.locked ? 'Locked' : 'Unlocked'}</span>
          </p>
          {status.locked && (
            <p role="status" className="mdi-warn">
              Unlock the key in the extension's popup.
            </p>
          )}
        </>
      )}
      {ready && (
        <>
          {datasets.status === 'loaded' ? (
            <QuickLookupForm
              key={request?.serial ?? 0}
              datasets={datasets}
              onRetryDatasets={retryDatasets}
              initialDataset={preselected}
              initialId={request?.id}
              busy={lookup.status === 'waiting'}
              onSubmit={(schemaToUse, id) => void lookUp(schemaToUse, id)}
              onChange={onFormChange}
            />
          ) : (
            <LoadStatus state={datasets} loading="Loading datasets…" failed="The datasets could not be loaded." onRetry={retryDatasets} />
          )}
          {pageDataset && <p className="mdi-hint">This page shows dataset {pageDataset}.</p>}
          <QueueIndicator entries={queue} />
          <LookupStatus lookup={lookup} onRefresh={() => lookup.dataset && lookup.id && void lookUp(lookup.dataset, lookup.id, { refresh: true })} />
          {lookupResult && (
            <div className="mdi-stack">
              <div>
                <button type="button" onClick={() => openInSidePanel({ dataset: lookupResult.dataset, id: lookupResult.id })}>
                  Open in side panel
                </button>
              </div>
              <SidePanelNoteText note={sidePanelNote} />
            </div>
          )}
          <SchemaLoadStatus dataset={datasetName} state={schemaState} onRetry={retrySchema} />
          {schema && status && (
            <SchemaStoreProvider store={schemaStore}>
              <RecordBoundary raw={lookupResult} resetKey={lookupResult}>
                <RecordWorkspace
                  schema={schema}
                  lookup={lookupResult && lookupResult.dataset === schema.name ? lookupResult : null}
                  readOnly={status.readOnly}
                  confirmWrites={status.confirmWrites}
                  onLookUp={lookUp}
                />
              </RecordBoundary>
            </SchemaStoreProvider>
          )}
        </>
      )}
      <footer className="mdi-overlay__footer">
        <button type="button" onClick={hideOnSite}>
          Hide on this site
        </button>
        <span className="mdi-hint">Show it again from the extension's options page.</span>
        <ErrorMessage error={hideError} />
      </footer>
    </section>
  );
}

function SidePanelNoteText({ note }: { note: SidePanelNote }) {
  if (!note) return null;
  if (note.kind === 'error') return <ErrorMessage error={note.error} />;
  if (note.kind === 'opened') return <p role="status">Opened in the side panel.</p>;
  return (
    <p role="status">
      The browser did not let the extension open its side panel from this page. Open it yourself within a minute:
      click the extension's toolbar button, then “Open side panel”. It will show this record.
    </p>
  );
}
