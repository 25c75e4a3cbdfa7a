import { useCallback, useEffect, useState } from 'react';
import { sendRequest } from '@/utils/messages/send';
import { useAppStore } from '@/components/app/store-context';
import { ErrorMessage } from '@/components/ui/error-message';
import { RecordBoundary } from '@/components/ui/record-boundary';
import { ProfileSwitcher } from '@/components/profiles/profile-switcher';
import { UnlockForm } from '@/components/vault/unlock-form';
import { QuickLookupForm } from '@/components/lookup/quick-lookup-form';
import { QueueIndicator } from '@/components/lookup/queue-indicator';
import { LookupStatus } from '@/components/lookup/lookup-status';
import { useDatasets } from '@/components/lookup/use-datasets';
import { RecordWorkspace } from '@/components/workspace/record-workspace';
import { useDatasetSchema } from '@/components/workspace/use-dataset-schema';
import { SchemaLoadStatus, SchemaTools } from '@/components/workspace/schema-tools';
import { SchemaStoreProvider } from '@/components/workspace/schema-store-context';
import { writesNeedReview } from '@/utils/profiles/write-review';
import { HistoryList } from '@/components/workspace/history-list';
import { EditLogView } from '@/components/workspace/edit-log-view';

/** The side panel: look up, read, edit and create records; the schema; history and edit log. */
export function SidePanel() {
  const app = useAppStore((state) => state.app);
  const loadError = useAppStore((state) => state.loadError);
  const queue = useAppStore((state) => state.queue);
  const lookup = useAppStore((state) => state.lookup);
  const lookUp = useAppStore((state) => state.lookUp);
  const showRequest = useAppStore((state) => state.showRequest);
  const clearShowRequest = useAppStore((state) => state.clearShowRequest);

  const profile = app?.profiles.find((candidate) => candidate.id === app.activeProfileId);
  const ready = Boolean(profile?.unlocked);
  const { datasets, retry: retryDatasets } = useDatasets(ready, `${profile?.id}:${ready}`);
  const [selected, setSelected] = useState<{ dataset: string; id: string }>({ dataset: '', id: '' });
  const [prefill, setPrefill] = useState<{ dataset?: string; id?: string }>({});
  const onFormChange = useCallback((datasetName: string, id: string) => setSelected({ dataset: datasetName, id }), []);

  // A right-click or another surface asked to show a record: take it once, fill in, look up.
  const takePending = useCallback(async () => {
    const pending = await sendRequest('sidepanel.takePending', {}).catch(() => null);
    if (!pending) return;
    setPrefill({ dataset: pending.dataset || undefined, id: pending.id });
    if (pending.dataset && pending.id) void lookUp(pending.dataset, pending.id);
  }, [lookUp]);
  useEffect(() => {
    if (ready) void takePending();
  }, [ready, takePending]);
  useEffect(() => {
    if (!showRequest) return;
    clearShowRequest();
    if (ready) void takePending();
  }, [showRequest, clearShowRequest, ready, takePending]);

  const datasetName = (lookup.status === 'done' && lookup.result?.dataset) || selected.dataset;
  const { schema, store: schemaStore, state: schemaState, setSchema, retry: retrySchema } = useDatasetSchema(ready, datasetName || undefined);

  if (!app) return <main className="mdi-sidepanel">{loadError ? <ErrorMessage error={loadError} /> : <p role="status">Loading…</p>}</main>;
  if (!profile) {
    return (
      <main className="mdi-sidepanel mdi-stack">
        <h1>Monetate Data Inspector</h1>
        <p>No profile yet. Open the options page to create one.</p>
      </main>
    );
  }

  const lookupResult = lookup.status === 'done' ? lookup.result : undefined;
  const refreshKey = `${lookup.status}:${lookupResult?.fetchedAt ?? ''}`;

  return (
    <main className="mdi-sidepanel mdi-stack">
      <h1>Monetate Data Inspector</h1>
      <ProfileSwitcher app={app} />
      {!profile.hasKey && <p>This profile has no key yet. Generate or import one in the options page.</p>}
      {profile.hasKey && !profile.unlocked && <UnlockForm profileId={profile.id} takeFocus />}
      {ready && (
        <>
          <QuickLookupForm
            datasets={datasets}
            onRetryDatasets={retryDatasets}
            initialDataset={prefill.dataset ?? (profile.defaultDataset || undefined)}
            initialId={prefill.id}
            busy={lookup.status === 'waiting'}
            onSubmit={(schemaToUse, id) => void lookUp(schemaToUse, id)}
            onChange={onFormChange}
          />
          <QueueIndicator entries={queue} />
          <LookupStatus lookup={lookup} onRefresh={() => lookup.dataset && lookup.id && void lookUp(lookup.dataset, lookup.id, { refresh: true })} />
          <SchemaLoadStatus dataset={datasetName} state={schemaState} onRetry={retrySchema} />
          <SchemaStoreProvider store={schemaStore}>
            {schema && (
              <RecordBoundary raw={lookupResult} resetKey={lookupResult}>
                <RecordWorkspace
                  schema={schema}
                  lookup={lookupResult && lookupResult.dataset === schema.name ? lookupResult : null}
                  readOnly={profile.readOnly}
                  confirmWrites={writesNeedReview(profile)}
                  onLookUp={lookUp}
                  onSchemaChanged={setSchema}
                  keepDrafts
                />
              </RecordBoundary>
            )}
            {schema && (
              <details>
                <summary>Schema of {schema.name}</summary>
                <SchemaTools key={schema.name} schema={schema} readOnly={profile.readOnly} needsReview={writesNeedReview(profile)} onChanged={setSchema} />
              </details>
            )}
          </SchemaStoreProvider>
          <details>
            <summary>Look-up history</summary>
            <HistoryList
              refreshKey={refreshKey}
              onPick={(schemaToUse, id) => {
                setPrefill({ dataset: schemaToUse, id });
                void lookUp(schemaToUse, id);
              }}
            />
          </details>
          <details>
            <summary>Edit log</summary>
            <EditLogView
              refreshKey={refreshKey}
              onRevert={(datasetToUse, id) => {
                setPrefill({ dataset: datasetToUse, id });
                void lookUp(datasetToUse, id, { refresh: true });
              }}
            />
          </details>
        </>
      )}
    </main>
  );
}
