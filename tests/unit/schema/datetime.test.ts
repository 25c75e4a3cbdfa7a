import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import {
  fromIsoDateTime,
  isIsoDateTime,
  isValidTimeZone,
  listTimeZones,
  normalizeLocalDateTime,
  parseIsoDateTime,
  resolveLocalDateTime,
  toIsoDateTime,
} from '@/utils/schema';

describe('toIsoDateTime', () => {
  it('writes UTC times with Z', () => {
    expect(toIsoDateTime('2026-03-31T14:30', 'UTC')).toBe('2026-03-31T14:30:00Z');
    expect(toIsoDateTime('2026-03-31T14:30:05', 'UTC')).toBe('2026-03-31T14:30:05Z');
    expect(toIsoDateTime('2026-03-31T14:30:05.250', 'UTC')).toBe('2026-03-31T14:30:05.250Z');
  });

  it('uses +01:00 in Paris winter and +02:00 in Paris summer', () => {
    expect(toIsoDateTime('2026-03-28T12:00', 'Europe/Paris')).toBe('2026-03-28T12:00:00+01:00');
    expect(toIsoDateTime('2026-03-29T12:00', 'Europe/Paris')).toBe('2026-03-29T12:00:00+02:00');
    expect(toIsoDateTime('2026-10-25T12:00', 'Europe/Paris')).toBe('2026-10-25T12:00:00+01:00');
  });

  it('moves a Paris time skipped by the spring jump forward by the gap', () => {
    expect(resolveLocalDateTime('2026-03-29T02:30', 'Europe/Paris')?.kind).toBe('gap');
    expect(toIsoDateTime('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('takes the first of a Paris time that happens twice in autumn', () => {
    expect(resolveLocalDateTime('2026-10-25T02:30', 'Europe/Paris')?.kind).toBe('ambiguous');
    expect(toIsoDateTime('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T02:30:00+02:00');
    expect(resolveLocalDateTime('2026-10-25T03:30', 'Europe/Paris')?.kind).toBe('unique');
  });

  it('follows New York across its DST changes', () => {
    expect(toIsoDateTime('2026-01-15T09:00', 'America/New_York')).toBe('2026-01-15T09:00:00-05:00');
    expect(toIsoDateTime('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T09:00:00-04:00');
    expect(toIsoDateTime('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    expect(toIsoDateTime('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('handles zones with half-hour offsets', () => {
    expect(toIsoDateTime('2026-06-01T12:00', 'Asia/Kolkata')).toBe('2026-06-01T12:00:00+05:30');
  });

  it('refuses dates that do not exist (datetime_unreal) and unknown zones (time_zone_unknown)', () => {
    for (const bad of ['2026-02-30T10:00', '2026-13-01T10:00', '2026-04-31T00:00', '2026-01-01T24:00', '2026-01-01', '']) {
      expect(() => toIsoDateTime(bad, 'UTC')).toThrow(AppError);
      expect(() => toIsoDateTime(bad, 'UTC')).toThrow(expect.objectContaining({ code: 'datetime_unreal' }));
    }
    expect(() => toIsoDateTime('2026-01-01T10:00', 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'time_zone_unknown', detail: 'Mars/Olympus' }));
  });

  it('accepts 29 February only in leap years', () => {
    expect(toIsoDateTime('2028-02-29T00:00', 'UTC')).toBe('2028-02-29T00:00:00Z');
    expect(() => toIsoDateTime('2027-02-29T00:00', 'UTC')).toThrow(AppError);
  });
});

describe('fromIsoDateTime', () => {
  it('shows an instant as the wall clock of the chosen zone', () => {
    expect(fromIsoDateTime('2026-07-01T07:30:00Z', 'Europe/Paris')).toBe('2026-07-01T09:30');
    expect(fromIsoDateTime('2026-07-01T07:30:00Z', 'America/New_York')).toBe('2026-07-01T03:30');
    expect(fromIsoDateTime('2026-07-01T09:30:15+02:00', 'UTC')).toBe('2026-07-01T07:30:15');
  });

  it('writes the value as browsers normalize datetime-local: seconds only when needed', () => {
    expect(fromIsoDateTime('2016-09-30T12:10:45.000145Z', 'UTC')).toBe('2016-09-30T12:10:45');
    expect(fromIsoDateTime('2016-09-30T12:10:45.5Z', 'UTC')).toBe('2016-09-30T12:10:45.5');
    expect(fromIsoDateTime('2016-09-30T12:10:00Z', 'UTC')).toBe('2016-09-30T12:10');
  });

  it('normalizes typed values the same way', () => {
    expect(normalizeLocalDateTime('2026-07-01T09:30:00')).toBe('2026-07-01T09:30');
    expect(normalizeLocalDateTime('2026-07-01T09:30:00.250')).toBe('2026-07-01T09:30:00.25');
    expect(normalizeLocalDateTime('2026-02-30T09:30')).toBeNull();
  });

  it('round-trips with toIsoDateTime in Paris, New York and UTC', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'UTC']) {
      for (const local of ['2026-01-10T08:15', '2026-03-29T04:00', '2026-07-04T23:59:59', '2026-10-25T01:00:30.5']) {
        expect(fromIsoDateTime(toIsoDateTime(local, zone), zone)).toBe(local);
      }
    }
  });

  it('answers null for text that is not an ISO date-time', () => {
    expect(fromIsoDateTime('2026-02-30T00:00:00Z', 'UTC')).toBeNull();
    expect(fromIsoDateTime('yesterday', 'UTC')).toBeNull();
    expect(fromIsoDateTime('2026-01-01T00:00:00Z', 'Nowhere/City')).toBeNull();
  });
});

describe('isIsoDateTime', () => {
  it('accepts date-times with Z or an offset', () => {
    for (const ok of ['2026-03-31T14:30:00Z', '2026-03-31T14:30:00+02:00', '2026-03-31T14:30:00-05:00', '2016-09-30T12:10:45.000145Z', '2024-02-29T00:00:00Z']) {
      expect(isIsoDateTime(ok), ok).toBe(true);
    }
  });

  it('refuses missing zones, unreal dates and loose formats', () => {
    for (const bad of [
      '2026-03-31T14:30:00',
      '2026-02-30T10:00:00Z',
      '2025-02-29T10:00:00Z',
      '2026-03-31 14:30:00Z',
      '2026-03-31T25:00:00Z',
      '2026-03-31T14:60:00Z',
      '2026-03-31T14:30Z',
      '2026-03-31T14:30:00+24:00',
      '2026-03-31T14:30:00+0200',
      '31/03/2026',
      '',
    ]) {
      expect(isIsoDateTime(bad), bad).toBe(false);
    }
  });

  it('parses to the right instant', () => {
    expect(parseIsoDateTime('1970-01-01T01:00:00+01:00')).toBe(0);
    expect(parseIsoDateTime('1970-01-01T00:00:01.5Z')).toBe(1500);
  });
});

describe('time zone helpers', () => {
  it('knows real zones and lists UTC first', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Not/AZone')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    const zones = listTimeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('America/New_York');
  });
});
