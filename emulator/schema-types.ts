import type { DataType, FieldDef } from '@/emulator/state.ts';

/** Schema types from the OpenAPI `Schema.type` enum; field specs only where the OpenAPI gives them. */
const TYPE_NAMES = [
  'agil_one',
  'attribute',
  'behavioral_trigger',
  'custom_list',
  'customer_data_privacy',
  'email_metadata',
  'event',
  'inventory',
  'product',
  'product_recommendation',
  'purchase',
] as const;

// [name, data_type, required] in the order of the OpenAPI `SchemaType` example.
const PRODUCT_FIELDS: Array<[string, DataType, boolean]> = [
  ['title', 'STRING', true], ['description', 'STRING', true], ['link', 'STRING', true], ['image_link', 'STRING', true],
  ['additional_image_link', 'STRING', false], ['mobile_link', 'STRING', false], ['availability', 'STRING', false],
  ['availability_date', 'DATETIME', false], ['expiration_date', 'DATETIME', false], ['price', 'NUMBER', true],
  ['sale_price', 'NUMBER', false], ['sale_price_effective_date_begin', 'DATETIME', false],
  ['sale_price_effective_date_end', 'DATETIME', false], ['loyalty_points', 'STRING', false], ['product_type', 'STRING', true],
  ['brand', 'STRING', false], ['mpn', 'STRING', false], ['condition', 'STRING', false], ['adult', 'BOOLEAN', false],
  ['multipack', 'NUMBER', false], ['is_bundle', 'BOOLEAN', false], ['energy_efficiency_class', 'STRING', false],
  ['age_group', 'STRING', false], ['color', 'STRING', false], ['gender', 'STRING', false], ['material', 'STRING', false],
  ['pattern', 'STRING', false], ['quantity', 'NUMBER', false], ['size', 'STRING', false], ['size_type', 'STRING', false],
  ['item_group_id', 'STRING', false], ['promotion_id', 'STRING', false], ['shipping', 'STRING', false],
  ['shipping_label', 'STRING', false], ['shipping_weight', 'STRING', false], ['shipping_length', 'STRING', false],
  ['shipping_height', 'STRING', false], ['shipping_width', 'STRING', false], ['tax', 'STRING', false],
];

function spec(data_type: DataType, flags: Partial<Omit<FieldDef, 'data_type'>> = {}): FieldDef {
  return { data_type, identifier: false, unique_key: false, event_time: false, required: false, ...flags };
}

function fieldsFor(type: string): Record<string, FieldDef> {
  if (type === 'product') {
    const fields: Record<string, FieldDef> = { id: spec('STRING', { identifier: true, unique_key: true, required: true }) };
    for (const [name, dataType, required] of PRODUCT_FIELDS) fields[name] = spec(dataType, { required });
    return fields;
  }
  // The OpenAPI only spells out the product type; the others have no fixed fields.
  return {};
}

export function schemaTypes(): Array<{ name: string; fields: Record<string, FieldDef> }> {
  return TYPE_NAMES.map((name) => ({ name, fields: fieldsFor(name) }));
}

export function schemaType(name: string): { name: string; fields: Record<string, FieldDef> } | undefined {
  return schemaTypes().find((t) => t.name === name);
}
