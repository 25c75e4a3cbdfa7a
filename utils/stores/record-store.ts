import { createStore, type StoreApi } from 'zustand/vanilla';
import { toErrorInfo } from '@/utils/errors';
import { baseFor, editingRow, expectedAfter, returnsValues, type Mode } from '@/utils/records/editing';
import { IDLE_SAVE, saveReducer, type SaveAction, type SaveState } from '@/utils/records/save-state';
import { describeSchema, mapServerErrorsToFields, recordValueText, type DatasetSchema, type MappedServerErrors, type RecordValues } from '@/utils/schema';
import type { LookupView, RequestPayload, RequestType, Response } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';

/** Sends one typed request to the background (`sendRequest`, or a fake in tests). */
export type Send = <T extends RequestType>(type: T, payload: RequestPayload<T>) => Promise<Response<T>>;

/** Which record a workspace shows: profile, dataset and ID (`''` where none is known yet). */
export function recordKey(profileId: string, dataset: string, id: string): string {
  return `${profileId}\u0000${dataset}\u0000${id}`;
}

/** Same dataset and ID, and the same profile where both name one (a new record's session knows none). */
export function sameRecord(a: string, b: string): boolean {
  const [profileA, ...restA] = a.split('\u0000');
  const [profileB, ...restB] = b.split('\u0000');
  return restA.join('\u0000') === restB.join('\u0000') && (profileA === '' || profileB === '' || profileA === profileB);
}

function withId(key: string, id: string): string {
  const [profileId = '', dataset = ''] = key.split('\u0000');
  return recordKey(profileId, dataset, id);
}

/** What the workspace does with the record it shows: reading, editing or creating, and the last save. */
export interface RecordSession {
  key: string;
  /** Changes when the session starts over; the workspace remounts its form by it. */
  serial: number;
  mode: Mode;
  save: SaveState;
  serverErrors?: MappedServerErrors;
}

/** What an action needs from the workspace's props. */
export interface RecordContext {
  key: string;
  schema: DatasetSchema;
  /** The read the workspace shows (null while a look-up is under way or before any). */
  view: LookupView | null;
  /** A look-up through the surface's shared queue. */
  lookUp(dataset: string, id: string, options: { refresh: boolean }): Promise<LookupView | undefined>;
}

export interface RecordStore {
  session: RecordSession;
  /** The record this workspace's own look-up (confirmation, check) fetches: its answer continues the session. */
  follow: string | null;
  /** The workspace shows `key`: another record starts a new session, our own look-up's answer continues this one. */
  show(key: string): void;
  startEditing(context: RecordContext, index: number): void;
  startCreate(context: RecordContext): void;
  /** Closes the form, back to reading. */
  cancel(): void;
  /** Sends the changes (the background composes the row), then looks the record up once to confirm. */
  submit(context: RecordContext, changes: RecordValues): Promise<void>;
  /** After an unknown outcome: one look-up says whether Monetate holds what was sent. */
  check(context: RecordContext): Promise<void>;
  /** Closes the form and reads the record again (after a refusal that needs a fresh read). */
  lookUpAgain(context: RecordContext): Promise<void>;
}

/**
 * One record workspace's state and actions, with `send` injected so it is tested without a
 * browser. Each action names the session it is for; an answer arriving after the workspace
 * moved on to another record is dropped.
 * @example const store = createRecordStore({ send: sendRequest }); await store.getState().submit(context, { age: 37 });
 */
