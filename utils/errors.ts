import { MAX_FIELDS } from '@/utils/schema/data-types';

/** Input our own checks refuse before anything is sent: a write refused so changed nothing. */
export const INPUT_REFUSALS = [
  'profile_field_invalid',
  'record_id_invalid',
  'attribute_invalid',
  'identifier_name_invalid',
  'save_in_progress',
  'token_ttl_invalid',
  'field_value_invalid',
  'no_changes',
  // Records and bulk import: the write as asked cannot be made, so nothing was sent.
  'dataset_has_no_unique_key',
  'dataset_has_unique_key',
  'dataset_has_no_identifier',
  'identifier_locked',
  'identifier_missing',
  'no_rows',
  'datetime_unreal',
  'time_zone_unknown',
  'lookup_incomplete',
  'import_not_current',
  'import_merge_too_large',
  'import_unfinished',
  'import_not_running',
  'import_batch_unconfirmed',
  'import_all_sent',
  'import_batch_mismatch',
  // URLs: a name or address that cannot be put into a request.
  'base_url_not_url',
  'base_url_scheme',
  'base_url_extra_parts',
  'path_part_empty',
  'path_part_reserved',
  'path_part_unencodable',
  'header_value_unsendable',
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
  'key_not_given',
  'key_size_unsupported',
  'public_key_unrecognized',
  'public_key_damaged',
  'pem_block_damaged',
  'base64_invalid',
  'passphrase_missing',
  'passphrase_mismatch',
  'vault_key_missing',
  'vault_iterations_invalid',
  // Backups
  'backup_not_chosen',
  'backup_empty',
  'backup_too_large',
  'backup_unrecognized',
  'backup_version_unsupported',
  'backup_profile_damaged',
  'backup_key_damaged',
  // Signing the JWT
  'signing_alg_unsupported',
  'key_cannot_sign',
  'username_missing',
  'clock_invalid',
  'jwt_malformed',
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

/**
 * Named facts a sentence needs beyond one detail (jose style: data, not prose), such as
 * `{ file, dataset }` for an unfinished import. Plain data, so they travel in a message.
 */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** The plain-data form of an error, safe to send in a message. */
export interface ErrorInfo {
  code: ErrorCode;
  /** Extra detail for the sentence: dataset, record ID, server text, seconds to wait… */
  detail?: string;
  fields?: FieldProblem[];
  status?: number;
  params?: ErrorParams;
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
  readonly params?: ErrorParams;

  constructor(code: ErrorCode, detail?: string, extra: { fields?: FieldProblem[]; status?: number; params?: ErrorParams } = {}) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.fields = extra.fields;
    this.status = extra.status;
    this.params = extra.params;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code };
    if (this.detail !== undefined) info.detail = this.detail;
    if (this.fields) info.fields = this.fields;
    if (this.status !== undefined) info.status = this.status;
    if (this.params) info.params = this.params;
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

const SENTENCES: Record<ErrorCode, (detail?: string, params?: ErrorParams) => string> = {
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
  weak_passphrase: (d, p) => `This passphrase is too easy to guess${p?.strength ? ` (${p.strength})` : ''}. ${d ?? 'Choose a longer one of several unrelated words.'}`,
  vault_missing: () => 'This profile has no key yet. Generate a key pair or import a private key in the options page.',
  vault_corrupt: () =>
    'The stored key could not be read. Restore it from an encrypted backup, or import the private key again.',
  locked: () => 'The key is locked. Enter your passphrase and choose Unlock.',
  unlock_throttled: (d) =>
    `Too many wrong passphrases in a row. Wait ${d ?? 'a little'} before you try again; the wait doubles with each further wrong passphrase.`,
  key_not_given: () => 'Choose a private key file or paste the key, then choose Import private key.',
  key_size_unsupported: (d, p) => `A key of ${d ?? 'that size'} bits cannot be made here. Choose ${p?.allowed ?? '2048, 3072 or 4096'} bits.`,
  public_key_unrecognized: () => 'This is not one public key. Paste exactly one BEGIN PUBLIC KEY block, from BEGIN to END.',
  public_key_damaged: (d) => `The public key could not be read${d ? ` (${d})` : ''}. Copy it again whole, or copy it from the options page.`,
  pem_block_damaged: (d) =>
    `The ${d ?? 'PEM'} block is damaged: its body is not valid base64. Copy the whole block again, from BEGIN to END, without changing it.`,
  base64_invalid: () => 'The text is not valid base64. Copy it again whole, without changing it.',
  passphrase_missing: () => 'Enter the passphrase you chose when you set up the key.',
  passphrase_mismatch: () => 'The two new passphrases differ. Type the same passphrase twice.',
  vault_key_missing: () => 'There is no key to encrypt. Generate a key pair or import a private key first.',
  vault_iterations_invalid: (_d, p) =>
    `The key cannot be encrypted with that many PBKDF2 iterations. Use a whole number from ${p?.min ?? 'the minimum'} to ${p?.max ?? 'the maximum'}.`,
  backup_not_chosen: () => 'Choose a backup file first.',
  backup_empty: () => 'The backup file is empty. Choose the file the extension saved when you chose "Export encrypted backup".',
  backup_too_large: () =>
    'That file is too large to be a key backup from this extension. Choose the file the extension saved when you chose "Export encrypted backup".',
  backup_unrecognized: (d) =>
    `This file is not a Monetate Data Inspector key backup${d ? `: ${d}` : ''}. Choose the file the extension saved when you chose "Export encrypted backup".`,
  backup_version_unsupported: (d) =>
    `This backup has format version ${d ?? 'unknown'}, which this version of the extension cannot read. Update the extension and try again.`,
  backup_profile_damaged: (d) => `The backup's profile is incomplete or damaged${d ? ` (${d})` : ''}. Use another copy of the backup.`,
  backup_key_damaged: (d) => `The backup's encrypted key is damaged${d ? ` (${d})` : ''}. Use another copy of the backup.`,
  signing_alg_unsupported: (d, p) =>
    `The signing algorithm ${d ? `"${d}" ` : ''}is not one Monetate accepts. Choose one of ${p?.allowed ?? 'RS256, RS384, RS512'} in the profile.`,
  key_cannot_sign: (d, p) =>
    `The stored key cannot sign ${p?.alg ?? 'with this algorithm'}${d ? ` (${d})` : ''}. Lock the key and unlock it again; if that does not help, import the key again.`,
  username_missing: () => 'The API username is empty. Enter it in the profile (Settings → Sites → API Keys in Monetate shows it).',
  clock_invalid: () => "The computer's clock could not be read. Try again; if it persists, restart the browser.",
  jwt_malformed: () => 'This is not a JWT (expected three base64url parts separated by dots). Copy the whole token again.',
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
  dataset_has_no_unique_key: (d) =>
    `${d ?? 'This dataset'} has no unique key, so a save adds a row rather than replacing one. Use “Add a row”.`,
  dataset_has_unique_key: (d) =>
    `${d ?? 'This dataset'} has a unique key: a row built from another one would replace it. Use “Edit”, or “New record” with a new key.`,
  dataset_has_no_identifier: (d) =>
    `${d ?? 'This dataset'} has no identifier field, so its records cannot be merged. Import without “Merge with current values”, or set its Identifier Name first.`,
  identifier_locked: (d) => `${d ?? 'This field'} identifies this record and cannot be changed here. Create a new record instead.`,
  identifier_missing: (d) => `Fill in ${d ?? 'the identifier'}; every record needs it.`,
  no_rows: () => 'There is no row to save. Fill in the record first.',
  datetime_unreal: (d) => `${d ? `"${d}"` : 'This'} is not a real date and time. Correct the date or the time.`,
  time_zone_unknown: (d) => `Unknown time zone${d ? ` "${d}"` : ''}. Choose a zone from the list, such as Europe/Paris or UTC.`,
  lookup_incomplete: (d) => `The look-up has no ${d ?? 'dataset or ID'}. Choose a dataset and enter a record ID.`,
  import_not_current: () => 'This import is no longer the current one. Reload the import page.',
  import_merge_too_large: (_d, p) =>
    `“Merge with current values” reads each record first, one per second, so it is offered for ${p?.max ?? 'a few'} rows or fewer. Split the file, or import without merging.`,
  import_unfinished: (_d, p) =>
    `An import of “${p?.file ?? 'another file'}” into ${p?.dataset ?? 'this profile'} is not finished. Resume it or cancel it first.`,
  import_not_running: (d) => `The import is ${d ?? 'not running'}. Choose Start or Resume first.`,
  import_batch_unconfirmed: (_d, p) =>
    `Batch ${p?.batch ?? ''} has not been confirmed by Monetate. Check it by look-up, then choose to send it again or to count it as stored.`,
  import_all_sent: () => 'Every row has been sent. Start a new import for another file.',
  import_batch_mismatch: (_d, p) =>
    `Batch ${p?.batch ?? ''} must be rows ${p?.first ?? '?'}–${p?.last ?? '?'} (${p?.rows ?? '?'} rows to send). Reload the import page and resume.`,
  base_url_not_url: (d) => `API base URL${d ? ` "${d}"` : ''} is not a URL. Enter it as https://api.monetate.net.`,
  base_url_scheme: (d) => `API base URL must use https:// or http://${d ? ` (got ${d})` : ''}. Enter it as https://api.monetate.net.`,
  base_url_extra_parts: () =>
    'API base URL must be only a scheme, host and optional path, with no user name, query or fragment. Enter it as https://api.monetate.net.',
  path_part_empty: (d) => `${d ?? 'A name'} is empty. Fill it in.`,
  path_part_reserved: (d, p) => `${d ?? 'A name'}${p?.value !== undefined ? ` "${p.value}"` : ''} is not allowed. Use the name Monetate shows.`,
  path_part_unencodable: (d) => `${d ?? 'A name'} contains an invalid character. Type it again, or paste it from Monetate.`,
  header_value_unsendable: (d) =>
    `The ${d ?? 'credential'} contains characters that cannot be sent. Check the profile's API username and key, then try again.`,
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
  return tidySentence(SENTENCES[error.code](error.detail, error.params));
}

/**
 * Details are often whole sentences of their own (Monetate's "Enter a valid email address."),
 * and the sentences put them inside a clause or parentheses. This drops the period that then
 * doubles: "address.. Correct" → "address. Correct", `"x".).` → `"x").` (an ellipsis stays).
 * @example tidySentence('Monetate refused the data: bad value.. Correct it.') // 'Monetate refused the data: bad value. Correct it.'
 */
export function tidySentence(sentence: string): string {
  return sentence
    .replace(/\.(["”’']?)\)/g, '$1)')
    .replace(/([!?])\./g, '$1')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.');
}
