import { LosslessNumber } from '@/emulator/json.ts';
import type { Dataset, FieldDef, StoredRecord } from '@/emulator/state.ts';

export const DEMO_RETAILER = 'demo';
export const DEMO_API_USER = 'api-demo-inspector';
export const DEMO_DATASET = 'customer_attributes';
/** An event dataset with no Identifier Name set and no unique key. */
export const DATASET_WITHOUT_IDENTIFIER = 'store_visits';

/** An ordinary customer with every field filled. */
export const SAMPLE_RECORD_ID = 'C-100001';
/** A record whose string values carry HTML and script, to prove they are rendered as text. */
export const HTML_RECORD_ID = 'C-HTML-0001';
/** An ID that breaks naive URL building: slash, query, fragment, percent, space, non-ASCII. */
export const SPECIAL_RECORD_ID = 'vip/42 ?#%é';
/**
 * A customer whose stored values a typed form cannot show exactly: a DATETIME with a space
 * and `+00:00`, a NUMBER beyond 2^53, a BOOLEAN stored as the string "TRUE", and notes with a
 * trailing space (which a POST would refuse). An edit of another field must send them back as is.
 */
export const ODD_VALUES_RECORD_ID = 'C-ODD-0001';
/** Exactly as stored for ODD_VALUES_RECORD_ID (the number is its JSON text). */
export const ODD_VALUES = {
  last_purchase_at: '2025-01-01 10:00:00+00:00',
  lifetime_value: '12345678901234567890',
  is_subscribed: 'TRUE',
  notes: 'Call after 5pm ',
} as const;

/** A dataset named the way real ones are: spaces, no unique key, several rows per ID. */
export const SPACED_DATASET = 'next buy reco semi known users';
/** An ID with `|` holding 3 rows in SPACED_DATASET, stored neither oldest nor newest first. */
export const MULTI_ROW_ID = 'MCMID|00002812570000000000000000000001';
/** Two IDs that differ only in case: distinct records in SPACED_DATASET, one row each. */
export const MIXED_CASE_IDS = ['MCMID|abcDEF', 'MCMID|ABCdef'] as const;

/** Number of generated ordinary customers (C-100001 …). */
export const DEMO_CUSTOMER_COUNT = 54;

const CREATED_DATE = '2024-03-14T09:26:53.589793Z';

function field(data_type: FieldDef['data_type'], flags: Partial<Omit<FieldDef, 'data_type'>> = {}): FieldDef {
  return { data_type, identifier: false, unique_key: false, event_time: false, required: false, ...flags };
}

const FIRST_NAMES = ['Ava', 'Liam', 'Maya', 'Noah', 'Chloé', 'Ethan', 'Zoë', 'Mateo', 'Priya', 'Oliver', 'Sofia', 'Kenji', 'Amara', 'Lucas', 'Ingrid', 'Diego', 'Hana', 'Samuel'];
const LAST_NAMES = ['Nguyen', 'Smith', 'García', 'Okafor', 'Kowalski', 'Müller', 'Tanaka', 'Rossi', 'Patel', 'Dubois', 'Larsen', 'Silva'];
const TIERS = ['bronze', 'silver', 'gold', 'platinum'];
const CATEGORIES = ['shoes', 'outerwear', 'denim', 'accessories', 'kids', 'home', 'beauty', 'sale'];
const NOTES = [null, null, 'Prefers email contact', null, 'VIP event invitee', null, null, 'Returned 2 items in March'];

function pick<T>(list: readonly T[], index: number): T {
  const value = list[index % list.length];
  if (value === undefined) throw new Error('empty list');
  return value;
}

