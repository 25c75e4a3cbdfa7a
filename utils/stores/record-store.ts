import { createStore, type StoreApi } from 'zustand/vanilla';
import { toErrorInfo } from '@/utils/errors';
import { baseFor, editingRow, expectedAfter, returnsValues, sameRowIn, type Mode } from '@/utils/records/editing';
import { isEmptyDraft, type RecordDraft, type StoredDraft } from '@/utils/records/draft';
import { createActivityReporter } from '@/utils/stores/activity';
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
  /** A kept draft the form starts from (restored after a look-up, a lock or a reload; or a revert). */
  draft?: StoredDraft;
  /** The form holds something the person would lose by closing it. */
  dirty: boolean;
}

/** What the form reports on every change: the inputs that differ from the read it was opened on. */
export type DraftInput = Pick<RecordDraft, 'fields' | 'replaced'>;

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
  /** Opens row `index` in the form (with its kept draft, if it has one). */
  startEditing(context: RecordContext, index: number): Promise<void>;
  /** Opens a new-record form (with the kept draft of one, if any). */
  startCreate(context: RecordContext): Promise<void>;
  /** Closes the form, back to reading (a kept draft stays). */
  cancel(): void;
  /** The record shown has a kept draft: opens the form on it, against the read shown now. */
  loadDraft(context: RecordContext): Promise<void>;
  /** The form changed: keep it as a draft, written a moment after the typing stops. */
  inputChanged(context: RecordContext, input: DraftInput): void;
  /** Writes a draft still waiting for its moment (before the page goes away). */
  flushDraft(): void;
  /** Forgets the form's draft and closes the form. */
  discard(context: RecordContext): Promise<void>;
  /** Another part of the page replaces the draft of `dataset`/`id` (a revert): close that form, writing nothing more. */
  yieldRecord(dataset: string, id: string): void;
  /** Sends the changes (the background composes the row), then looks the record up once to confirm. */
  submit(context: RecordContext, changes: RecordValues): Promise<void>;
  /** After an unknown outcome: one look-up says whether Monetate holds what was sent. */
  check(context: RecordContext): Promise<void>;
  /** Closes the form and reads the record again (after a refusal that needs a fresh read); Edit then opens the kept draft on it. */
  lookUpAgain(context: RecordContext): Promise<void>;
}

/**
 * One record workspace's state and actions, with `send` injected so it is tested without a
 * browser. Each action names the session it is for; an answer arriving after the workspace
 * moved on to another record is dropped.
 * @example const store = createRecordStore({ send: sendRequest }); await store.getState().submit(context, { age: 37 });
 */
