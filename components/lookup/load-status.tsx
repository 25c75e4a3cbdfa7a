import { describeError } from '@/utils/errors';
import type { Loadable } from '@/utils/stores/schema-store';

/**
 * What a load that is not (yet) there shows: "Loading …", or the error in words with a Retry
 * button. Nothing once loaded: the caller shows the data.
 */
export function LoadStatus<T>({ state, loading, failed, reason, onRetry }: { state: Loadable<T>; loading: string; failed: string; reason?: string; onRetry(): void }) {
  if (state.status === 'loading') return <p role="status">{loading}</p>;
  if (state.status !== 'failed') return null;
  return (
    // With a `reason`, another part of the surface already announces the error: this only points there.
    <div className="mdi-row" role={reason ? undefined : 'alert'} style={{ alignItems: 'center' }}>
      <p className="mdi-error">
        {failed} {reason ?? describeError(state.error)}
      </p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
