import { DATA_TYPES, MAX_FIELDS, MAX_FIELD_NAME_LENGTH, isDataType } from '@/utils/schema/data-types';
import type { DatasetSchema, Validation } from '@/utils/schema/types';

export interface NewAttribute {
  name: string;
  dataType: string;
}

/** One sentence per problem; an empty object means the attribute can be added. */
export interface NewAttributeErrors {
  name?: string;
  dataType?: string;
  /** A problem with the dataset as a whole (the field limit). */
  form?: string;
}

/**
 * Checks a new attribute against Monetate's rules before `PATCH …/schema/{name}/`.
 * @example validateNewAttribute({ name: '2fa', dataType: 'STRING' }, schema).name // 'Start the name with a letter…'
 */
export function validateNewAttribute(attr: NewAttribute, schema: DatasetSchema): NewAttributeErrors {
  const errors: NewAttributeErrors = {};
  const name = attr.name;
  if (name === '') errors.name = 'Enter a name for the attribute.';
  else if (!/^[A-Za-z]/.test(name)) errors.name = 'Start the name with a letter (A–Z or a–z).';
  else if (!/^[A-Za-z0-9_]+$/.test(name)) {
    const bad = [...new Set(name.replace(/[A-Za-z0-9_]/g, ''))].map((c) => (c === ' ' ? 'space' : `"${c}"`));
    errors.name = `Use only letters, digits and underscores; remove ${bad.join(', ')}.`;
  } else if (name.length > MAX_FIELD_NAME_LENGTH) {
    errors.name = `Use at most ${MAX_FIELD_NAME_LENGTH} characters; this name has ${name.length}.`;
  } else if (Object.prototype.hasOwnProperty.call(schema.fields, name)) {
    errors.name = `The dataset already has a field named "${name}". Choose another name.`;
  }

  if (attr.dataType === '') errors.dataType = 'Choose a data type.';
  else if (!isDataType(attr.dataType)) {
    errors.dataType = `Choose one of ${DATA_TYPES.join(', ')}.`;
  }

  const count = Object.keys(schema.fields).length;
  if (count >= MAX_FIELDS) errors.form = `A dataset can have at most ${MAX_FIELDS} fields; this one has ${count}.`;
  return errors;
}

/**
 * Checks an Identifier Name (`named_identifier`): letters, digits and underscores only.
 * @example validateNamedIdentifier('customer_id') // { ok: true, value: 'customer_id' }
 */
export function validateNamedIdentifier(value: string): Validation<string> {
  if (value === '') return { ok: false, message: 'Enter an Identifier Name.' };
  if (/^\s|\s$/.test(value)) return { ok: false, message: 'Remove the spaces at the start or end.' };
  if (!/^\w+$/.test(value)) return { ok: false, message: 'Use only letters, digits and underscores (no spaces, dashes or dots).' };
  return { ok: true, value };
}

/**
 * The review a person confirms before an attribute is added: what is written, that it is
 * permanent, and how many of the 40 fields the dataset will use.
 * @example reviewNewAttribute(schema, 'tier', 'STRING') // 'Adds field tier (STRING) to customers. This cannot be undone in Monetate. 28 of 40 fields used.'
 */
export function reviewNewAttribute(schema: DatasetSchema, field: string, dataType: string): string {
  const after = Object.keys(schema.fields).length + 1;
  return `Adds field ${field} (${dataType}) to ${schema.name}. This cannot be undone in Monetate. ${after} of ${MAX_FIELDS} fields used.`;
}

/**
 * The review a person confirms before the Identifier Name is set.
 * @example reviewIdentifierName({ name: 'customers', fields: {} }, 'customer_id') // 'Sets the Identifier Name of customers to customer_id (not set now).…'
 */
export function reviewIdentifierName(schema: DatasetSchema, value: string): string {
  const now = schema.named_identifier ? `now ${schema.named_identifier}` : 'not set now';
  return `Sets the Identifier Name of ${schema.name} to ${value} (${now}). Monetate uses it to match this dataset to customers.`;
}
