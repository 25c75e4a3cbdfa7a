import type { QueueEntryView } from '@/utils/messages/protocol';
import { formatDuration } from '@/utils/format-duration';
import { useAppStore } from '@/components/app/store-context';
import '@/components/lookup/queue.css';

const REASONS: Record<NonNullable<QueueEntryView['reason']>, string> = {
  spacing: 'Monetate allows one look-up per second',
  retry_after: 'Monetate asked us to wait; we wait at most 5 minutes',
  backoff: 'Monetate is busy; retrying shortly',
};

/**
 * Where this surface's look-ups stand in the shared queue: the one being sent ("sending now"),
 * then each waiting one with its place, ETA (from Monetate's measured answer time) and reason
 * to wait, and a Cancel for each waiting one.
 */
export function QueueIndicator({ entries }: { entries: QueueEntryView[] }) {
  const cancel = useAppStore((state) => state.cancelLookup);
  const mine = entries.filter((entry) => entry.mine);
  if (mine.length === 0) return null;
  return (
    <ul className="mdi-queue" aria-live="polite" aria-label="Look-up queue">
      {mine.map((entry) =>
        entry.sending ? (
          <li key={`sending\u0000${entry.dataset}\u0000${entry.id}`} className="mdi-queue__item mdi-queue__item--sending">
            <span className="mdi-queue__text">“{entry.id}” is being sent now; waiting for Monetate’s answer.</span>
          </li>
        ) : (
          <li key={`${entry.dataset}\u0000${entry.id}`} className="mdi-queue__item">
            <span className="mdi-queue__text">
              “{entry.id}” is number {entry.position} in the queue, about {wait(entry.etaMs)}
              {entry.reason ? ` (${REASONS[entry.reason]})` : ''}.
            </span>
            <button type="button" aria-label={`Cancel look-up of “${entry.id}”`} onClick={() => void cancel(entry.dataset, entry.id)}>
              Cancel
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

function wait(etaMs: number): string {
  const seconds = Math.max(0, Math.ceil(etaMs / 1000));
  return seconds < 60 ? `${seconds} s` : formatDuration(etaMs);
}
