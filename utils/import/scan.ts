import Papa from 'papaparse';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DatasetSchema } from '@/utils/schema';
import { createRowChecker, ProblemReport, type CellProblem, type ImportRow } from '@/utils/import/check';
import type { FileFingerprint } from '@/utils/import/fingerprint';
import type { ColumnMapping } from '@/utils/import/mapping';
import { detectFormat, ImportFileError, readImportRows, type ImportFormat, type SourceRow } from '@/utils/import/read-rows';

/**
 * The passes the import page's worker makes over a file, each a stream of bounded batches:
 * inspect (fingerprint, format, columns), check (every row against the schema), rows (valid
 * rows from a position, to send) and the CSV of rows with errors. Pure over a Blob, so they
 * are tested in Node and benchmarked as they run in the worker.
 */

const READ_BATCH = 1_000;
/** JSON files name their columns row by row; more distinct keys than a schema can hold is a broken file. */
const MAX_JSON_COLUMNS = 300;

export interface Inspection {
  fingerprint: FileFingerprint;
  format: ImportFormat;
  columns: string[];
  delimiter?: string;
  /** Rows in a JSON file; null for CSV, whose rows are counted by the check. */
  rows: number | null;
}

export interface CheckSettings {
  format: ImportFormat;
  schema: DatasetSchema;
  mapping: ColumnMapping;
  timeZone: string;
}

export interface CheckResult {
  validRows: number;
  rowsWithProblems: number;
  problemCount: number;
  /** The first 100 problems, with row, column, value and reason. */
  problems: CellProblem[];
  /** A few valid rows picked at random (reservoir), for "Spot-check N rows". */
  sample: ImportRow[];
}

async function headText(file: Blob): Promise<string> {
  return new TextDecoder().decode(await file.slice(0, 4096).arrayBuffer());
}

/** The file's bytes, hashed as they pass: the fingerprint costs no second read. */
function hashingStream(file: Blob, hash: ReturnType<typeof sha256.create>): ReadableStream<Uint8Array> {
  return file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * Reads the file once: its fingerprint, format, columns (the CSV header, or every key the
 * JSON rows use) and row count.
 * @example const { columns, fingerprint } = await inspectFile(file);
 */
export async function inspectFile(file: File): Promise<Inspection> {
  const format = detectFormat(file.name, await headText(file));
  const hash = sha256.create();
  if (format === 'csv') {
    // A CSV names its columns in the header: hash the bytes, parse only the head.
    const header = await csvHeader(file);
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
    }
    return { fingerprint: { name: file.name, size: file.size, sha256: bytesToHex(hash.digest()) }, format, columns: header.columns, delimiter: header.delimiter, rows: null };
  }
  const columns: string[] = [];
  const seen = new Set<string>();
  let rows = 0;
  for await (const batch of readImportRows(hashingStream(file, hash), { format, batchRows: READ_BATCH })) {
    rows += batch.length;
    for (const row of batch) {
      for (const key of Object.keys(row.cells)) {
        if (seen.has(key) || seen.size >= MAX_JSON_COLUMNS) continue;
        seen.add(key);
        columns.push(key);
      }
    }
  }
  return { fingerprint: { name: file.name, size: file.size, sha256: bytesToHex(hash.digest()) }, format, columns, rows };
}

/** The header of a CSV file, read from its first rows only. */
async function csvHeader(file: Blob): Promise<{ columns: string[]; delimiter: string }> {
  let header: { columns: string[]; delimiter: string } | null = null;
  // Up to 1 MiB: a header row longer than that is not one a person wrote.
  const rows = readImportRows(file.slice(0, 1 << 20).stream(), { format: 'csv', batchRows: 1 }, (found) => (header = found));
  try {
    await rows.next();
  } finally {
    await rows.return(undefined);
  }
  if (!header) throw new ImportFileError('import_empty', 'The file is empty: a CSV file needs a header row naming the fields, then one row per record.');
  return header;
}

/**
 * Checks every row; nothing is kept but the counts, the first problems and a small sample.
 * @example const { validRows, rowsWithProblems } = await checkFile(file, settings, (done) => progress(done));
 */
export async function checkFile(file: Blob, settings: CheckSettings, onProgress?: (rowsRead: number) => void, sampleSize = 20, random = Math.random): Promise<CheckResult> {
  const check = createRowChecker(settings.schema, settings.mapping, { timeZone: settings.timeZone });
  const report = new ProblemReport();
  const sample: ImportRow[] = [];
  let validRows = 0;
  let read = 0;
  for await (const batch of readImportRows(file.stream(), { format: settings.format, batchRows: READ_BATCH })) {
    for (const source of batch) {
      const result = check(source);
      if (!result.ok) {
        report.add(result.problems);
        continue;
      }
      validRows++;
      if (sample.length < sampleSize) sample.push(result.row);
      else {
        const slot = Math.floor(random() * validRows);
        if (slot < sampleSize) sample[slot] = result.row;
      }
    }
    read += batch.length;
    onProgress?.(read);
  }
  return { validRows, rowsWithProblems: report.rowsWithProblems, problemCount: report.problemCount, problems: report.shown, sample };
}

/**
 * The valid rows of a file in order, as bounded batches of rows ready to send, each with its
 * position among the valid rows. Resuming starts at `from` without keeping anything before it.
 */
export async function* validRows(file: Blob, settings: CheckSettings, from = 0): AsyncGenerator<Array<{ position: number; row: ImportRow }>> {
  const check = createRowChecker(settings.schema, settings.mapping, { timeZone: settings.timeZone });
  let position = 0;
  for await (const batch of readImportRows(file.stream(), { format: settings.format, batchRows: READ_BATCH })) {
    const out: Array<{ position: number; row: ImportRow }> = [];
    for (const source of batch) {
      const result = check(source);
      if (!result.ok) continue;
      if (position >= from) out.push({ position, row: result.row });
      position++;
    }
    if (out.length) yield out;
  }
}

/**
 * "Download rows with errors": the rows that failed the check, as CSV with the file's columns
 * and an `error` column saying what is wrong (JSON files get their rows as JSON text).
 */
export async function problemRowsCsv(file: Blob, settings: CheckSettings, columns: readonly string[]): Promise<string> {
  const check = createRowChecker(settings.schema, settings.mapping, { timeZone: settings.timeZone });
  const header = settings.format === 'csv' ? [...columns, 'error'] : ['row', 'error'];
  const lines: string[] = [Papa.unparse([header])];
  for await (const batch of readImportRows(file.stream(), { format: settings.format, batchRows: READ_BATCH })) {
    for (const source of batch) {
      const result = check(source);
      if (result.ok) continue;
      const error = result.problems.map((p) => `${p.column ? `${p.column}: ` : ''}${p.reason}`).join(' ');
      lines.push(Papa.unparse([settings.format === 'csv' ? [...columns.map((c) => cellText(source, c)), error] : [JSON.stringify(source.cells), error]]));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function cellText(source: SourceRow, column: string): string {
  const cell = source.cells[column];
  return typeof cell === 'string' ? cell : cell === undefined || cell === null ? '' : JSON.stringify(cell);
}
