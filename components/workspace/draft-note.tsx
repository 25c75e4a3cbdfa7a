import type { StoredDraft } from '@/utils/records/draft';

/** Says where the form's content comes from when it is a kept draft or a revert, and offers Discard. */
export function DraftNote({ draft, readAt, notPrefilled, onDiscard }: { draft: StoredDraft; readAt: number | null; notPrefilled: readonly string[]; onDiscard(): void }) {
  const time = (at: number) => new Date(at).toLocaleTimeString();
  const reread = draft.mode !== 'create' && readAt !== null && readAt !== draft.readAt;
  return (
    <div className="mdi-card mdi-stack" role="status">
      <p>
        {draft.revertOf !== undefined
          ? `Revert of the write made at ${new Date(draft.revertOf).toLocaleString()}: the form holds the values from before it. Review them, then save.`
          : `Unsaved changes restored from ${time(draft.savedAt)}.`}
        {reread && ' The record was read again since: the review compares these changes with what Monetate holds now.'}
      </p>
      {notPrefilled.length > 0 && (
        <p className="mdi-warn">Not prefilled, because the form cannot show the value exactly: {notPrefilled.join(', ')}. Set it by hand if needed.</p>
      )}
      <div>
        <button type="button" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </div>
  );
}
