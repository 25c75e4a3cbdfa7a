import Papa from 'papaparse';
import { parseExactJson } from '@/utils/monetate/exact-json';
import { CsvBlockSplitter, JsonItemSplitter, JsonLayoutError, LineSplitter } from '@/utils/import/split';

/**
 * Reads an import file as a stream of rows, one bounded batch at a time: CSV (a header row,
 * delimiter `,` `;` or tab detected, quoted cells with line breaks, UTF-8 with or without a
 * BOM), a JSON array of objects, `{"schema_rows": [...]}`, or NDJSON. The caller pulls; the
 * file is read only as fast as batches are taken, so memory holds one batch and one block.
 */

export type ImportFormat = 'csv' | 'json' | 'ndjson';

/** One row of the file: its 1-based number among the data rows (the CSV header is not counted). */
export interface SourceRow {
  rowNumber: number;
  /** CSV: text by header; JSON: the object as parsed (numbers a double cannot hold stay exact). */
  cells: Record<string, unknown>;
  /** Why the row could not be read as a row, e.g. a wrong number of cells. */
  problem?: string;
}

export interface ReadRowsOptions {
  format: ImportFormat;
  /** Rows per yielded batch. */
  batchRows: number;
  /** Read size in bytes; 1 MiB by default. */
  chunkBytes?: number;
}

/** The CSV header: column names in file order, and the delimiter that was detected. */
export interface CsvHeader {
  columns: string[];
  delimiter: string;
}

/** Something about the file as a whole that stops it from being read. */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'import_no_header' | 'import_bad_header' | 'import_bad_json' | 'import_empty',
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Picks the format from the file name, then the first characters.
 * @example detectFormat('people.csv', 'id,name') // 'csv'
 */
export function detectFormat(fileName: string, head: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (lower.endsWith('.json') || text.startsWith('[') || text.startsWith('{')) {
    if (text.startsWith('[')) return 'json';
    // One object per line is NDJSON, unless that one line is the whole {"schema_rows": …} document.
    const firstLine = text.split('\n', 1)[0] ?? '';
    try {
      const value = JSON.parse(firstLine) as unknown;
      const isWrapper = typeof value === 'object' && value !== null && 'schema_rows' in value;
      return isWrapper ? 'json' : 'ndjson';
    } catch {
      return 'json';
    }
  }
  return 'csv';
}

/**
 * Yields the file's rows in batches.
 * @example for await (const batch of readImportRows(file.stream(), { format: 'csv', batchRows: 500 })) check(batch);
 */
export async function* readImportRows(
  stream: ReadableStream<Uint8Array>,
  options: ReadRowsOptions,
  onHeader?: (header: CsvHeader) => void,
): AsyncGenerator<SourceRow[]> {
  const rows = options.format === 'csv' ? csvRows(textChunks(stream), onHeader) : options.format === 'ndjson' ? ndjsonRows(textChunks(stream)) : jsonRows(textChunks(stream));
  let batch: SourceRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= options.batchRows) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** UTF-8 text of the stream; TextDecoder drops a leading BOM and keeps characters split across reads whole. */
async function* textChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    reader.releaseLock();
  }
}

async function* csvRows(chunks: AsyncGenerator<string>, onHeader?: (header: CsvHeader) => void): AsyncGenerator<SourceRow> {
  const splitter = new CsvBlockSplitter();
  let header: CsvHeader | null = null;
  let rowNumber = 0;
  const parseBlock = function* (block: string): Generator<SourceRow> {
    if (block.trim() === '' && header) return;
    if (!header) {
      const guess = Papa.parse<string[]>(block, { delimitersToGuess: DELIMITERS, preview: 20, skipEmptyLines: true });
      const delimiter = DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
      header = { columns: [], delimiter };
    }
    const parsed = Papa.parse<string[]>(block, { delimiter: header.delimiter, skipEmptyLines: true });
    for (const cells of parsed.data) {
      // A line of only spaces is as empty as a blank one (Papa's "greedy" mode costs a regex per row).
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') continue;
      if (header.columns.length === 0) {
        header.columns = checkHeader(cells);
        onHeader?.(header);
        continue;
      }
      rowNumber++;
      const values: Record<string, unknown> = {};
      header.columns.forEach((column, index) => {
        values[column] = cells[index] ?? '';
      });
      const problem =
        cells.length !== header.columns.length
          ? `has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}; the header has ${header.columns.length}`
          : undefined;
      yield problem ? { rowNumber, cells: values, problem } : { rowNumber, cells: values };
    }
  };
  for await (const chunk of chunks) {
    const block = splitter.push(chunk);
    if (block) yield* parseBlock(block);
  }
  const last = splitter.end();
  if (last.trim()) yield* parseBlock(last);
  if (!header || (header as CsvHeader).columns.length === 0) throw new ImportFileError('import_empty', 'The file is empty: a CSV file needs a header row naming the fields, then one row per record.');
}

function checkHeader(cells: string[]): string[] {
  const columns = cells.map((cell) => cell.trim());
  if (columns.every((column) => column === '')) {
    throw new ImportFileError('import_no_header', 'The first row is empty: a CSV file needs a header row naming the fields.');
  }
  const blank = columns.findIndex((column) => column === '');
  if (blank !== -1) throw new ImportFileError('import_bad_header', `Column ${blank + 1} of the header row has no name. Name every column, or delete the empty one.`);
  const seen = new Set<string>();
  for (const column of columns) {
    const key = column.toLowerCase();
    if (seen.has(key)) throw new ImportFileError('import_bad_header', `The header names the column “${column}” twice. Rename or remove one of them.`);
    seen.add(key);
  }
  return columns;
}

async function* jsonRows(chunks: AsyncGenerator<string>): AsyncGenerator<SourceRow> {
  const splitter = new JsonItemSplitter();
  let rowNumber = 0;
  try {
    for await (const chunk of chunks) {
      for (const item of splitter.push(chunk)) yield objectRow(++rowNumber, item);
    }
    splitter.end();
  } catch (error) {
    if (error instanceof JsonLayoutError) throw new ImportFileError('import_bad_json', `This JSON file cannot be imported: ${error.message}.`);
    throw error;
  }
}

async function* ndjsonRows(chunks: AsyncGenerator<string>): AsyncGenerator<SourceRow> {
  const splitter = new LineSplitter();
  let rowNumber = 0;
  const rowsOf = function* (lines: string[]): Generator<SourceRow> {
    for (const line of lines) if (line.trim() !== '') yield objectRow(++rowNumber, line);
  };
  for await (const chunk of chunks) yield* rowsOf(splitter.push(chunk));
  yield* rowsOf(splitter.end());
}

function objectRow(rowNumber: number, text: string): SourceRow {
  let value: unknown;
  try {
    value = parseExactJson(text);
  } catch {
    return { rowNumber, cells: {}, problem: 'is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { rowNumber, cells: {}, problem: 'is not an object of field names and values' };
  return { rowNumber, cells: value as Record<string, unknown> };
}
