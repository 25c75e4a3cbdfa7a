/**
 * DATETIME conversions between `<input type="datetime-local">` values in a chosen IANA zone
 * and the ISO-8601 strings Monetate stores. Offsets come from Intl.DateTimeFormat, so they
 * follow the zone's real rules (DST included) without a time zone library.
 */
import { AppError } from '@/utils/errors';

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

const MINUTE = 60_000;
const DAY = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealWallClock(w: WallClock): boolean {
  return (
    w.year >= 1 &&
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour <= 23 &&
    w.minute <= 59 &&
    w.second <= 59
  );
}

/** Milliseconds of a wall clock read as if it were UTC; setUTCFullYear keeps years < 100 literal. */
function wallClockAsUtc(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

function fractionToMs(fraction: string | undefined): number {
  return fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0;
}

/** Groups 1–7 of LOCAL_RE and ISO_RE: date, time, optional seconds and fraction. */
function wallClockFromMatch(m: RegExpExecArray): WallClock {
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    millisecond: fractionToMs(m[7]),
  };
}

function parseLocal(local: string): WallClock | null {
  const m = LOCAL_RE.exec(local);
  if (!m) return null;
  const w = wallClockFromMatch(m);
  return isRealWallClock(w) ? w : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * True when Intl knows the zone.
 * @example isValidTimeZone('Europe/Paris') // true
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone this browser runs in, e.g. `Europe/Paris`; `UTC` when unknown. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallClockAsUtc(wallClockAt(epochMs, timeZone)) - epochMs;
}

export type LocalResolution =
  | { kind: 'unique'; epochMs: number; offsetMs: number }
  /** The wall clock happens twice (clocks go back); `epochMs` is the earlier one. */
  | { kind: 'ambiguous'; epochMs: number; offsetMs: number }
  /** The wall clock never happens (clocks go forward); `epochMs` is shifted forward by the gap. */
  | { kind: 'gap'; epochMs: number; offsetMs: number };

/**
 * Finds the instant(s) a wall clock names in a zone. Zones change offset at most once within
 * a day either side, so the offsets a day before and after are the only candidates.
 */
export function resolveLocalDateTime(local: string, timeZone: string): LocalResolution | null {
  const wall = parseLocal(local);
  if (!wall || !isValidTimeZone(timeZone)) return null;
  const asUtc = wallClockAsUtc(wall);
  const candidates = [...new Set([offsetAt(asUtc - DAY, timeZone), offsetAt(asUtc + DAY, timeZone)])];
  const matches = candidates
    .map((offsetMs) => ({ offsetMs, epochMs: asUtc - offsetMs }))
    .filter((c) => offsetAt(c.epochMs, timeZone) === c.offsetMs)
    .sort((a, b) => a.epochMs - b.epochMs);
  const first = matches[0];
  if (first) return { kind: matches.length > 1 ? 'ambiguous' : 'unique', ...first };
  // Like Temporal's "compatible": read the wall clock with the offset from before the jump.
  const before = offsetAt(asUtc - DAY, timeZone);
  const epochMs = asUtc - before;
  return { kind: 'gap', epochMs, offsetMs: offsetAt(epochMs, timeZone) };
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / MINUTE);
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

