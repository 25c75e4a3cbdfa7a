import { AppError, describeError, type ErrorCode } from '@/utils/errors';
import type { SaveState } from '@/utils/records/save-state';
import { ErrorMessage } from '@/components/ui/error-message';

/** Refusals the person resolves by looking the record up again. */
const LOOK_UP_AGAIN: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['record_not_read', 'read_superseded', 'read_older_than_schema']);

/** Where the last save stands: sending, saved (and whether Monetate returns it), refused, or unknown with a check. */
export function SaveStatus({ save, onCheck, onLookUpAgain }: { save: SaveState; onCheck(): void; onLookUpAgain?: () => void }) {
  switch (save.status) {
    case 'idle':
      return null;
    case 'saving':
      return <p role="status">Saving…</p>;
    case 'failed':
      return (
        <div className="mdi-stack">
          <ErrorMessage error={save.error} />
          {onLookUpAgain && LOOK_UP_AGAIN.has(save.error.code) && (
            <div>
              <button type="button" onClick={onLookUpAgain}>
                Look up again
              </button>
            </div>
          )}
        </div>
      );
    case 'unknown':
      return (
        <div role="alert" className="mdi-stack mdi-card">
          <p className="mdi-warn">
            <strong>Outcome unknown.</strong>{' '}
            {save.why === 'background'
              ? 'The connection to the extension’s background dropped during the save, so we do not know whether Monetate stored it. Check by look-up before saving again.'
              : describeError(new AppError('outcome_unknown'))}
          </p>
          <p className="mdi-hint">Nothing is sent again by itself. Your input is still in the form.</p>
          <div>
            <button type="button" onClick={onCheck} disabled={save.check === 'checking'}>
              Check by look-up
            </button>
          </div>
          <p role="status">
            {save.check === 'checking' && `Looking up “${save.recordId}”…`}
            {save.check === 'not_applied' &&
              `Monetate does not return the values you sent for “${save.recordId}”: the save did not arrive, or is not applied yet. Check again in a moment, or save again.`}
            {save.check === 'not_found' && `Monetate has no record “${save.recordId}”: the save did not arrive, or is not applied yet. Check again in a moment, or save again.`}
            {save.check === 'failed' && 'The look-up did not finish; see the message above the record and try again.'}
          </p>
        </div>
      );
    case 'saved':
      return (
        <p role="status" className="mdi-ok">
          {save.byCheck ? `The save of “${save.recordId}” went through.` : `Saved “${save.recordId}”.`}{' '}
          {save.confirmation === 'checking' && 'Checking what Monetate returns now…'}
          {save.confirmation === 'matches' && 'Monetate already returns the new values.'}
          {save.confirmation === 'differs' && 'Monetate does not return the new values yet; look again in a moment.'}
          {save.confirmation === 'failed' && 'The confirmation look-up did not finish; use Refresh to check.'}
        </p>
      );
  }
}
