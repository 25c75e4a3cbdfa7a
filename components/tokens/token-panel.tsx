import { useEffect, useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { ProfileSummary, AppState } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { writeClipboard } from '@/utils/clipboard';
import { ErrorMessage } from '@/components/ui/error-message';
import { formatDuration, useCountdown } from '@/components/tokens/use-countdown';

/**
 * Token state with a live countdown, and the actions a person needs around a token: mint a
 * fresh one, copy it, copy a ready curl command for a look-up, lock the key. While the key is
 * locked the panel stays, so "Get token" can say why it cannot work yet.
 */
export function TokenPanel({
  profile,
  lastJwt,
  curlTarget,
}: {
  profile: ProfileSummary;
  lastJwt: AppState['lastJwt'];
  curlTarget?: { dataset: string; id: string };
}) {
  const secondsLeft = useCountdown(profile.tokenExpiresAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [message, setMessage] = useState('');

  // An error about the previous lock state (or profile) is stale once it changes.
  useEffect(() => {
    setError(null);
    setMessage('');
  }, [profile.id, profile.unlocked]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      setMessage(await action());
    } catch (caught) {
      setError(toErrorInfo(caught));
    } finally {
      setBusy(false);
    }
  };

  const copy = (what: string, getText: () => Promise<string>) =>
    run(async () => {
      const text = await getText();
      await writeClipboard(text);
      return `${what} copied.`;
    });

  const tokenLive = secondsLeft !== null && secondsLeft > 0;
  // Only one token belongs to this profile's cache; show the algorithm it was signed with only for it.
  const jwtView = lastJwt && lastJwt.claims.username === profile.username ? lastJwt : null;
  return (
    <section aria-labelledby="token-heading" className="mdi-stack">
      <h2 id="token-heading">Access token</h2>
      <p role="timer" aria-live="off" aria-label="Token countdown">
        {tokenLive ? `Token valid for ${formatDuration(secondsLeft)}` : profile.unlocked ? 'No valid token yet.' : 'No token: the key is locked.'}
      </p>
      <div className="mdi-row">
        <button
          type="button"
          className="mdi-primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await sendRequest('token.get', { fresh: true });
              return 'New token received.';
            })
          }
        >
          Get token
        </button>
        <button type="button" disabled={busy} onClick={() => void copy('Token', async () => (await sendRequest('token.get', {})).token)}>
          Copy token
        </button>
        <button
          type="button"
          disabled={busy || !curlTarget}
          onClick={() =>
            curlTarget && void copy('Curl command', async () => (await sendRequest('curl.build', curlTarget)).command)
          }
        >
          Copy curl
        </button>
        {profile.unlocked && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => sendRequest('vault.lock', { profileId: profile.id }).then(() => 'Locked.'))}
          >
            Lock
          </button>
        )}
      </div>
      {!curlTarget && <p className="mdi-hint">Choose a dataset and record ID below to copy a ready curl command.</p>}
      <p role="status" className="mdi-ok">
        {message}
      </p>
      <ErrorMessage error={error} />
      {jwtView && (
        <details>
          <summary>Last signed JWT (header and claims)</summary>
          <pre className="mdi-pre" aria-label="Last signed JWT header and claims">
            {JSON.stringify({ header: jwtView.header, claims: jwtView.claims }, null, 2)}
          </pre>
          <p className="mdi-hint">
            Signed {new Date(jwtView.signedAt).toLocaleTimeString()} with {jwtView.alg}. The signature and key are never shown.
          </p>
        </details>
      )}
    </section>
  );
}

