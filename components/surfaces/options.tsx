import { useEffect, useRef, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { DEFAULT_BASE_URL } from '@/utils/profiles/profile';
import { sendRequest } from '@/utils/messages/send';
import type { ProfileSummary } from '@/utils/messages/protocol';
import { useAppStore } from '@/components/app/store-context';
import { ErrorMessage } from '@/components/ui/error-message';
import { RecordBoundary } from '@/components/ui/record-boundary';
import { ProfileForm } from '@/components/profiles/profile-form';
import { KeyManager } from '@/components/keys/key-manager';
import { VaultTools, ImportBackup } from '@/components/vault/vault-tools';
import { SettingsForm } from '@/components/settings/settings-form';
import { ImportLink } from '@/components/import/import-link';
import { HostAccessNotice } from '@/components/profiles/host-access-notice';
import { AboutSection } from '@/components/surfaces/about-section';

/** The options page: profiles, their keys and vaults, and settings. */
export function Options() {
  const app = useAppStore((state) => state.app);
  const loadError = useAppStore((state) => state.loadError);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleteError, setDeleteError] = useState<ErrorInfo | null>(null);

  // Profile ids seen in the last state: a just-saved profile may be selected before the state
  // that lists it arrives, and must not be swapped for the active one meanwhile.
  const seenIds = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!app) return;
    const ids = new Set(app.profiles.map((profile) => profile.id));
    const vanished = selectedId !== null && !ids.has(selectedId) && seenIds.current.has(selectedId);
    seenIds.current = ids;
    if (selectedId !== null && !vanished) return;
    setSelectedId(app.activeProfileId ?? app.profiles[0]?.id ?? null);
  }, [app, selectedId]);

  if (!app) {
    return <main className="mdi-options">{loadError ? <ErrorMessage error={loadError} /> : <p role="status">Loading…</p>}</main>;
  }

  const selected = app.profiles.find((profile) => profile.id === selectedId) ?? null;
  const defaultBaseUrl = app.localBuild ? 'http://127.0.0.1:8790' : DEFAULT_BASE_URL;
  const showForm = creating || app.profiles.length === 0;

  return (
    <main className="mdi-options mdi-stack">
      <h1>Monetate Data Inspector: options</h1>
      <p>
        <ImportLink />
      </p>
      <section className="mdi-stack" aria-labelledby="profiles-heading">
        <h2 id="profiles-heading">Profiles</h2>
        {app.profiles.length > 0 && (
          <ul className="mdi-profile-list" aria-label="Profiles">
            {app.profiles.map((profile) => (
              <li key={profile.id}>
                <button
                  type="button"
                  aria-pressed={profile.id === selectedId && !creating}
                  onClick={() => {
                    setCreating(false);
                    setSelectedId(profile.id);
                  }}
                >
                  {profile.name}
                </button>{' '}
                <span className="mdi-hint">
                  {profile.retailer} · {profile.username}
                  {profile.id === app.activeProfileId ? ' · active' : ''}
                </span>
                {profile.problem && <strong className="mdi-warn"> · not used: check and save it</strong>}
              </li>
            ))}
          </ul>
        )}
        <div className="mdi-row">
          <button type="button" onClick={() => setCreating(true)}>
            New profile
          </button>
          {selected && !creating && selected.id !== app.activeProfileId && (
            <button type="button" onClick={() => void sendRequest('profiles.activate', { id: selected.id })}>
              Make active
            </button>
          )}
          {selected && !creating && (
            <button
              type="button"
              className="mdi-danger"
              onClick={() => {
                if (!window.confirm(`Delete the profile "${selected.name}" and its stored key? Export a backup first if you may need the key again.`)) return;
                setDeleteError(null);
                sendRequest('profiles.delete', { id: selected.id })
                  .then(() => setSelectedId(null))
                  .catch((caught) => setDeleteError(toErrorInfo(caught)));
              }}
            >
              Delete profile
            </button>
          )}
        </div>
        <ErrorMessage error={deleteError} />
        <div className="mdi-card">
          {showForm ? (
            <ProfileForm
              profile={null}
              defaultBaseUrl={defaultBaseUrl}
              localBuild={app.localBuild}
              onSaved={(profile) => {
                setCreating(false);
                setSelectedId(profile.id);
              }}
              onCancel={app.profiles.length > 0 ? () => setCreating(false) : undefined}
            />
          ) : (
            selected && (
              <>
                {selected.problem && <ProfileProblemNotice problem={selected.problem} />}
                <HostAccessNotice baseUrl={selected.baseUrl} />
                <RecordBoundary title="This profile could not be shown" raw={selected} resetKey={selected}>
                  <ProfileForm profile={selected} defaultBaseUrl={defaultBaseUrl} localBuild={app.localBuild} onSaved={() => undefined} />
                </RecordBoundary>
              </>
            )
          )}
        </div>
      </section>
      {selected && !showForm && (
        <RecordBoundary title="This profile's key could not be shown" raw={selected} resetKey={selected}>
          <div className="mdi-card">
            <KeyManager profile={selected} />
          </div>
          {selected.hasKey && (
            <div className="mdi-card">
              <VaultTools profile={selected} />
            </div>
          )}
        </RecordBoundary>
      )}
      <details className="mdi-card">
        <summary>Import a profile from an encrypted backup</summary>
        <ImportBackup localBuild={app.localBuild} onImported={(id) => setSelectedId(id)} />
      </details>
      <div className="mdi-card">
        <RecordBoundary title="The settings could not be shown" raw={app.settings} resetKey={app.settings}>
          <SettingsForm settings={app.settings} />
        </RecordBoundary>
      </div>
      <AboutSection localBuild={app.localBuild} />
    </main>
  );
}

/** Why a stored profile is refused, and what to do, above its form. */
function ProfileProblemNotice({ problem }: { problem: NonNullable<ProfileSummary['problem']> }) {
  return (
    <p className="mdi-warn" role="alert">
      {problem === 'changed'
        ? 'This profile was changed outside this page (in the browser’s storage), so the extension does not use it. Check every field below, above all the API base URL and Read-only, then choose Save profile.'
        : 'This profile does not meet this version’s rules (for example its API base URL is not allowed), so the extension does not use it. Correct the marked fields and choose Save profile, or delete it.'}
    </p>
  );
}
