import { MAX_FIELDS } from '@/utils/schema/data-types';

/** Input our own checks refuse before anything is sent: a write refused so changed nothing. */
export const INPUT_REFUSALS = [
  'invalid_input',
  'profile_field_invalid',
  'record_id_invalid',
  'attribute_invalid',
  'identifier_name_invalid',
  'save_in_progress',
  'token_ttl_invalid',
  'field_value_invalid',
  'no_changes',
  'schema_field_limit',
] as const;

/**
 * Every failure the extension can report, as a literal code. The UI turns a code into a
 * sentence that says what happened and what to do next (see `describeError`).
 */
export const ERROR_CODES = [
  // Keys and vault
  'key_unrecognized',
  'key_encrypted',
  'key_openssh_encrypted',
  'key_not_rsa',
  'key_is_public',
  'key_too_small',
  'wrong_passphrase',
  'weak_passphrase',
  'vault_missing',
  'vault_corrupt',
  'locked',
  'unlock_throttled',
  // Profiles and input
  'profile_missing',
  'read_only_profile',
  'record_not_read',
  'read_superseded',
  'read_older_than_schema',
  'record_exists',
  'profile_invalid',
  'profile_changed',
  'host_not_permitted',
  ...INPUT_REFUSALS,
  // Monetate answers
  'not_found',
  'unauthorized',
  'clock_skew',
  'revoked',
  'rate_limited',
  'validation',
  'server',
  'network',
  'timeout',
  'bad_response',
  'outcome_unknown',
  'read_only_user',
  'write_rate_limited',
  // Queue and protocol
  'queue_full',
  'cancelled',
  'forbidden_sender',
  'bad_message',
  'background_unavailable',
  // Browser
  'clipboard_denied',
  'host_access_withheld',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem on one field, as Monetate or our own validation names it. */
export interface FieldProblem {
  field?: string;
  row?: number;
  message: string;
}

/** The plain-data form of an error, safe to send in a message. */
export interface ErrorInfo {
  code: ErrorCode;
  /** Extra detail for the sentence: dataset, record ID, server text, seconds to wait… */
  detail?: string;
  fields?: FieldProblem[];
  status?: number;
}

/**
 * An error with a typed code.
 * @example throw new AppError('key_too_small', '1024-bit key');
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly fields?: FieldProblem[];
  readonly status?: number;

  constructor(code: ErrorCode, detail?: string, extra: { fields?: FieldProblem[]; status?: number } = {}) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.fields = extra.fields;
    this.status = extra.status;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code };
    if (this.detail !== undefined) info.detail = this.detail;
    if (this.fields) info.fields = this.fields;
    if (this.status !== undefined) info.status = this.status;
    return info;
  }
}

/** Turns anything thrown into plain error data; unknown throwables become `server`-free `bad_response`. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo();
  if (isErrorInfo(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'bad_response', detail: message };
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code)
  );
}

const SENTENCES: Record<ErrorCode, (detail?: string) => string> = {
  key_unrecognized: () =>
    'This is not a private key we can read. Paste a PEM private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN OPENSSH PRIVATE KEY) or choose the key file.',
  key_encrypted: () =>
    'This private key is protected by a passphrase. Remove it first: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-plain.pem, then import key-plain.pem.',
  key_openssh_encrypted: () =>
    'This OpenSSH key is protected by a passphrase. Make an unprotected copy first: cp id_rsa id_rsa_plain && ssh-keygen -p -N "" -f id_rsa_plain, then import id_rsa_plain.',
  key_not_rsa: (d) =>
    `Monetate accepts RSA keys only${d ? ` (this is ${d})` : ''}. Make one with: openssl genrsa -out monetate.pem 2048, or use "Generate key pair".`,
  key_is_public: () =>
    'This is a public key. Import the private key that belongs with it; the public key is what you give Monetate.',
  key_too_small: (d) =>
    `This RSA key is too short${d ? ` (${d})` : ''}. Use a key of at least 2048 bits: openssl genrsa -out monetate.pem 2048, or use "Generate key pair".`,
  wrong_passphrase: () => 'That passphrase does not open this key. Check it and try again; nothing was changed.',
  weak_passphrase: (d) => `This passphrase is too easy to guess${d ? `: ${d}` : '. Choose a longer one of several unrelated words.'}`,
  vault_missing: () => 'This profile has no key yet. Generate a key pair or import a private key in the options page.',
  vault_corrupt: () =>
    'The stored key could not be read. Restore it from an encrypted backup, or import the private key again.',
  locked: () => 'The key is locked. Enter your passphrase and choose Unlock.',
  unlock_throttled: (d) =>
    `Too many wrong passphrases in a row. Wait ${d ?? 'a little'} before you try again; the wait doubles with each further wrong passphrase.`,
  invalid_input: (d) => (d ? `${d}` : 'Some input is not valid. Correct the marked fields.'),
  profile_missing: () => 'No profile is set up yet. Open the options page and create one.',
  read_only_profile: () => 'This profile is read-only. Switch to a profile that may write, or change it in the options page.',
  record_not_read: (d) =>
    `This record has not been read from Monetate in this session${d ? ` (${d})` : ''}, so its other fields cannot be kept. Look it up again, then make your change.`,
  read_superseded: (d) =>
    `This record was read again, or saved, after you opened the form${d ? ` (${d})` : ''}. Look it up again, then make your change on what Monetate holds now.`,
  read_older_than_schema: (d) =>
    `The dataset gained fields after this record was read${d ? ` (${d})` : ''}; saving now could empty them. Look it up again, then make your change.`,
  record_exists: (d) =>
    `A record with this key already exists${d ? ` (${d})` : ''}; creating it would replace it and empty its other fields. Look it up and edit it instead.`,
  profile_invalid: (d) =>
    `The stored profile${d ? ` "${d}"` : ''} is not valid for this extension (for example its API base URL is not allowed), so it is not used. Open the options page, correct it and save it, or delete it.`,
  profile_changed: (d) =>
    `The profile${d ? ` "${d}"` : ''} was changed outside the extension's options page, so it is not used. Open the options page, check every setting (above all the API base URL and Read-only) and save it again.`,
  host_not_permitted: (d) =>
    `The extension has not been allowed to send your Monetate credentials to ${d ?? 'this host'}. Open the options page and save the profile again to allow it, or use https://api.monetate.net.`,
  // The detail of these names the field and the rule, in words written for the person.
  profile_field_invalid: (d) => d ?? 'A profile setting is not valid. Correct the marked field and save again.',
  record_id_invalid: (d) => `${d ?? 'This record ID cannot be used'}. Enter the record ID as Monetate stores it.`,
  attribute_invalid: (d) => d ?? 'An attribute is not valid. Correct the marked attribute and add it again.',
  identifier_name_invalid: (d) => d ?? 'Identifier Name may contain only letters, digits and underscores.',
  save_in_progress: () => 'A save of this record is already under way. Wait for it to finish.',
  token_ttl_invalid: (d) => d ?? 'Choose a token lifetime within the allowed range.',
  field_value_invalid: (d) => d ?? 'Some values do not fit their fields. Correct the marked fields and save again.',
  no_changes: () => 'There are no changes to save.',
  schema_field_limit: (d) =>
    `${d ? `Dataset ${d}` : 'This dataset'} already has ${MAX_FIELDS} fields, the most Monetate allows, and Monetate cannot remove a field. Nothing was added; put new attributes in another dataset.`,
  not_found: (d) => `Not found${d ? `: ${d}` : ''}. Check the dataset and the record ID.`,
  unauthorized: (d) =>
    `Monetate did not accept this API username and key${d ? ` (${d})` : ''}. Check the username, and that the public key shown in the options page is registered and active in Monetate.`,
  clock_skew: (d) =>
    `Your computer's clock is off${d ? ` by ${d}` : ''} from Monetate's; fix it (set the date and time to update automatically), then try again.`,
  revoked: () =>
    'Monetate says this key was deactivated. Register a new public key in Monetate (Settings → Sites → API Keys) or ask your administrator.',
  rate_limited: (d) => `Monetate asked us to slow down${d ? ` (${d})` : ''}. The request will be retried; wait a moment.`,
  validation: (d) => `Monetate refused the data${d ? `: ${d}` : ''}. Correct the marked fields and save again.`,
  server: (d) => `Monetate had a problem${d ? ` (${d})` : ''}. Try again in a minute.`,
  network: (d) =>
    `Monetate could not be reached${d ? ` (${d})` : ''}. Check your connection and the profile's API base URL.`,
  timeout: () => 'Monetate took too long to answer. Try again.',
  bad_response: (d) => `Monetate sent an answer we cannot read${d ? ` (${d})` : ''}. Try again; if it persists, check the API base URL.`,
  outcome_unknown: (d) =>
    `The save was sent, but we do not know whether Monetate stored it${d ? ` (${d})` : ''}. It was not retried. Use "Check by look-up" to see what Monetate has.`,
  read_only_user: () =>
    'This API user is read-only in Monetate: it can look records up but not change them. Nothing was saved. Use an API user that may write, or mark this profile read-only in the options page.',
  write_rate_limited: (d) =>
    `Monetate asked us to slow down${d ? ` (${d})` : ''}, so it did not take the save. It was not retried: wait a moment, then save again.`,
  queue_full: () => 'Too many look-ups are waiting. Try again in a few seconds.',
  cancelled: () => 'The look-up was cancelled.',
  forbidden_sender: () => 'This page may not ask for that.',
  bad_message: (d) => `The request was malformed${d ? ` (${d})` : ''}.`,
  background_unavailable: (d) =>
    `The extension's background did not answer${d ? ` (${d})` : ''}. Try again; if it keeps happening, reload the extension.`,
  clipboard_denied: () =>
    'The browser did not allow access to the clipboard. Click into the page and try again, or select the text and copy it by hand.',
  host_access_withheld: (d) =>
    `The browser has not given the extension access to ${d ?? 'this API host'}, so nothing was sent. Open the options page and choose Grant access, or allow the site in the browser's settings for this extension.`,
};

/**
 * The sentence a person reads for an error.
 * @example describeError({ code: 'locked' }) // 'The key is locked. Enter your passphrase…'
 */
export function describeError(error: ErrorInfo | AppError): string {
  return SENTENCES[error.code](error.detail);
}
