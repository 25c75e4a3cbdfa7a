import { z } from 'zod';
import { profileInputSchema } from '@/utils/profiles/profile';
import type { RecordValue } from '@/utils/schema/types';
import { DATA_TYPES } from '@/utils/schema/data-types';
import type { RequestType } from '@/utils/messages/protocol';
import { importRequestSchemas } from '@/utils/import/messages';

/**
 * The zod schema of every request's payload, checked at the background boundary. Only the
 * background imports this module: UI code imports the types and constants of `./protocol`,
 * which has no zod, so neither zod nor these validators ship in the UI bundles.
 */

const profileId = z.string().min(1).max(100);
const datasetNameField = z.string().trim().min(1, 'Choose a dataset.').max(64);
const recordId = z
  .string()
  .max(512, 'A record ID is at most 512 characters.')
  .refine((id) => id.trim().length > 0, 'Enter a record ID.');
const callerId = z.string().min(1).max(100);
/**
 * A field value as JSON (an `ExactNumber` or an object Monetate sent travels as plain data),
 * nested at most 32 deep and checked without recursion: a hostile sender's deeply nested
 * payload is refused, never a stack overflow in the background.
 */
const fieldValue = z.custom<RecordValue>((value) => isBoundedJson(value, 32), 'A field value must be JSON, nested at most 32 deep.');
const recordRow = z.record(z.string().max(64), fieldValue).refine((row) => Object.keys(row).length <= 100, 'A row has at most 100 fields.');

function isBoundedJson(root: unknown, maxDepth: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++seen > 10_000 || depth > maxDepth) return false;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return false;
      continue;
    }
    if (typeof value !== 'object') return false;
    const children = Array.isArray(value) ? value : Object.getPrototypeOf(value) === Object.prototype ? Object.values(value) : null;
    if (!children) return false;
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return true;
}
/** Which read a save builds on: the record ID, the read's time (`fetchedAt`) and the row, in Monetate's order. */
const saveBase = z.strictObject({ id: recordId, readAt: z.number().int().nonnegative(), row: z.number().int().min(0).max(100_000) });
/** A draft's ID: a record ID, or `''` for a new record not saved yet. */
const draftId = z.string().max(512, 'A record ID is at most 512 characters.');
const fieldName = z.string().min(1).max(64);
/** One form input as the record form holds it (text, MULTI_STRING items, or a DATETIME's wall clock and zone). */
const formInput = z.union([
  z.string().max(100_000),
  z.array(z.string().max(100_000)).max(1000).readonly(),
  z.strictObject({ local: z.string().max(40), timeZone: z.string().max(100), original: z.string().max(100).optional() }),
]);
const recordDraft = z.strictObject({
  mode: z.enum(['edit', 'add_row', 'create']),
  row: z.number().int().min(0).max(100_000),
  rowKey: z.string().max(100_000).optional(),
  readAt: z.number().int().nonnegative(),
  fields: z.record(fieldName, formInput).refine((fields) => Object.keys(fields).length <= 100, 'A draft has at most 100 fields.'),
  replaced: z.array(fieldName).max(100),
  values: recordRow.optional(),
  revertOf: z.number().int().nonnegative().optional(),
});
const passphrase = z.string().min(1, 'Enter the passphrase.').max(1024);
const fieldSpec = z.object({
  data_type: z.enum(DATA_TYPES),
});

