import { stringifyExactJson } from '@/utils/monetate/exact-json';
import { prettyJson } from '@/utils/schema/values';
import type { EditLogEntry } from '@/utils/storage/items';

const CSV_COLUMNS = ['when', 'profile', 'dataset', 'record', 'kind', 'field', 'before', 'after', 'result', 'message'] as const;

/**
 * The edit log as CSV, one line per changed field (RFC 4180 quoting; cells that a spreadsheet
 * would run as a formula are prefixed with an apostrophe).
 * @example editLogToCsv(entries).split('\n')[0] // 'when,profile,dataset,record,kind,field,before,after,result,message'
 */
export function editLogToCsv(entries: readonly EditLogEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const changes = entry.changes.length ? entry.changes : [{ field: '', before: '', after: '' }];
    for (const change of changes) {
      lines.push(
        [
          new Date(entry.at).toISOString(),
          entry.profileName,
          entry.dataset,
          entry.recordId,
          entry.kind,
          change.field,
          valueText(change.before),
          valueText(change.after),
          entry.result,
          entry.message ?? '',
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The edit log as pretty JSON, for tools. */
export function editLogToJson(entries: readonly EditLogEntry[]): string {
  return `${prettyJson(entries.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })))}\n`;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Exact: a NUMBER beyond 2^53 is written as its digits, not rounded or shown as an object.
  return typeof value === 'string' ? value : stringifyExactJson(value);
}

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
