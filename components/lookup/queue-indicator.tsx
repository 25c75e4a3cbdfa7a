import type { QueueEntryView } from '@/utils/messages/protocol';
import { formatDuration } from '@/utils/format-duration';
import { useAppStore } from '@/components/app/store-context';

const REASONS: Record<NonNullable<QueueEntryView['reason']>, string> = {
  spacing: 'Monetate allows one look-up per second',
  retry_after: 'Monetate asked us to wait; we wait at most 5 minutes',
  backoff: 'Monetate is busy; retrying shortly',
};

/** Where this surface's look-ups stand in the shared queue, why they wait, and a Cancel for each. */
export function QueueIndicator({ entries }: { entries: QueueEntryView[] }) {
  const cancel = useAppStore((state) => state.cancelLookup);
  const mine = entries.filter((entry) => entry.mine);
  if (mine.length === 0) return null;
  return (
    <ul className="mdi-hint" aria-live="polite" aria-label="Look-up queue">
      {mine.map((entry) => (
        <li key={`${entry.dataset}\u0000${entry.id}`}>
          “{entry.id}” is number {entry.position} in the queue, about {wait(entry.etaMs)}
          {entry.reason ? ` (${REASONS[entry.reason]})` : ''}.{' '}
          <button type="button" aria-label={`Cancel look-up of “${entry.id}”`} onClick={() => void cancel(entry.dataset, entry.id)}>
            Cancel
          </button>
        </li>
      ))}
    </ul>
  );
}

function wait(etaMs: number): string {
  const seconds = Math.max(0, Math.ceil(etaMs / 1000));
  return seconds < 60 ? `${seconds} s` : formatDuration(etaMs);
}
