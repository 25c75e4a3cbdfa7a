import type { DatasetSchema } from '@/utils/schema';

/** A customer dataset with one field of every type. */
export const customerSchema: DatasetSchema = {
  name: 'customers',
  type: 'attribute',
  named_identifier: 'customer_id',
  fields: {
    email: { data_type: 'STRING' },
    record_key: { data_type: 'STRING', unique_key: true },
    age: { data_type: 'NUMBER' },
    customer_id: { data_type: 'STRING', identifier: true },
    vip: { data_type: 'BOOLEAN' },
    last_seen: { data_type: 'DATETIME' },
    tags: { data_type: 'MULTI_STRING' },
    tier: { data_type: 'STRING', required: true },
  },
};
