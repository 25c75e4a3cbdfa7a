import { useId, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { AppState } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';

/** Picks the active profile; every surface follows it. */
export function ProfileSwitcher({ app }: { app: AppState }) {
  const id = useId();
  const [error, setError] = useState<ErrorInfo | null>(null);
  const active = app.profiles.find((profile) => profile.id === app.activeProfileId);
  return (
    <div className="mdi-field mdi-profile-switcher">
      <label htmlFor={id}>Profile</label>
      <div className="mdi-row mdi-profile-switcher__row">
        <select
          id={id}
          value={app.activeProfileId ?? ''}
          onChange={(event) => {
            setError(null);
            sendRequest('profiles.activate', { id: event.target.value }).catch((caught) => setError(toErrorInfo(caught)));
          }}
        >
          {app.profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name} ({profile.retailer})
            </option>
          ))}
        </select>
        {active && (
          <span className={`mdi-badge ${active.unlocked ? 'mdi-unlocked' : 'mdi-locked'}`}>
            {!active.hasKey ? 'No key' : active.unlocked ? 'Unlocked' : 'Locked'}
          </span>
        )}
        {active?.readOnly && <span className="mdi-badge">Read-only</span>}
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
