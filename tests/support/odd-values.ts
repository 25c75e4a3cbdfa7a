import type { FieldSpec, RecordValues } from '@/utils/schema';

/**
 * Fields whose stored values a typed form cannot show exactly, as Monetate has been seen to
 * send them: DATETIMEs in three forms strict ISO-8601 does not read and one finer than the
 * date input keeps, BOOLEAN "TRUE", a NUMBER beyond 2^53, text with a trailing space.
 */
export const ODD_FIELDS: Record<string, FieldSpec> = {
  seen_local: { data_type: 'DATETIME' },
  seen_space: { data_type: 'DATETIME' },
  seen_compact: { data_type: 'DATETIME' },
  seen_micro: { data_type: 'DATETIME' },
  vip: { data_type: 'BOOLEAN' },
  big: { data_type: 'NUMBER' },
  padded: { data_type: 'STRING' },
};

/** The values of `ODD_FIELDS`, as parsed exactly (the big NUMBER as an `ExactNumber`). */
export const ODD_VALUES: RecordValues = {
  seen_local: '2025-01-01T10:00:00',
  seen_space: '2025-01-01 10:00:00+00:00',
  seen_compact: '2025-01-01T10:00:00+0000',
  seen_micro: '2025-01-01T10:00:00.123456Z',
  vip: 'TRUE',
  big: { $exactNumber: '12345678901234567890' },
  padded: 'trailing space ',
};
