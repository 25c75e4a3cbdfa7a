import { describeSchema, type DatasetSchema } from '@/utils/schema';

/**
 * Which dataset field each file column goes to: a field name, or `null` for a column the user
 * ignores. Columns are file order; every column has an entry.
 */
export type ColumnMapping = Record<string, string | null>;

/**
 * The first mapping offered: a column goes to the field of the same name, ignoring case;
 * other columns are ignored until the user maps them or adds them as attributes.
 * @example proposeMapping(['Customer_ID', 'Extra'], schema) // { Customer_ID: 'customer_id', Extra: null }
 */
export function proposeMapping(columns: readonly string[], schema: DatasetSchema): ColumnMapping {
  const byLowerName = new Map(Object.keys(schema.fields).map((name) => [name.toLowerCase(), name]));
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const column of columns) {
    const field = byLowerName.get(column.trim().toLowerCase());
    mapping[column] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  return mapping;
}

export interface MappingReview {
  /** Sentences that stop the import until the mapping is fixed. */
  problems: string[];
  /** Columns that match no field and are ignored (they could be added as attributes). */
  unknownColumns: string[];
  /** Dataset fields no column fills: Monetate empties them in every record the file replaces. */
  fieldsNotInFile: string[];
}

/**
 * What the mapping means for the import: what stops it, what is ignored, what would be emptied.
 * @example reviewMapping({ email: 'email' }, schema).problems // ['Map a column to customer_id, the identifier: every row needs it.']
 */
export function reviewMapping(mapping: ColumnMapping, schema: DatasetSchema): MappingReview {
  const described = describeSchema(schema);
  const problems: string[] = [];
  const used = new Map<string, string>();
  const unknownColumns: string[] = [];
  const fieldNames = new Set(Object.keys(schema.fields).map((name) => name.toLowerCase()));
  for (const [column, field] of Object.entries(mapping)) {
    if (field === null) {
      // An ignored column that names a field was ignored on purpose; only the others are "unknown".
      if (!fieldNames.has(column.trim().toLowerCase())) unknownColumns.push(column);
      continue;
    }
    if (!Object.hasOwn(schema.fields, field)) {
      problems.push(`Column “${column}” is mapped to “${field}”, which is not a field of ${schema.name}. Choose another field or ignore the column.`);
      continue;
    }
    const other = used.get(field);
    if (other !== undefined) problems.push(`Columns “${other}” and “${column}” both go to ${field}. Map one of them elsewhere or ignore it.`);
    else used.set(field, column);
  }
  const identifier = described.identifierField;
  if (identifier === null) problems.push(`${schema.name} has no identifier field, so its records cannot be imported.`);
  else if (!used.has(identifier)) problems.push(`Map a column to ${identifier}, the identifier: every row needs it.`);
  const uniqueKey = described.uniqueKeyField;
  if (uniqueKey !== null && uniqueKey !== identifier && !used.has(uniqueKey)) {
    problems.push(`Map a column to ${uniqueKey}, the unique key: every row needs it.`);
  }
  const fieldsNotInFile = described.fields.map((field) => field.name).filter((name) => !used.has(name));
  return { problems, unknownColumns, fieldsNotInFile };
}