export function createRecordStore(
  options: {
    send?: Send;
    onWrite?: () => void;
    /** Keep unsaved edits as drafts, and report typing as activity (extension pages only: the background refuses both to others). */
    drafts?: boolean;
    /** How long after the last change a draft is written. */
    draftDelayMs?: number;
  } = {},
): StoreApi<RecordStore> {
  const send = options.send ?? sendRequest;
  const onWrite = options.onWrite ?? (() => undefined);
  const drafts = options.drafts ?? false;
  const draftDelayMs = options.draftDelayMs ?? 600;
  const typed = drafts ? createActivityReporter(() => send('activity', {})) : () => false;
  let serial = 0;
  /** The draft write waiting for the typing to stop. */
  let pending: { timer: ReturnType<typeof setTimeout>; write: () => Promise<unknown> } | null = null;
  const flush = (): Promise<unknown> => {
    if (!pending) return Promise.resolve();
    clearTimeout(pending.timer);
    const { write } = pending;
    pending = null;
    return write();
  };
  const drop = () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  };
  /** Where a form's draft is kept: the record's ID, or `''` for a new record. */
  const draftPlace = (context: RecordContext, mode: Mode) => ({ dataset: context.schema.name, id: mode.kind === 'edit' || mode.kind === 'add_row' ? mode.id : '' });
  const forget = (context: RecordContext, mode: Mode) => {
    drop();
    return drafts ? send('draft.discard', draftPlace(context, mode)).catch(() => null) : Promise.resolve(null);
  };

  return createStore<RecordStore>()((set, get) => {
    /**
     * The session that last looked for a draft by itself: each session does once (a revert asks
     * again), so a form the person closed, or one "Look up again" closed, does not reopen by itself.
     */
    let restoredIn = -1;
    const fresh = (key: string, mode: Mode = { kind: 'view' }, draft?: StoredDraft): RecordSession => {
      // A session that opens on a form has had its look at drafts: closing that form does not reopen it.
      if (mode.kind !== 'view') restoredIn = serial + 1;
      return { key, serial: ++serial, mode, save: IDLE_SAVE, draft, dirty: draft !== undefined };
    };
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
    const closeForm = (): Partial<RecordSession> => ({ mode: { kind: 'view' }, serverErrors: undefined, draft: undefined, dirty: false });
    /** The kept draft of a record, or null (also when the background cannot say). */
    const keptDraft = (dataset: string, id: string) => (drafts ? send('draft.get', { dataset, id }).catch(() => null) : Promise.resolve(null));
    /** The row of `view` a kept draft was typed on, or -1 (then the draft stays kept, nothing is guessed). */
    const draftRow = (context: RecordContext, view: LookupView, stored: StoredDraft) => {
      const key = describeSchema(context.schema).uniqueKeyField;
      // Without the row's key (a revert from the edit log), the row is found by its place.
      if (stored.mode === 'create') return -1;
      const byPlace = stored.rowKey === undefined ? 'add_row' : stored.mode;
      return sameRowIn(context.schema, { kind: byPlace, row: stored.row, values: key && stored.rowKey !== undefined ? { [key]: stored.rowKey } : {} }, view.rows);
    };
    const restore = async (context: RecordContext, view: LookupView) => {
      const { session } = get();
      if (!drafts || session.mode.kind !== 'view' || view.rows.length === 0 || restoredIn === session.serial) return;
      restoredIn = session.serial;
      const at = session.serial;
      const stored = await keptDraft(context.schema.name, view.id);
      if (!stored || stored.mode === 'create' || get().session.serial !== at || get().session.mode.kind !== 'view') return;
      const index = draftRow(context, view, stored);
      const editing = index < 0 ? null : editingRow(context.schema, view, index);
      if (!editing) return;
      set({ session: fresh(get().session.key, editing, stored) });
    };

    return {
      session: fresh(''),
      follow: null,

      show(key) {
        const { session, follow } = get();
        // Leaving a form: what was typed is kept now, not a moment later.
        void flush();
        if (sameRecord(session.key, key)) {
          if (session.key !== key) set({ session: { ...session, key } });
        } else if (follow !== null && sameRecord(follow, key)) {
          set({ session: { ...session, key }, follow: null });
        } else {
          set({ session: fresh(key), follow: null });
        }
      },

      async startEditing(context, index) {
        const { view } = context;
        if (!view) return;
        const editing = editingRow(context.schema, view, index);
        if (!editing) return;
        if (!drafts) return set({ session: fresh(context.key, editing) });
        // The row's kept draft (after "Look up again", say) opens with it, compared with this read.
        const at = get().session.serial;
        const stored = await keptDraft(context.schema.name, view.id);
        if (get().session.serial !== at) return;
        const mine = stored && stored.mode !== 'create' && draftRow(context, view, stored) === index ? stored : undefined;
        set({ session: fresh(context.key, editing, mine) });
      },

      async startCreate(context) {
        const at = get().session.serial;
        const stored = await keptDraft(context.schema.name, '');
        if (get().session.serial !== at) return;
        set({ session: fresh(context.key, { kind: 'create' }, stored?.mode === 'create' ? stored : undefined) });
      },

      cancel() {
        void flush();
        const { session } = get();
        set({ session: { ...session, ...closeForm(), save: IDLE_SAVE } });
      },

      loadDraft(context) {
        return context.view ? restore(context, context.view) : Promise.resolve();
      },

      inputChanged(context, input) {
        typed();
        const { session } = get();
        const { mode } = session;
        if (mode.kind === 'view' || session.key !== context.key) return;
        const empty = isEmptyDraft(input) && !session.draft?.values;
        if (session.dirty === empty) set({ session: { ...session, dirty: !empty } });
        if (!drafts) return;
        const place = draftPlace(context, mode);
        const draft: RecordDraft = {
          mode: mode.kind,
          row: mode.kind === 'create' ? 0 : mode.row,
          readAt: mode.kind === 'create' ? 0 : mode.readAt,
          fields: input.fields,
          replaced: input.replaced,
        };
        const key = describeSchema(context.schema).uniqueKeyField;
        if (mode.kind !== 'create' && key) draft.rowKey = recordValueText(mode.values[key] ?? '');
        // A revert keeps saying what it reverts, though its values now travel as inputs.
        if (session.draft?.revertOf !== undefined) draft.revertOf = session.draft.revertOf;
        drop();
        const write = () => (empty ? send('draft.discard', place) : send('draft.save', { ...place, draft })).catch(() => null);
        pending = { timer: setTimeout(() => void flush(), draftDelayMs), write };
      },

      flushDraft() {
        void flush();
      },

      yieldRecord(dataset, id) {
        const { session } = get();
        if (!sameRecord(session.key, recordKey('', dataset, id))) return;
        drop();
        // The revert's fresh read opens the form on its draft.
        restoredIn = -1;
        if (session.mode.kind !== 'view') set({ session: { ...session, ...closeForm(), save: IDLE_SAVE } });
      },

      async discard(context) {
        const { session } = get();
        await forget(context, session.mode);
        update(session.serial, () => ({ ...closeForm(), save: IDLE_SAVE }));
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
        // The draft is written first: a refused save leaves the person's input kept.
        await flush();
        try {
          const result = editing
            ? await send('record.save', { dataset: schema.name, mode: editing.kind, base: baseFor(schema, editing, context.view), changes })
            : await send('record.save', { dataset: schema.name, mode: 'create', changes });
          onWrite();
          await forget(context, mode);
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
        if (get().session.serial === at) await forget(context, get().session.mode);
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
