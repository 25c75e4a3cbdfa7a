import { isExactNumber } from '@/utils/monetate/exact-json';

/** One row of a record answer, exactly as parsed: values of any JSON type are kept. */
export type RecordRow = Record<string, unknown>;

/**
 * The rows in the `data` of a record look-up or write answer, in either shape Monetate is known
 * to give: `data` as the list of rows (what live clients read) or `data.schema_rows` (the
 * OpenAPI). Rows are returned as parsed, never copied or filtered, so no value is lost. Any
 * other shape gives `problem`, a phrase naming what came.
 * @example readRecordRows([{ id: 'C-1' }]) // { rows: [{ id: 'C-1' }] }
 * @example readRecordRows({ schema_rows: [] }) // { rows: [] }
 * @example readRecordRows('oops') // { problem: 'data is a string' }
 */
export function readRecordRows(data: unknown): { rows: RecordRow[] } | { problem: string } {
  if (Array.isArray(data)) return rowsAt(data, 'data');
  if (isJsonObject(data)) {
    if (!Object.hasOwn(data, 'schema_rows')) return { problem: 'data is an object without schema_rows' };
    const rows = data.schema_rows;
    return Array.isArray(rows) ? rowsAt(rows, 'data.schema_rows') : { problem: `data.schema_rows is ${kindOf(rows)}` };
  }
  return { problem: `data is ${kindOf(data)}` };
}

function rowsAt(list: unknown[], path: string): { rows: RecordRow[] } | { problem: string } {
  const bad = list.findIndex((row) => !isJsonObject(row));
  return bad < 0 ? { rows: list as RecordRow[] } : { problem: `${path}[${bad}] is not an object` };
}

/** A JSON object that is not an exact number (which is an object only in our parsed form). */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isExactNumber(value);
}

/** How a JSON value is named in a problem: "a string", "null", "missing". */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isExactNumber(value)) return 'a number';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}
