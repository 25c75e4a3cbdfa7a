/**
 * Incremental splitters that cut streamed text at safe places, so a file of any size is read
 * one bounded block at a time and nothing is ever parsed across a cut.
 */

/**
 * Cuts CSV text after the last line break that lies outside quotes. RFC 4180 escapes a quote
 * by doubling it, which toggles twice, so counting quotes tells whether a line break is inside
 * a quoted field (a cell with a line break in it).
 */
export class CsvBlockSplitter {
  private pending = '';
  /** Quote parity of `pending` up to `scanned`. */
  private inQuotes = false;
  private scanned = 0;

  /**
   * Adds text; returns the complete lines it closes (possibly ''), keeping the rest.
   * @example new CsvBlockSplitter().push('a,b\n"x\ny",2\n"p') // 'a,b\n"x\ny",2\n'
   */
  push(text: string): string {
    this.pending += text;
    let cut = -1;
    for (let i = this.scanned; i < this.pending.length; i++) {
      const char = this.pending.charCodeAt(i);
      if (char === 34 /* " */) this.inQuotes = !this.inQuotes;
      else if (char === 10 /* \n */ && !this.inQuotes) cut = i + 1;
    }
    this.scanned = this.pending.length;
    if (cut === -1) return '';
    const block = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    // The quote state at the cut was "outside"; rescan the short remainder from there.
    this.inQuotes = false;
    this.scanned = 0;
    for (let i = 0; i < this.pending.length; i++) if (this.pending.charCodeAt(i) === 34) this.inQuotes = !this.inQuotes;
    this.scanned = this.pending.length;
    return block;
  }

  /** The text left at the end of the file (a last line without a line break). */
  end(): string {
    const rest = this.pending;
    this.pending = '';
    this.scanned = 0;
    this.inQuotes = false;
    return rest;
  }
}

/** Where a JSON import keeps its rows. */
export type JsonLayout = 'array' | 'schema_rows';

/**
 * Streams the items of a JSON array of rows — the whole document (`[{…},{…}]`) or its
 * `schema_rows` member (`{"schema_rows":[…]}`) — as the exact text of each item, so each is
 * parsed on its own (with exact numbers) and the document never has to be in memory whole.
 * Throws `JsonLayoutError` when the document is neither.
 */
export class JsonItemSplitter {
  private buffer = '';
  private position = 0;
  /** Before the array opens: reading the prologue (`[` or `{"schema_rows":[`). */
  private inArray = false;
  private done = false;
  private itemStart = -1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  layout: JsonLayout | null = null;

  /** Adds text; returns the items it completes, as JSON text. */
  push(text: string): string[] {
    this.buffer += text;
    const items: string[] = [];
    if (!this.inArray && !this.openArray()) return items;
    for (; this.position < this.buffer.length && !this.done; this.position++) {
      const char = this.buffer[this.position];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (char === '\\') this.escaped = true;
        else if (char === '"') this.inString = false;
        continue;
      }
      if (char === '"') {
        this.inString = true;
        if (this.itemStart === -1) this.itemStart = this.position;
      } else if (char === '{' || char === '[') {
        if (this.itemStart === -1) this.itemStart = this.position;
        this.depth++;
      } else if (char === '}' || char === ']') {
        if (this.depth === 0) {
          if (char !== ']') throw new JsonLayoutError('the list of rows is not closed with ]');
          this.flush(items);
          this.done = true;
        } else this.depth--;
      } else if (char === ',' && this.depth === 0) {
        if (!this.flush(items)) throw new JsonLayoutError('two commas in a row in the list of rows');
      } else if (!/\s/.test(char ?? '') && this.itemStart === -1) {
        this.itemStart = this.position;
      }
    }
    // Keep only what is still needed, so memory stays one item deep.
    const keepFrom = this.itemStart === -1 ? this.position : this.itemStart;
    this.buffer = this.buffer.slice(keepFrom);
    this.position -= keepFrom;
    if (this.itemStart !== -1) this.itemStart -= keepFrom;
    return items;
  }

  /** Checks that the document closed properly. */
  end(): void {
    if (!this.inArray) throw new JsonLayoutError('the file has no list of rows: expected [ … ] or {"schema_rows": [ … ]}');
    if (!this.done) throw new JsonLayoutError('the file ends before its list of rows is closed with ]');
  }

  private flush(items: string[]): boolean {
    if (this.itemStart === -1) return false;
    items.push(this.buffer.slice(this.itemStart, this.position).trim());
    this.itemStart = -1;
    return true;
  }

  /** Finds the array's `[`; false while more text is needed to tell. */
  private openArray(): boolean {
    const head = this.buffer.replace(/^\uFEFF/, '').trimStart();
    if (head === '') return false;
    if (head.startsWith('[')) {
      this.layout = 'array';
      return this.startAfter(this.buffer.indexOf('['));
    }
    if (!head.startsWith('{')) throw new JsonLayoutError('the file is not a JSON list of rows');
    const match = /^\s*\{\s*"schema_rows"\s*:\s*\[/.exec(head);
    if (match) {
      this.layout = 'schema_rows';
      return this.startAfter(this.buffer.indexOf('[', this.buffer.indexOf('"schema_rows"')));
    }
    // Not enough text yet to see the key and its "[".
    if (!head.includes('[') && head.length < 256) return false;
    throw new JsonLayoutError('a JSON object file must hold its rows in "schema_rows" as its first key');
  }

  private startAfter(index: number): boolean {
    this.inArray = true;
    this.buffer = this.buffer.slice(index + 1);
    this.position = 0;
    return true;
  }
}

/** A JSON file whose rows cannot be found; its message says what was expected. */
export class JsonLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonLayoutError';
  }
}

/** Cuts NDJSON (one JSON object per line) into its non-blank lines. */
export class LineSplitter {
  private pending = '';

  push(text: string): string[] {
    this.pending += text;
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    return lines;
  }

  end(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}
