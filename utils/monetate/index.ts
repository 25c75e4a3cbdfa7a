export { MonetateError, retryAfterOf } from './api-error';
export type { MonetateErrorExtra } from './api-error';
export { createMonetateClient } from './client';
export type { CallOptions, MonetateClient, MonetateClientOptions, PostRowsResult, RecordLookup, TokenRefreshResult } from './client';
export { envelopeSchema, metaSchema, parseEnvelope, readEnvelope } from './envelope';
export type { Envelope, EnvelopeMeta, ReadEnvelopeOptions } from './envelope';
export { errorFromResponse, errorFromThrown, serverMessage } from './errors';
export type { ErrorContext, ThrownContext } from './errors';
export { parseHttpDate, parseRetryAfter } from './retry-after';
export { kindOf, readRecordRows } from './record-answer';
export type { RecordRow } from './record-answer';
export {
  dataTypeSchema,
  fieldSchema,
  isKnownDataType,
  KNOWN_DATA_TYPES,
  recordAnswerSchema,
  schemaListSchema,
  schemaPatchAnswerSchema,
  schemaSchema,
  tokenAnswerSchema,
  uploadItemSchema,
  uploadListSchema,
} from './schemas';
export type { KnownDataType, MonetateDataType, MonetateField, MonetateSchema, MonetateSchemaList, RecordAnswer, SchemaPatchAnswer, TokenAnswer, UploadItem } from './schemas';
export { authRefreshUrl, dataApiRoot, normalizeBaseUrl, recordUrl, rowsUrl, schemaListUrl, schemaUrl, uploadsUrl } from './urls';
export type { MonetateTarget } from './urls';