export const requestSchemas = {
  'state.get': z.object({}),
  'profiles.save': z.object({ id: profileId.optional(), input: z.unknown() }),
  'profiles.delete': z.object({ id: profileId }),
  'profiles.activate': z.object({ id: profileId }),
  'key.generate': z.object({ profileId, bits: z.union([z.literal(2048), z.literal(3072), z.literal(4096)]), passphrase }),
  'key.import': z.object({ profileId, pem: z.string().max(64_000, 'That file is too large to be a private key.'), passphrase }),
  'key.info': z.object({ profileId }),
  'vault.unlock': z.object({ profileId, passphrase }),
  'vault.lock': z.object({ profileId: profileId.optional() }),
  'vault.changePassphrase': z.object({ profileId, current: passphrase, next: passphrase }),
  'vault.exportBackup': z.object({ profileId }),
  'vault.importBackup': z.object({ text: z.string().max(256_000), passphrase }),
  'token.get': z.object({ fresh: z.boolean().optional() }),
  'curl.build': z.object({ dataset: datasetNameField, id: recordId }),
  'settings.save': z.object({
    autoLockMinutes: z.number().int().min(1).max(24 * 60).optional(),
    cacheTtlSeconds: z.number().int().min(0).max(3600).optional(),
    overlayHiddenOrigins: z.array(z.string().max(300)).max(500).optional(),
    resetLauncherPosition: z.boolean().optional(),
  }),
  'history.list': z.object({}),
  'history.clear': z.object({}),
  'editlog.list': z.object({}),
  'editlog.clear': z.object({}),
  'schema.addAttributes': z.object({ dataset: datasetNameField, fields: z.record(z.string(), fieldSpec) }),
  'schema.setIdentifier': z.object({ dataset: datasetNameField, value: z.string().max(64) }),
  'sidepanel.show': z.object({ dataset: datasetNameField, id: recordId }),
  'sidepanel.takePending': z.object({}),
  // The only requests a content script on a Monetate page may make:
  'overlay.status': z.object({}),
  'lookup.record': z.object({ dataset: datasetNameField, id: recordId, refresh: z.boolean().optional(), callerId }),
  // With schema and id: only that look-up of this caller; without: all of this caller's.
  'lookup.cancel': z.object({ callerId, dataset: datasetNameField.optional(), id: recordId.optional() }),
  'schema.list': z.object({ refresh: z.boolean().optional() }),
  'schema.get': z.object({ name: datasetNameField, refresh: z.boolean().optional() }),
  /**
   * A save names the read it builds on and carries only the changed fields (`null` empties
   * one); the background composes the row from its own copy of that read. A new record
   * carries what the person filled in.
   */
  'record.save': z.discriminatedUnion('mode', [
    z.strictObject({ dataset: datasetNameField, mode: z.literal('create'), changes: recordRow }),
    z.strictObject({ dataset: datasetNameField, mode: z.enum(['edit', 'add_row']), base: saveBase, changes: recordRow }),
  ]),
  'launcher.save': z.object({ edge: z.enum(['left', 'right', 'top', 'bottom']), offset: z.number().min(0).max(1) }),
  'overlay.hideOnSite': z.object({ origin: z.string().max(300) }),
  // Unsaved edits (extension pages only), kept by the background per profile, dataset and ID:
  'draft.get': z.object({ dataset: datasetNameField, id: draftId }),
  'draft.save': z.object({ dataset: datasetNameField, id: draftId, draft: recordDraft }),
  'draft.discard': z.object({ dataset: datasetNameField, id: draftId }),
  /** A person typing in a form: keeps the key unlocked (the router counts every request as activity). */
  activity: z.object({}),
  // Bulk import (the import page; extension pages only):
  ...importRequestSchemas,
} as const;

const envelopeSchema = z.object({ channel: z.literal('mdi'), type: z.string(), payload: z.unknown() });

/**
 * Checks a raw message at the boundary: known type, payload of the right shape.
 * @example parseRequest({ channel: 'mdi', type: 'state.get', payload: {} })
 */
export function parseRequest(
  raw: unknown,
): { ok: true; type: RequestType; payload: unknown } | { ok: false; detail: string } {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, detail: 'not a Monetate Data Inspector message' };
  const type = envelope.data.type;
  if (!Object.hasOwn(requestSchemas, type)) return { ok: false, detail: `unknown request "${type.slice(0, 40)}"` };
  const schema = requestSchemas[type as RequestType];
  const payload = schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    return { ok: false, detail: payload.error.issues[0]?.message ?? 'payload has the wrong shape' };
  }
  return { ok: true, type: type as RequestType, payload: payload.data };
}

export { profileInputSchema };
