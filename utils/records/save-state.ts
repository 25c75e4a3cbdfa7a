import type { ErrorInfo } from '@/utils/errors';
import type { RecordValues } from '@/utils/schema';

/** What a look-up after an unanswered save found. */
export type Check = 'idle' | 'checking' | 'not_applied' | 'not_found' | 'failed';

/** Where one save of the record workspace stands, from sending it to seeing what Monetate returns. */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; recordId: string; confirmation: 'checking' | 'matches' | 'differs' | 'failed'; byCheck?: boolean }
  | { status: 'failed'; error: ErrorInfo }
  /** `background`: this page lost its connection to the extension's background mid-save. */
  | { status: 'unknown'; recordId: string; expected: RecordValues; why: 'no_answer' | 'background'; check: Check };

export type UnknownSave = Extract<SaveState, { status: 'unknown' }>;

export type SaveAction =
  | { type: 'reset' }
  | { type: 'send' }
  /** Monetate accepted it; one look-up now tells whether it already returns the new values. */
  | { type: 'accepted'; recordId: string }
  | { type: 'confirmed'; confirmation: 'matches' | 'differs' | 'failed' }
  | { type: 'refused'; error: ErrorInfo }
  /** No answer (or the background went away): never re-sent by itself, since Monetate has no idempotency key. */
  | { type: 'unanswered'; recordId: string; expected: RecordValues; why: 'no_answer' | 'background' }
  | { type: 'check' }
  | { type: 'checked'; found: 'not_applied' | 'not_found' | 'failed' }
  /** A check found what was sent: the save went through after all. */
  | { type: 'applied' };

export const IDLE_SAVE: SaveState = { status: 'idle' };

/**
 * The save state's one transition function. An action that does not fit the current state
 * (a confirmation for a save no longer shown, a check without an unknown outcome) leaves it as is.
 * @example saveReducer({ status: 'saving' }, { type: 'accepted', recordId: 'C-1' }) // saved, checking
 */
export function saveReducer(state: SaveState, action: SaveAction): SaveState {
  switch (action.type) {
    case 'reset':
      return IDLE_SAVE;
    case 'send':
      return { status: 'saving' };
    case 'accepted':
      return state.status === 'saving' ? { status: 'saved', recordId: action.recordId, confirmation: 'checking' } : state;
    case 'confirmed':
      return state.status === 'saved' && state.confirmation === 'checking' ? { ...state, confirmation: action.confirmation } : state;
    case 'refused':
      return state.status === 'saving' ? { status: 'failed', error: action.error } : state;
    case 'unanswered':
      return state.status === 'saving' ? { status: 'unknown', recordId: action.recordId, expected: action.expected, why: action.why, check: 'idle' } : state;
    case 'check':
      return state.status === 'unknown' ? { ...state, check: 'checking' } : state;
    case 'checked':
      return state.status === 'unknown' ? { ...state, check: action.found } : state;
    case 'applied':
      return state.status === 'unknown' ? { status: 'saved', recordId: state.recordId, confirmation: 'matches', byCheck: true } : state;
  }
}

/** True while the form must not send: a save or its check is under way. */
export function saveBusy(state: SaveState): boolean {
  return state.status === 'saving' || (state.status === 'unknown' && state.check === 'checking');
}
