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
  refusal,
  onTokenReceived,
}: {
  profile: ProfileSummary;
  lastJwt: AppState['lastJwt'];
  curlTarget?: { dataset: string; id: string };
  /**
   * Monetate refusing this profile's token on another request of the surface (its dataset
   * list): shown here, the one place about the token, instead of a second copy there.
   */
  refusal?: ErrorInfo | null;
  /** A token was just received: whatever failed for want of one may be tried again. */
  onTokenReceived?(): void;
}) {
  const secondsLeft = useCountdown(profile.tokenExpiresAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [message, setMessage] = useState('');
  /** Why the last request for a token failed (not a clipboard or curl problem after it). */
  const [tokenError, setTokenError] = useState<ErrorInfo | null>(null);

  // An error about the previous lock state (or profile) is stale once it changes.
  useEffect(() => {
    setError(null);
    setMessage('');
    setTokenError(null);
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

  /** Asks the background for a token, remembering whether that worked. */
  const requestToken = async (fresh: boolean) => {
    try {
      const answer = await sendRequest('token.get', fresh ? { fresh: true } : {});
      setTokenError(null);
      onTokenReceived?.();
      return answer;
    } catch (caught) {
      setTokenError(toErrorInfo(caught));
      throw caught;
    }
  };

  const copy = (what: string, getText: () => Promise<string>) =>
    run(async () => {
      const text = await getText();
      await writeClipboard(text);
      return `${what} copied.`;
    });

  // The surface's own refusal counts only until this panel has an answer of its own.
  const surfaceRefusal = refusal && isTokenRefusal(refusal) && !error && !message ? refusal : null;
  const shownError = error ?? surfaceRefusal;
  const tokenLive = secondsLeft !== null && secondsLeft > 0;
  // Only one token belongs to this profile's cache; show the algorithm it was signed with only for it.
  const jwtView = lastJwt && lastJwt.claims.username === profile.username ? lastJwt : null;
  return (
    <section aria-labelledby="token-heading" className="mdi-stack mdi-token-panel">
      <h2 id="token-heading">Access token</h2>
      <p role="timer" aria-live="off" aria-label="Token countdown">
        {tokenLine({ tokenLive, secondsLeft, unlocked: profile.unlocked, failed: tokenError ?? surfaceRefusal })}
      </p>
      <div className="mdi-row">
        <button
          type="button"
          className="mdi-primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await requestToken(true);
              return 'New token received.';
            })
          }
        >
          Get token
        </button>
        <button type="button" disabled={busy} onClick={() => void copy('Token', async () => (await requestToken(false)).token)}>
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
      <ErrorMessage error={shownError} />
      {jwtView && (
        <details className="mdi-jwt">
          <summary>Last signed JWT (header and claims)</summary>
          {/* Focusable: the popup keeps it short, and a keyboard must be able to scroll it. */}
          <pre className="mdi-pre" aria-label="Last signed JWT header and claims" tabIndex={0}>
            {/* One line each for header and claims (spaced, to wrap between claims): it fits the popup. */}
            {`{\n  "header": ${inlineJson(jwtView.header)},\n  "claims": ${inlineJson(jwtView.claims)}\n}`}
          </pre>
          <p className="mdi-hint">
            Signed {new Date(jwtView.signedAt).toLocaleTimeString()} with {jwtView.alg}. The signature and key are never shown.
          </p>
        </details>
      )}
    </section>
  );
}

/** An object as JSON on one line, with a space after each colon and comma, so it wraps between members. */
function inlineJson(value: Record<string, unknown>): string {
  return `{${Object.entries(value)
    .map(([key, member]) => `${JSON.stringify(key)}: ${JSON.stringify(member)}`)
    .join(', ')}}`;
}

/** Monetate refused the token itself (username, key or clock), not the request it was for. */
export function isTokenRefusal(error: ErrorInfo): boolean {
  return error.code === 'unauthorized' || error.code === 'clock_skew' || error.code === 'revoked';
}

/**
 * The one line about the token. A failed request for one outranks the countdown: a token
 * Monetate no longer accepts is not "valid for 59:54", whatever its expiry says.
 */
function tokenLine(state: { tokenLive: boolean; secondsLeft: number | null; unlocked: boolean; failed: ErrorInfo | null }): string {
  if (state.failed) {
    return isTokenRefusal(state.failed)
      ? 'No usable token: Monetate did not accept the last request for one (see below).'
      : 'No usable token: the last request for one failed (see below).';
  }
  if (state.tokenLive && state.secondsLeft !== null) return `Token valid for ${formatDuration(state.secondsLeft)}`;
  return state.unlocked ? 'No valid token yet.' : 'No token: the key is locked.';
}
