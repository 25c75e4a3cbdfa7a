import { describe, expect, it } from 'vitest';
import { detectFormat, ImportFileError, readImportRows, type ImportFormat, type SourceRow } from '@/utils/import/read-rows';

/** A stream that delivers the bytes in pieces of `size`, to cut rows, quotes and characters apart. */
function streamOf(text: string, size = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function readAll(text: string, format: ImportFormat, size?: number, batchRows = 1000): Promise<SourceRow[][]> {
  const batches: SourceRow[][] = [];
  for await (const batch of readImportRows(streamOf(text, size), { format, batchRows })) batches.push(batch);
  return batches;
}

const cellsOf = (batches: SourceRow[][]) => batches.flat().map((row) => row.cells);

const EXPECTED = [
  { customer_id: 'C-1', notes: 'two\nlines', city: 'Lyon; France' },
  { customer_id: 'C-2', notes: 'said "hi"', city: 'Zürich' },
];

describe('reading an import file', () => {
  it('reads a semicolon CSV with a BOM and quoted line breaks, whatever the read sizes', async () => {
    const csv = '\uFEFFcustomer_id;notes;city\r\nC-1;"two\nlines";"Lyon; France"\r\nC-2;"said ""hi""";Zürich\r\n';
    for (const size of [1, 2, 3, 7, 64, 10_000]) expect(cellsOf(await readAll(csv, 'csv', size))).toEqual(EXPECTED);
  });

  it('detects comma and tab delimiters', async () => {
    expect(cellsOf(await readAll('customer_id,notes,city\nC-1,"two\nlines","Lyon; France"\nC-2,"said ""hi""",Zürich', 'csv'))).toEqual(EXPECTED);
    expect(cellsOf(await readAll('customer_id\tnotes\tcity\nC-1\t"two\nlines"\tLyon; France\nC-2\t"said ""hi"""\tZürich\n', 'csv'))).toEqual(EXPECTED);
  });

  it('reads the same rows from a JSON array, {"schema_rows": …} and NDJSON', async () => {
    const array = JSON.stringify(EXPECTED, null, 2);
    const wrapped = JSON.stringify({ schema_rows: EXPECTED });
    const ndjson = EXPECTED.map((row) => JSON.stringify(row)).join('\n') + '\n';
    for (const size of [1, 5, 1000]) {
      expect(cellsOf(await readAll(array, 'json', size))).toEqual(EXPECTED);
      expect(cellsOf(await readAll(wrapped, 'json', size))).toEqual(EXPECTED);
      expect(cellsOf(await readAll(ndjson, 'ndjson', size))).toEqual(EXPECTED);
    }
  });

  it('keeps a JSON number beyond 2^53 exactly', async () => {
    const rows = cellsOf(await readAll('[{"customer_id":"C-1","points":12345678901234567890}]', 'json', 4));
    expect(rows[0]?.points).toEqual({ $exactNumber: '12345678901234567890' });
  });

  it('yields batches of the asked size and numbers rows from 1 after the header', async () => {
    const csv = 'id\n' + Array.from({ length: 12 }, (_, i) => `R${i + 1}`).join('\n');
    const batches = await readAll(csv, 'csv', 5, 5);
    expect(batches.map((batch) => batch.length)).toEqual([5, 5, 2]);
    expect(batches.flat().map((row) => row.rowNumber)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(batches[2]?.[1]?.cells).toEqual({ id: 'R12' });
  });

  it('marks a row with the wrong number of cells, and a JSON row that is not an object', async () => {
    const csv = await readAll('a,b\n1,2\n3\n4,5,6\n', 'csv');
    expect(csv.flat().map((row) => row.problem)).toEqual([undefined, 'has 1 cell; the header has 2', 'has 3 cells; the header has 2']);
    const json = await readAll('[{"a":1}, 2, "x"]', 'json');
    expect(json.flat().map((row) => row.problem)).toEqual([undefined, 'is not an object of field names and values', 'is not an object of field names and values']);
    const ndjson = await readAll('{"a":1}\n{oops\n', 'ndjson');
    expect(ndjson.flat().map((row) => row.problem)).toEqual([undefined, 'is not valid JSON']);
  });

  it('refuses a file without a usable header or list of rows, saying why', async () => {
    const failure = async (text: string, format: ImportFormat) => {
      try {
        await readAll(text, format);
      } catch (error) {
        return error instanceof ImportFileError ? `${error.code}: ${error.message}` : String(error);
      }
      return 'read';
    };
    expect(await failure('', 'csv')).toMatch(/^import_empty/);
    expect(await failure('id,,name\n1,2,3', 'csv')).toMatch(/^import_bad_header: Column 2 .* has no name/);
    expect(await failure('id,ID\n1,2', 'csv')).toMatch(/^import_bad_header: .*“ID” twice/);
    expect(await failure('{"rows": []}', 'json')).toMatch(/^import_bad_json: .*schema_rows/);
    expect(await failure('[{"a":1}', 'json')).toMatch(/^import_bad_json: .*ends before/);
    expect(await failure('"text"', 'json')).toMatch(/^import_bad_json/);
  });

  it('tells the format from the name and the first characters', () => {
    expect(detectFormat('people.csv', 'id,name')).toBe('csv');
    expect(detectFormat('export.txt', 'id;name')).toBe('csv');
    expect(detectFormat('rows.json', '[{"id":1}]')).toBe('json');
    expect(detectFormat('rows.json', '{\n  "schema_rows": [')).toBe('json');
    expect(detectFormat('rows.json', '{"schema_rows":[{"id":1}]}')).toBe('json');
    expect(detectFormat('rows.json', '{"id":1}\n{"id":2}')).toBe('ndjson');
    expect(detectFormat('rows.jsonl', '{"id":1}')).toBe('ndjson');
    expect(detectFormat('rows.dat', '\uFEFF[{"id":1}]')).toBe('json');
  });
});
