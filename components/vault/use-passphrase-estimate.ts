import { useEffect, useState } from 'react';
import type { ErrorInfo } from '@/utils/errors';
// The estimator only, not the vault: keys are sealed and opened in the background alone.
import { estimatePassphrase, type PassphraseEstimate } from '@/utils/vault/check-passphrase-strength';

/**
 * The strength of a passphrase being typed, estimated a moment after typing stops (the
 * estimator takes some milliseconds, more on long repetitive input). Null while empty.
 * @example const estimate = usePassphraseEstimate(passphrase, [profile.name, profile.username]);
 */
export function usePassphraseEstimate(passphrase: string, context: readonly string[]): PassphraseEstimate | null {
  const [estimate, setEstimate] = useState<PassphraseEstimate | null>(null);
  const contextKey = context.join('\u0000');
  useEffect(() => {
    if (!passphrase) {
      setEstimate(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void estimatePassphrase(passphrase, contextKey.split('\u0000')).then((result) => live && setEstimate(result));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [passphrase, contextKey]);
  return estimate;
}

/** What the new-passphrase field says under it: the strength, and how to make it stronger. */
export function describeEstimate(estimate: PassphraseEstimate | null, fallback: string): string {
  if (!estimate) return fallback;
  return estimate.acceptable ? `Strength: ${estimate.label}.` : `Strength: ${estimate.label}, not enough. ${estimate.advice}`;
}

/**
 * The page's own check before sending (the background checks again): null when acceptable, else
 * the same `weak_passphrase` error the background would answer.
 */
export async function weakPassphraseError(passphrase: string, context: readonly string[]): Promise<ErrorInfo | null> {
  const estimate = await estimatePassphrase(passphrase, context);
  return estimate.acceptable ? null : { code: 'weak_passphrase', detail: estimate.advice, params: { strength: estimate.label } };
}
