import { isSafeNumber } from 'lossless-json';
import { isExactNumber, type ExactNumber } from '@/utils/monetate/exact-json';
import { describeSchema, isIsoDateTime, isValidTimeZone, toIsoDateTime, validateFieldInput, type DatasetSchema, type DescribedField, type RecordValue } from '@/utils/schema';
import type { ColumnMapping } from '@/utils/import/mapping';
import type { SourceRow } from '@/utils/import/read-rows';

/**
 * Checks the rows of an import file against the dataset's schema with the same rules as the
 * edit form, and converts file text to what Monetate expects. Nothing is sent until every row
 * has been checked; a row with any problem is left out of the import and reported.
 */

/** A value to send: a record value, or a number kept as its exact text. */
export type ImportValue = RecordValue | ExactNumber;
export type ImportRow = Record<string, ImportValue>;

export interface CellProblem {
  rowNumber: number;
  /** The file's column ('' for a problem with the whole row). */
  column: string;
  value: string;
  reason: string;
}

export interface CheckOptions {
  /** Zone for DATETIME values written without one, e.g. `2026-03-31 14:30`. */
  timeZone: string;
}

export type RowCheck = { ok: true; row: ImportRow } | { ok: false; problems: CellProblem[] };

/** The spellings of BOOLEAN a file may use; said on screen. */
export const BOOLEAN_SPELLINGS = { true: ['true', 'TRUE', '1'], false: ['false', 'FALSE', '0'] } as const;

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One file cell as the value to send for a field.
 * @example cellValue(numberField, '42', { timeZone: 'UTC' }) // { ok: true, value: 42 }
 */
function cellValue(field: DescribedField, cell: unknown, options: CheckOptions): { ok: true; value: ImportValue } | { ok: false; reason: string } {
  const type = field.spec.data_type;
  const validateOptions = { mode: 'create' as const, isIdentifier: field.isIdentifier, isUniqueKey: field.isUniqueKey, isRequired: field.isRequired };
  if (cell === null || cell === undefined || cell === '') {
    const empty = validateFieldInput(field.spec, '', validateOptions);
    return empty.ok ? { ok: true, value: null } : { ok: false, reason: empty.message };
  }
  if (typeof cell === 'number' || isExactNumber(cell)) {
    if (type === 'NUMBER') return typeof cell === 'number' && !Number.isFinite(cell) ? { ok: false, reason: 'This number is too large.' } : { ok: true, value: cell };
    return cellValue(field, isExactNumber(cell) ? cell.$exactNumber : String(cell), options);
  }
  if (typeof cell === 'boolean') return type === 'BOOLEAN' ? { ok: true, value: cell } : cellValue(field, String(cell), options);
  if (typeof cell !== 'string') return { ok: false, reason: 'Give a text, number or true/false value here, not a list or an object.' };

  if (type === 'BOOLEAN') {
    if ((BOOLEAN_SPELLINGS.true as readonly string[]).includes(cell)) return { ok: true, value: true };
    if ((BOOLEAN_SPELLINGS.false as readonly string[]).includes(cell)) return { ok: true, value: false };
    return { ok: false, reason: 'Write true, false, TRUE, FALSE, 1 or 0.' };
  }
  if (type === 'DATETIME') return dateTimeValue(cell, options.timeZone);
  const checked = validateFieldInput(field.spec, cell, validateOptions);
  if (!checked.ok) return { ok: false, reason: checked.message };
  // A number a double cannot hold goes to Monetate exactly as the file wrote it.
  if (type === 'NUMBER' && (cell.length > 15 || cell.includes('e') || cell.includes('E')) && !isSafeNumber(cell.trim())) return { ok: true, value: { $exactNumber: cell.trim().replace(/^\+/, '') } };
  return { ok: true, value: checked.value };
}

function dateTimeValue(text: string, timeZone: string): { ok: true; value: string } | { ok: false; reason: string } {
  const value = text.trim();
  if (isIsoDateTime(value)) return { ok: true, value };
  // "2026-03-31 14:30:00+02:00": a space for the T, as spreadsheets write it.
  const withT = value.replace(' ', 'T');
  if (isIsoDateTime(withT)) return { ok: true, value: withT };
  const local = LOCAL_DATETIME.exec(value) ?? (DATE_ONLY.test(value) ? [value, value, '00:00'] : null);
  if (local) {
    if (!isValidTimeZone(timeZone)) return { ok: false, reason: `Choose a time zone for dates without one; "${timeZone}" is not one we know.` };
    try {
      return { ok: true, value: toIsoDateTime(`${local[1]}T${local[2]}`, timeZone) };
    } catch {
      return { ok: false, reason: 'This is not a real date and time.' };
    }
  }
  return { ok: false, reason: 'Write an ISO-8601 date and time, for example 2026-03-31T14:30:00Z (or 2026-03-31 14:30 with a zone chosen above).' };
}

/**
 * Checks one file row and builds the row to send; every problem of the row is listed.
 * Fields no column fills are left out of the row (Monetate stores them as null).
 */
export function checkImportRow(schema: DatasetSchema, mapping: ColumnMapping, source: SourceRow, options: CheckOptions): RowCheck {
  return createRowChecker(schema, mapping, options)(source);
}

/**
 * The row check with the schema and mapping worked out once, for checking a whole file
 * (100,000 rows must check in about a second).
 * @example const check = createRowChecker(schema, mapping, { timeZone: 'UTC' }); check(row).ok
 */
export function createRowChecker(schema: DatasetSchema, mapping: ColumnMapping, options: CheckOptions): (source: SourceRow) => RowCheck {
  const fields = new Map(describeSchema(schema).fields.map((field) => [field.name, field]));
  const pairs: Array<[string, string, DescribedField]> = [];
  for (const [column, fieldName] of Object.entries(mapping)) {
    const field = fieldName === null ? undefined : fields.get(fieldName);
    if (field && fieldName !== null) pairs.push([column, fieldName, field]);
  }
  return (source) => {
    if (source.problem) return { ok: false, problems: [{ rowNumber: source.rowNumber, column: '', value: '', reason: `This row ${source.problem}.` }] };
    const row: ImportRow = {};
    let problems: CellProblem[] | null = null;
    for (const [column, fieldName, field] of pairs) {
      const cell = source.cells[column];
      const result = cellValue(field, cell, options);
      if (!result.ok) (problems ??= []).push({ rowNumber: source.rowNumber, column, value: displayCell(cell), reason: result.reason });
      else if (result.value !== null) row[fieldName] = result.value;
    }
    return problems ? { ok: false, problems } : { ok: true, row };
  };
}

function displayCell(cell: unknown): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (isExactNumber(cell)) return cell.$exactNumber;
  return JSON.stringify(cell) ?? String(cell);
}

/** Keeps the first problems for the screen and counts them all, so a bad file cannot fill memory with messages. */
export class ProblemReport {
  readonly shown: CellProblem[] = [];
  problemCount = 0;
  rowsWithProblems = 0;

  constructor(private readonly limit = 100) {}

  add(problems: readonly CellProblem[]): void {
    this.rowsWithProblems++;
    this.problemCount += problems.length;
    for (const problem of problems) if (this.shown.length < this.limit) this.shown.push(problem);
  }
}
