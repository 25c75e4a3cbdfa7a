import type { FieldProblem } from '@/utils/errors';
import type { DatasetSchema } from '@/utils/schema/types';

export interface MappedServerErrors {
  /** Messages to show beside each field. */
  byField: Record<string, string[]>;
  /** Messages no field can own; show them above the form. */
  unmatched: string[];
}

function resolveField(field: string, names: readonly string[]): string | null {
  if (names.includes(field)) return field;
  // Servers often name the path: "schema_rows[0].age" or "schema_rows.0.age".
  const last = field.split(/[.[\]]/).filter(Boolean).pop();
  if (last !== undefined && names.includes(last)) return last;
  const lower = field.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower) ?? null;
}

/** A field name the message quotes, when exactly one is quoted: "'age' must be a number". */
function quotedField(message: string, names: readonly string[]): string | null {
  const found = names.filter((n) => ['"', "'", '`'].some((q) => message.includes(`${q}${n}${q}`)));
  return found.length === 1 ? (found[0] ?? null) : null;
}

/**
 * Sorts Monetate's validation problems onto the form's fields.
 * @example
 * mapServerErrorsToFields([{ field: 'age', message: 'Not a number' }, { message: 'Bad row' }], schema)
 * // { byField: { age: ['Not a number'] }, unmatched: ['Bad row'] }
 */
export function mapServerErrorsToFields(fields: readonly FieldProblem[], schema: DatasetSchema): MappedServerErrors {
  const names = Object.keys(schema.fields);
  const byField: Record<string, string[]> = {};
  const unmatched: string[] = [];
  for (const problem of fields) {
    const message = problem.message.trim() || 'Monetate refused this value.';
    const target = problem.field ? resolveField(problem.field, names) : quotedField(message, names);
    if (target) {
      const list = (byField[target] ??= []);
      if (!list.includes(message)) list.push(message);
    } else {
      const text = problem.field ? `${problem.field}: ${message}` : message;
      if (!unmatched.includes(text)) unmatched.push(text);
    }
  }
  return { byField, unmatched };
}