function customer(i: number): StoredRecord {
  const first = pick(FIRST_NAMES, i * 7);
  const last = pick(LAST_NAMES, i * 5 + 3);
  const orders = (i * 13 + 7) % 41;
  // A fixed epoch plus a per-customer step keeps dates realistic and identical on every run.
  const lastPurchase = new Date(Date.UTC(2025, 0, 5, 10, 0, 0) + i * 37 * 3_600_000 + (i % 4) * 61_000);
  const categories = [pick(CATEGORIES, i), pick(CATEGORIES, i * 3 + 1)].filter((c, k, all) => all.indexOf(c) === k);
  return {
    customer_id: `C-${100001 + i}`,
    email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}${i}@example.com`,
    first_name: first,
    loyalty_tier: pick(TIERS, (i * 3) % 7),
    lifetime_value: Math.round((orders * 57.35 + (i % 9) * 12.1) * 100) / 100,
    orders_count: orders,
    is_subscribed: i % 3 !== 1,
    last_purchase_at: orders === 0 ? null : lastPurchase.toISOString().replace('.000Z', 'Z'),
    favorite_categories: categories.join(','),
    notes: pick(NOTES, i),
  };
}

function customerAttributes(): Dataset {
  const records: StoredRecord[] = [];
  for (let i = 0; i < DEMO_CUSTOMER_COUNT; i++) records.push(customer(i));
  // Placed among the first rows so the platform pages (which show ~20 rows) include them.
  records.splice(3, 0, {
    customer_id: HTML_RECORD_ID,
    email: 'html.test@example.com',
    first_name: '<img src=x onerror=alert(1)>',
    loyalty_tier: '<b>gold</b>',
    lifetime_value: 13.37,
    orders_count: 1,
    is_subscribed: false,
    last_purchase_at: '2025-02-03T04:05:06.789+02:00',
    favorite_categories: '<script>alert(1)</script>,a\\,b',
    notes: '<script>alert(1)</script> "quoted" & \'single\'',
  }, {
    customer_id: SPECIAL_RECORD_ID,
    email: 'vip42@example.com',
    first_name: 'Élodie',
    loyalty_tier: 'platinum',
    lifetime_value: 98765.43,
    orders_count: 212,
    is_subscribed: true,
    last_purchase_at: '2025-06-30T23:59:59Z',
    favorite_categories: 'shoes,outerwear\\, coats,back\\\\slash',
    notes: 'ID contains / ? # % space and é',
  }, {
    customer_id: ODD_VALUES_RECORD_ID,
    email: 'odd.values@example.com',
    first_name: 'Odile',
    loyalty_tier: 'silver',
    lifetime_value: new LosslessNumber(ODD_VALUES.lifetime_value),
    orders_count: 7,
    is_subscribed: ODD_VALUES.is_subscribed,
    last_purchase_at: ODD_VALUES.last_purchase_at,
    favorite_categories: 'home,beauty',
    notes: ODD_VALUES.notes,
  });
  return {
    id: 1001,
    name: DEMO_DATASET,
    type: 'attribute',
    named_identifier: 'customer_id',
    created_date: CREATED_DATE,
    fields: new Map([
      ['customer_id', field('STRING', { identifier: true, unique_key: true, required: true })],
      ['email', field('STRING')],
      ['first_name', field('STRING')],
      ['loyalty_tier', field('STRING')],
      ['lifetime_value', field('NUMBER')],
      ['orders_count', field('NUMBER')],
      ['is_subscribed', field('BOOLEAN')],
      ['last_purchase_at', field('DATETIME')],
      ['favorite_categories', field('MULTI_STRING')],
      ['notes', field('STRING')],
    ]),
    records,
    uploads: [],
  };
}

function storeVisits(): Dataset {
  const visits: Array<[string, string, string, string, number | null, boolean]> = [
    ['C-100001', '2025-05-01T09:15:00Z', 'STORE-NYC-5TH', 'in_store', 182.4, false],
    ['C-100002', '2025-05-02T14:02:11Z', 'STORE-SF-UNION', 'in_store', 64.99, true],
    ['C-100001', '2025-05-19T17:45:30Z', 'STORE-NYC-SOHO', 'curbside', 45, true],
    ['C-100003', '2025-06-07T11:00:00+01:00', 'STORE-LDN-OXF', 'in_store', null, false],
    ['C-100004', '2025-06-21T19:30:05.250Z', 'STORE-CHI-MAG', 'pickup', 310.5, false],
  ];
  return {
    id: 1002,
    name: DATASET_WITHOUT_IDENTIFIER,
    type: 'event',
    created_date: '2024-09-02T16:40:12.004512Z',
    fields: new Map([
      ['customer_id', field('STRING', { identifier: true, required: true })],
      ['visit_time', field('DATETIME', { event_time: true, required: true })],
      ['store_id', field('STRING')],
      ['channel', field('STRING')],
      ['basket_value', field('NUMBER')],
      ['used_coupon', field('BOOLEAN')],
    ]),
    records: visits.map(([customer_id, visit_time, store_id, channel, basket_value, used_coupon]) => ({
      customer_id,
      visit_time,
      store_id,
      channel,
      basket_value,
      used_coupon,
    })),
    uploads: [],
  };
}

function nextBuyReco(): Dataset {
  // [customer_id, event_time, sku, rank, score, known]; MULTI_ROW_ID's rows are stored
  // middle, oldest, newest, so "newest first" must sort by event_time, not by position.
  const rows: Array<[string, string, string, number, number, boolean]> = [
    [MULTI_ROW_ID, '2025-03-02T08:15:00.123456Z', 'SKU-44120', 1, 0.912, false],
    [MIXED_CASE_IDS[0], '2025-03-01T12:00:00Z', 'SKU-10001', 1, 0.7, true],
    [MULTI_ROW_ID, '2025-02-27T23:59:59Z', 'SKU-30077', 2, 0.655, false],
    [MIXED_CASE_IDS[1], '2025-03-03T06:30:00+01:00', 'SKU-20002', 3, 0.41, false],
    [MULTI_ROW_ID, '2025-03-04T17:45:30Z', 'SKU-55501', 1, 0.987, true],
    ['MCMID|00002812570000000000000000000002', '2025-03-05T09:00:00Z', 'SKU-44120', 2, 0.52, false],
  ];
  return {
    id: 1003,
    name: SPACED_DATASET,
    type: 'event',
    named_identifier: 'mcmid',
    created_date: '2025-02-20T11:03:27.118204Z',
    fields: new Map([
      ['customer_id', field('STRING', { identifier: true, required: true })],
      ['event_time', field('DATETIME', { event_time: true, required: true })],
      ['next_buy_sku', field('STRING')],
      ['reco_rank', field('NUMBER')],
      ['score', field('NUMBER')],
      ['is_known_user', field('BOOLEAN')],
    ]),
    records: rows.map(([customer_id, event_time, next_buy_sku, reco_rank, score, is_known_user]) => ({
      customer_id,
      event_time,
      next_buy_sku,
      reco_rank,
      score,
      is_known_user,
    })),
    uploads: [],
  };
}

/** Fresh copies each call, so a reset never shares mutated rows with the previous run. */
export function buildDemoDatasets(): Map<string, Dataset> {
  return new Map([customerAttributes(), storeVisits(), nextBuyReco()].map((d) => [d.name, d]));
}
