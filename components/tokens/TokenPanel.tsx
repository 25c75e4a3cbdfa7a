import { useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { ProfileSummary, AppState } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { CopyButton } from '../common/CopyButton';
import { ErrorMessage } from '../common/ErrorMessage';
import { formatDuration, useCountdown } from './useCountdown';

/**
 * Token state with a live countdown, and the actions a person needs around a token: mint a
 * fresh one, copy it, copy a ready curl command for a look-up, lock the key.
 */
export function TokenPanel({
  profile,
  lastJwt,
  curlTarget,
}: {
  profile: ProfileSummary;
  lastJwt: AppState['lastJwt'];
  curlTarget?: { schema: string; id: string };
}) {
  const secondsLeft = useCountdown(profile.tokenExpiresAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [message, setMessage] = useState('');

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await action();
    } catch (caught) {
      setError(toErrorInfo(caught));
    } finally {
      setBusy(false);
    }
  };

  const tokenLive = secondsLeft !== null && secondsLeft > 0;
  return (
    <section aria-labelledby="token-heading" className="mdi-stack">
      <h2 id="token-heading">Access token</h2>
      <p role="status" aria-live="polite">
        {tokenLive ? `Token valid for ${formatDuration(secondsLeft)}` : 'No valid token yet.'}
      </p>
      <div className="mdi-row">
        <button
          type="button"
          className="mdi-primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await sendRequest('token.get', { fresh: true });
              setMessage('New token received.');
            })
          }
        >
          Get token
        </button>
        <CopyButton label="Copy token" getText={async () => (await sendRequest('token.get', {})).token} />
        <CopyButton
          label="Copy curl"
          disabled={!curlTarget}
          getText={async () => {
            if (!curlTarget) throw new Error('choose a dataset and record ID first');
            return (await sendRequest('curl.build', curlTarget)).command;
          }}
        />
        <button type="button" disabled={busy} onClick={() => void run(() => sendRequest('vault.lock', { profileId: profile.id }).then(() => undefined))}>
          Lock
        </button>
      </div>
      {!curlTarget && <p className="mdi-hint">Choose a dataset and record ID below to copy a ready curl command.</p>}
      {message && <p className="mdi-ok">{message}</p>}
      <ErrorMessage error={error} />
      {lastJwt && (
        <details>
          <summary>Last signed JWT (header and claims)</summary>
          <pre className="mdi-pre" aria-label="Last signed JWT header and claims">
            {JSON.stringify({ header: lastJwt.header, claims: lastJwt.claims }, null, 2)}
          </pre>
          <p className="mdi-hint">Signed {new Date(lastJwt.signedAt).toLocaleTimeString()} with {lastJwt.alg}. The signature and key are never shown.</p>
        </details>
      )}
    </section>
  );
}
