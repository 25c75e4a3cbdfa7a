import { keptFields, recordToFormState, type DatasetSchema } from '@/utils/schema';
import type { FieldInput, FormMode, FormState, RecordValues } from '@/utils/schema/types';

/**
 * Unsaved edits of one record, kept (by the background, in `storage.session`) per profile,
 * dataset and ID until saved or discarded. Only the fields the person changed are kept: a
 * restored draft starts from the record as Monetate returns it now, so a field someone else
 * changed meanwhile is not written back with its old value.
 */
export interface RecordDraft {
  mode: FormMode;
  /** The row, in Monetate's order, of the read the edits were made on. */
  row: number;
  /** The unique key's value of that row (a keyed dataset finds it again by this). */
  rowKey?: string;
  /** When the read the edits were made on was answered (`LookupView.fetchedAt`). */
  readAt: number;
  /** Form input per changed field. */
  fields: Record<string, FieldInput>;
  /** Fields whose value the form could not show exactly and the person chose to replace. */
  replaced: string[];
  /** Record values to prefill (a revert from the edit log: the before-values), turned into inputs by the form. */
  values?: RecordValues;
  /** Set when the draft is a revert: the time of the edit-log entry it reverts. */
  revertOf?: number;
}

/** A draft as the background keeps it. */
export interface StoredDraft extends RecordDraft {
  dataset: string;
  /** `''` for a new record not saved yet. */
  id: string;
  /** When it was last written. */
  savedAt: number;
}

/** Drafts kept per profile; the oldest goes first. */
export const DRAFTS_PER_PROFILE = 50;

/**
 * The one key of a draft within a profile's drafts.
 * @example draftKey('customers', 'C-1') // 'customers\u0000C-1'
 */
export function draftKey(dataset: string, id: string): string {
  return `${dataset}\u0000${id}`;
}

/** A profile's drafts with `draft` put in (replacing the one for its record), at most `limit`, newest kept. */
export function putDraft(drafts: Record<string, StoredDraft>, draft: StoredDraft, limit = DRAFTS_PER_PROFILE): Record<string, StoredDraft> {
  const next: Record<string, StoredDraft> = { ...drafts, [draftKey(draft.dataset, draft.id)]: draft };
  const keys = Object.keys(next);
  if (keys.length <= limit) return next;
  const oldest = keys.sort((a, b) => next[a]!.savedAt - next[b]!.savedAt).slice(0, keys.length - limit);
  for (const key of oldest) delete next[key];
  return next;
}

function sameInput(a: FieldInput | undefined, b: FieldInput | undefined): boolean {
  return JSON.stringify(a ?? '') === JSON.stringify(b ?? '');
}

/**
 * The inputs that differ from what the form started with: what a draft keeps.
 * @example changedInputs({ age: '36', email: 'a' }, { age: '37', email: 'a' }) // { age: '37' }
 */
export function changedInputs(initial: FormState, state: FormState): Record<string, FieldInput> {
  const changed: Record<string, FieldInput> = {};
  for (const [name, value] of Object.entries(state)) if (!sameInput(initial[name], value)) changed[name] = value;
  return changed;
}

/** A form's start with a draft's inputs laid over it (fields the schema no longer has are dropped). */
export function withDraftInputs(initial: FormState, fields: Record<string, FieldInput>): FormState {
  const state: FormState = { ...initial };
  for (const [name, value] of Object.entries(fields)) if (Object.hasOwn(initial, name)) state[name] = value;
  return state;
}

/** True when a draft holds nothing to lose. */
export function isEmptyDraft(draft: Pick<RecordDraft, 'fields' | 'replaced' | 'values'>): boolean {
  return Object.keys(draft.fields).length === 0 && draft.replaced.length === 0 && Object.keys(draft.values ?? {}).length === 0;
}

/**
 * The inputs a draft puts into a form opened on `record`: its typed inputs, plus record values
 * (a revert's before-values) turned into inputs. A value the form cannot show exactly (see
 * `keptFields`), or a field the schema no longer has, is not prefilled but named in `notPrefilled`:
 * the person sets it by hand rather than the form sending a guess.
 */
export function draftInputs(
  schema: DatasetSchema,
  record: RecordValues | null,
  draft: Pick<RecordDraft, 'fields' | 'values'>,
  options: { timeZone?: string } = {},
): { fields: Record<string, FieldInput>; notPrefilled: string[] } {
  const fields: Record<string, FieldInput> = {};
  const notPrefilled: string[] = [];
  const values = draft.values ?? {};
  const names = Object.keys(values);
  if (names.length > 0) {
    const kept = keptFields(schema.fields, values);
    const inputs = recordToFormState(schema, { ...(record ?? {}), ...values }, options);
    for (const name of names) {
      if (!Object.hasOwn(schema.fields, name) || kept[name]) notPrefilled.push(name);
      else fields[name] = inputs[name]!;
    }
  }
  for (const [name, value] of Object.entries(draft.fields)) if (Object.hasOwn(schema.fields, name)) fields[name] = value;
  return { fields, notPrefilled };
}
