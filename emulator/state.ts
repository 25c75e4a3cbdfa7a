import type { KeyObject } from 'node:crypto';
import { buildDemoDatasets } from '@/emulator/demo-data.ts';
import { stringifyJsonExact, type JsonValue } from '@/emulator/json.ts';

// The extension's own list (utils/schema/data-types): the emulator accepts exactly the types the extension offers.
import type { DataType } from '@/utils/schema/data-types.ts';
export type { DataType };

export interface FieldDef {
  /** One of DATA_TYPES, or any other type a field was given through `/__admin/schema-fields`. */
  data_type: DataType | (string & {});
  identifier: boolean;
  unique_key: boolean;
  event_time: boolean;
  required: boolean;
}

export type FieldValue = JsonValue;
/**
 * A stored row. A POSTed row carries every schema field, absent ones as null; a row stored
 * through `/__admin/records` is kept exactly as given.
 */
export type StoredRecord = Record<string, FieldValue>;

/** How record look-ups answer: `data` as the list of rows (what live clients read), or `data.schema_rows` (the OpenAPI). */
export const RECORD_SHAPES = ['list', 'openapi'] as const;
export type RecordShape = (typeof RECORD_SHAPES)[number];

export interface UploadEntry {
  id: number;
  status: 'COMPLETE';
  upload_time: string;
  import_start_time: string;
  import_end_time: string;
  validation_errors: string[];
  validation_warnings: string[];
  row_count: number;
  sent_time: string | null;
  source: 'API';
  username: string | null;
}

export interface Dataset {
  id: number;
  name: string;
  type: string;
  named_identifier?: string;
  created_date: string;
  /** A Map keeps field order and cannot collide with Object.prototype names like `constructor`. */
  fields: Map<string, FieldDef>;
  records: StoredRecord[];
  uploads: UploadEntry[];
}

export interface ApiKey {
  keyId: string;
  username: string;
  fingerprint: string;
  publicKey: KeyObject;
  createdAt: string;
  active: boolean;
  deactivatedAt: string | null;
}

export interface ApiUser {
  username: string;
  createdAt: string;
  /** A Read-Only API User: its reads work, its writes (POST data, PATCH schema) get 403. */
  readOnly: boolean;
  keys: ApiKey[];
}

export interface IssuedToken {
  token: string;
  username: string;
  keyId: string;
  issuedAtMs: number;
  expiresAtMs: number;
}

export const FAULT_TARGETS = ['auth', 'lookup', 'write', 'schema'] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];
export const FAULT_KINDS = ['status', 'drop-after-processing', 'delay'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: number;
  target: FaultTarget;
  kind: FaultKind;
  status?: number;
  retryAfter?: string;
  delayMs?: number;
  body?: string;
  contentType?: string;
  /** How many more matching requests this fault will hit. */
  remaining: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** null while the request is still being processed. */
  status: number | null;
  arrivedAt: number;
  username?: string;
  /** The socket was destroyed instead of answering (drop-after-processing fault). */
  dropped?: boolean;
  /** POST data: how many rows `schema_rows` held (set once the body was read). */
  rowCount?: number;
}

export interface Flash {
  tone: 'success' | 'error';
  text: string;
}

export interface EmulatorState {
  datasets: Map<string, Dataset>;
  users: Map<string, ApiUser>;
  tokens: Map<string, IssuedToken>;
  /** Arrival time of each API user's last look-up that was not answered 429. */
  lastLookupArrival: Map<string, number>;
  faults: Fault[];
  clockOffsetMs: number;
  requests: RequestLogEntry[];
  flashes: Map<string, Flash>;
  counters: { key: number; upload: number; fault: number; flash: number };
  recordShape: RecordShape;
  /** The shape the emulator was started with; a reset goes back to it. */
  initialRecordShape: RecordShape;
}

export function createState(recordShape: RecordShape = 'list'): EmulatorState {
  return {
    datasets: buildDemoDatasets(),
    users: new Map(),
    tokens: new Map(),
    lastLookupArrival: new Map(),
    faults: [],
    clockOffsetMs: 0,
    requests: [],
    flashes: new Map(),
    counters: { key: 0, upload: 0, fault: 0, flash: 0 },
    recordShape,
    initialRecordShape: recordShape,
  };
}

/** Resets in place so route handlers holding the state object see the fresh data. */
export function resetState(state: EmulatorState): void {
  Object.assign(state, createState(state.initialRecordShape));
}

/** The identifier field name (every dataset has exactly one). */
export function identifierField(dataset: Dataset): string {
  for (const [name, def] of dataset.fields) if (def.identifier) return name;
  throw new Error(`Dataset ${dataset.name} has no identifier field`);
}

export function uniqueKeyField(dataset: Dataset): string | undefined {
  for (const [name, def] of dataset.fields) if (def.unique_key) return name;
  return undefined;
}

/**
 * Every stored row of an ID, in stored order (oldest write first). IDs compare exactly: case,
 * `|`, spaces and unicode all count. A dataset whose unique key is not its identifier also
 * answers to the unique key's value.
 */
export function rowsForId(dataset: Dataset, id: string): StoredRecord[] {
  const idField = identifierField(dataset);
  const keyField = uniqueKeyField(dataset);
  return dataset.records.filter((r) => r[idField] === id || (keyField !== undefined && keyField !== idField && r[keyField] === id));
}

/** Stores one row: a row whose unique key matches an existing one replaces it, any other is appended. */
export function storeRow(dataset: Dataset, row: StoredRecord): void {
  const keyField = uniqueKeyField(dataset);
  if (keyField === undefined || !Object.hasOwn(row, keyField)) {
    dataset.records.push(row);
    return;
  }
  const index = keyIndex(dataset, keyField);
  const key = stringifyJsonExact(row[keyField]);
  const at = index.positions.get(key);
  if (at !== undefined) dataset.records[at] = row;
  else {
    index.positions.set(key, dataset.records.length);
    dataset.records.push(row);
  }
  index.length = dataset.records.length;
}

interface KeyIndex {
  field: string;
  length: number;
  positions: Map<string, number>;
}
const keyIndexes = new WeakMap<StoredRecord[], KeyIndex>();

/**
 * Where each unique key sits in the records, so a 100,000-row import does not scan the list
 * for every row. Rebuilt whenever the list changed behind storeRow's back.
 */
function keyIndex(dataset: Dataset, field: string): KeyIndex {
  const known = keyIndexes.get(dataset.records);
  if (known && known.field === field && known.length === dataset.records.length) return known;
  const positions = new Map<string, number>();
  dataset.records.forEach((record, i) => {
    if (!Object.hasOwn(record, field)) return;
    const key = stringifyJsonExact(record[field]);
    // The first stored row with a key is the one a write replaces, as findIndex did.
    if (!positions.has(key)) positions.set(key, i);
  });
  const index = { field, length: dataset.records.length, positions };
  keyIndexes.set(dataset.records, index);
  return index;
}
