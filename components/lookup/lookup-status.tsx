import { useCountdown } from '@/components/tokens/use-countdown';
import type { LookupState } from '@/utils/stores/app-store';
import { ErrorMessage } from '@/components/ui/error-message';

/** "Looking up…", "cached 12 s ago" with Refresh, "not found", or the error in words; says when the ID was trimmed. */
export function LookupStatus({ lookup, onRefresh }: { lookup: LookupState; onRefresh(): void }) {
  if (lookup.status === 'idle') return null;
  if (lookup.status === 'waiting') return <p role="status">Looking up “{lookup.id}” in {lookup.dataset}…</p>;
  if (lookup.status === 'error') return <ErrorMessage error={lookup.error} />;
  const result = lookup.result!;
  return (
    <div className="mdi-row" style={{ alignItems: 'center' }}>
      {result.rows.length > 0 ? (
        <p role="status">Found “{result.id}” in {result.dataset}.</p>
      ) : (
        <p role="status">
          Not found: no record “{result.id}” in dataset {result.dataset}.
        </p>
      )}
      <Freshness fetchedAt={result.fetchedAt} fromCache={result.fromCache} />
      <button type="button" onClick={onRefresh}>
        Refresh
      </button>
      {result.idTrimmed && (
        <p className="mdi-hint" role="note">
          Spaces before or after the ID were left out: Monetate STRING values cannot carry them.
        </p>
      )}
    </div>
  );
}

function Freshness({ fetchedAt, fromCache }: { fetchedAt: number; fromCache: boolean }) {
  // Counting up is a countdown to "now" read backwards.
  const sinceSeconds = useElapsed(fetchedAt);
  if (!fromCache) return <span className="mdi-hint">just fetched</span>;
  return <span className="mdi-hint">cached {sinceSeconds}s ago</span>;
}

function useElapsed(since: number): number {
  const remaining = useCountdown(since + 24 * 3600 * 1000);
  return remaining === null ? 0 : Math.max(0, 24 * 3600 - remaining);
}
