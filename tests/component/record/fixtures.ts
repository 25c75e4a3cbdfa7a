import type { DatasetSchema, RecordValues } from '@/utils/schema';

export const schema: DatasetSchema = {
  name: 'customers',
  named_identifier: 'customer_id',
  fields: {
    email: { data_type: 'STRING' },
    record_key: { data_type: 'STRING', unique_key: true },
    age: { data_type: 'NUMBER' },
    customer_id: { data_type: 'STRING', identifier: true },
    vip: { data_type: 'BOOLEAN' },
    last_seen: { data_type: 'DATETIME' },
    tags: { data_type: 'MULTI_STRING' },
  },
};

export const record: RecordValues = {
  customer_id: 'C-1',
  record_key: 'K-1',
  email: 'ada@example.com',
  age: 36,
  vip: true,
  last_seen: '2026-07-01T07:30:00Z',
  tags: 'red,navy\\, dark',
};