function formatWallClock(w: WallClock): string {
  const ms = w.millisecond ? `.${pad(w.millisecond, 3)}` : '';
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${ms}`;
}

/**
 * The HTML "normalized local date and time string" browsers give back from a datetime-local
 * input: seconds only when non-zero, fraction as short as possible. Producing the same form
 * lets us compare our value with the browser's without false changes.
 */
function formatLocalInput(w: WallClock): string {
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  if (w.second === 0 && w.millisecond === 0) return date;
  const fraction = w.millisecond ? `.${pad(w.millisecond, 3).replace(/0+$/, '')}` : '';
  return `${date}:${pad(w.second)}${fraction}`;
}

/**
 * A datetime-local value in the browser's normalized form; null when it is not a real one.
 * @example normalizeLocalDateTime('2026-07-01T09:30:00') // '2026-07-01T09:30'
 */
export function normalizeLocalDateTime(local: string): string | null {
  const w = parseLocal(local);
  return w ? formatLocalInput(w) : null;
}

/**
 * Turns a `datetime-local` value read in `timeZone` into ISO-8601 with its offset (`Z` for UTC).
 * A time skipped by a DST jump is moved forward by the gap; a repeated time takes the earlier
 * instant. Throws `datetime_unreal` for an unreal date, `time_zone_unknown` for an unknown zone.
 * @example toIsoDateTime('2026-07-01T09:30', 'Europe/Paris') // '2026-07-01T09:30:00+02:00'
 */
export function toIsoDateTime(localValue: string, timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new AppError('time_zone_unknown', timeZone);
  const resolved = resolveLocalDateTime(localValue, timeZone);
  if (!resolved) throw new AppError('datetime_unreal', localValue);
  return formatWallClock(wallClockAt(resolved.epochMs, timeZone)) + formatOffset(resolved.offsetMs);
}

/**
 * Parses a strict ISO-8601 date-time with a zone to epoch ms; null when it is not one.
 * @example parseIsoDateTime('1970-01-01T00:00:01Z') // 1000
 */
export function parseIsoDateTime(text: string): number | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const w = wallClockFromMatch(m);
  if (!isRealWallClock(w)) return null;
  const zone = m[8] as string;
  let offsetMs = 0;
  if (zone !== 'Z') {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 23 || minutes > 59) return null;
    offsetMs = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * MINUTE;
  }
  return wallClockAsUtc(w) - offsetMs;
}

/**
 * Strict check: `YYYY-MM-DDTHH:mm:ss[.fraction]` plus `Z` or `±HH:MM`, on a real calendar date.
 * @example isIsoDateTime('2026-02-30T10:00:00Z') // false
 */
export function isIsoDateTime(text: string): boolean {
  return parseIsoDateTime(text) !== null;
}

/**
 * Reads the date forms seen from Monetate that are not strict ISO-8601 (a space for `T`,
 * `+0000`, no zone: read as UTC, more than millisecond digits) as a strict one, to start a
 * replacement from, or to sort rows by. Only a reading: never sent by itself.
 * @example looseIsoDateTime('2025-01-01 10:00:00+0000') // '2025-01-01T10:00:00+00:00'
 */
export function looseIsoDateTime(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const seconds = (m[2] as string).length === 5 ? ':00' : '';
  const fraction = m[3] ? m[3].slice(0, 4) : '';
  const zone = !m[4] || m[4].toUpperCase() === 'Z' ? 'Z' : m[4].includes(':') ? m[4] : `${m[4].slice(0, 3)}:${m[4].slice(3)}`;
  const iso = `${m[1]}T${m[2]}${seconds}${fraction}${zone}`;
  return isIsoDateTime(iso) ? iso : null;
}

/**
 * The `datetime-local` value (normalized, as browsers write it) showing an ISO instant in
 * `timeZone`; null when `iso` is not a strict ISO date-time (so callers can tell "empty"
 * from "unreadable").
 * @example fromIsoDateTime('2026-07-01T07:30:05Z', 'Europe/Paris') // '2026-07-01T09:30:05'
 */
export function fromIsoDateTime(iso: string, timeZone: string): string | null {
  const epochMs = parseIsoDateTime(iso);
  if (epochMs === null || !isValidTimeZone(timeZone)) return null;
  return formatLocalInput(wallClockAt(epochMs, timeZone));
}

/**
 * Zones for a picker: every zone Intl knows, plus UTC (Intl leaves it out) and any extras.
 * @example listTimeZones(['Europe/Paris']).includes('UTC') // true
 */
export function listTimeZones(extra: readonly string[] = []): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const set = new Set(['UTC', ...zones]);
  for (const z of extra) if (isValidTimeZone(z)) set.add(z);
  return [...set].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