export function createRecordStore(options: { send?: Send; onWrite?: () => void } = {}): StoreApi<RecordStore> {
  const send = options.send ?? sendRequest;
  const onWrite = options.onWrite ?? (() => undefined);
  let serial = 0;

  return createStore<RecordStore>()((set, get) => {
    const fresh = (key: string, mode: Mode = { kind: 'view' }): RecordSession => ({ key, serial: ++serial, mode, save: IDLE_SAVE });
    /** Applies `change` only while the session is still the one numbered `at` (not started over since). */
    const update = (at: number, change: (session: RecordSession) => Partial<RecordSession>) => {
      const { session } = get();
      if (session.serial === at) set({ session: { ...session, ...change(session) } });
    };
    const dispatch = (at: number, action: SaveAction) => update(at, (session) => ({ save: saveReducer(session.save, action) }));
    /** One look-up whose answer belongs to this session. */
    const ownLookUp = async (context: RecordContext, id: string) => {
      set({ follow: withId(get().session.key, id) });
      const answer = await context.lookUp(context.schema.name, id, { refresh: true });
      // A failed look-up shows no record, so nothing would take the mark off.
      if (!answer) set({ follow: null });
      return answer;
    };
    /** Back to reading the record, the form gone (a next one starts from scratch). */
    const closeForm = (): Partial<RecordSession> => ({ mode: { kind: 'view' }, serverErrors: undefined });

    return {
      session: fresh(''),
      follow: null,

      show(key) {
        const { session, follow } = get();
        if (sameRecord(session.key, key)) {
          if (session.key !== key) set({ session: { ...session, key } });
        } else if (follow !== null && sameRecord(follow, key)) {
          set({ session: { ...session, key }, follow: null });
        } else {
          set({ session: fresh(key), follow: null });
        }
      },

      startEditing(context, index) {
        if (!context.view) return;
        const editing = editingRow(context.schema, context.view, index);
        if (editing) set({ session: fresh(context.key, editing) });
      },

      startCreate(context) {
        set({ session: fresh(context.key, { kind: 'create' }) });
      },

      cancel() {
        const { session } = get();
        set({ session: { ...session, ...closeForm(), save: IDLE_SAVE } });
      },

      async submit(context, changes) {
        const { session } = get();
        const { mode } = session;
        if (session.key !== context.key || mode.kind === 'view') return;
        const at = session.serial;
        const { schema } = context;
        const editing = mode.kind === 'create' ? null : mode;
        const expected = editing ? expectedAfter(schema, editing, changes) : changes;
        const recordId = editing ? editing.id : recordValueText(changes[describeSchema(schema).identifierField ?? ''] ?? '');
        update(at, (current) => ({ save: saveReducer(current.save, { type: 'send' }), serverErrors: undefined }));
        try {
          const result = editing
            ? await send('record.save', { schema: schema.name, mode: editing.kind, base: baseFor(schema, editing, context.view), changes })
            : await send('record.save', { schema: schema.name, mode: 'create', changes });
          onWrite();
          // A new serial: the next form starts from the record as Monetate returns it now.
          const saved = ++serial;
          update(at, (current) => ({ ...closeForm(), serial: saved, save: saveReducer(current.save, { type: 'accepted', recordId: result.recordId }) }));
          // The person moved on to another record meanwhile: no look-up drags them back.
          if (get().session.serial !== saved) return;
          // Monetate may take a moment to serve what it accepted; one look-up tells the user.
          const answer = await ownLookUp(context, result.recordId);
          const confirmation = !answer ? 'failed' : returnsValues(schema, result.savedRow, answer) ? 'matches' : 'differs';
          dispatch(saved, { type: 'confirmed', confirmation });
        } catch (caught) {
          onWrite();
          const error = toErrorInfo(caught);
          if (error.code === 'outcome_unknown' || error.code === 'background_unavailable') {
            // Never re-sent by itself: Monetate has no idempotency key. The form keeps the input.
            dispatch(at, { type: 'unanswered', recordId, expected, why: error.code === 'outcome_unknown' ? 'no_answer' : 'background' });
            return;
          }
          update(at, (current) => ({
            save: saveReducer(current.save, { type: 'refused', error }),
            serverErrors: error.fields?.length ? mapServerErrorsToFields(error.fields, schema) : undefined,
          }));
        }
      },

      async check(context) {
        const { session } = get();
        const unknown = session.save;
        if (unknown.status !== 'unknown') return;
        const at = session.serial;
        if (unknown.check === 'checking') return;
        dispatch(at, { type: 'check' });
        const answer = await ownLookUp(context, unknown.recordId);
        if (!answer) return dispatch(at, { type: 'checked', found: 'failed' });
        if (answer.rows.length === 0) return dispatch(at, { type: 'checked', found: 'not_found' });
        if (!returnsValues(context.schema, unknown.expected, answer)) return dispatch(at, { type: 'checked', found: 'not_applied' });
        update(at, (current) => ({ ...closeForm(), serial: ++serial, save: saveReducer(current.save, { type: 'applied' }) }));
      },

      async lookUpAgain(context) {
        if (!context.view) return;
        const { session } = get();
        set({ session: { ...session, ...closeForm(), save: IDLE_SAVE } });
        await context.lookUp(context.schema.name, context.view.id, { refresh: true });
      },
    };
  });
}
