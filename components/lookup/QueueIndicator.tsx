import type { QueueEntryView } from '@/utils/messages/protocol';

const REASONS: Record<NonNullable<QueueEntryView['reason']>, string> = {
  spacing: 'Monetate allows one look-up per second',
  retry_after: 'Monetate asked us to wait',
  backoff: 'Monetate is busy; retrying shortly',
};

/** Where this surface's look-ups stand in the shared queue, and why they wait. */
export function QueueIndicator({ entries }: { entries: QueueEntryView[] }) {
  const mine = entries.filter((entry) => entry.mine);
  if (mine.length === 0) return null;
  return (
    <ul className="mdi-hint" aria-live="polite" aria-label="Look-up queue">
      {mine.map((entry) => (
        <li key={`${entry.schema}\u0000${entry.id}`}>
          “{entry.id}” is number {entry.position} in the queue, about {Math.max(0, Math.ceil(entry.etaMs / 1000))} s
          {entry.reason ? ` (${REASONS[entry.reason]})` : ''}.
        </li>
      ))}
    </ul>
  );
}
