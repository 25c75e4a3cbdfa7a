import { useCallback, useEffect, useState } from 'react';
import { ImportLink } from '@/components/import/import-link';
import { browser } from 'wxt/browser';
import { openSidePanel } from '@/utils/browser/side-panel';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { RecordBoundary } from '@/components/ui/record-boundary';
import { useAppStore } from '@/components/app/store-context';
import { ProfileSwitcher } from '@/components/profiles/profile-switcher';
import { HostAccessNotice } from '@/components/profiles/host-access-notice';
import { isTokenRefusal, TokenPanel } from '@/components/tokens/token-panel';
import { UnlockForm } from '@/components/vault/unlock-form';
import { QuickLookupForm } from '@/components/lookup/quick-lookup-form';
import { QueueIndicator } from '@/components/lookup/queue-indicator';
import { LookupStatus } from '@/components/lookup/lookup-status';
import { useDatasets } from '@/components/lookup/use-datasets';
import { RecordSummary } from '@/components/lookup/record-summary';

/** The toolbar popup: active profile, lock and token state, and a quick look-up. */
export function Popup() {
  const app = useAppStore((state) => state.app);
  const loadError = useAppStore((state) => state.loadError);
  const queue = useAppStore((state) => state.queue);
  const lookup = useAppStore((state) => state.lookup);
  const lookUp = useAppStore((state) => state.lookUp);
  const [windowId, setWindowId] = useState<number | undefined>();
  const [target, setTarget] = useState<{ dataset: string; id: string }>({ dataset: '', id: '' });
  const onTargetChange = useCallback((dataset: string, id: string) => setTarget({ dataset, id }), []);

  useEffect(() => {
    // Fetched ahead: opening the side panel must happen synchronously inside the click.
    void browser.windows.getCurrent().then((window) => setWindowId(window.id));
  }, []);

  const profile = app?.profiles.find((candidate) => candidate.id === app.activeProfileId);
  const ready = Boolean(profile?.unlocked);
  const { datasets, retry: retryDatasets } = useDatasets(ready, `${profile?.id}:${ready}`);
  const datasetsError = datasets.status === 'failed' ? datasets.error : null;
  // Monetate refusing the token is said once, in the token panel; the look-up only points there.
  const datasetsRefused = Boolean(datasetsError && isTokenRefusal(datasetsError));

  const openPanel = (show?: { dataset: string; id: string }) => {
    void openSidePanel({ windowId }).catch(() => undefined);
    if (show) void sendRequest('sidepanel.show', show);
  };

  if (!app) {
    return (
      <main className="mdi-popup mdi-stack">
        <h1>Monetate Data Inspector</h1>
        {loadError ? <ErrorMessage error={loadError} /> : <p role="status">Loading…</p>}
      </main>
    );
  }

  return (
    <main className="mdi-popup mdi-stack">
      <h1>Monetate Data Inspector</h1>
      {app.profiles.length === 0 || !profile ? (
        <section className="mdi-stack">
          <p>No profile yet. Create one with your API base URL, retailer shortname, API username and key.</p>
          <button type="button" className="mdi-primary" onClick={() => void browser.runtime.openOptionsPage()}>
            Set up a profile
          </button>
        </section>
      ) : (
        <>
          <ProfileSwitcher app={app} />
          <HostAccessNotice baseUrl={profile.baseUrl} />
          {!profile.hasKey ? (
            <section className="mdi-stack">
              <p>This profile has no key yet. Generate a key pair or import a private key in the options page.</p>
              <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
                Open options
              </button>
            </section>
          ) : (
            <>
              {!profile.unlocked && <UnlockForm profileId={profile.id} takeFocus />}
              <TokenPanel
                profile={profile}
                lastJwt={app.lastJwt}
                curlTarget={target.dataset && target.id.trim() ? target : undefined}
                refusal={datasetsRefused ? datasetsError : null}
                onTokenReceived={() => datasetsError && retryDatasets()}
              />
            </>
          )}
          {ready && (
            <section aria-labelledby="lookup-heading" className="mdi-stack">
              <h2 id="lookup-heading">Quick look-up</h2>
              <QuickLookupForm
                datasets={datasets}
                onRetryDatasets={retryDatasets}
                datasetsFailure={datasetsRefused ? 'They need a token: see Access token above.' : undefined}
                initialDataset={profile.defaultDataset || undefined}
                busy={lookup.status === 'waiting'}
                autoFocusId
                onSubmit={(dataset, id) => void lookUp(dataset, id)}
                onChange={onTargetChange}
              />
              <QueueIndicator entries={queue} />
              <RecordBoundary raw={lookup.result} resetKey={lookup.result}>
                <LookupStatus lookup={lookup} onRefresh={() => lookup.dataset && lookup.id && void lookUp(lookup.dataset, lookup.id, { refresh: true })} />
                {lookup.status === 'done' && lookup.result && <RecordSummary rows={lookup.result.rows} />}
              </RecordBoundary>
              {lookup.status === 'done' && lookup.result && (
                <button type="button" onClick={() => openPanel({ dataset: lookup.result!.dataset, id: lookup.result!.id })}>
                  {lookup.result.rows.length > 1 ? `Open all ${lookup.result.rows.length} rows in the side panel` : 'Open in side panel'}
                </button>
              )}
            </section>
          )}
        </>
      )}
      <footer className="mdi-row">
        <button type="button" onClick={() => openPanel()}>
          Open side panel
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
        <ImportLink />
      </footer>
    </main>
  );
}
