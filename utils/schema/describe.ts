import type { DatasetSchema, FieldSpec } from '@/utils/schema/types';

export interface DescribedField {
  name: string;
  spec: FieldSpec;
  isIdentifier: boolean;
  isUniqueKey: boolean;
  /** Identifier and unique key are always required (Monetate), plus fields marked `required`. */
  isRequired: boolean;
  isEventTime: boolean;
}

export interface SchemaDescription {
  fields: DescribedField[];
  identifierField: string | null;
  uniqueKeyField: string | null;
  /** Monetate ignores a dataset for targeting until its Identifier Name is set. */
  hasNamedIdentifier: boolean;
}

/**
 * The fields in the order people read them: identifier first, then the unique key, then the
 * rest in schema order.
 * @example
 * describeSchema({ name: 'c', fields: { age: { data_type: 'NUMBER' }, id: { data_type: 'STRING', identifier: true } } })
 *   .fields.map((f) => f.name) // ['id', 'age']
 */
export function describeSchema(schema: DatasetSchema): SchemaDescription {
  const all: DescribedField[] = Object.entries(schema.fields).map(([name, spec]) => {
    const isIdentifier = spec.identifier === true;
    const isUniqueKey = spec.unique_key === true;
    return {
      name,
      spec,
      isIdentifier,
      isUniqueKey,
      isRequired: isIdentifier || isUniqueKey || spec.required === true,
      isEventTime: spec.event_time === true,
    };
  });
  const rank = (f: DescribedField): number => (f.isIdentifier ? 0 : f.isUniqueKey ? 1 : 2);
  // Array.prototype.sort is stable, so equal ranks keep schema order.
  const fields = [...all].sort((a, b) => rank(a) - rank(b));
  return {
    fields,
    identifierField: all.find((f) => f.isIdentifier)?.name ?? null,
    uniqueKeyField: all.find((f) => f.isUniqueKey)?.name ?? null,
    hasNamedIdentifier: typeof schema.named_identifier === 'string' && schema.named_identifier.trim() !== '',
  };
}
