export { MonetateError, retryAfterOf } from '@/utils/monetate/api-error';
export type { MonetateErrorExtra } from '@/utils/monetate/api-error';
export { createMonetateClient } from '@/utils/monetate/client';
export type { CallOptions, MonetateClient, MonetateClientOptions, PostRowsResult, RecordLookup, TokenRefreshResult } from '@/utils/monetate/client';
export { envelopeSchema, metaSchema, parseEnvelope, readEnvelope } from '@/utils/monetate/envelope';
export type { Envelope, EnvelopeMeta, ReadEnvelopeOptions } from '@/utils/monetate/envelope';
export { errorFromResponse, errorFromThrown, serverMessage } from '@/utils/monetate/errors';
export type { ErrorContext, ThrownContext } from '@/utils/monetate/errors';
export { parseHttpDate, parseRetryAfter } from '@/utils/monetate/retry-after';
export { kindOf, readRecordRows } from '@/utils/monetate/record-answer';
export type { RecordRow } from '@/utils/monetate/record-answer';
export {
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
} from '@/utils/monetate/schemas';
export type { DatasetSchema, FieldSpec, KnownDataType, RecordAnswer, SchemaPatchAnswer, TokenAnswer, UploadItem } from '@/utils/monetate/schemas';
export { authRefreshUrl, dataApiRoot, normalizeBaseUrl, recordUrl, rowsUrl, schemaListUrl, schemaUrl, uploadsUrl } from '@/utils/monetate/urls';
export type { MonetateTarget } from '@/utils/monetate/urls';
